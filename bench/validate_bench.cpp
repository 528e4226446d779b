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

constexpr const char* kSeed = "seeds/000_6da393f14679e630.txt";
constexpr const char* kMailChimp = "reference/adobe-docs/api__connection-specs.md";

// The text of the first `curl ... -d '...'` request body in a markdown document.
std::string first_curl_text(const std::string& rel) {
  const std::string doc = read_shared(rel);
  const std::size_t open = doc.find("-d '", doc.find("curl "));
  const std::size_t start = open + 4;
  const std::size_t close = doc.find('\'', start);
  if (open == std::string::npos || close == std::string::npos)
    throw std::runtime_error("no curl body in " + rel);
  return doc.substr(start, close - start);
}

boost::json::value first_curl_body(const std::string& rel) {
  auto parsed = hw::json::parse(first_curl_text(rel));
  if (!parsed.ok) throw std::runtime_error(rel + ": " + parsed.error);
  return std::move(parsed.value);
}

// Baseline: parsing the same body, which every POST pays before validation runs.
void parse(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    auto parsed = hw::json::parse(text);
    benchmark::DoNotOptimize(parsed);
  }
}

void BM_ParseSeedStreamingSpec(benchmark::State& state) {
  static const auto text = first_curl_text(kSeed);
  parse(state, text);
}
BENCHMARK(BM_ParseSeedStreamingSpec)->Unit(benchmark::kMicrosecond);

void BM_ParseMailChimpBatchSpec(benchmark::State& state) {
  static const auto text = first_curl_text(kMailChimp);
  parse(state, text);
}
BENCHMARK(BM_ParseMailChimpBatchSpec)->Unit(benchmark::kMicrosecond);

void run(benchmark::State& state, const boost::json::value& doc) {
  for (auto _ : state) {
    auto report = hw::spec::validate_connection_spec(doc);
    benchmark::DoNotOptimize(report);
  }
}

void BM_ValidateSeedStreamingSpec(benchmark::State& state) {
  static const auto doc = first_curl_body(kSeed);
  run(state, doc);
}
BENCHMARK(BM_ValidateSeedStreamingSpec)->Unit(benchmark::kMicrosecond);

void BM_ValidateMailChimpBatchSpec(benchmark::State& state) {
  static const auto doc = first_curl_body(kMailChimp);
  run(state, doc);
}
BENCHMARK(BM_ValidateMailChimpBatchSpec)->Unit(benchmark::kMicrosecond);

}  // namespace
