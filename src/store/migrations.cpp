#include "store/migrations.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace hw::store {
namespace {

// Append only: a released migration is never edited.
constexpr std::array<const char*, 2> kMigrations = {
    // 1: one table of JSON documents, keyed by kind and scope.
    R"sql(
    CREATE TABLE resources (
      kind       TEXT    NOT NULL,
      org        TEXT    NOT NULL,
      sandbox    TEXT    NOT NULL,
      id         TEXT    NOT NULL,
      etag       TEXT    NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      body       TEXT    NOT NULL,
      PRIMARY KEY (kind, org, sandbox, id)
    ) WITHOUT ROWID;
    )sql",
    // 2: sealed secrets (format: password params), beside the masked body.
    "ALTER TABLE resources ADD COLUMN secret TEXT;",
};

int current_version(SqliteConnection& db) {
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "applied_at INTEGER NOT NULL)");
  auto stmt = db.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  stmt.step();
  return static_cast<int>(stmt.integer(0));
}

}  // namespace

void apply_migrations(SqliteConnection& db) {
  const int version = current_version(db);
  if (version > static_cast<int>(kMigrations.size())) {
    throw std::runtime_error(
        "the data directory was written by a newer headwater (schema version " +
        std::to_string(version) + ")");
  }
  for (int v = version + 1; v <= static_cast<int>(kMigrations.size()); ++v) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(kMigrations[v - 1]);
      db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, unixepoch())")
          .bind(static_cast<std::int64_t>(v))
          .step();
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace hw::store
