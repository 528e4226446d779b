#pragma once
#include <filesystem>
#include <memory>

#include "store/store.hpp"

namespace hw::store {

// Opens (creating if needed) `<data_dir>/headwater.db` and applies migrations.
std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir);

}  // namespace hw::store
