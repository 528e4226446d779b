#pragma once
#include <optional>
#include <string>
#include <string_view>

// The source catalog categories a `{name}-category.txt` may hold (issue 6, from the seed).
namespace hw::toolkit {

// "advertising, cloud storage, …, streaming": the documented list, for messages.
std::string documented_categories();

// The key the connection spec's `uiAttributes.category.key` uses for `category`
// ("cloud storage" -> "cloudStorage"), or nullopt when it is not documented. Letter case,
// spaces, '-' and '_' do not matter: "Cloud Storage" and "cloud-storage" are one category.
std::optional<std::string_view> category_key(std::string_view category);

// Whether two spellings name one category ("cloudStorage" and "cloud storage").
bool same_category(std::string_view a, std::string_view b);

}  // namespace hw::toolkit
