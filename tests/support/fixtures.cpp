#include "support/fixtures.hpp"

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace hw::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shared_path(const std::string& rel) {
  return std::string(HW_SHARED_DIR) + "/" + rel;
}

namespace {

constexpr std::string_view kCurl = "curl ";
constexpr std::string_view kBodyOpen = "-d '";

// The body of the curl command that starts at `curl`, if it sends one. The search stops
// at the end of the fenced block so that a bodiless request never borrows a later body.
std::optional<std::string_view> body_of(std::string_view doc, std::size_t curl) {
  const std::size_t fence = doc.find("```", curl);
  const std::size_t open = doc.find(kBodyOpen, curl);
  if (open == std::string_view::npos || open > fence) return std::nullopt;
  const std::size_t start = open + kBodyOpen.size();
  const std::size_t close = doc.find('\'', start);
  if (close == std::string_view::npos) return std::nullopt;
  return doc.substr(start, close - start);
}

}  // namespace

std::string extract_curl_body(const std::string& markdown, std::size_t nth) {
  const std::string_view doc = markdown;
  std::size_t seen = 0;
  for (std::size_t curl = doc.find(kCurl); curl != std::string_view::npos;
       curl = doc.find(kCurl, curl + 1)) {
    const auto body = body_of(doc, curl);
    if (!body) continue;
    if (seen++ == nth) return std::string(*body);
    // A body may itself mention "curl "; resume after it.
    curl = static_cast<std::size_t>(body->data() - doc.data()) + body->size();
  }
  throw std::out_of_range("no curl request body #" + std::to_string(nth) + " in the document");
}

}  // namespace hw::test
