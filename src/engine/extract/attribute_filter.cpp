#include "engine/extract/attribute_filter.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace hw::engine {
namespace {

std::optional<std::vector<std::string>> names_at(const boost::json::object& o,
                                                 std::string_view key) {
  const auto* list = o.if_contains(key);
  if (!list || !list->is_array()) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& name : list->get_array())
    if (name.is_string()) names.emplace_back(name.get_string());
  return names;
}

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::optional<AttributeFilter> AttributeFilter::from(const boost::json::object& record_path) {
  auto keep = names_at(record_path, "keepAttributes");
  auto skip = names_at(record_path, "skipAttributes");
  if (!keep && !skip) return std::nullopt;
  AttributeFilter filter;
  filter.keep_ = std::move(keep);
  if (skip) filter.skip_ = std::move(*skip);
  return filter;
}

void AttributeFilter::apply(boost::json::object& record, std::string_view exempt) const {
  for (auto it = record.begin(); it != record.end();) {
    const std::string_view name = it->key();
    // stable_erase: the fields keep the order the source sent them in.
    const bool dropped =
        name != exempt && ((keep_ && !listed(*keep_, name)) || listed(skip_, name));
    it = dropped ? record.stable_erase(it) : std::next(it);
  }
}

}  // namespace hw::engine
