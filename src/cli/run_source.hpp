#pragma once
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

namespace hw::cli {

struct RunSourceOptions {
  std::string spec_file;    // a connection spec (NAME-connectionSpec.json)
  std::string auth_file;    // a connection's `auth`: {"specName": "…", "params": {…}}
  std::string params_file;  // a source connection's `params`
  std::optional<std::string> start, end;  // toolkit/time_arg.hpp; default [Unix epoch, now)
  std::optional<std::size_t> limit;       // stop after this many records
  bool progress = false;                  // a live progress line on `err` (a terminal)
};

// `headwater run`: pulls a batch source once through the engine, with no server and no
// store, writing each record as one line of JSON to `out`. The spec and both files are
// checked first, as the server checks them, and problems are printed to `err` as
// `FILE:JSONPATH: message`. A run that fails prints `headwater run: CODE: message` (the page
// URL with secrets redacted) to `err`. Records the spec's schema rejects are listed on
// `err`. Returns 0 when every record was read and written, else 1.
int run_source(const RunSourceOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hw::cli
