#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hw::dataset {

// Catalog answers a write with references to what it touched, `["@/dataSets/<id>"]`.
std::string reference_list(std::string_view collection, std::string_view id);

// Catalog answers a read, by id or as a list, with one object keyed by id:
// {"<id>": {...}, ...}, in the order given. Each body is a stored object holding its `id`.
std::string keyed_by_id(const std::vector<std::string>& bodies);

}  // namespace hw::dataset
