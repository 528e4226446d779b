#include "mapping/mapping_set.hpp"

#include <boost/json.hpp>

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace hw::mapping {
namespace {

enum class SourceType { attribute, constant };

constexpr std::string_view kSupportedTypes =
    "supported source types are ATTRIBUTE and CONSTANT (also written STATIC), in any letter case";

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::optional<SourceType> source_type_named(std::string_view name) {
  if (equals_ignoring_case(name, "ATTRIBUTE")) return SourceType::attribute;
  // CONSTANT is Headwater's word; STATIC is data-prep.yaml's for the same thing.
  if (equals_ignoring_case(name, "CONSTANT") || equals_ignoring_case(name, "STATIC"))
    return SourceType::constant;
  return std::nullopt;
}

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// One mapping that passed its own checks, before it meets the others.
struct Parsed {
  std::size_t index = 0;  // in "mappings"
  SourceType type = SourceType::attribute;
  std::string source;  // as written
  std::vector<Step> path;
  std::string destination;  // as written
  std::vector<std::string> keys;
};

}  // namespace

// Builds a MappingSet while collecting every problem, so a client sees them all at once.
class MappingSetCompiler {
 public:
  std::variant<MappingSet, std::vector<spec::Issue>> run(const boost::json::value& mapping_set) {
    const boost::json::array* mappings = check_root(mapping_set);
    if (mappings) {
      for (std::size_t i = 0; i < mappings->size(); ++i)
        if (auto parsed = parse((*mappings)[i], i)) place(std::move(*parsed));
    }
    if (!issues_.empty()) return std::move(issues_);
    return finish();
  }

 private:
  void issue(std::string path, std::string message) {
    issues_.push_back({std::move(path), std::move(message)});
  }

  const boost::json::array* check_root(const boost::json::value& mapping_set) {
    const auto* root = mapping_set.if_object();
    if (!root) {
      issue("$", "must be a JSON object with a \"mappings\" array");
      return nullptr;
    }
    if (const auto* allow = root->if_contains("allowNullValues")) {
      if (!allow->is_bool())
        issue("allowNullValues", "must be true or false");
      else
        set_.allow_nulls_ = allow->get_bool();
    }
    const auto* mappings = root->if_contains("mappings");
    if (!mappings) {
      issue("mappings",
            "is required: an array of mappings with sourceType, source and destination");
      return nullptr;
    }
    if (!mappings->is_array())
      issue("mappings", "must be an array of mappings");
    else if (mappings->get_array().empty())
      issue("mappings", "must hold at least one mapping");
    return mappings->is_array() ? &mappings->get_array() : nullptr;
  }

  // The string member `key` of a mapping, or nullopt after reporting why not. `what`
  // says what the member holds, for the "is required" message.
  std::optional<std::string_view> string_member(const boost::json::object& mapping,
                                                const std::string& path, std::string_view key,
                                                std::string_view what) {
    const auto* value = mapping.if_contains(key);
    if (!value)
      issue(spec::child_path(path, key), "is required: " + std::string(what));
    else if (!value->is_string())
      issue(spec::child_path(path, key), "must be a string");
    else
      return std::string_view(value->get_string());
    return std::nullopt;
  }

  std::optional<SourceType> parse_type(const boost::json::object& mapping,
                                       const std::string& path) {
    const auto name = string_member(mapping, path, "sourceType", "ATTRIBUTE or CONSTANT");
    if (!name) return std::nullopt;
    const auto type = source_type_named(*name);
    if (!type) {
      issue(spec::child_path(path, "sourceType"),
            quoted(*name) + " is not supported; " + std::string(kSupportedTypes));
    }
    return type;
  }

  // Checks one mapping on its own; nullopt when it has a problem (already reported).
  std::optional<Parsed> parse(const boost::json::value& value, std::size_t index) {
    const std::string path = spec::index_path("mappings", index);
    const auto* mapping = value.if_object();
    if (!mapping) {
      issue(path, "must be an object with sourceType, source and destination");
      return std::nullopt;
    }
    const std::size_t before = issues_.size();
    Parsed parsed;
    parsed.index = index;
    const auto type = parse_type(*mapping, path);
    const auto source = string_member(*mapping, path, "source",
                                      "a field path in the input record, or the constant");
    if (type && source) parse_source(*type, *source, path, parsed);
    if (const auto destination =
            string_member(*mapping, path, "destination", "a field path in the output record"))
      parse_destination(*destination, path, parsed);
    if (issues_.size() != before) return std::nullopt;
    return parsed;
  }

  void parse_source(SourceType type, std::string_view source, const std::string& path,
                    Parsed& parsed) {
    parsed.type = type;
    parsed.source = source;
    if (type == SourceType::constant) return;  // any string is a constant, "" included
    const std::string at = spec::child_path(path, "source");
    if (source.empty()) return issue(at, "must not be empty: name a field of the input record");
    auto steps = parse_source_path(source);
    if (auto* problem = std::get_if<std::string>(&steps))
      return issue(at, quoted(source) + " is not a source path: " + *problem);
    parsed.path = std::move(std::get<std::vector<Step>>(steps));
  }

  void parse_destination(std::string_view destination, const std::string& path, Parsed& parsed) {
    const std::string at = spec::child_path(path, "destination");
    if (destination.empty()) return issue(at, "must not be empty: name a field of the output");
    auto keys = parse_destination_path(destination);
    if (auto* problem = std::get_if<std::string>(&keys))
      return issue(at, quoted(destination) + " is not a destination path: " + *problem);
    parsed.destination = destination;
    parsed.keys = std::move(std::get<std::vector<std::string>>(keys));
  }

  // Adds a mapping to the output tree, or reports the earlier destination in its way.
  void place(Parsed parsed) {
    const auto clash = tree_.add(parsed.keys, placed_.size());
    if (!clash) {
      placed_.push_back(std::move(parsed));
      return;
    }
    const Parsed& other = placed_[clash->other];
    // Adobe's own Zendesk example repeats one mapping word for word; a repeat changes
    // nothing, so it is accepted rather than refused as a duplicate.
    if (clash->kind == Clash::Kind::duplicate && other.type == parsed.type &&
        other.source == parsed.source)
      return;
    issue(spec::child_path(spec::index_path("mappings", parsed.index), "destination"),
          clash_message(*clash, parsed, other));
  }

  static std::string clash_message(const Clash& clash, const Parsed& parsed, const Parsed& other) {
    const std::string theirs = quoted(other.destination) + ", the destination of " +
                               spec::index_path("mappings", other.index);
    switch (clash.kind) {
      case Clash::Kind::duplicate:
        return quoted(parsed.destination) + " is already the destination of " +
               spec::index_path("mappings", other.index) +
               " with another source; a destination takes one mapping";
      case Clash::Kind::below_value:
        return quoted(parsed.destination) + " lies inside " + theirs +
               "; a field cannot be both a value and an object";
      case Clash::Kind::above_value:
        break;
    }
    return quoted(parsed.destination) + " contains " + theirs +
           "; a field cannot be both a value and an object";
  }

  MappingSet finish() {
    set_.sources_.reserve(placed_.size());
    for (auto& parsed : placed_) {
      MappingSet::Source source;
      source.is_constant = parsed.type == SourceType::constant;
      if (source.is_constant) source.constant = boost::json::string(parsed.source);
      source.path = std::move(parsed.path);
      set_.sources_.push_back(std::move(source));
    }
    set_.nodes_ = tree_.flatten();
    for (std::size_t i = 0; i < set_.nodes_.size(); i = set_.nodes_[i].end) ++set_.top_level_;
    return std::move(set_);
  }

  MappingSet set_;
  std::vector<spec::Issue> issues_;
  OutputTreeBuilder tree_;
  std::vector<Parsed> placed_;  // indexed by the source handle given to tree_
};

std::variant<MappingSet, std::vector<spec::Issue>> MappingSet::compile(
    const boost::json::value& mapping_set) {
  return MappingSetCompiler().run(mapping_set);
}

const boost::json::value* MappingSet::read(const Source& source,
                                           const boost::json::value& record) const {
  if (source.is_constant) return &source.constant;
  const boost::json::value* at = &record;
  for (const Step& step : source.path) {
    if (step.is_index) {
      const auto* array = at->if_array();
      if (!array || step.index >= array->size()) return nullptr;
      at = &(*array)[step.index];
    } else {
      const auto* object = at->if_object();
      at = object ? object->if_contains(step.key) : nullptr;
      if (!at) return nullptr;
    }
  }
  return at->is_null() && !allow_nulls_ ? nullptr : at;
}

// Fills `out` from the nodes [begin, end): siblings, each followed by its subtree.
void MappingSet::fill(boost::json::object& out, std::size_t begin, std::size_t end,
                      const boost::json::value& record) const {
  for (std::size_t i = begin; i < end; i = nodes_[i].end) {
    const OutputNode& node = nodes_[i];
    if (node.source != kNoSource) {
      if (const auto* value = read(sources_[node.source], record)) out.emplace(node.key, *value);
      continue;
    }
    boost::json::object child(out.storage());
    child.reserve(node.children);
    fill(child, i + 1, node.end, record);
    if (!child.empty()) out.emplace(node.key, std::move(child));
  }
}

boost::json::object MappingSet::apply(const boost::json::value& record,
                                      boost::json::storage_ptr storage) const {
  boost::json::object out(std::move(storage));
  out.reserve(top_level_);
  fill(out, 0, nodes_.size(), record);
  return out;
}

}  // namespace hw::mapping
