#include "json/patch.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "json/parse.hpp"

namespace hw::json {
namespace {

namespace bj = boost::json;
using spec::Issue;

constexpr std::string_view kAllowedOps = "use add, replace or remove";
constexpr std::string_view kPointerExample = "a JSON Pointer such as /auth/params/password";

enum class Op { add, replace, remove };

// A well-formed operation, ready to apply.
struct Operation {
  std::size_t index = 0;
  Op op = Op::add;
  std::vector<std::string> tokens;
  const bj::value* value = nullptr;  // null for remove
};

// What is wrong at an operation's path, and the fix.
using Failure = std::string;

// ---- wording ------------------------------------------------------------------

std::string field(std::size_t index, std::string_view name) {
  return spec::child_path(spec::index_path("$", index), name);
}

std::string quote(std::string_view text) {
  return bj::serialize(bj::string_view(text));
}

std::string_view kind_of(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::object:
      return "an object";
    case bj::kind::array:
      return "an array";
    case bj::kind::string:
      return "a string";
    case bj::kind::bool_:
      return "a boolean";
    case bj::kind::null:
      return "null";
    default:
      return "a number";
  }
}

std::string_view name_of(Op op) {
  switch (op) {
    case Op::add:
      return "add";
    case Op::replace:
      return "replace";
    default:
      return "remove";
  }
}

// The pointer made of the first `count` tokens, escaped again for display.
std::string pointer_to(const std::vector<std::string>& tokens, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += '/';
    for (char c : tokens[i]) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out += c;
      }
    }
  }
  return out;
}

// ---- reading operations ------------------------------------------------------------

std::optional<Op> op_named(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  if (lower == "add") return Op::add;
  if (lower == "replace") return Op::replace;
  if (lower == "remove") return Op::remove;
  return std::nullopt;
}

std::optional<std::string> unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '~') {
      out += raw[i];
    } else if (i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
      out += raw[++i] == '0' ? '~' : '/';
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// RFC 6901: "" is the whole document; otherwise each '/' starts a token in
// which "~1" stands for '/' and "~0" for '~'.
std::variant<std::vector<std::string>, std::string> split_pointer(std::string_view path) {
  std::vector<std::string> tokens;
  if (path.empty()) return tokens;
  if (path.front() != '/') {
    return quote(path) + " must start with '/' (" + std::string(kPointerExample) + "); write " +
           quote("/" + std::string(path));
  }
  auto depth = static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
  if (depth > kMaxDepth) {
    return "the path is " + std::to_string(depth) + " levels deep; at most " +
           std::to_string(kMaxDepth) + " are allowed";
  }
  for (std::size_t start = 1;;) {
    std::size_t end = std::min(path.find('/', start), path.size());
    auto token = unescape(path.substr(start, end - start));
    if (!token) {
      return quote(path) + " has a '~' that is not followed by 0 or 1; write ~0 for '~' and ~1 " +
             "for '/'";
    }
    tokens.push_back(std::move(*token));
    if (end == path.size()) return tokens;
    start = end + 1;
  }
}

std::optional<Op> read_op(const bj::object& operation, std::size_t index,
                          std::vector<Issue>& issues) {
  const bj::value* op = operation.if_contains("op");
  std::string where = field(index, "op");
  if (!op) {
    issues.push_back({where, "op is missing; " + std::string(kAllowedOps)});
  } else if (!op->is_string()) {
    issues.push_back({where, "op must be a string, not " + std::string(kind_of(*op)) + "; " +
                                 std::string(kAllowedOps)});
  } else if (auto known = op_named(op->get_string())) {
    return known;
  } else {
    issues.push_back({where, quote(op->get_string()) + " is not a supported op; " +
                                 std::string(kAllowedOps) + " (any letter case)"});
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_path(const bj::object& operation, std::size_t index,
                                                  std::vector<Issue>& issues) {
  const bj::value* path = operation.if_contains("path");
  std::string where = field(index, "path");
  if (!path) {
    issues.push_back({where, "path is missing; give " + std::string(kPointerExample)});
    return std::nullopt;
  }
  if (!path->is_string()) {
    issues.push_back({where, "path must be a string, not " + std::string(kind_of(*path)) +
                                 "; give " + std::string(kPointerExample)});
    return std::nullopt;
  }
  auto split = split_pointer(path->get_string());
  if (auto* error = std::get_if<std::string>(&split)) {
    issues.push_back({where, std::move(*error)});
    return std::nullopt;
  }
  return std::get<std::vector<std::string>>(std::move(split));
}

// The checks that need both the op and the path: whether a value is required,
// and what may happen to the whole document.
void check_target(Op op, bool whole_document, const bj::value* value, std::size_t index,
                  std::vector<Issue>& issues) {
  if (op == Op::remove) {
    if (whole_document) {
      issues.push_back({field(index, "path"),
                        "the whole document (path \"\") cannot be removed; remove one of its "
                        "members, such as /description"});
    }
    return;
  }
  if (!value) {
    issues.push_back({field(index, "value"), "value is required for " + std::string(name_of(op)) +
                                                 "; it may be any JSON, including null"});
  } else if (whole_document && !value->is_object()) {
    issues.push_back({field(index, "value"),
                      "the whole document (path \"\") can only be "
                      "replaced by an object, not " +
                          std::string(kind_of(*value))});
  }
}

std::optional<Operation> read_operation(const bj::value& element, std::size_t index,
                                        std::vector<Issue>& issues) {
  const bj::object* object = element.if_object();
  if (!object) {
    issues.push_back({spec::index_path("$", index),
                      "an operation must be an object such as "
                      R"({"op":"replace","path":"/name","value":"new name"}, not )" +
                          std::string(kind_of(element))});
    return std::nullopt;
  }
  auto op = read_op(*object, index, issues);
  auto tokens = read_path(*object, index, issues);
  if (!op || !tokens) return std::nullopt;
  const bj::value* value = *op == Op::remove ? nullptr : object->if_contains("value");
  std::size_t before = issues.size();
  check_target(*op, tokens->empty(), value, index, issues);
  if (issues.size() != before) return std::nullopt;
  return Operation{index, *op, std::move(*tokens), value};
}

std::vector<Operation> read_operations(const bj::value& operations, std::vector<Issue>& issues) {
  std::vector<Operation> out;
  const bj::array* array = operations.if_array();
  if (!array) {
    issues.push_back({"$",
                      "a patch must be a JSON array of operations such as "
                      R"([{"op":"replace","path":"/name","value":"new name"}], not )" +
                          std::string(kind_of(operations))});
    return out;
  }
  if (array->size() > kMaxPatchOperations) {
    issues.push_back({"$", "the patch has " + std::to_string(array->size()) +
                               " operations; at most " + std::to_string(kMaxPatchOperations) +
                               " are allowed: split it into several requests"});
    return out;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    if (auto operation = read_operation((*array)[i], i, issues)) {
      out.push_back(std::move(*operation));
    }
  }
  return out;
}

// ---- applying operations ------------------------------------------------------------
// Failure messages build their pointers only when needed: paths may be long.

std::string describe(const std::string& pointer) {
  return pointer.empty() ? std::string("the document") : pointer;
}

// tokens[k] as an index into the array at tokens[0..k). Indexes are decimal
// without leading zeros (RFC 6901), so "01" and "+1" name nothing; values too
// large to represent are out of range anyway.
std::variant<std::size_t, Failure> array_index(const Operation& op, std::size_t k) {
  std::string_view token = op.tokens[k];
  if (token == "-") {
    return pointer_to(op.tokens, k + 1) +
           " is the position after the last element; '-' is only valid at the end of an add "
           "path, to append";
  }
  bool digits = !token.empty() && std::all_of(token.begin(), token.end(),
                                              [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    return quote(token) + " is not an array index; " + describe(pointer_to(op.tokens, k)) +
           " is an array";
  }
  if (token.size() > 1 && token.front() == '0') {
    std::size_t first = std::min(token.find_first_not_of('0'), token.size() - 1);
    return "array index " + quote(token) + " has a leading zero; write " +
           quote(token.substr(first));
  }
  std::size_t index = std::numeric_limits<std::size_t>::max();
  std::from_chars(token.data(), token.data() + token.size(), index);
  return index;
}

Failure out_of_range(const Operation& op, std::size_t k, std::size_t size, bool may_append) {
  std::string out = "index " + op.tokens[k] +
                    " is out of range: " + describe(pointer_to(op.tokens, k)) + " has " +
                    std::to_string(size) + (size == 1 ? " element" : " elements");
  if (may_append) return out + "; use 0 to " + std::to_string(size) + ", or '-' to append";
  if (size == 0) return out;
  return out + "; use 0 to " + std::to_string(size - 1);
}

// tokens[0..k) names `node`, a scalar, so tokens[k] cannot be looked up in it.
Failure not_a_container(const Operation& op, std::size_t k, const bj::value& node) {
  return describe(pointer_to(op.tokens, k)) + " is " + std::string(kind_of(node)) +
         ", not an object or array, so it has no member " + quote(op.tokens[k]);
}

// Steps from `node` (at tokens[0..k)) to its child tokens[k], which must exist.
std::variant<bj::value*, Failure> descend(bj::value& node, const Operation& op, std::size_t k) {
  if (auto* object = node.if_object()) {
    if (auto* child = object->if_contains(op.tokens[k])) return child;
    std::string missing = pointer_to(op.tokens, k + 1);
    Failure failure = missing + " does not exist, so " + pointer_to(op.tokens, op.tokens.size()) +
                      " cannot be reached";
    if (op.op == Op::add) failure += "; add " + missing + " first";
    return failure;
  }
  if (auto* array = node.if_array()) {
    auto index = array_index(op, k);
    if (auto* failure = std::get_if<Failure>(&index)) return std::move(*failure);
    std::size_t i = std::get<std::size_t>(index);
    if (i >= array->size()) return out_of_range(op, k, array->size(), false);
    return &(*array)[i];
  }
  return not_a_container(op, k, node);
}

std::optional<Failure> apply_to_object(bj::object& object, const Operation& op) {
  const std::string& key = op.tokens.back();
  switch (op.op) {
    case Op::add:
      object.insert_or_assign(key, *op.value);
      return std::nullopt;
    case Op::replace:
      if (auto* existing = object.if_contains(key)) {
        *existing = *op.value;
        return std::nullopt;
      }
      return pointer_to(op.tokens, op.tokens.size()) + " does not exist; use add to create it";
    default:
      if (object.erase(key) == 1) return std::nullopt;
      return pointer_to(op.tokens, op.tokens.size()) +
             " does not exist, so there is nothing to remove";
  }
}

std::optional<Failure> apply_to_array(bj::array& array, const Operation& op) {
  const std::size_t k = op.tokens.size() - 1;
  if (op.op == Op::add && op.tokens[k] == "-") {
    array.push_back(*op.value);
    return std::nullopt;
  }
  auto index = array_index(op, k);
  if (auto* failure = std::get_if<Failure>(&index)) return std::move(*failure);
  std::size_t i = std::get<std::size_t>(index);
  bool may_append = op.op == Op::add;
  if (i > array.size() || (i == array.size() && !may_append)) {
    return out_of_range(op, k, array.size(), may_append);
  }
  switch (op.op) {
    case Op::add:
      array.insert(array.begin() + static_cast<std::ptrdiff_t>(i), *op.value);
      break;
    case Op::replace:
      array[i] = *op.value;
      break;
    default:
      array.erase(array.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return std::nullopt;
}

std::optional<Failure> apply(bj::value& root, const Operation& op) {
  if (op.tokens.empty()) {
    root = *op.value;
    return std::nullopt;
  }
  bj::value* parent = &root;
  for (std::size_t k = 0; k + 1 < op.tokens.size(); ++k) {
    auto next = descend(*parent, op, k);
    if (auto* failure = std::get_if<Failure>(&next)) return std::move(*failure);
    parent = std::get<bj::value*>(next);
  }
  if (auto* object = parent->if_object()) return apply_to_object(*object, op);
  if (auto* array = parent->if_array()) return apply_to_array(*array, op);
  return not_a_container(op, op.tokens.size() - 1, *parent);
}

}  // namespace

std::vector<Issue> apply_patch(bj::value& doc, const bj::value& operations) {
  try {
    std::vector<Issue> issues;
    std::vector<Operation> parsed = read_operations(operations, issues);
    if (!issues.empty()) return issues;
    bj::value work(doc, doc.storage());
    for (const Operation& op : parsed) {
      if (auto failure = apply(work, op)) return {{field(op.index, "path"), std::move(*failure)}};
    }
    doc = std::move(work);
    return {};
  } catch (const std::exception& e) {
    // Every lookup above is checked; what remains is running out of memory,
    // which is reported like any other refusal rather than thrown.
    return {{"$", std::string("the patch could not be applied: ") + e.what()}};
  }
}

}  // namespace hw::json
