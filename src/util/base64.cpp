#include "util/base64.hpp"

#include <openssl/evp.h>

namespace hw::util {

std::string base64_encode(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<std::string> base64_decode_lenient(std::string_view text) {
  std::string padded(text);
  for (auto& c : padded) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  while (!padded.empty() && padded.back() == '=') padded.pop_back();
  if (padded.size() % 4 == 1) return std::nullopt;
  const std::size_t missing = (4 - padded.size() % 4) % 4;
  padded.append(missing, '=');
  std::string out(padded.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(padded.data()),
                                static_cast<int>(padded.size()));
  if (n < 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(n) -
             missing);  // EVP_DecodeBlock counts the padding as zero bytes
  return out;
}

}  // namespace hw::util
