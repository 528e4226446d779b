#include "schedule/date_format.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

// Pattern letters (every value is UTC, so the zone letters print a fixed offset):
//
//   yyyy yy        year (4+ digits, negative years get a '-'), last two digits
//   MM M  dd d     month, day of month (padded / unpadded)
//   HH H  hh       hour 0-23 (padded / unpadded), hour 1-12 (padded; pair with tt)
//   mm m  ss s     minute, second
//   f..f F..F      1-9 digits of the second's fraction, truncated; times carry
//                  microseconds, so digits 7-9 are always 0. .NET's F drops
//                  trailing zeros; here it prints like f so widths stay fixed.
//   tt             AM / PM
//   K  Z  X        "Z". K is .NET's designator; a lone Z is how connector authors
//                  write a UTC suffix (`yyyy-MM-ddTHH:mm:ssZ` -> `...:05Z`), even
//                  though Java would print +0000; X is Java's ISO form, "Z" at UTC.
//   zzz XXX xxx    "+00:00" (.NET zzz, Java ISO 8601 extended offset)
//   ZZ ZZZ XX xx   "+0000" (Java RFC 822 / ISO 8601 basic offset)
//                  Java prints "Z" for XX and XXX at UTC; an author who writes more
//                  than one letter is asking for a numeric offset, so we print one.
//
// `T`, every non-letter and anything in single quotes is literal; `''` is one
// quote. Other letters, or a known letter repeated an unsupported number of
// times, are errors rather than silently printed text.
namespace hw::schedule {
namespace {

using Kind = DateFormat::Token::Kind;

struct Rule {
  char letter;
  int count;
  Kind kind;
};

constexpr std::array kRules{
    Rule{'y', 4, Kind::year4},          Rule{'y', 2, Kind::year2},
    Rule{'M', 2, Kind::month2},         Rule{'M', 1, Kind::month1},
    Rule{'d', 2, Kind::day2},           Rule{'d', 1, Kind::day1},
    Rule{'H', 2, Kind::hour24_2},       Rule{'H', 1, Kind::hour24_1},
    Rule{'h', 2, Kind::hour12_2},       Rule{'m', 2, Kind::minute2},
    Rule{'m', 1, Kind::minute1},        Rule{'s', 2, Kind::second2},
    Rule{'s', 1, Kind::second1},        Rule{'t', 2, Kind::am_pm},
    Rule{'K', 1, Kind::utc_designator}, Rule{'Z', 1, Kind::utc_designator},
    Rule{'Z', 2, Kind::offset_plain},   Rule{'Z', 3, Kind::offset_plain},
    Rule{'z', 3, Kind::offset_colon},   Rule{'X', 1, Kind::utc_designator},
    Rule{'X', 2, Kind::offset_plain},   Rule{'X', 3, Kind::offset_colon},
    Rule{'x', 2, Kind::offset_plain},   Rule{'x', 3, Kind::offset_colon},
};

constexpr int kMaxFractionDigits = 9;

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<DateFormat::Mode> epoch_mode(std::string_view pattern) {
  const std::string name = lowercase(pattern);
  if (name == "epoch" || name == "epochseconds") return DateFormat::Mode::epoch_seconds;
  if (name == "epochmillis") return DateFormat::Mode::epoch_millis;
  return std::nullopt;
}

// Letters from Java or .NET patterns that mean something else here.
std::string hint_for(char letter) {
  switch (letter) {
    case 'S':
      return "; use f for fractions of a second (e.g. fff)";
    case 'Y':
      return "; use y for the year";
    case 'D':
      return "; use d for the day of the month";
    case 'a':
      return "; use tt for AM/PM";
    default:
      return {};
  }
}

std::string quoted(char letter) {
  return std::string{'\''} + letter + '\'';
}

std::string at_offset(std::size_t offset) {
  return " at offset " + std::to_string(offset);
}

// "yyyy or yy": the repeat counts the rules allow for `letter`.
std::string allowed_runs(char letter) {
  std::string out;
  for (const Rule& rule : kRules) {
    if (rule.letter != letter) continue;
    if (!out.empty()) out += " or ";
    out += std::string(static_cast<std::size_t>(rule.count), letter);
  }
  return out;
}

std::variant<DateFormat::Token, std::string> letter_token(char letter, std::size_t run,
                                                          std::size_t offset) {
  DateFormat::Token token;
  if (letter == 'f' || letter == 'F') {
    if (run > kMaxFractionDigits) {
      return "at most 9 fraction digits are supported; found " + std::to_string(run) +
             at_offset(offset);
    }
    token.kind = Kind::fraction;
    token.width = static_cast<int>(run);
    return token;
  }
  const auto rule = std::find_if(kRules.begin(), kRules.end(), [&](const Rule& r) {
    return r.letter == letter && static_cast<std::size_t>(r.count) == run;
  });
  if (rule != kRules.end()) {
    token.kind = rule->kind;
    return token;
  }
  const std::string allowed = allowed_runs(letter);
  if (allowed.empty()) {
    return "unknown pattern letter " + quoted(letter) + at_offset(offset) + hint_for(letter);
  }
  return "unsupported pattern '" + std::string(run, letter) + "'" + at_offset(offset) + "; use " +
         allowed;
}

// Reads a quoted section starting at `pos` (the opening quote) into `out`.
// Returns the position after the closing quote, or nullopt when it never closes.
std::optional<std::size_t> read_quoted(std::string_view pattern, std::size_t pos,
                                       std::string& out) {
  if (pos + 1 < pattern.size() && pattern[pos + 1] == '\'') {
    out += '\'';
    return pos + 2;
  }
  for (std::size_t i = pos + 1; i < pattern.size(); ++i) {
    if (pattern[i] != '\'') {
      out += pattern[i];
    } else if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
      out += '\'';
      ++i;
    } else {
      return i + 1;
    }
  }
  return std::nullopt;
}

void append_literal(std::vector<DateFormat::Token>& tokens, std::string_view text) {
  if (tokens.empty() || tokens.back().kind != Kind::literal) tokens.emplace_back();
  tokens.back().text += text;
}

std::variant<std::vector<DateFormat::Token>, std::string> tokenize(std::string_view pattern) {
  std::vector<DateFormat::Token> tokens;
  for (std::size_t pos = 0; pos < pattern.size();) {
    const char c = pattern[pos];
    if (c == '\'') {
      std::string text;
      const auto next = read_quoted(pattern, pos, text);
      if (!next) return "unterminated quote" + at_offset(pos);
      append_literal(tokens, text);
      pos = *next;
    } else if (is_ascii_letter(c) && c != 'T') {
      const std::size_t run = std::min(pattern.find_first_not_of(c, pos), pattern.size()) - pos;
      auto token = letter_token(c, run, pos);
      if (auto* error = std::get_if<std::string>(&token)) return std::move(*error);
      tokens.push_back(std::get<DateFormat::Token>(std::move(token)));
      pos += run;
    } else {
      append_literal(tokens, pattern.substr(pos, 1));
      ++pos;
    }
  }
  return tokens;
}

// Names that start like the epoch modes but aren't one are almost certainly a
// misspelling; saying so beats "unknown pattern letter 'e'".
bool looks_like_epoch(std::string_view pattern) {
  return lowercase(pattern.substr(0, 5)) == "epoch";
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
  std::int64_t hour, minute, second, micros;
};

struct DivMod {
  std::int64_t quotient, remainder;
};

// Floor division (remainder never negative), which pre-1970 times need. Done by
// hand rather than with chrono::floor<days>, whose result overflows when
// converted back to microseconds near TimePoint::min().
DivMod floor_divmod(std::int64_t n, std::int64_t d) {
  DivMod r{n / d, n % d};
  if (r.remainder < 0) {
    r.remainder += d;
    --r.quotient;
  }
  return r;
}

// chrono::year stores a short, so shift into range by whole 400-year Gregorian
// cycles (146097 days each) and add the years back; this covers all of TimePoint.
Civil to_civil(TimePoint t) {
  using namespace std::chrono;
  constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
  const auto [day, micros] = floor_divmod(t.time_since_epoch().count(), kMicrosPerDay);
  const auto [cycles, day_in_cycle] = floor_divmod(day, 146097);
  const year_month_day ymd{sys_days{days{day_in_cycle}}};
  return Civil{
      .year = static_cast<int>(ymd.year()) + 400 * cycles,
      .month = static_cast<unsigned>(ymd.month()),
      .day = static_cast<unsigned>(ymd.day()),
      .hour = micros / 3'600'000'000,
      .minute = micros / 60'000'000 % 60,
      .second = micros / 1'000'000 % 60,
      .micros = micros % 1'000'000,
  };
}

std::string padded(std::int64_t value, int width) {
  std::string digits = std::to_string(value);
  if (digits.size() < static_cast<std::size_t>(width)) {
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  }
  return digits;
}

std::string year4(std::int64_t year) {
  return (year < 0 ? "-" : "") + padded(year < 0 ? -year : year, 4);
}

// Truncated like .NET, so .999999 can never round up into a 1000 with fff.
std::string fraction(std::int64_t micros, int width) {
  std::int64_t scaled = micros;
  for (int digits = 6; digits > width; --digits) scaled /= 10;
  return padded(scaled, std::min(width, 6)) + std::string(std::max(width - 6, 0), '0');
}

std::string render(const DateFormat::Token& token, const Civil& c) {
  switch (token.kind) {
    case Kind::literal:
      return token.text;
    case Kind::year4:
      return year4(c.year);
    case Kind::year2:
      return padded(floor_divmod(c.year, 100).remainder, 2);
    case Kind::month2:
      return padded(c.month, 2);
    case Kind::month1:
      return padded(c.month, 1);
    case Kind::day2:
      return padded(c.day, 2);
    case Kind::day1:
      return padded(c.day, 1);
    case Kind::hour24_2:
      return padded(c.hour, 2);
    case Kind::hour24_1:
      return padded(c.hour, 1);
    case Kind::hour12_2:
      return padded((c.hour + 11) % 12 + 1, 2);
    case Kind::minute2:
      return padded(c.minute, 2);
    case Kind::minute1:
      return padded(c.minute, 1);
    case Kind::second2:
      return padded(c.second, 2);
    case Kind::second1:
      return padded(c.second, 1);
    case Kind::fraction:
      return fraction(c.micros, token.width);
    case Kind::am_pm:
      return c.hour < 12 ? "AM" : "PM";
    case Kind::utc_designator:
      return "Z";
    case Kind::offset_colon:
      return "+00:00";
    case Kind::offset_plain:
      return "+0000";
  }
  return {};
}

}  // namespace

std::variant<DateFormat, std::string> DateFormat::parse(std::string_view pattern) {
  if (pattern.empty()) return std::string("empty date format; use a pattern or epoch/epochMillis");
  DateFormat format;
  if (auto mode = epoch_mode(pattern)) {
    format.mode_ = *mode;
    return format;
  }
  if (looks_like_epoch(pattern)) {
    return "unknown format '" + std::string(pattern) + "'; use epoch, epochSeconds or epochMillis";
  }
  auto tokens = tokenize(pattern);
  if (auto* error = std::get_if<std::string>(&tokens)) return std::move(*error);
  format.tokens_ = std::get<std::vector<Token>>(std::move(tokens));
  return format;
}

std::string DateFormat::format(TimePoint t) const {
  using namespace std::chrono;
  switch (mode_) {
    case Mode::epoch_seconds:
      return std::to_string(floor<seconds>(t).time_since_epoch().count());
    case Mode::epoch_millis:
      return std::to_string(floor<milliseconds>(t).time_since_epoch().count());
    case Mode::pattern:
      break;
  }
  const Civil civil = to_civil(t);
  std::string out;
  for (const Token& token : tokens_) out += render(token, civil);
  return out;
}

}  // namespace hw::schedule
