#include "json/serialize.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>

namespace hw::json {
namespace {

// The bytes a JSON string must escape: control characters, '"' and '\\'.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = table['\\'] = true;
  return table;
}();

// Sixteen bytes per step (SSE2 on x86, NEON on ARM, through GCC's vector extension) keep
// long plain strings as cheap as Boost's own SIMD scan.
using Bytes16 = unsigned char __attribute__((vector_size(16)));

bool block_needs_escape(const char* s) {
  Bytes16 bytes;
  std::memcpy(&bytes, s, sizeof bytes);
  const auto hits = (bytes < 0x20) | (bytes == '"') | (bytes == '\\');
  std::uint64_t halves[2];
  std::memcpy(halves, &hits, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

std::size_t plain_prefix(const char* s, std::size_t n) {
  std::size_t i = 0;
  while (i + 16 <= n && !block_needs_escape(s + i)) i += 16;
  while (i < n && !kNeedsEscape[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

// Writes into a string grown ahead of the text, so each piece costs a bounds check and a
// copy: std::string::append per piece made this twice as slow as Boost.
class Writer {
 public:
  Writer(std::string& out, std::size_t length)
      : out_(out), at_(out.data() + length), end_(out.data() + out.size()) {}

  std::size_t length() const { return static_cast<std::size_t>(at_ - out_.data()); }

  char* room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - at_) < n) grow(n);
    return at_;
  }
  void advance(std::size_t n) { at_ += n; }
  void put(char c) {
    *room(1) = c;
    ++at_;
  }
  void put(const char* s, std::size_t n) {
    std::memcpy(room(n), s, n);
    at_ += n;
  }

 private:
  // Up to the capacity first: a reused buffer then never reallocates.
  void grow(std::size_t n) {
    const std::size_t length = this->length();
    out_.resize(std::max({out_.capacity(), out_.size() * 2, length + n + 256}));
    at_ = out_.data() + length;
    end_ = out_.data() + out_.size();
  }

  std::string& out_;
  char* at_;
  char* end_;
};

// Boost writes these seven as two-character escapes and other control bytes as \u00xx.
constexpr std::string_view kShortEscapeOf = "\"\\\b\t\n\f\r";
constexpr std::string_view kShortEscapeAs = "\"\\btnfr";

void put_escape(Writer& w, char c) {
  const std::size_t short_form = kShortEscapeOf.find(c);
  if (short_form != std::string_view::npos) {
    const char escape[2] = {'\\', kShortEscapeAs[short_form]};
    w.put(escape, sizeof escape);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(c);
  const char escape[6] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 15]};
  w.put(escape, sizeof escape);
}

// The rest of a string from its first byte to escape, and the closing quote.
void write_escaped_tail(Writer& w, std::string_view s) {
  while (!s.empty()) {
    put_escape(w, s.front());
    s.remove_prefix(1);
    const std::size_t run = plain_prefix(s.data(), s.size());
    w.put(s.data(), run);
    s.remove_prefix(run);
  }
  w.put('"');
}

void write_string(Writer& w, std::string_view s) {
  const std::size_t run = plain_prefix(s.data(), s.size());
  char* at = w.room(run + 2);
  at[0] = '"';
  std::memcpy(at + 1, s.data(), run);
  if (run == s.size()) {
    at[run + 1] = '"';
    return w.advance(run + 2);
  }
  w.advance(run + 1);
  write_escaped_tail(w, s.substr(run));
}

template <typename Integer>
void write_integer(Writer& w, Integer n) {
  char* at = w.room(24);
  w.advance(static_cast<std::size_t>(std::to_chars(at, at + 24, n).ptr - at));
}

// Most doubles in records have a few decimals: prices, coordinates, rates. Such a d is
// M / 10^k with a small M and k; M and 10^k are exact doubles, so that quotient
// is the correctly rounded value of the decimal M·10^-k, which is what a correct parser
// reads from its text. The smallest such k is the shortest text, as Ryu would write it,
// found without Ryu (libstdc++'s to_chars made doubles 40% of a record's time).
constexpr double kPowersOf10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
// Below 2^50, one integer at most reads back to d, and rounding d·10^k finds it.
constexpr double kTwoTo50 = 1125899906842624.0;

// `digits` with a decimal point `decimals` digits from the right: 15, 1 → "1.5";
// 1, 3 → "0.001"; 100, 0 → "100.0".
char* place_point(char* at, std::uint64_t digits, int decimals) {
  char text[20];
  const int length = static_cast<int>(std::to_chars(text, text + sizeof text, digits).ptr - text);
  const int whole = length - decimals;
  if (whole <= 0) {
    at = std::copy_n("0.", 2, at);
    at = std::fill_n(at, -whole, '0');
    return std::copy(text, text + length, at);
  }
  at = std::copy(text, text + whole, at);
  *at++ = '.';
  return decimals == 0 ? std::copy_n("0", 1, at) : std::copy(text + whole, text + length, at);
}

// |d| with at most 8 decimals and under 2^50 once scaled; nullptr for any other.
char* short_decimal(char* at, double magnitude) {
  for (int k = 0; k < static_cast<int>(std::size(kPowersOf10)); ++k) {
    const double scaled = magnitude * kPowersOf10[k];
    if (scaled >= kTwoTo50) return nullptr;
    const auto digits = static_cast<std::uint64_t>(scaled + 0.5);
    if (static_cast<double>(digits) / kPowersOf10[k] == magnitude)
      return place_point(at, digits, k);
  }
  return nullptr;
}

char* format_double(char* at, double d) {
  const double magnitude = std::fabs(d);
  if (magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16))
    return std::to_chars(at, at + 32, d, std::chars_format::scientific).ptr;
  if (std::signbit(d)) *at++ = '-';
  if (char* end = short_decimal(at, magnitude)) return end;
  char* end = std::to_chars(at, at + 31, magnitude, std::chars_format::fixed).ptr;
  return std::find(at, end, '.') == end ? std::copy_n(".0", 2, end) : end;
}

void write_double(Writer& w, double d) {
  if (std::isnan(d)) return w.put("null", 4);
  if (std::isinf(d)) return d < 0 ? w.put("-1e99999", 8) : w.put("1e99999", 7);
  char* at = w.room(32);
  w.advance(static_cast<std::size_t>(format_double(at, d) - at));
}

void write_value(Writer& w, const boost::json::value& v);

void write_array(Writer& w, const boost::json::array& a) {
  w.put('[');
  for (auto it = a.begin(); it != a.end(); ++it) {
    if (it != a.begin()) w.put(',');
    write_value(w, *it);
  }
  w.put(']');
}

void write_object(Writer& w, const boost::json::object& o) {
  w.put('{');
  for (auto it = o.begin(); it != o.end(); ++it) {
    if (it != o.begin()) w.put(',');
    write_string(w, it->key());
    w.put(':');
    write_value(w, it->value());
  }
  w.put('}');
}

void write_value(Writer& w, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return w.put("null", 4);
    case boost::json::kind::bool_:
      return v.get_bool() ? w.put("true", 4) : w.put("false", 5);
    case boost::json::kind::int64:
      return write_integer(w, v.get_int64());
    case boost::json::kind::uint64:
      return write_integer(w, v.get_uint64());
    case boost::json::kind::double_:
      return write_double(w, v.get_double());
    case boost::json::kind::string:
      return write_string(w, v.get_string());
    case boost::json::kind::array:
      return write_array(w, v.get_array());
    case boost::json::kind::object:
      return write_object(w, v.get_object());
  }
}

// Writes into a per-thread scratch string and copies the text out once, as Boost does with
// its stack buffer. A scratch grown past kKeptScratch by a large document is released.
template <typename Json, typename Write>
std::string serialized(const Json& json, Write write) {
  constexpr std::size_t kKeptScratch = std::size_t{1} << 20;
  thread_local std::string scratch;
  Writer w(scratch, 0);
  write(w, json);
  std::string text(scratch.data(), w.length());
  if (scratch.size() > kKeptScratch) std::string().swap(scratch);
  return text;
}

}  // namespace

void serialize_to(std::string& out, const boost::json::value& v) {
  Writer w(out, out.size());
  write_value(w, v);
  out.resize(w.length());
}

std::string serialize(const boost::json::value& v) {
  return serialized(v, write_value);
}
std::string serialize(const boost::json::object& o) {
  return serialized(o, write_object);
}
std::string serialize(const boost::json::array& a) {
  return serialized(a, write_array);
}
std::string serialize(const boost::json::string& s) {
  return serialized(std::string_view(s), write_string);
}

}  // namespace hw::json
