#pragma once
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hw::spec {

// Edit distance (insert, delete, substitute) between two strings, compared without regard
// to ASCII letter case. Stops early and returns `limit + 1` once the distance exceeds
// `limit`, so checking a long hostile key costs O(length * limit).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

bool iequals(std::string_view a, std::string_view b);

// The candidate an author most likely meant: an exact match ignoring case first, else the
// nearest one at distance <= 2 (and shorter than the word itself, so "id" never suggests
// "op"). nullopt when nothing is close.
std::optional<std::string_view> did_you_mean(std::string_view word,
                                             std::span<const std::string_view> candidates);

// " (did you mean 'X'?)" or "" — ready to append to a message.
std::string did_you_mean_hint(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace hw::spec
