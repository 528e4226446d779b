#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hw::toolkit {

inline constexpr std::size_t kMaxIconBytes = 256 * 1024;
inline constexpr std::size_t kMaxSvgProblems = 20;

struct SvgProblem {
  std::size_t line = 1;
  std::size_t column = 1;
  std::string message;
};

// Checks a source's icon: at most kMaxIconBytes, well-formed XML (xml_scanner.hpp) with an
// <svg> root, and nothing that could run code or reach outside the file: no <script> or
// <foreignObject>, no event-handler (on*) attributes, no links other than '#id' and
// data:image/png|jpeg|gif|webp URIs, no external url(…), @import or image-set() in styles,
// no <?xml-stylesheet?>, no animation of links or handlers, no CSS escapes that could hide
// any of these. Empty when the icon passes. Problems after the first syntax error are not
// looked for, and at most kMaxSvgProblems are listed (the last one saying so).
std::vector<SvgProblem> check_svg_icon(std::string_view document);

}  // namespace hw::toolkit
