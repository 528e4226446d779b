#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace hw::test {

// The values of every ```json block of a markdown document that shows one member of a spec
// as the docs write fragments, `"key": {…}`, in the document's order. A block that is not
// such a fragment (another key, or two members without a comma) is passed over. Trailing
// commas, which the docs' blocks have, are accepted.
std::vector<boost::json::value> json_fragments(std::string_view markdown, std::string_view key);

}  // namespace hw::test
