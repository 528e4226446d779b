#include "store/sqlite_connection.hpp"

#include <stdexcept>

namespace hw::store {

void throw_sqlite(sqlite3* db, std::string_view what) {
  throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

SqliteConnection::SqliteConnection(const std::filesystem::path& file) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(file.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + file.string() + ": " + message);
  }
  sqlite3_busy_timeout(db_, 10000);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteConnection::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw std::runtime_error("sqlite: " + text);
  }
}

SqliteConnection::Statement SqliteConnection::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      throw_sqlite(db_, "prepare");
    }
    it = cache_.emplace(sql, stmt).first;
  }
  return Statement(it->second);
}

SqliteConnection::Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

SqliteConnection::Statement& SqliteConnection::Statement::bind(std::string_view text) {
  sqlite3_bind_text(stmt_, next_index_++, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

SqliteConnection::Statement& SqliteConnection::Statement::bind(std::int64_t number) {
  sqlite3_bind_int64(stmt_, next_index_++, number);
  return *this;
}

SqliteConnection::Statement& SqliteConnection::Statement::bind_double(double number) {
  sqlite3_bind_double(stmt_, next_index_++, number);
  return *this;
}

bool SqliteConnection::Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite(sqlite3_db_handle(stmt_), "step");
}

std::string_view SqliteConnection::Statement::text(int column) const {
  auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return data ? std::string_view(data, sqlite3_column_bytes(stmt_, column)) : std::string_view();
}

std::int64_t SqliteConnection::Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

bool SqliteConnection::Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int SqliteConnection::Statement::changes() const {
  return sqlite3_changes(sqlite3_db_handle(stmt_));
}

}  // namespace hw::store
