#include "toolkit/categories.hpp"

#include <array>

namespace hw::toolkit {
namespace {

struct Category {
  std::string_view words;  // as an author writes it in the category file
  std::string_view key;    // as the connection spec writes it
};

constexpr std::array<Category, 10> kCategories = {{{"advertising", "advertising"},
                                                   {"cloud storage", "cloudStorage"},
                                                   {"crm", "crm"},
                                                   {"customer success", "customerSuccess"},
                                                   {"database", "database"},
                                                   {"ecommerce", "ecommerce"},
                                                   {"marketing automation", "marketingAutomation"},
                                                   {"payments", "payments"},
                                                   {"protocols", "protocols"},
                                                   {"streaming", "streaming"}}};

// Lower case without spaces, dashes or underscores.
std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

std::string documented_categories() {
  std::string out;
  for (std::size_t i = 0; i < kCategories.size(); ++i) {
    if (i > 0) out += i + 1 == kCategories.size() ? " or " : ", ";
    out += kCategories[i].words;
  }
  return out;
}

std::optional<std::string_view> category_key(std::string_view category) {
  const std::string wanted = normalize(category);
  for (const auto& c : kCategories)
    if (normalize(c.key) == wanted) return c.key;
  return std::nullopt;
}

bool same_category(std::string_view a, std::string_view b) {
  return normalize(a) == normalize(b);
}

}  // namespace hw::toolkit
