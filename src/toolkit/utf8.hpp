#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hw::toolkit {

// Decodes the UTF-8 sequence at `s[i]` into `cp` and returns its length, or 0 when it is
// malformed, truncated, overlong, a surrogate or beyond U+10FFFF.
std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp);

// The offset of the first byte that does not start a valid UTF-8 sequence, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view s);

}  // namespace hw::toolkit
