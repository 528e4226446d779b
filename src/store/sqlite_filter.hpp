#pragma once
#include <string>
#include <vector>

#include "store/sqlite_connection.hpp"
#include "store/store.hpp"

namespace hw::store {

// Turns list filters into a SQL condition over the `body` JSON column. Every
// field path and literal reaches SQLite as a bound parameter, in order.
class SqlFilter {
 public:
  explicit SqlFilter(const std::vector<Filter>& filters);

  const std::string& sql() const { return sql_; }  // "" or " AND (…) AND (…)"
  void bind(SqliteConnection::Statement& stmt) const;

 private:
  struct Parameter {
    bool literal;  // literals are typed like json_extract's results; paths stay text
    std::string text;
  };
  void add(const Filter& filter);
  std::string leaf_expression(const std::string& field, std::string& from_clause);
  std::string compare(const std::string& expr, const Filter& filter);

  std::string sql_;
  std::vector<Parameter> params_;
};

// "a.b" -> "$.a.b". Throws std::invalid_argument unless every segment is
// [A-Za-z0-9_]+ (optionally followed by "[]" where arrays are allowed).
std::string json_path(std::string_view field);

}  // namespace hw::store
