#include "store/sqlite_store.hpp"

#include <mutex>
#include <stdexcept>
#include <vector>

#include "store/migrations.hpp"
#include "store/sqlite_connection.hpp"
#include "store/sqlite_filter.hpp"

namespace hw::store {
namespace {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::filesystem::path file) : file_(std::move(file)) {
    writer_ = std::make_unique<SqliteConnection>(file_);
    apply_migrations(*writer_);
  }

  std::optional<Document> get(std::string_view kind, const Scope& scope,
                              std::string_view id) override {
    auto reader = lease();
    auto stmt = reader->prepare(
        "SELECT id, etag, created_at, updated_at, body, secret FROM resources "
        "WHERE kind = ? AND org = ? AND sandbox = ? AND id = ?");
    stmt.bind(kind).bind(scope.org).bind(scope.sandbox).bind(id);
    if (!stmt.step()) return std::nullopt;
    Document doc{std::string(stmt.text(0)), std::string(stmt.text(1)), stmt.integer(2),
                 stmt.integer(3),           std::string(stmt.text(4)), std::nullopt};
    if (!stmt.is_null(5)) doc.secret = std::string(stmt.text(5));
    return doc;
  }

  WriteResult insert(std::string_view kind, const Scope& scope, const Document& doc) override {
    std::lock_guard lock(write_mutex_);
    auto stmt = writer_->prepare(
        "INSERT INTO resources (kind, org, sandbox, id, etag, created_at, updated_at, body, "
        "secret) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    bind_document(stmt.bind(kind).bind(scope.org).bind(scope.sandbox), doc);
    stmt.step();
    return stmt.changes() == 1 ? WriteResult::ok : WriteResult::exists;
  }

  WriteResult replace(std::string_view kind, const Scope& scope, const Document& doc,
                      std::optional<std::string_view> if_match) override {
    std::lock_guard lock(write_mutex_);
    auto stmt = writer_->prepare(
        "UPDATE resources SET etag = ?, updated_at = ?, body = ?, secret = ? "
        "WHERE kind = ? AND org = ? AND sandbox = ? AND id = ? AND (? IS NULL OR etag = ?)");
    stmt.bind(doc.etag).bind(doc.updated_at).bind(doc.body);
    bind_nullable(stmt, doc.secret);
    stmt.bind(kind).bind(scope.org).bind(scope.sandbox).bind(doc.id);
    bind_optional(stmt, if_match);
    stmt.step();
    if (stmt.changes() == 1) return WriteResult::ok;
    return exists_locked(kind, scope, doc.id) ? WriteResult::etag_mismatch : WriteResult::not_found;
  }

  void upsert(std::string_view kind, const Scope& scope, const Document& doc) override {
    std::lock_guard lock(write_mutex_);
    auto stmt = writer_->prepare(
        "INSERT INTO resources (kind, org, sandbox, id, etag, created_at, updated_at, body, "
        "secret) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, org, sandbox, id) DO UPDATE SET "
        "etag = excluded.etag, updated_at = excluded.updated_at, body = excluded.body, "
        "secret = excluded.secret "
        "WHERE resources.body IS NOT excluded.body");
    bind_document(stmt.bind(kind).bind(scope.org).bind(scope.sandbox), doc);
    stmt.step();
  }

  WriteResult remove(std::string_view kind, const Scope& scope, std::string_view id,
                     std::optional<std::string_view> if_match) override {
    std::lock_guard lock(write_mutex_);
    auto stmt = writer_->prepare(
        "DELETE FROM resources WHERE kind = ? AND org = ? AND sandbox = ? AND id = ? "
        "AND (? IS NULL OR etag = ?)");
    stmt.bind(kind).bind(scope.org).bind(scope.sandbox).bind(id);
    bind_optional(stmt, if_match);
    stmt.step();
    if (stmt.changes() == 1) return WriteResult::ok;
    return exists_locked(kind, scope, id) ? WriteResult::etag_mismatch : WriteResult::not_found;
  }

  ListResult list(std::string_view kind, const Scope& scope, const ListQuery& query) override {
    auto reader = lease();
    const SqlFilter filter(query.filters);
    const std::string where = " WHERE kind = ? AND org = ? AND sandbox = ?" + filter.sql();
    auto bind_where = [&](SqliteConnection::Statement& stmt) {
      stmt.bind(kind).bind(scope.org).bind(scope.sandbox);
      filter.bind(stmt);
    };
    ListResult result;
    auto stmt =
        reader->prepare("SELECT body FROM resources" + where + " ORDER BY json_extract(body, ?) " +
                        (query.descending ? "DESC" : "ASC") + ", id LIMIT ? OFFSET ?");
    bind_where(stmt);
    stmt.bind(json_path(query.order_field));
    stmt.bind(static_cast<std::int64_t>(query.limit + 1))
        .bind(static_cast<std::int64_t>(query.offset));
    while (stmt.step()) result.bodies.emplace_back(stmt.text(0));
    if (result.bodies.size() > query.limit) {
      result.bodies.pop_back();
      result.has_more = true;
    }
    if (query.count) {
      auto count = reader->prepare("SELECT count(*) FROM resources" + where);
      bind_where(count);
      count.step();
      result.total = static_cast<std::size_t>(count.integer(0));
    }
    return result;
  }

  std::vector<Scoped> scan(std::string_view kind) override {
    auto reader = lease();
    auto stmt = reader->prepare(
        "SELECT org, sandbox, id, etag, created_at, updated_at, body FROM resources WHERE kind = ? "
        "ORDER BY org, sandbox, id");
    stmt.bind(kind);
    std::vector<Scoped> out;
    while (stmt.step()) {
      out.push_back({{std::string(stmt.text(0)), std::string(stmt.text(1))},
                     {std::string(stmt.text(2)), std::string(stmt.text(3)), stmt.integer(4),
                      stmt.integer(5), std::string(stmt.text(6)), std::nullopt}});
    }
    return out;
  }

  std::vector<std::string> referencing(std::string_view kind, const Scope& scope,
                                       std::string_view field, std::string_view value) override {
    auto reader = lease();
    auto stmt = reader->prepare(
        "SELECT DISTINCT r.id FROM resources r, json_each(r.body, ?) j "
        "WHERE r.kind = ? AND r.org = ? AND r.sandbox = ? AND j.value = ? ORDER BY r.id");
    stmt.bind(json_path(field)).bind(kind).bind(scope.org).bind(scope.sandbox).bind(value);
    std::vector<std::string> ids;
    while (stmt.step()) ids.emplace_back(stmt.text(0));
    return ids;
  }

 private:
  // A reader connection borrowed from the pool for one call. WAL mode lets
  // readers run beside the single writer.
  class Lease {
   public:
    Lease(SqliteStore& store, std::unique_ptr<SqliteConnection> conn)
        : store_(store), conn_(std::move(conn)) {}
    ~Lease() {
      std::lock_guard lock(store_.pool_mutex_);
      store_.idle_readers_.push_back(std::move(conn_));
    }
    SqliteConnection* operator->() { return conn_.get(); }

   private:
    SqliteStore& store_;
    std::unique_ptr<SqliteConnection> conn_;
  };

  Lease lease() {
    {
      std::lock_guard lock(pool_mutex_);
      if (!idle_readers_.empty()) {
        auto conn = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return Lease(*this, std::move(conn));
      }
    }
    return Lease(*this, std::make_unique<SqliteConnection>(file_));
  }

  static void bind_document(SqliteConnection::Statement& stmt, const Document& doc) {
    stmt.bind(doc.id).bind(doc.etag).bind(doc.created_at).bind(doc.updated_at).bind(doc.body);
    bind_nullable(stmt, doc.secret);
  }

  // A null pointer binds SQL NULL.
  static void bind_nullable(SqliteConnection::Statement& stmt,
                            const std::optional<std::string>& value) {
    stmt.bind(value ? std::string_view(*value) : std::string_view(nullptr, 0));
  }

  // Binds the value twice, for "(? IS NULL OR etag = ?)".
  static void bind_optional(SqliteConnection::Statement& stmt,
                            std::optional<std::string_view> value) {
    const std::string_view v = value ? *value : std::string_view(nullptr, 0);
    stmt.bind(v).bind(v);
  }

  bool exists_locked(std::string_view kind, const Scope& scope, std::string_view id) {
    auto stmt = writer_->prepare(
        "SELECT 1 FROM resources WHERE kind = ? AND org = ? AND sandbox = ? AND id = ?");
    stmt.bind(kind).bind(scope.org).bind(scope.sandbox).bind(id);
    return stmt.step();
  }

  std::filesystem::path file_;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::filesystem::path& data_dir) {
  std::filesystem::create_directories(data_dir);
  return std::make_unique<SqliteStore>(data_dir / "headwater.db");
}

}  // namespace hw::store
