#pragma once
#include <cstddef>
#include <string>

namespace hw::engine {

// Why one source record (an element of the contentPath array) was not ingested.
struct RecordFailure {
  std::size_t index = 0;  // the record's position among the run's source records, from 0
  std::string code;       // SCHEMA_VIOLATION, EXPLODE_NOT_ARRAY or MALFORMED_RECORD (too deep)
  std::string reason;     // "<JSON path>: <rule>" per problem, joined by "; "
};

}  // namespace hw::engine
