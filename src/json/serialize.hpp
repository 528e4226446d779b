#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>

#include <string>

// Compact JSON text of a value, as boost::json::serialize writes it except for doubles:
// Boost 1.81 spells 1.5 as `1.5E0` and 100.0 as `1E2`, which users then see in records,
// stored documents and messages. Doubles here are the shortest text that reads back to
// the same double, fixed-point from 1e-4 up to 1e16 and scientific outside it, and keep a
// decimal point when integral so they read back as doubles: `1.5`, `0.1`, `100.0`,
// `-0.0`, `1e+300`. Infinities are `1e99999` / `-1e99999` (valid JSON that reads back as
// infinity) and NaN is `null`, as later Boost versions write them.
namespace hw::json {

std::string serialize(const boost::json::value& v);
std::string serialize(const boost::json::object& o);
std::string serialize(const boost::json::array& a);
std::string serialize(const boost::json::string& s);

// Appends the text to `out`: the record path reuses one buffer instead of allocating.
void serialize_to(std::string& out, const boost::json::value& v);

}  // namespace hw::json
