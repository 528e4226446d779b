#include "dataset/data_access_shape.hpp"

#include <boost/json.hpp>
#include <boost/url.hpp>

#include <algorithm>

#include "api/query_params.hpp"
#include "json/serialize.hpp"

namespace hw::dataset {
namespace {

constexpr std::string_view kFileSuffix = "-1";
constexpr std::size_t kMaxPage = 100;

boost::json::object self_link(std::string_view href) {
  return {{"self", {{"href", href}}}};
}

std::string with_query(std::string_view path,
                       std::initializer_list<boost::urls::param_view> params) {
  boost::urls::url url;
  url.set_path(path);
  for (const auto& param : params) url.params().append(param);
  return std::string(url.buffer());
}

// The page of `items` that `page` selects, with `_page` and, when more follow, a next link.
boost::json::object paged(const boost::json::array& items, const Page& page,
                          std::string_view self_path) {
  const std::size_t first = std::min(page.start, items.size());
  const std::size_t last = std::min(items.size(), first + page.limit);
  boost::json::array data(items.begin() + static_cast<std::ptrdiff_t>(first),
                          items.begin() + static_cast<std::ptrdiff_t>(last));
  boost::json::object links;
  if (last < items.size()) {
    const std::string start = std::to_string(last), limit = std::to_string(page.limit);
    links["next"] = {{"href", with_query(self_path, {{"start", start}, {"limit", limit}})}};
  }
  return {{"data", std::move(data)},
          {"_page", {{"limit", page.limit}, {"count", last - first}}},
          {"_links", std::move(links)}};
}

boost::json::object dataset_file(const PublishedBatch& batch) {
  const auto& record = batch.record;
  // data-access.yaml types these as strings.
  auto text = [&](std::string_view key) { return hw::json::serialize(record.at(key)); };
  const std::string id = dataset_file_id(batch.id);
  return {{"dataSetFileId", id},
          {"dataSetViewId", batch.dataset_id},
          {"version", record.at("version")},
          {"created", text("completed")},
          {"updated", text("completed")},
          {"records", text("recordCount")},
          {"size", text("size")},
          {"isValid", record.at("status").as_string() == "success"},
          {"_links", self_link(std::string(kExportBase) + "/files/" + id)}};
}

}  // namespace

Page parse_page(const http::Request& request) {
  Page page;
  if (auto start = request.query_param("start"))
    page.start = api::parse_whole_number("start", *start, 0, SIZE_MAX / 2);
  if (auto limit = request.query_param("limit"))
    page.limit = api::parse_whole_number("limit", *limit, 1, kMaxPage);
  return page;
}

std::string dataset_file_id(std::string_view batch_id) {
  return std::string(batch_id) + std::string(kFileSuffix);
}

std::optional<std::string> batch_of_file(std::string_view dataset_file_id) {
  if (!dataset_file_id.ends_with(kFileSuffix) || dataset_file_id.size() == kFileSuffix.size())
    return std::nullopt;
  dataset_file_id.remove_suffix(kFileSuffix.size());
  return std::string(dataset_file_id);
}

boost::json::object dataset_files_answer(const std::optional<PublishedBatch>& batch,
                                         const Page& page, std::string_view self_path) {
  boost::json::array items;
  if (batch && !list_parts(batch->dir, PartKind::records).empty())
    items.push_back(dataset_file(*batch));
  return paged(items, page, self_path);
}

boost::json::object part_files_answer(const std::vector<PartFile>& parts, const Page& page,
                                      std::string_view download_path) {
  boost::json::array items;
  for (const auto& part : parts) {
    items.push_back({{"name", part.name},
                     {"length", std::to_string(part.bytes)},
                     {"_links", self_link(with_query(download_path, {{"path", part.name}}))}});
  }
  return paged(items, page, download_path);
}

}  // namespace hw::dataset
