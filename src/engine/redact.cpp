#include "engine/redact.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "engine/template.hpp"
#include "json/serialize.hpp"

namespace hw::engine {
namespace {

constexpr std::string_view kMask = "***";
constexpr std::size_t kMatchedAnywhere = 4;  // bytes; see redact() in the header
constexpr std::size_t kQuotedBytes = 300;

// A JSON string's content (no quotes) as Boost.JSON escapes it.
std::string json_escaped(const std::string& text) {
  const std::string quoted = hw::json::serialize(boost::json::value(text));
  return quoted.substr(1, quoted.size() - 2);
}

// The same, with '/' written "\/" as PHP's json_encode and others write it: base64 (Basic
// credentials) and many keys hold a '/'.
std::string solidus_escaped(const std::string& json) {
  std::string out;
  for (const char c : json) {
    if (c == '/') out += '\\';
    out += c;
  }
  return out;
}

// Every spelling of every secret, longest first, each once.
std::vector<std::string> spellings(const std::vector<std::string>& secrets) {
  std::vector<std::string> out;
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    const std::string json = json_escaped(secret);
    out.insert(out.end(), {secret, url_encode(secret), json, solidus_escaped(json)});
  }
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

bool stands_alone(std::string_view text, std::size_t at, std::size_t length) {
  const std::size_t end = at + length;
  return (at == 0 || !is_word_byte(text[at - 1])) &&
         (end == text.size() || !is_word_byte(text[end]));
}

std::string mask_one(std::string_view text, std::string_view spelling) {
  const bool anywhere = spelling.size() >= kMatchedAnywhere;
  std::string out;
  std::size_t kept = 0;  // text before this is in `out`
  for (std::size_t at = text.find(spelling); at != std::string_view::npos;
       at = text.find(spelling, at)) {
    if (!anywhere && !stands_alone(text, at, spelling.size())) {
      ++at;
      continue;
    }
    out.append(text.substr(kept, at - kept)).append(kMask);
    at = kept = at + spelling.size();
  }
  return out.append(text.substr(kept));
}

std::string mask(std::string_view text, const std::vector<std::string>& spellings) {
  std::string out(text);
  for (const auto& spelling : spellings) out = mask_one(out, spelling);
  return out;
}

}  // namespace

std::string redact(std::string_view text, const std::vector<std::string>& secrets) {
  return mask(text, spellings(secrets));
}

std::string clip(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::string quote_body(std::string_view body, const std::vector<std::string>& secrets) {
  // Only the quoted start is redacted, not a body of up to max_body_bytes. A secret cut by
  // the window's end survives in part, but only at the end of the redacted text, in what
  // its last `longest` bytes became (at most "***" each): the window grows until the
  // redacted text reaches past that, or holds the whole body.
  const auto forms = spellings(secrets);
  const std::size_t tail = forms.empty() ? 0 : kMask.size() * forms.front().size();
  std::size_t window = kQuotedBytes + tail;
  std::string shown = mask(body.substr(0, window), forms);
  while (window < body.size() && shown.size() <= kQuotedBytes + tail) {
    window *= 2;
    shown = mask(body.substr(0, window), forms);
  }
  std::replace_if(
      shown.begin(), shown.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return clip(shown, kQuotedBytes);
}

}  // namespace hw::engine
