#include "store/sqlite_filter.hpp"

#include <cctype>
#include <charconv>
#include <stdexcept>

namespace hw::store {
namespace {

const char* sql_operator(Filter::Op op) {
  switch (op) {
    case Filter::Op::gt:
      return ">";
    case Filter::Op::lt:
      return "<";
    case Filter::Op::ge:
      return ">=";
    default:
      return "<=";
  }
}

void check_segments(std::string_view field, bool allow_arrays) {
  std::size_t start = 0;
  while (start <= field.size()) {
    std::size_t dot = field.find('.', start);
    if (dot == std::string_view::npos) dot = field.size();
    std::string_view segment = field.substr(start, dot - start);
    if (allow_arrays && segment.ends_with("[]")) segment.remove_suffix(2);
    bool ok = !segment.empty();
    for (char c : segment) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) throw std::invalid_argument("invalid field name '" + std::string(field) + "'");
    start = dot + 1;
  }
}

// Binds a literal with the type json_extract returns for it, so 5 matches 5 and
// true matches true.
void bind_literal(SqliteConnection::Statement& stmt, std::string_view value) {
  if (value == "true" || value == "false") {
    stmt.bind(std::int64_t{value == "true"});
    return;
  }
  const char* end = value.data() + value.size();
  std::int64_t integer = 0;
  auto [iend, iec] = std::from_chars(value.data(), end, integer);
  if (iec == std::errc() && iend == end) {
    stmt.bind(integer);
    return;
  }
  double number = 0;
  auto [dend, dec] = std::from_chars(value.data(), end, number);
  if (dec == std::errc() && dend == end) {
    stmt.bind_double(number);
    return;
  }
  stmt.bind(value);
}

}  // namespace

std::string json_path(std::string_view field) {
  check_segments(field, false);
  return "$." + std::string(field);
}

SqlFilter::SqlFilter(const std::vector<Filter>& filters) {
  for (const auto& filter : filters) add(filter);
}

// For `a[].b[].c` this yields json_each(body,'$.a') j0, json_each(j0.value,'$.b') j1
// and the leaf json_extract(j1.value,'$.c'); without "[]" just json_extract(body, path).
std::string SqlFilter::leaf_expression(const std::string& field, std::string& from_clause) {
  check_segments(field, true);
  std::string source = "body";
  std::size_t start = 0, level = 0;
  for (std::size_t at = field.find("[]"); at != std::string::npos; at = field.find("[]", start)) {
    const std::string alias = "j" + std::to_string(level++);
    from_clause +=
        (from_clause.empty() ? "" : ", ") + std::string("json_each(") + source + ", ?) " + alias;
    params_.push_back(
        {false, "$" + std::string(start == 0 ? "." : "") + field.substr(start, at - start)});
    source = alias + ".value";
    start = at + 2;
  }
  if (start >= field.size()) return source;
  params_.push_back({false, "$" + std::string(start == 0 ? "." : "") + field.substr(start)});
  return "json_extract(" + source + ", ?)";
}

// The leaf expression appears once: its own parameters are bound once.
std::string SqlFilter::compare(const std::string& expr, const Filter& filter) {
  const bool ordering = filter.op != Filter::Op::eq && filter.op != Filter::Op::ne;
  if (ordering) {
    if (filter.values.size() != 1)
      throw std::invalid_argument("an ordering filter takes one value");
    params_.push_back({true, filter.values.front()});
    return "(" + expr + " " + sql_operator(filter.op) + " ?)";
  }
  std::string list;
  for (const auto& value : filter.values) {
    list += list.empty() ? "?" : ", ?";
    params_.push_back({true, value});
  }
  // A missing field yields NULL; coalesce makes that "no match", so != matches it.
  return "coalesce(" + expr + " IN (" + list + "), 0)";
}

void SqlFilter::add(const Filter& filter) {
  if (filter.values.empty()) throw std::invalid_argument("a filter needs a value");
  std::string from;
  const std::string expr = leaf_expression(filter.field, from);
  std::string condition = compare(expr, filter);
  if (!from.empty()) condition = "EXISTS (SELECT 1 FROM " + from + " WHERE " + condition + ")";
  if (filter.op == Filter::Op::ne) condition = "NOT " + condition;
  sql_ += " AND " + condition;
}

void SqlFilter::bind(SqliteConnection::Statement& stmt) const {
  for (const auto& p : params_) {
    if (p.literal) {
      bind_literal(stmt, p.text);
    } else {
      stmt.bind(p.text);
    }
  }
}

}  // namespace hw::store
