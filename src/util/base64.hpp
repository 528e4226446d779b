#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hw::util {

std::string base64_encode(std::string_view bytes);
// Accepts padding or none (Adobe's own example sends `sourceParams=e30`) and the URL-safe
// alphabet; nullopt for anything else.
std::optional<std::string> base64_decode_lenient(std::string_view text);

}  // namespace hw::util
