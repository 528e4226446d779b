#include "dataset/dataset_preview.hpp"

#include <boost/json.hpp>

#include <deque>

#include "dataset/batch_files.hpp"
#include "dataset/datasets.hpp"
#include "dataset/tail_lines.hpp"
#include "http/error.hpp"

namespace hw::dataset {
namespace {

constexpr std::size_t kBatchesPerPage = 100;

store::ListQuery successful_batches_newest_first(std::string_view dataset_id) {
  store::ListQuery query;
  query.filters = {{"relatedObjects[].id", store::Filter::Op::eq, {std::string(dataset_id)}},
                   {"status", store::Filter::Op::eq, {std::string(kSuccess)}}};
  query.order_field = "completed";
  query.descending = true;
  query.limit = kBatchesPerPage;
  return query;
}

// Prepends the newest records of one batch, last part first, until `rows` is full.
void take_newest(const std::filesystem::path& dir, std::size_t limit,
                 std::deque<std::string>& rows) {
  const auto parts = list_parts(dir, PartKind::records);
  for (auto part = parts.rbegin(); part != parts.rend() && rows.size() < limit; ++part) {
    auto lines = last_lines(dir / part->name, limit - rows.size());
    rows.insert(rows.begin(), std::make_move_iterator(lines.begin()),
                std::make_move_iterator(lines.end()));
  }
}

}  // namespace

boost::json::array preview_records(const Batches& batches, const store::Scope& scope,
                                   std::string_view dataset_id, std::size_t limit) {
  if (!batches.store().get(kDataSetsKind, scope, dataset_id))
    throw http::not_found("dataset", dataset_id);
  std::deque<std::string> rows;
  auto query = successful_batches_newest_first(dataset_id);
  for (bool more = true; more && rows.size() < limit; query.offset += query.limit) {
    const auto page = batches.list(scope, query);
    for (const auto& body : page.bodies) {
      if (rows.size() >= limit) break;
      const auto id = boost::json::parse(body).at("id").as_string();
      take_newest(batches.layout().batch_dir(scope, dataset_id, id), limit, rows);
    }
    more = page.has_more;
  }
  boost::json::array out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(boost::json::parse(row));
  return out;
}

}  // namespace hw::dataset
