#pragma once
// Shared by the engine_*_test.cpp files on record extraction: runs a RecordExtractor over
// pages and keeps what it emitted and what it rejected.
#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "engine/extract/record_extractor.hpp"

namespace hw::engine::test {

struct Rejected {
  std::string record;
  RecordFailure failure;
};

struct Extracted {
  std::size_t count = 0;  // what extract() returned, summed over the pages
  std::vector<std::string> records;
  std::vector<Rejected> rejected;
};

// `attributes` is sourceSpec.attributes, `schema` sourceSpec.schema ("" for none).
inline Extracted extract_pages(const std::string& attributes, const std::vector<std::string>& pages,
                               const std::string& schema = "") {
  const auto schema_value = schema.empty() ? boost::json::value() : boost::json::parse(schema);
  RecordExtractor extractor(boost::json::parse(attributes).as_object(),
                            schema.empty() ? nullptr : &schema_value);
  Extracted out;
  for (const auto& page : pages) {
    out.count += extractor.extract(
        page, [&](std::string_view r) { out.records.emplace_back(r); },
        [&](std::string_view r, const RecordFailure& f) {
          out.rejected.push_back({std::string(r), f});
        });
  }
  return out;
}

}  // namespace hw::engine::test
