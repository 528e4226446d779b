#include "dataset/batch_record.hpp"

#include "dataset/dataset_metadata.hpp"
#include "json/serialize.hpp"

#include <boost/json.hpp>

#include <stdexcept>

namespace hw::dataset {
namespace {

boost::json::object related_as_tags(const boost::json::object& related) {
  boost::json::object tags;
  for (const auto& [key, value] : related) {
    boost::json::array values;
    values.emplace_back(value.is_string() ? value.get_string()
                                          : boost::json::string(hw::json::serialize(value)));
    tags[key] = std::move(values);
  }
  return tags;
}

}  // namespace

boost::json::object new_batch_record(const resource::Caller& caller, std::string_view id,
                                     std::string_view dataset_id,
                                     const boost::json::object& related, std::int64_t now_ms) {
  boost::json::object content{
      {"status", kLoading},
      {"started", now_ms},
      {"relatedObjects", boost::json::array{{{"type", "dataSet"}, {"id", dataset_id}}}}};
  if (!related.empty()) content["tags"] = related_as_tags(related);
  auto record = stamp_catalog_metadata(content, caller, id, now_ms);
  return record;
}

void finish_batch_record(boost::json::object& record, const BatchOutcome& outcome,
                         std::int64_t now_ms) {
  const auto records = static_cast<std::int64_t>(outcome.records);
  const auto failed = static_cast<std::int64_t>(outcome.failed);
  record["status"] = outcome.error ? kFailed : kSuccess;
  record["updated"] = now_ms;
  record["completed"] = now_ms;
  record["recordCount"] = records;
  record["failedRecordCount"] = failed;
  record["size"] = outcome.bytes;
  record["metrics"] = {
      {"inputRecordCount", records + failed},
      {"outputRecordCount", records},
      {"failedRecordCount", failed},
  };
  if (outcome.error) {
    record["errors"] = boost::json::array{
        {{"code", outcome.error->code}, {"description", outcome.error->description}}};
  }
}

std::string batch_dataset_id(const boost::json::object& record) {
  for (const auto& related : record.at("relatedObjects").as_array()) {
    const auto& object = related.as_object();
    if (object.at("type").as_string() == "dataSet") return std::string(object.at("id").as_string());
  }
  throw std::logic_error("batch '" + std::string(record.at("id").as_string()) + "' has no dataset");
}

}  // namespace hw::dataset
