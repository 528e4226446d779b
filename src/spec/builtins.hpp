#pragma once
#include <mutex>
#include <set>
#include <string_view>
#include <utility>

#include "spec/builtin_ids.hpp"
#include "store/store.hpp"

// Resources that exist with fixed ids in every (org, sandbox) (DESIGN §2).
namespace hw::spec {

bool is_builtin(std::string_view id);

// Puts the built-ins into a scope the first time this process sees it. Built-in
// connection specs are read-only and refreshed to this binary's version; built-in
// flow specs are created once and then belong to the scope (authors PUT them).
class BuiltinSeeder {
 public:
  void ensure(store::Store& store, const store::Scope& scope);

 private:
  std::mutex mutex_;
  std::set<std::pair<std::string, std::string>> seeded_;
};

}  // namespace hw::spec
