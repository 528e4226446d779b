#pragma once
#include <boost/json/value.hpp>

#include <cstddef>
#include <vector>

#include "spec/issue.hpp"

namespace hw::json {

// Bounds on hostile patches. A pointer deeper than kMaxDepth (parse.hpp)
// cannot name anything in a document we accept.
inline constexpr std::size_t kMaxPatchOperations = 1000;

// Applies `operations` (a JSON array of {"op","path","value"}) to a copy of
// `doc`; on success replaces `doc`. Ops: add, replace, remove, in any letter
// case (Adobe's OpenAPI writes ADD/REPLACE/REMOVE). `path` is a JSON Pointer
// (RFC 6901: "/auth/params/password", "~0"/"~1" escapes, "-" appends to an
// array, array indexes). Semantics follow RFC 6902; path "" (the whole
// document) may be replaced (or added) by an object but never removed.
//
// Every problem is returned with its path in the patch document ("$",
// "[1]", "[1].path", "[0].op", "[2].value") and a message that says what is
// wrong and the fix. Malformed operations are all reported at once and
// nothing is applied; otherwise operations run in order and the first that
// cannot apply is reported, since later ones depend on it. Atomic: when any
// operation fails, `doc` is unchanged. Never throws.
std::vector<spec::Issue> apply_patch(boost::json::value& doc, const boost::json::value& operations);

}  // namespace hw::json
