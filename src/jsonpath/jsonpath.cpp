#include "jsonpath/jsonpath.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

// Parser for the RFC 9535 subset described in jsonpath.hpp. It follows the RFC
// grammar strictly (so paths that validate here also work elsewhere) and turns
// the common mistakes into messages that say how to fix them.
namespace hw::jsonpath {
namespace {

// I-JSON (RFC 7493) range, which RFC 9535 requires for indices and slice bounds.
constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Non-ASCII bytes are name characters; the whole expression is checked to be
// valid UTF-8 before parsing, so they always form whole code points here.
bool is_name_first(char c) {
  return is_alpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) {
  return is_name_first(c) || is_digit(c);
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// Quotes printable ASCII; names other bytes by value so messages stay readable.
std::string describe(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string{'\''} + c + '\'';
  return "byte " + hex_byte(u);
}

// Length of the UTF-8 sequence at `pos`, or 0 when it is malformed (overlong
// forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_length(std::string_view s, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) return 1;
  std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (len == 0 || lead > 0xF4 || pos + len > s.size()) return 0;
  const auto second = static_cast<unsigned char>(s[pos + 1]);
  unsigned char low = 0x80, high = 0xBF;
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < len; ++i) {
    if ((static_cast<unsigned char>(s[pos + i]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t len = utf8_length(s, pos);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Long numerals are cut so a hostile 4000-digit index doesn't flood the message.
std::string shorten(std::string_view text) {
  constexpr std::size_t kShown = 24;
  if (text.size() <= kShown) return std::string(text);
  return std::string(text.substr(0, kShown)) + "...";
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// The most likely intended path for an expression that lacks the leading `$`.
std::string guess_rooted(std::string_view text) {
  const std::string_view t = trim_blanks(text);
  if (t.empty()) return {};
  if (t.front() == '$') return std::string(t);
  if (t.front() == '@') return "$" + std::string(t.substr(1));
  if (t.front() == '.' || t.front() == '[') return "$" + std::string(t);
  if (is_name_first(t.front())) return "$." + std::string(t);
  return {};
}

std::string missing_root_message(std::string_view text) {
  std::string message = "a JSONPath starts with '$'";
  const std::string guess = guess_rooted(text);
  if (!guess.empty() && parse(guess)) message += "; did you mean '" + guess + "'?";
  return message;
}

// The one-letter escapes of RFC 9535 §2.3.1.1, other than the quotes.
std::optional<char> simple_escape(char e) {
  constexpr std::string_view kLetters = "bfnrt/\\";
  constexpr std::string_view kValues = "\b\f\n\r\t/\\";
  const auto at = kLetters.find(e);
  if (at == std::string_view::npos) return std::nullopt;
  return kValues[at];
}

Selector with_kind(Selector::Kind kind) {
  Selector selector;
  selector.kind = kind;
  return selector;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParseResult run() {
    ParseResult result;
    if (auto segments = query()) {
      result.path.emplace(std::move(*segments));
    } else {
      result.error = std::move(error_);
    }
    return result;
  }

 private:
  std::optional<std::vector<Segment>> query() {
    if (text_.size() > kMaxExpressionLength) {
      return fail(kMaxExpressionLength, "expression is " + std::to_string(text_.size()) +
                                            " bytes long; the limit is " +
                                            std::to_string(kMaxExpressionLength));
    }
    if (auto bad = first_invalid_utf8(text_)) {
      return fail(*bad, "invalid UTF-8 (" + describe(text_[*bad]) + ")");
    }
    if (text_.empty()) return fail(0, "empty expression; a JSONPath starts with '$'");
    if (text_[0] != '$') return fail(0, missing_root_message(text_));
    pos_ = 1;
    return segments();
  }

  std::optional<std::vector<Segment>> segments() {
    std::vector<Segment> out;
    for (;;) {
      const std::size_t blank_start = pos_;
      skip_blanks();
      if (at_end()) {
        if (blank_start != pos_) return fail(blank_start, "trailing whitespace is not allowed");
        return out;
      }
      if (peek() != '.' && peek() != '[') return fail(pos_, unexpected_after_path());
      if (out.size() == kMaxSegments) {
        return fail(pos_, "too many segments; the limit is " + std::to_string(kMaxSegments));
      }
      auto segment = this->segment();
      if (!segment) return std::nullopt;
      out.push_back(std::move(*segment));
    }
  }

  std::string unexpected_after_path() const {
    return "unexpected " + describe(peek()) + "; expected '.', '..' or '['" + bracket_hint();
  }

  // `$.first-name` parses as `$.first` followed by garbage; suggest the bracketed name.
  std::string bracket_hint() const {
    if (!shorthand_start_ || *shorthand_end_ != pos_) return {};
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != '.' && text_[end] != '[' && !is_blank(text_[end])) {
      ++end;
    }
    const std::string bracketed =
        "['" + std::string(text_.substr(*shorthand_start_, end - *shorthand_start_)) + "']";
    if (!parse("$" + bracketed)) return {};
    return "; names with characters other than letters, digits and '_' need brackets: " + bracketed;
  }

  std::optional<Segment> segment() {
    shorthand_start_.reset();
    if (peek() == '[') return bracketed(false);
    ++pos_;  // '.'
    if (!at_end() && peek() == '.') {
      ++pos_;
      if (!at_end() && peek() == '[') return bracketed(true);
      if (at_end() || (peek() != '*' && !is_name_first(peek()))) {
        return fail(pos_, "expected a name, '*' or '[' after '..'" + found());
      }
      return dotted(true);
    }
    if (at_end()) return fail(pos_, "expected a name or '*' after '.'");
    if (is_digit(peek())) return fail(pos_, digit_after_dot_message());
    if (peek() == '[') return fail(pos_ - 1, "'.' cannot be followed by '['; remove the '.'");
    if (peek() != '*' && !is_name_first(peek())) {
      return fail(pos_, "expected a name or '*' after '.'" + found());
    }
    return dotted(false);
  }

  std::string digit_after_dot_message() const {
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(text_[end])) ++end;
    return "a name after '.' cannot start with a digit; for an array index write '[" +
           shorten(text_.substr(pos_, end - pos_)) + "]'";
  }

  // `.*`, `.name`, `..*` or `..name`.
  Segment dotted(bool descendant) {
    Segment segment{.descendant = descendant, .selectors = {}};
    Selector selector;
    if (peek() == '*') {
      ++pos_;
      selector = with_kind(Selector::Kind::wildcard);
    } else {
      shorthand_start_ = pos_;
      while (!at_end() && is_name_char(peek())) ++pos_;
      shorthand_end_ = pos_;
      selector.name = std::string(text_.substr(*shorthand_start_, pos_ - *shorthand_start_));
    }
    segment.selectors.push_back(std::move(selector));
    return segment;
  }

  std::optional<Segment> bracketed(bool descendant) {
    const std::size_t open = pos_++;
    Segment segment{.descendant = descendant, .selectors = {}};
    for (;;) {
      skip_blanks();
      if (at_end()) return unterminated_bracket(open);
      auto selector = this->selector(segment.selectors.empty());
      if (!selector) return std::nullopt;
      segment.selectors.push_back(std::move(*selector));
      skip_blanks();
      if (at_end()) return unterminated_bracket(open);
      if (peek() == ']') {
        ++pos_;
        return segment;
      }
      if (peek() != ',') return fail(pos_, "expected ',' or ']'" + found());
      ++pos_;
    }
  }

  std::nullopt_t unterminated_bracket(std::size_t open) {
    return fail(text_.size(),
                "unterminated '[' (opened at offset " + std::to_string(open) + "); expected ']'");
  }

  std::optional<Selector> selector(bool first) {
    const char c = peek();
    if (c == '\'' || c == '"') return name_selector();
    if (c == '*') {
      ++pos_;
      return with_kind(Selector::Kind::wildcard);
    }
    if (c == '-' || c == ':' || is_digit(c)) return index_or_slice();
    if (c == '?') return fail(pos_, "filter expressions ([?...]) are not supported");
    if (c == ']' && first) {
      return fail(pos_, "empty brackets; expected a quoted name, an index, a slice or '*'");
    }
    if (is_name_first(c)) return fail(pos_, bare_name_message());
    return fail(pos_, "expected a quoted name, an index, a slice or '*'" + found());
  }

  std::string bare_name_message() const {
    std::size_t end = pos_;
    while (end < text_.size() && is_name_char(text_[end])) ++end;
    return "names in brackets must be quoted; did you mean ['" +
           std::string(text_.substr(pos_, end - pos_)) + "']?";
  }

  std::optional<Selector> name_selector() {
    auto name = string_literal();
    if (!name) return std::nullopt;
    Selector selector;
    selector.name = std::move(*name);
    return selector;
  }

  std::optional<std::string> string_literal() {
    const char quote = peek();
    const std::size_t open = pos_++;
    std::string out;
    while (!at_end() && peek() != quote) {
      const auto c = static_cast<unsigned char>(peek());
      if (c < 0x20) {
        return fail(pos_, "control character " + hex_byte(c) + " must be escaped in a string");
      }
      if (c == '\\') {
        if (!escape(quote, out)) return std::nullopt;
      } else {
        out += static_cast<char>(c);
        ++pos_;
      }
    }
    if (at_end()) {
      return fail(text_.size(), "unterminated string (the " + std::string(1, quote) +
                                    " at offset " + std::to_string(open) + " is never closed)");
    }
    ++pos_;
    return out;
  }

  // Consumes one escape sequence at `pos_` (a backslash) into `out`.
  bool escape(char quote, std::string& out) {
    const std::size_t start = pos_;
    if (start + 1 >= text_.size()) {
      fail(text_.size(), "unterminated string: it ends in the middle of an escape");
      return false;
    }
    const char e = text_[start + 1];
    pos_ += 2;
    if (e == 'u') return unicode_escape(start, out);
    if (const auto c = e == quote ? std::optional<char>(quote) : simple_escape(e)) {
      out += *c;
      return true;
    }
    fail(start, bad_escape_message(e, quote));
    return false;
  }

  static std::string bad_escape_message(char e, char quote) {
    if (e == '\'' || e == '"') {
      return std::string("\\") + e + " is not an escape inside " + quote + "..." + quote +
             "; write " + e + " without the backslash";
    }
    return "invalid escape sequence '\\" + std::string(1, e) +
           "'; valid escapes are \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX and the quote";
  }

  std::optional<char32_t> hex4(std::size_t at) const {
    if (at + 4 > text_.size()) return std::nullopt;
    char32_t value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      const char c = text_[i];
      if (!is_hex(c)) return std::nullopt;
      const int digit = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
      value = value * 16 + static_cast<char32_t>(digit);
    }
    return value;
  }

  // `pos_` is just past "\u"; `start` is the backslash.
  bool unicode_escape(std::size_t start, std::string& out) {
    const auto unit = hex4(pos_);
    if (!unit) {
      fail(start, "expected four hex digits after \\u");
      return false;
    }
    pos_ += 4;
    if (*unit >= 0xDC00 && *unit <= 0xDFFF) {
      fail(start, "unpaired low surrogate in \\u escape");
      return false;
    }
    if (*unit < 0xD800 || *unit > 0xDBFF) {
      append_utf8(out, *unit);
      return true;
    }
    const bool has_pair = pos_ + 1 < text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u';
    const auto low = has_pair ? hex4(pos_ + 2) : std::nullopt;
    if (!low || *low < 0xDC00 || *low > 0xDFFF) {
      fail(start,
           "a high surrogate \\u escape must be followed by a low surrogate \\uDC00-\\uDFFF");
      return false;
    }
    pos_ += 6;
    append_utf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
    return true;
  }

  std::optional<Selector> index_or_slice() {
    std::optional<std::int64_t> start;
    if (peek() != ':') {
      start = integer();
      if (!start) return std::nullopt;
      skip_blanks();
      if (at_end() || peek() != ':') {
        Selector index = with_kind(Selector::Kind::index);
        index.index = *start;
        return index;
      }
    }
    ++pos_;  // ':'
    Selector slice = with_kind(Selector::Kind::slice);
    slice.start = start;
    skip_blanks();
    if (!optional_integer(slice.end)) return std::nullopt;
    skip_blanks();
    if (!at_end() && peek() == ':') {
      ++pos_;
      skip_blanks();
      std::optional<std::int64_t> step;
      if (!optional_integer(step)) return std::nullopt;
      slice.step = step.value_or(1);
    }
    return slice;
  }

  // Parses an integer into `out` when one starts here; false only on a malformed one.
  bool optional_integer(std::optional<std::int64_t>& out) {
    if (at_end() || (peek() != '-' && !is_digit(peek()))) return true;
    out = integer();
    return out.has_value();
  }

  std::optional<std::int64_t> integer() {
    const std::size_t start = pos_;
    const bool negative = peek() == '-';
    if (negative) ++pos_;
    if (at_end() || !is_digit(peek())) return fail(pos_, "expected a digit after '-'" + found());
    const std::size_t digits = pos_;
    std::int64_t value = 0;
    bool too_large = false;
    for (; !at_end() && is_digit(peek()); ++pos_) {
      if (too_large) continue;  // keep consuming digits so the message shows the whole literal
      value = value * 10 + (peek() - '0');
      too_large = value > kMaxSafeInteger;
    }
    const std::string_view literal = text_.substr(start, pos_ - start);
    if (text_[digits] == '0' && pos_ - digits > 1) {
      return fail(start, "leading zeros are not allowed ('" + shorten(literal) + "')");
    }
    if (negative && value == 0) return fail(start, "'-0' is not a valid integer; write 0");
    if (too_large) {
      return fail(start, "integer " + shorten(literal) +
                             " is out of range; indices and slice bounds must be within "
                             "+/-(2^53-1)");
    }
    return negative ? -value : value;
  }

  std::string found() const { return at_end() ? ", found the end" : ", found " + describe(peek()); }

  std::nullopt_t fail(std::size_t offset, std::string message) {
    error_ = ParseError{offset, std::move(message)};
    return std::nullopt;
  }

  void skip_blanks() {
    while (!at_end() && is_blank(peek())) ++pos_;
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  std::string_view text_;
  std::size_t pos_ = 0;
  // Span of the latest `.name` shorthand, to suggest brackets when it is followed by `-` etc.
  std::optional<std::size_t> shorthand_start_, shorthand_end_;
  ParseError error_;
};

}  // namespace

ParseResult parse(std::string_view expression) {
  return Parser(expression).run();
}

}  // namespace hw::jsonpath
