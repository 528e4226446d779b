#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hw::store {

// One SQLite connection with a cache of prepared statements. Not thread-safe:
// a connection is used by one thread at a time (see SqlitePool).
class SqliteConnection {
 public:
  explicit SqliteConnection(const std::filesystem::path& file);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  void exec(const char* sql);
  sqlite3* handle() { return db_; }

  // A prepared statement, reset and with bindings cleared, ready to bind.
  class Statement;
  Statement prepare(const std::string& sql);

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteConnection::Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(std::string_view text);
  Statement& bind(std::int64_t number);
  Statement& bind_double(double number);
  // Steps once; true when a row is available.
  bool step();
  std::string_view text(int column) const;
  std::int64_t integer(int column) const;
  bool is_null(int column) const;
  int changes() const;

 private:
  sqlite3_stmt* stmt_;
  int next_index_ = 1;
};

[[noreturn]] void throw_sqlite(sqlite3* db, std::string_view what);

}  // namespace hw::store
