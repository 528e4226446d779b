#include "engine/http_types.hpp"

#include "engine/redact.hpp"

namespace hw::engine {

void UpstreamRequest::set_header(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
          return std::tolower(a) == std::tolower(b);
        })) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string UpstreamRequest::describe() const {
  return redact(url, secrets);
}

const std::string* UpstreamResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return &value;
  return nullptr;
}

}  // namespace hw::engine
