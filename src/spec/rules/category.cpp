#include "spec/did_you_mean.hpp"
#include "spec/rules/rules.hpp"

#include <array>

namespace hw::spec::rules {
namespace {

// Source catalog categories. They are compared normalized (see below), so "Marketing
// Automation", "marketingAutomation" and "marketing-automation" are one category.
constexpr std::array<std::string_view, 14> kCategories = {"advertising",
                                                          "analytics",
                                                          "cloudStorage",
                                                          "consent",
                                                          "consentAndPreferences",
                                                          "crm",
                                                          "customerSuccess",
                                                          "database",
                                                          "ecommerce",
                                                          "localization",
                                                          "marketingAutomation",
                                                          "payments",
                                                          "protocols",
                                                          "streaming"};

// Lower case without spaces, dashes or underscores.
std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string suggestion(const std::string& normalized) {
  std::array<std::string, kCategories.size()> names;
  std::array<std::string_view, kCategories.size()> views;
  for (std::size_t i = 0; i < kCategories.size(); ++i)
    views[i] = names[i] = normalize(kCategories[i]);
  const auto match = did_you_mean(normalized, views);
  if (!match) return {};
  for (std::size_t i = 0; i < views.size(); ++i)
    if (views[i] == *match) return " (did you mean '" + std::string(kCategories[i]) + "'?)";
  return {};
}

}  // namespace

void check_category(const Spec& spec, Report& report) {
  const auto* ui = object_at(spec.attributes, "uiAttributes");
  const auto* category = value_at(ui, "category");
  if (!category) return;
  std::string path = path_of(kAttributesPath, "uiAttributes.category");
  const json::value* key = category;
  if (category->is_object()) {
    key = category->get_object().if_contains("key");
    path = path_of(path, "key");
  }
  if (!key || !key->is_string()) return;
  const std::string normalized = normalize(key->get_string());
  for (std::string_view known : kCategories)
    if (normalize(known) == normalized) return;
  report.warn(path,
              quoted(key->get_string()) +
                  " is not a known source category; use advertising, analytics, cloudStorage, "
                  "consent, crm, customerSuccess, database, ecommerce, localization, "
                  "marketingAutomation, payments, protocols or streaming" +
                  suggestion(normalized));
}

}  // namespace hw::spec::rules
