#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/scope.hpp"

// The metadata store: JSON documents of one kind ("connectionSpecs", "flows", …)
// per scope. SQLite now; a PostgreSQL implementation can sit behind the same
// interface (DESIGN §8).
namespace hw::store {

struct Document {
  std::string id;
  std::string etag;
  std::int64_t created_at = 0;  // ms since the Unix epoch
  std::int64_t updated_at = 0;
  std::string body;  // the full serialized JSON object as returned to clients
  // Sealed secrets that belong to the document (never shown to clients); written in
  // the same row as the body, so the two cannot drift apart.
  std::optional<std::string> secret;
};

// One `property` condition. `field` is a dotted path in which `name[]` means "any
// element of the array `name`" (`transformations[].params.id`). With several
// values, `eq` matches any of them and `ne` matches none of them; the ordering
// operators take exactly one value.
struct Filter {
  enum class Op { eq, ne, gt, lt, ge, le };
  std::string field;
  Op op = Op::eq;
  std::vector<std::string> values;
};

struct ListQuery {
  std::vector<Filter> filters;
  std::string order_field = "createdAt";
  bool descending = false;
  std::size_t limit = 100;
  std::size_t offset = 0;
  bool count = false;
};

struct ListResult {
  std::vector<std::string> bodies;
  bool has_more = false;
  std::optional<std::size_t> total;  // when ListQuery::count
};

enum class WriteResult { ok, not_found, etag_mismatch, exists };

class Store {
 public:
  virtual ~Store() = default;

  virtual std::optional<Document> get(std::string_view kind, const Scope& scope,
                                      std::string_view id) = 0;
  virtual WriteResult insert(std::string_view kind, const Scope& scope, const Document& doc) = 0;
  // Replaces a document; `if_match` (when set) must equal the stored etag.
  virtual WriteResult replace(std::string_view kind, const Scope& scope, const Document& doc,
                              std::optional<std::string_view> if_match) = 0;
  // Inserts, or replaces when the body differs; used for built-ins at startup.
  virtual void upsert(std::string_view kind, const Scope& scope, const Document& doc) = 0;
  virtual WriteResult remove(std::string_view kind, const Scope& scope, std::string_view id,
                             std::optional<std::string_view> if_match) = 0;
  virtual ListResult list(std::string_view kind, const Scope& scope, const ListQuery& query) = 0;
  // Every `kind` document of every scope: for the scheduler, which serves all scopes.
  struct Scoped {
    Scope scope;
    Document doc;
  };
  virtual std::vector<Scoped> scan(std::string_view kind) = 0;
  // Ids of `kind` documents whose value at `field` (a dotted path; an array is
  // searched element by element) equals `value`.
  virtual std::vector<std::string> referencing(std::string_view kind, const Scope& scope,
                                               std::string_view field, std::string_view value) = 0;
};

}  // namespace hw::store
