#pragma once
#include <boost/json/array.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "toolkit/api_client.hpp"

namespace hw::toolkit {

// A Catalog batch of the dataset, as much of it as reading needs.
struct DatasetBatch {
  std::string id;
  std::string status;        // "success" once its records are landed for good
  std::int64_t created = 0;  // epoch ms
};

// Receives one part file's bytes, whole JSON Lines; returning false stops the reading.
using PartSink = std::function<bool(std::string_view json_lines)>;
// Receives one batch; returning false stops the listing.
using BatchVisitor = std::function<bool(const DatasetBatch& batch)>;

// Reads a dataset's landed records through the server's public API only, as any client of
// Catalog and Data Access would: nothing of the server's store or files. Every method
// throws std::runtime_error with the server's answer (ApiResponse::describe_error) when a
// call is refused, or saying the server cannot be reached.
class DatasetReader {
 public:
  DatasetReader(ApiClient& client, std::string dataset_id);

  // GET /catalog/batches?dataSet=ID&orderBy=asc:created, page after page: hands `visit`
  // each of the dataset's batches, whatever its status, oldest first (created, then id),
  // one page in memory at a time. False when `visit` stopped.
  bool for_each_batch(const BatchVisitor& visit) const;
  // GET /catalog/batches/{id}; throws naming both datasets when the batch is another's.
  DatasetBatch batch(const std::string& batch_id) const;
  // The batch's records: GET /export/batches/{id}/files, then for each file
  // /export/files/{fileId} (its parts) and ?path=NAME for each part, every page of each
  // list. Each part goes to `sink` as soon as it is read. False when the sink stopped.
  bool read(const DatasetBatch& batch, const PartSink& sink) const;
  // The first `n` records of the batch that parse, for a sample.
  boost::json::array first_records(const std::string& batch_id, std::size_t n) const;

 private:
  ApiClient& client_;
  std::string dataset_id_;
};

}  // namespace hw::toolkit
