#include "mapping/output_tree.hpp"

namespace hw::mapping {

OutputTreeBuilder::OutputTreeBuilder() : nodes_(1) {}

std::optional<std::size_t> OutputTreeBuilder::child(std::size_t parent,
                                                    const std::string& key) const {
  // A linear scan: this runs once per mapping at compile time, and keeping children in a
  // vector keeps the output's field order the order of the mappings.
  for (const auto index : nodes_[parent].children)
    if (nodes_[index].key == key) return index;
  return std::nullopt;
}

std::optional<Clash> OutputTreeBuilder::add(const std::vector<std::string>& keys,
                                            std::size_t source) {
  std::size_t at = 0;
  std::size_t depth = 0;
  // Walk the part of the path that already exists; every clash shows up there, so a
  // clash is found before anything is created.
  for (; depth < keys.size(); ++depth) {
    const auto next = child(at, keys[depth]);
    if (!next) break;
    at = *next;
    if (nodes_[at].source != kNoSource) {
      const bool last = depth + 1 == keys.size();
      return Clash{last ? Clash::Kind::duplicate : Clash::Kind::below_value, nodes_[at].source};
    }
  }
  if (depth == keys.size()) return Clash{Clash::Kind::above_value, nodes_[at].owner};
  for (; depth < keys.size(); ++depth) {
    nodes_.push_back({keys[depth], {}, kNoSource, source});
    nodes_[at].children.push_back(nodes_.size() - 1);
    at = nodes_.size() - 1;
  }
  nodes_[at].source = source;
  return std::nullopt;
}

void OutputTreeBuilder::flatten(std::size_t node, std::vector<OutputNode>& out) const {
  const std::size_t position = out.size();
  out.push_back({nodes_[node].key, 0, nodes_[node].children.size(), nodes_[node].source});
  for (const auto index : nodes_[node].children) flatten(index, out);
  out[position].end = out.size();
}

std::vector<OutputNode> OutputTreeBuilder::flatten() const {
  std::vector<OutputNode> out;
  out.reserve(nodes_.size() - 1);
  for (const auto index : nodes_[0].children) flatten(index, out);
  return out;
}

}  // namespace hw::mapping
