#include "support/mock_timestamp.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <system_error>

namespace hw::test::mock {
namespace {

using namespace std::chrono;

// Epoch seconds from 1e11 on would be past the year 5000, so such values are milliseconds.
constexpr std::int64_t kFirstMillisValue = 100'000'000'000;
constexpr std::size_t kMaxFractionDigits = 9;

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ == text_.size(); }

  bool eat(char c) {
    if (done() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Reads exactly `width` digits.
  bool number(std::size_t width, int& out) {
    if (text_.size() - pos_ < width) return false;
    out = 0;
    for (std::size_t end = pos_ + width; pos_ < end; ++pos_) {
      if (!is_digit(text_[pos_])) return false;
      out = out * 10 + (text_[pos_] - '0');
    }
    return true;
  }

  std::string_view digit_run() {
    const std::size_t start = pos_;
    while (!done() && is_digit(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<std::int64_t> parse_epoch(std::string_view digits) {
  std::int64_t value = 0;
  const char* end = digits.data() + digits.size();
  const auto [stop, ec] = std::from_chars(digits.data(), end, value);
  if (ec != std::errc() || stop != end) return std::nullopt;
  return value < kFirstMillisValue ? value * 1000 : value;
}

// yyyy-MM-ddTHH:mm:ss as epoch milliseconds.
std::optional<std::int64_t> read_civil(Cursor& c) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const bool read = c.number(4, y) && c.eat('-') && c.number(2, mo) && c.eat('-') &&
                    c.number(2, d) && c.eat('T') && c.number(2, h) && c.eat(':') &&
                    c.number(2, mi) && c.eat(':') && c.number(2, s);
  if (!read) return std::nullopt;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  const auto time = sys_days(date) + hours(h) + minutes(mi) + seconds(s);
  return duration_cast<milliseconds>(time.time_since_epoch()).count();
}

// Milliseconds of an optional fraction, rounded up.
std::optional<std::int64_t> read_fraction(Cursor& c) {
  if (!c.eat('.') && !c.eat(':')) return 0;
  const std::string_view digits = c.digit_run();
  if (digits.empty() || digits.size() > kMaxFractionDigits) return std::nullopt;
  std::int64_t ms = 0;
  for (std::size_t i = 0; i < 3; ++i) ms = ms * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  const bool below_ms = digits.size() > 3 && digits.find_first_not_of('0', 3) != digits.npos;
  return below_ms ? ms + 1 : ms;
}

// The zone's offset from UTC in milliseconds; no zone at all means UTC.
std::optional<std::int64_t> read_zone(Cursor& c) {
  if (c.done() || c.eat('Z')) return 0;
  const int sign = c.eat('+') ? 1 : c.eat('-') ? -1 : 0;
  int h = 0, m = 0;
  if (sign == 0 || !c.number(2, h)) return std::nullopt;
  if (!c.done()) {
    c.eat(':');
    if (!c.number(2, m)) return std::nullopt;
  }
  if (h > 23 || m > 59) return std::nullopt;
  return sign * (h * 60 + m) * std::int64_t{60'000};
}

}  // namespace

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), is_digit)) return parse_epoch(text);
  Cursor c(text);
  const auto civil = read_civil(c);
  if (!civil) return std::nullopt;
  const auto fraction = read_fraction(c);
  if (!fraction) return std::nullopt;
  const auto zone = read_zone(c);
  if (!zone || !c.done()) return std::nullopt;
  return *civil + *fraction - *zone;
}

std::string format_timestamp(std::int64_t epoch_ms) {
  const sys_time<milliseconds> time{milliseconds(epoch_ms)};
  const auto midnight = floor<days>(time);
  const year_month_day date(midnight);
  const hh_mm_ss clock(floor<seconds>(time - midnight));
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d+00:00", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                int(clock.minutes().count()), int(clock.seconds().count()));
  return out;
}

}  // namespace hw::test::mock
