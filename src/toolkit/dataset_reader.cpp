#include "toolkit/dataset_reader.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "engine/template.hpp"
#include "json/access.hpp"
#include "json/parse.hpp"

namespace hw::toolkit {
namespace {

constexpr std::string_view kBatches = "/data/foundation/catalog/batches";
constexpr std::string_view kExport = "/data/foundation/export";
// Catalog's largest page.
constexpr std::size_t kPageSize = 100;

boost::json::object get_object(ApiClient& client, const std::string& path) {
  const auto response = client.send("GET", path);
  if (response.status != 200) throw std::runtime_error(response.describe_error());
  auto parsed = json::parse(response.body);
  if (!parsed.ok || !parsed.value.is_object())
    throw std::runtime_error("GET " + path + " answered something other than a JSON object");
  return std::move(parsed.value.get_object());
}

DatasetBatch batch_of(std::string_view id, const boost::json::value& value) {
  DatasetBatch batch{std::string(id), "", 0};
  if (const auto* record = value.if_object()) {
    batch.status = json::string_at(*record, "status");
    if (const auto* created = record->if_contains("created"); created && created->is_int64())
      batch.created = created->get_int64();
  }
  return batch;
}

bool older(const DatasetBatch& a, const DatasetBatch& b) {
  return std::tie(a.created, a.id) < std::tie(b.created, b.id);
}

// A Catalog page (an object keyed by id) oldest first: JSON does not promise member order.
std::vector<DatasetBatch> sorted_batches(const boost::json::object& page) {
  std::vector<DatasetBatch> batches;
  batches.reserve(page.size());
  for (const auto& [id, record] : page) batches.push_back(batch_of(id, record));
  std::sort(batches.begin(), batches.end(), older);
  return batches;
}

// The id of the dataSet among the batch's relatedObjects, or "".
std::string dataset_of(const boost::json::object& record) {
  const auto* related = record.if_contains("relatedObjects");
  if (!related || !related->is_array()) return {};
  for (const auto& entry : related->get_array()) {
    const auto* object = entry.if_object();
    if (object && json::string_at(*object, "type") == "dataSet")
      return json::string_at(*object, "id");
  }
  return {};
}

// Every entry of a Data Access list's `data`, page after page by `_links.next.href`.
std::vector<boost::json::object> every_item(ApiClient& client, const std::string& first_page) {
  std::vector<boost::json::object> items;
  std::set<std::string> visited;  // a link back to a page already read ends the list
  for (std::string path = first_page; !path.empty() && visited.insert(path).second;) {
    const auto page = get_object(client, path);
    if (const auto* data = page.if_contains("data"); data && data->is_array())
      for (const auto& item : data->get_array())
        if (item.is_object()) items.push_back(item.get_object());
    const std::string next = path;
    path = json::string_at(json::object_at(json::object_at(page, "_links"), "next"), "href");
    if (!path.empty() && path.front() != '/')
      throw std::runtime_error("GET " + next + " answered a next page that is not a path: " + path);
  }
  return items;
}

}  // namespace

DatasetReader::DatasetReader(ApiClient& client, std::string dataset_id)
    : client_(client), dataset_id_(std::move(dataset_id)) {}

bool DatasetReader::for_each_batch(const BatchVisitor& visit) const {
  const std::string list = std::string(kBatches) + "?dataSet=" + engine::url_encode(dataset_id_) +
                           "&orderBy=asc:created&limit=" + std::to_string(kPageSize) + "&start=";
  std::optional<DatasetBatch> last;
  for (std::size_t start = 0;; start += kPageSize) {
    const auto page = get_object(client_, list + std::to_string(start));
    std::size_t fresh = 0;
    for (const auto& batch : sorted_batches(page)) {
      // At or before the last one visited: seen on an earlier page, which a batch begun
      // meanwhile shifted into this one.
      if (last && !older(*last, batch)) continue;
      last = batch;
      ++fresh;
      if (!visit(batch)) return false;
    }
    // A short page is the last; a page with nothing new is a server that ignores `start`.
    if (page.size() < kPageSize || fresh == 0) return true;
  }
}

DatasetBatch DatasetReader::batch(const std::string& batch_id) const {
  const std::string path = std::string(kBatches) + "/" + engine::url_encode(batch_id);
  const auto answer = get_object(client_, path);
  const auto* record = answer.if_contains(batch_id);
  if (!record || !record->is_object())
    throw std::runtime_error("GET " + path + " answered without the batch " + batch_id);
  const auto owner = dataset_of(record->get_object());
  if (owner != dataset_id_) {
    throw std::runtime_error(
        "batch " + batch_id + " is not a batch of dataset " + dataset_id_ +
        (owner.empty() ? ": it names no dataset" : ": it belongs to dataset " + owner));
  }
  return batch_of(batch_id, *record);
}

bool DatasetReader::read(const DatasetBatch& batch, const PartSink& sink) const {
  const std::string files =
      std::string(kExport) + "/batches/" + engine::url_encode(batch.id) + "/files";
  for (const auto& file : every_item(client_, files)) {
    const auto file_id = json::string_at(file, "dataSetFileId");
    if (file_id.empty())
      throw std::runtime_error("GET " + files + " answered a file without a dataSetFileId");
    const std::string parts = std::string(kExport) + "/files/" + engine::url_encode(file_id);
    for (const auto& part : every_item(client_, parts)) {
      const auto name = json::string_at(part, "name");
      if (name.empty())
        throw std::runtime_error("GET " + parts + " answered a part without a name");
      const auto response = client_.send("GET", parts + "?path=" + engine::url_encode(name));
      if (response.status != 200) throw std::runtime_error(response.describe_error());
      if (!sink(response.body)) return false;
    }
  }
  return true;
}

boost::json::array DatasetReader::first_records(const std::string& batch_id, std::size_t n) const {
  boost::json::array records;
  read({batch_id, "success", 0}, [&](std::string_view lines) {
    while (records.size() < n && !lines.empty()) {
      const auto end = std::min(lines.find('\n'), lines.size());
      if (auto record = json::parse(lines.substr(0, end)); record.ok)
        records.push_back(std::move(record.value));
      lines.remove_prefix(std::min(end + 1, lines.size()));
    }
    return records.size() < n;
  });
  return records;
}

}  // namespace hw::toolkit
