#include "cli/dataset_cat.hpp"

#include <cerrno>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <vector>

#include "toolkit/catalog_datasets.hpp"
#include "toolkit/dataset_reader.hpp"

namespace hw::cli {
namespace {

constexpr std::string_view kPrefix = "headwater dataset cat: ";
// Catalog's status of a batch whose records are landed for good.
constexpr std::string_view kSuccess = "success";

// Writes parts to `out` and flushes each, so records leave as they are read; remembers
// why the first failed write failed.
class StdoutSink {
 public:
  explicit StdoutSink(std::ostream& out) : out_(out) {}

  bool operator()(std::string_view json_lines) {
    errno = 0;
    out_.write(json_lines.data(), static_cast<std::streamsize>(json_lines.size()));
    if (!json_lines.empty() && json_lines.back() != '\n') out_.put('\n');
    out_.flush();
    if (out_) return true;
    error_ = errno;
    return false;
  }

  // The exit code once a write failed: 0 for a reader that went away.
  int failed(std::ostream& err) const {
    if (error_ == EPIPE) return 0;
    err << kPrefix << "cannot write the records"
        << (error_ ? std::string(": ") + std::strerror(error_) : std::string()) << "\n";
    return 1;
  }

 private:
  std::ostream& out_;
  int error_ = 0;
};

void report_skipped(const std::vector<toolkit::DatasetBatch>& skipped, std::ostream& err) {
  if (skipped.empty()) return;
  err << "skipped " << skipped.size()
      << (skipped.size() == 1 ? " batch that is not success: " : " batches that are not success: ");
  for (std::size_t i = 0; i < skipped.size(); ++i)
    err << (i ? ", " : "") << skipped[i].id << " (" << skipped[i].status << ")";
  err << "\n";
}

}  // namespace

int dataset_cat(const DatasetCatOptions& o, std::ostream& out, std::ostream& err) {
  if (o.dataset_id.empty() || (o.batch_id && o.batch_id->empty())) {
    err << kPrefix << (o.dataset_id.empty() ? "the dataset id" : "the --batch id") << " is empty\n";
    return 1;
  }
  try {
    toolkit::ApiClient client(o.server);
    toolkit::require_dataset(client, o.dataset_id);
    const toolkit::DatasetReader reader(client, o.dataset_id);
    StdoutSink sink(out);
    std::vector<toolkit::DatasetBatch> skipped;
    const auto visit = [&](const toolkit::DatasetBatch& batch) {
      if (batch.status == kSuccess) return reader.read(batch, std::ref(sink));
      skipped.push_back(batch);
      return true;
    };
    const bool whole = o.batch_id ? visit(reader.batch(*o.batch_id)) : reader.for_each_batch(visit);
    if (!whole) return sink.failed(err);
    report_skipped(skipped, err);
    return 0;
  } catch (const std::runtime_error& e) {
    err << kPrefix << e.what() << "\n";
    return 1;
  }
}

}  // namespace hw::cli
