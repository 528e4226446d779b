#pragma once
#include <cstdint>
#include <string_view>

namespace hw::streaming {

// CRC-32C (Castagnoli), the checksum of the ingest log's frames: it tells a frame that
// a crash tore, or that the disk changed, from a whole one.
std::uint32_t crc32c(std::string_view bytes);
// The CRC-32C of (what gave `crc`) followed by `bytes`.
std::uint32_t crc32c_extend(std::uint32_t crc, std::string_view bytes);

namespace detail {
// The portable computation; crc32c_extend uses the CPU's instruction where there is one.
std::uint32_t crc32c_table(std::uint32_t crc, std::string_view bytes);
}  // namespace detail

}  // namespace hw::streaming
