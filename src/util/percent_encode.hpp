#pragma once
#include <string>
#include <string_view>

namespace hw::util {

// Percent-encodes every byte for which `keep` is false (RFC 3986 §2.1, upper-case hex).
std::string percent_encode(std::string_view text, bool (*keep)(unsigned char));

}  // namespace hw::util
