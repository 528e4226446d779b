#include "toolkit/time_arg.hpp"

#include <chrono>
#include <optional>

namespace hw::toolkit {
namespace {

using std::chrono::microseconds;

// Reads exactly `n` digits at `text[i]`, advancing `i`.
std::optional<int> digits(std::string_view text, std::size_t& i, std::size_t n) {
  if (i + n > text.size()) return std::nullopt;
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = text[i + k];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  i += n;
  return v;
}

bool take(std::string_view text, std::size_t& i, char c) {
  if (i >= text.size() || text[i] != c) return false;
  ++i;
  return true;
}

std::optional<schedule::TimePoint> epoch_seconds(std::string_view text) {
  constexpr std::size_t kMaxDigits = 12;  // beyond year 33000
  if (text.empty() || text.size() > kMaxDigits) return std::nullopt;
  long long v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return schedule::TimePoint(std::chrono::seconds(v));
}

// ".fff…": up to 6 digits count, more are read and dropped.
microseconds fraction(std::string_view text, std::size_t& i) {
  if (!take(text, i, '.')) return microseconds(0);
  long long us = 0;
  int scale = 100000;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    us += (text[i] - '0') * scale;
    scale /= 10;
    ++i;
  }
  return microseconds(us);
}

// "Z", "±HH:MM" or "±HHMM": the offset to subtract to reach UTC.
std::optional<std::chrono::minutes> zone(std::string_view text, std::size_t& i) {
  if (take(text, i, 'Z') || take(text, i, 'z')) return std::chrono::minutes(0);
  const bool plus = take(text, i, '+');
  if (!plus && !take(text, i, '-')) return std::nullopt;
  const auto h = digits(text, i, 2);
  take(text, i, ':');
  const auto m = digits(text, i, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  const std::chrono::minutes offset(*h * 60 + *m);
  return plus ? offset : -offset;
}

std::optional<schedule::TimePoint> iso(std::string_view text) {
  std::size_t i = 0;
  const auto y = digits(text, i, 4);
  const auto mo = take(text, i, '-') ? digits(text, i, 2) : std::nullopt;
  const auto d = take(text, i, '-') ? digits(text, i, 2) : std::nullopt;
  if (!y || !mo || !d) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*y),
                                         std::chrono::month(static_cast<unsigned>(*mo)),
                                         std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  schedule::TimePoint t{std::chrono::sys_days(date)};
  if (i == text.size()) return t;
  if (!take(text, i, 'T') && !take(text, i, 't')) return std::nullopt;
  const auto h = digits(text, i, 2);
  const auto mi = take(text, i, ':') ? digits(text, i, 2) : std::nullopt;
  std::optional<int> s = 0;
  if (take(text, i, ':')) s = digits(text, i, 2);
  if (!h || !mi || !s || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  t += std::chrono::hours(*h) + std::chrono::minutes(*mi) + std::chrono::seconds(*s);
  t += fraction(text, i);
  const auto offset = zone(text, i);
  if (!offset || i != text.size()) return std::nullopt;
  return t - *offset;
}

}  // namespace

std::variant<schedule::TimePoint, std::string> parse_time_arg(std::string_view text) {
  if (auto t = epoch_seconds(text)) return *t;
  if (auto t = iso(text)) return *t;
  return "'" + std::string(text) +
         "' is not a time: give epoch seconds, a date (2024-01-31) or a time with its zone "
         "(2024-01-31T12:00:00Z)";
}

}  // namespace hw::toolkit
