#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "toolkit/api_client.hpp"

namespace hw::cli {

struct DatasetCatOptions {
  std::string dataset_id;
  std::optional<std::string> batch_id;  // --batch: only this batch of the dataset
  toolkit::ServerOptions server;
};

// `headwater dataset cat ID [--batch BATCH_ID] [--server URL] [--token T] [--org O]
// [--sandbox S]`: every record of the dataset's successful batches, oldest batch first,
// on `out` exactly as stored (JSON Lines), through Catalog and Data Access only
// (toolkit/dataset_reader.hpp). Batches not in status success are skipped and, when there
// are any, listed on `err` once all was printed. Returns 1, with `headwater dataset cat: …`
// on `err`, when the dataset or batch is unknown, the batch is another dataset's, or the
// server refuses a call or cannot be reached.
//
// A reader that stops early (`| head`) is not an error: when writing to `out` fails with
// EPIPE (the caller ignores SIGPIPE), reading stops and 0 is returned, silently. Any other
// write failure returns 1 saying why.
int dataset_cat(const DatasetCatOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hw::cli
