// validate_connection_spec on Adobe's two reference bodies: the streaming seed and the
// MailChimp batch spec. Target: under 200 µs each.
#include "json/parse.hpp"
#include "spec/connection_spec_validator.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

std::string read_shared(const std::string& rel) {
  const std::string path = std::string(HW_SOURCE_DIR) + "/../shared/" + rel;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The body of the first `curl ... -d '...'` request in a markdown document.
boost::json::value first_curl_body(const std::string& rel) {
  const std::string doc = read_shared(rel);
  const std::size_t open = doc.find("-d '", doc.find("curl "));
  const std::size_t start = open + 4;
  const std::size_t close = doc.find('\'', start);
  if (open == std::string::npos || close == std::string::npos)
    throw std::runtime_error("no curl body in " + rel);
  auto parsed = hw::json::parse(std::string_view(doc).substr(start, close - start));
  if (!parsed.ok) throw std::runtime_error(rel + ": " + parsed.error);
  return std::move(parsed.value);
}

void run(benchmark::State& state, const boost::json::value& doc) {
  for (auto _ : state) {
    auto report = hw::spec::validate_connection_spec(doc);
    benchmark::DoNotOptimize(report);
  }
}

void BM_ValidateSeedStreamingSpec(benchmark::State& state) {
  static const auto doc = first_curl_body("seeds/000_6da393f14679e630.txt");
  run(state, doc);
}
BENCHMARK(BM_ValidateSeedStreamingSpec)->Unit(benchmark::kMicrosecond);

void BM_ValidateMailChimpBatchSpec(benchmark::State& state) {
  static const auto doc = first_curl_body("reference/adobe-docs/api__connection-specs.md");
  run(state, doc);
}
BENCHMARK(BM_ValidateMailChimpBatchSpec)->Unit(benchmark::kMicrosecond);

}  // namespace
