#pragma once
#include "store/sqlite_connection.hpp"

namespace hw::store {

// Brings the schema to the newest version, one numbered migration at a time,
// each in its own transaction. A database newer than this binary is refused.
void apply_migrations(SqliteConnection& db);

}  // namespace hw::store
