#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// Date patterns used by scheduleParams (`scheduleStartParamFormat`, `paramFormat`):
// Java/.NET-style patterns such as `yyyy-MM-ddTHH:mm:ssZ` or
// `yyyy-MM-ddTHH:mm:ss:fffffffK`, plus the names `epoch` and `epochMillis`.
// Every value is rendered in UTC.
namespace hw::schedule {

using TimePoint = std::chrono::sys_time<std::chrono::microseconds>;

class DateFormat {
 public:
  struct Token {
    enum class Kind {
      literal, year4, year2, month2, month1, day2, day1, hour24_2, hour24_1, hour12_2,
      minute2, minute1, second2, second1, fraction, am_pm, utc_designator, offset_colon,
      offset_plain
    };
    Kind kind = Kind::literal;
    std::string text;  // Kind::literal
    int width = 0;     // Kind::fraction: number of digits (1..9)
  };
  enum class Mode { pattern, epoch_seconds, epoch_millis };

  // Returns the format, or a message naming the offending letter and its offset.
  static std::variant<DateFormat, std::string> parse(std::string_view pattern);

  std::string format(TimePoint t) const;
  Mode mode() const { return mode_; }
  const std::vector<Token>& tokens() const { return tokens_; }

 private:
  Mode mode_ = Mode::pattern;
  std::vector<Token> tokens_;
};

}  // namespace hw::schedule
