#include "api/list_query.hpp"

#include <boost/url/url.hpp>

#include <array>
#include <cctype>
#include <charconv>
#include <optional>

#include "api/query_params.hpp"
#include "json/serialize.hpp"

namespace hw::api {
namespace {

struct OperatorText {
  std::string_view text;
  store::Filter::Op op;
};

// Longest operators first, so ">=" is not read as ">" and "==" not as "=". A
// single "=" appears in Adobe's own examples (`attributes.x="abc"`) and means ==.
constexpr std::array<OperatorText, 7> kOperators = {{{"==", store::Filter::Op::eq},
                                                     {"!=", store::Filter::Op::ne},
                                                     {">=", store::Filter::Op::ge},
                                                     {"<=", store::Filter::Op::le},
                                                     {">", store::Filter::Op::gt},
                                                     {"<", store::Filter::Op::lt},
                                                     {"=", store::Filter::Op::eq}}};

// `"abc"` -> `abc`: Adobe's examples quote string values.
std::string unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  return std::string(value);
}

std::optional<store::Filter> parse_condition(std::string_view condition) {
  for (const auto& candidate : kOperators) {
    const auto at = condition.find(candidate.text);
    if (at == std::string_view::npos) continue;
    store::Filter filter{std::string(condition.substr(0, at)),
                         candidate.op,
                         {unquote(condition.substr(at + candidate.text.size()))}};
    if (!valid_field(filter.field, true)) {
      throw bad_query_parameter("property", "'" + filter.field + "' is not a field path");
    }
    return filter;
  }
  return std::nullopt;
}

bool is_ordering(store::Filter::Op op) {
  return op != store::Filter::Op::eq && op != store::Filter::Op::ne;
}

// "name==a,version==1" is two conditions (AND); "id==a,b" is one condition with
// two values (any of them), as in Adobe's `property=id==736873,9485095`.
void parse_property(std::string_view property, std::vector<store::Filter>& out) {
  std::size_t start = 0;
  while (start <= property.size()) {
    std::size_t comma = property.find(',', start);
    if (comma == std::string_view::npos) comma = property.size();
    const std::string_view part = property.substr(start, comma - start);
    start = comma + 1;
    if (part.empty()) continue;
    if (auto filter = parse_condition(part)) {
      out.push_back(std::move(*filter));
    } else if (!out.empty() && !is_ordering(out.back().op)) {
      out.back().values.push_back(unquote(part));
    } else {
      throw bad_query_parameter("property", "'" + std::string(part) +
                                                "' has no operator; use ==, !=, >, <, >= or <=, "
                                                "e.g. name==MySource");
    }
  }
}

void parse_orderby(std::string_view text, store::ListQuery& query) {
  query.descending = text.starts_with('-');
  if (text.starts_with('-') || text.starts_with('+')) text.remove_prefix(1);
  if (!valid_field(text, false))
    throw bad_query_parameter("orderby", "'" + std::string(text) + "' is not a field name");
  query.order_field = std::string(text);
}

}  // namespace

store::ListQuery parse_list_query(const http::Request& request) {
  store::ListQuery query;
  query.limit = kDefaultLimit;
  for (auto property : request.query_params("property")) parse_property(property, query.filters);
  if (auto limit = request.query_param("limit"))
    query.limit = parse_whole_number("limit", *limit, 1, kMaxLimit);
  if (auto orderby = request.query_param("orderby")) parse_orderby(*orderby, query);
  if (auto token = request.query_param("continuationToken")) {
    query.offset = parse_whole_number("continuationToken", *token, 0, SIZE_MAX / 2);
  }
  if (auto count = request.query_param("count")) {
    if (*count != "true" && *count != "false")
      throw bad_query_parameter("count", "must be true or false");
    query.count = *count == "true";
  }
  return query;
}

std::string render_list(const http::Request& request, const store::ListQuery& query,
                        const store::ListResult& result) {
  std::string out = "{\"items\":[";
  for (std::size_t i = 0; i < result.bodies.size(); ++i) {
    if (i) out += ',';
    out += result.bodies[i];
  }
  out += "],\"_links\":{";
  if (result.has_more) {
    boost::urls::url next;
    next.set_path(request.path);
    for (const auto& [key, value] : request.query)
      if (key != "continuationToken") next.params().append({key, value});
    next.params().append(
        {"continuationToken", std::to_string(query.offset + result.bodies.size())});
    out += "\"next\":{\"href\":" + hw::json::serialize(boost::json::string(next.buffer())) + "}";
  }
  out += "}";
  if (result.total) out += ",\"count\":" + std::to_string(*result.total);
  out += "}";
  return out;
}

}  // namespace hw::api
