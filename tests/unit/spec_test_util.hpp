#pragma once
#include <cctype>
// Helpers shared by the spec_*_test.cpp files: build specs from JSON text, edit them by JSON
// Pointer, and assert on the issues a report holds.
#include "json/parse.hpp"
#include "spec/issue.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>

namespace hw::spec::test {

namespace json = boost::json;

// A gtest parameter name from a JSON path: "a.b[0]" -> "3_a_b_0_" (gtest allows only
// [A-Za-z0-9_]; the index keeps names unique).
inline std::string ParamName(std::size_t index, std::string_view path) {
  std::string out = std::to_string(index) + "_";
  for (char c : path) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

inline json::value parse_or_die(std::string_view text) {
  auto parsed = hw::json::parse(text);
  if (!parsed.ok) throw std::runtime_error("test JSON does not parse: " + parsed.error);
  return std::move(parsed.value);
}

// Sets the member or array element at `pointer` (its parent must exist), e.g.
// "/sourceSpec/attributes/contentPath" or "/authSpec/0".
inline void set(json::value& doc, std::string_view pointer, json::value v) {
  const auto slash = pointer.rfind('/');
  auto& parent = slash == 0 ? doc : doc.at_pointer(pointer.substr(0, slash));
  const auto last = pointer.substr(slash + 1);
  if (parent.is_array())
    parent.as_array().at(std::stoul(std::string(last))) = std::move(v);
  else
    parent.as_object()[last] = std::move(v);
}

inline void set_json(json::value& doc, std::string_view pointer, std::string_view text) {
  set(doc, pointer, parse_or_die(text));
}

inline void erase(json::value& doc, std::string_view pointer) {
  const auto slash = pointer.rfind('/');
  auto& parent = slash == 0 ? doc : doc.at_pointer(pointer.substr(0, slash));
  parent.as_object().erase(pointer.substr(slash + 1));
}

inline std::string describe(const Report& r) {
  std::ostringstream out;
  for (const auto& i : r.errors) out << "  error   " << i.path << ": " << i.message << "\n";
  for (const auto& i : r.warnings) out << "  warning " << i.path << ": " << i.message << "\n";
  return out.str();
}

inline std::size_t count_at(const std::vector<Issue>& issues, std::string_view path) {
  return static_cast<std::size_t>(
      std::count_if(issues.begin(), issues.end(), [&](const Issue& i) { return i.path == path; }));
}

inline ::testing::AssertionResult has_issue(const std::vector<Issue>& issues, const Report& r,
                                            std::string_view kind, std::string_view path,
                                            std::string_view fragment) {
  for (const auto& i : issues)
    if (i.path == path && i.message.find(fragment) != std::string::npos)
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no " << kind << " at '" << path << "' containing '"
                                       << fragment << "'; the report has:\n"
                                       << describe(r);
}

// An error exactly at `path` whose message contains `fragment`.
inline ::testing::AssertionResult HasError(const Report& r, std::string_view path,
                                           std::string_view fragment = "") {
  return has_issue(r.errors, r, "error", path, fragment);
}

inline ::testing::AssertionResult HasWarning(const Report& r, std::string_view path,
                                             std::string_view fragment = "") {
  return has_issue(r.warnings, r, "warning", path, fragment);
}

inline ::testing::AssertionResult IsClean(const Report& r) {
  if (r.errors.empty() && r.warnings.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected no issues, got:\n" << describe(r);
}

inline ::testing::AssertionResult IsValid(const Report& r) {
  if (r.errors.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected no errors, got:\n" << describe(r);
}

// A batch spec with no problem at all; tests break one thing at a time.
inline json::value batch_spec() {
  return parse_or_die(R"({
    "name": "Test members",
    "providerId": "0ed90a81-07f4-4586-8190-b40eccef1c5a",
    "type": "generic-rest",
    "version": "1.0",
    "authSpec": [{
      "name": "Basic Authentication",
      "type": "BasicAuthentication",
      "spec": {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {
          "host": {"type": "string"},
          "username": {"type": "string"},
          "password": {"type": "string", "format": "password"}
        },
        "required": ["host", "username", "password"]
      }
    }],
    "sourceSpec": {
      "attributes": {
        "uiAttributes": {"category": {"key": "protocols"}},
        "urlParams": {"path": "/v1/lists/${listId}/members", "method": "GET"},
        "contentPath": "$.members",
        "paginationParams": {"type": "OFFSET", "limitName": "count", "limitValue": 100,
                             "offSetName": "offset"}
      },
      "spec": {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {"listId": {"type": "string"}}
      }
    }
  })");
}

}  // namespace hw::spec::test
