#pragma once
#include <boost/json/object.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/batch_files.hpp"
#include "http/message.hpp"

// data-access.yaml's answers. Headwater's batch is one dataset file, `<batchId>-1` (the
// shape Adobe's dataSetFileIds take), made of the batch's part files.
namespace hw::dataset {

inline constexpr std::string_view kExportBase = "/data/foundation/export";

// data-access.yaml's paging: `start` (an offset) and `limit`, 100 by default and at most.
struct Page {
  std::size_t start = 0;
  std::size_t limit = 100;
};
// Throws ApiError 400 naming the bad parameter.
Page parse_page(const http::Request& request);

std::string dataset_file_id(std::string_view batch_id);
// The batch a dataSetFileId names, or nullopt when the id is not shaped as one.
std::optional<std::string> batch_of_file(std::string_view dataset_file_id);

// dataSetFiles: one entry when the batch is published and holds records, else none.
boost::json::object dataset_files_answer(const std::optional<PublishedBatch>& batch,
                                         const Page& page, std::string_view self_path);
// files: each part's name, length and the link that downloads it (`download_path?path=…`).
boost::json::object part_files_answer(const std::vector<PartFile>& parts, const Page& page,
                                      std::string_view download_path);

}  // namespace hw::dataset
