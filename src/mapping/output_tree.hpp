#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hw::mapping {

inline constexpr std::size_t kNoSource = SIZE_MAX;

// One field of the output record. The nodes of a tree are laid out flat in pre-order, so
// filling a record walks one contiguous vector.
struct OutputNode {
  std::string key;
  std::size_t end = 0;             // one past the last node of this node's subtree
  std::size_t children = 0;        // direct children, to size the output object once
  std::size_t source = kNoSource;  // a leaf writes this source; an inner node is an object
};

// Why a destination cannot join the tree, and which earlier destination is in the way.
struct Clash {
  enum class Kind {
    duplicate,    // the same path
    below_value,  // the new path runs through an earlier destination ("a.b" then "a.b.c")
    above_value,  // an earlier destination runs through the new one ("a.b.c" then "a.b")
  };
  Kind kind;
  std::size_t other;  // the earlier destination's source
};

// Collects destination paths (object keys from the root) and checks that each names a
// place no other destination uses or passes through: a field is a value or an object,
// never both.
class OutputTreeBuilder {
 public:
  OutputTreeBuilder();
  // Adds `keys`, written by `source`; on a clash adds nothing.
  std::optional<Clash> add(const std::vector<std::string>& keys, std::size_t source);
  // The top-level nodes and their subtrees, in the order destinations were first added.
  std::vector<OutputNode> flatten() const;

 private:
  struct Node {
    std::string key;
    std::vector<std::size_t> children;  // indices into nodes_
    std::size_t source = kNoSource;     // set on leaves
    std::size_t owner = kNoSource;      // the source of the destination that created it
  };
  std::optional<std::size_t> child(std::size_t parent, const std::string& key) const;
  void flatten(std::size_t node, std::vector<OutputNode>& out) const;

  std::vector<Node> nodes_;  // nodes_[0] is the root
};

}  // namespace hw::mapping
