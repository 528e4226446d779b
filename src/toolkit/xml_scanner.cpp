#include "toolkit/xml_scanner.hpp"

#include <cstdint>

#include "toolkit/utf8.hpp"

namespace hw::toolkit::xml {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_name_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || u >= 0x80;
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// XML 1.0's Char production.
bool is_xml_char(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void append_utf8(std::string& out, std::uint32_t cp) {
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

std::string hex(std::uint32_t cp) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (int shift = 12; shift >= 0; shift -= 4) out += kDigits[(cp >> shift) & 0xF];
  return out;
}

class Scanner {
 public:
  Scanner(std::string_view doc, Handler& handler, const Limits& limits)
      : doc_(doc), handler_(handler), limits_(limits) {}

  void document() {
    check_characters();
    if (starts_with("\xEF\xBB\xBF")) pos_ += 3;
    if (starts_with("<?xml") && pos_ + 5 < doc_.size() && is_space(doc_[pos_ + 5]))
      xml_declaration();
    misc();
    if (at_end()) fail(pos_, "the document has no root element");
    if (doc_[pos_] != '<') fail(pos_, "text before the root element");
    elements();
    misc();
    if (!at_end()) fail(pos_, "content after the root element ends");
  }

 private:
  [[noreturn]] static void fail(std::size_t offset, std::string message) {
    throw SyntaxError{offset, std::move(message)};
  }

  bool at_end() const { return pos_ >= doc_.size(); }
  bool starts_with(std::string_view s) const { return doc_.substr(pos_).starts_with(s); }

  bool skip_space() {
    const std::size_t from = pos_;
    while (!at_end() && is_space(doc_[pos_])) ++pos_;
    return pos_ > from;
  }

  void expect(char c, std::string_view what) {
    if (at_end() || doc_[pos_] != c) fail(pos_, "expected " + std::string(what));
    ++pos_;
  }

  void check_characters() const {
    for (std::size_t i = 0; i < doc_.size();) {
      std::uint32_t cp = 0;
      const std::size_t length = decode_utf8(doc_, i, cp);
      if (length == 0) fail(i, "the text is not valid UTF-8");
      if (!is_xml_char(cp)) fail(i, "character U+" + hex(cp) + " is not allowed in XML");
      i += length;
    }
  }

  std::string_view name(std::string_view what) {
    const std::size_t from = pos_;
    if (at_end() || !is_name_start(doc_[pos_])) fail(pos_, "expected " + std::string(what));
    while (!at_end() && is_name_char(doc_[pos_])) ++pos_;
    return doc_.substr(from, pos_ - from);
  }

  void xml_declaration() {
    const auto end = doc_.find("?>", pos_);
    if (end == std::string_view::npos) fail(pos_, "the XML declaration is not closed with '?>'");
    pos_ = end + 2;
  }

  // Comments, processing instructions and white space, around the root element.
  void misc() {
    for (;;) {
      skip_space();
      if (starts_with("<!--")) {
        comment();
      } else if (starts_with("<!DOCTYPE")) {
        fail(pos_,
             "a DOCTYPE is not allowed: it can declare entities and load external files, and "
             "an SVG needs none; delete it");
      } else if (starts_with("<?")) {
        processing_instruction();
      } else {
        return;
      }
    }
  }

  void comment() {
    const std::size_t from = pos_;
    const auto dashes = doc_.find("--", pos_ + 4);
    if (dashes == std::string_view::npos) fail(from, "a comment is not closed with '-->'");
    if (dashes + 2 >= doc_.size() || doc_[dashes + 2] != '>')
      fail(dashes, "'--' is not allowed inside a comment");
    pos_ = dashes + 3;
  }

  void processing_instruction() {
    const std::size_t from = pos_;
    pos_ += 2;
    const auto target = name("a processing instruction target");
    if (target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' &&
        (target[2] | 0x20) == 'l')
      fail(from, "an XML declaration is allowed only at the very start");
    const auto end = doc_.find("?>", pos_);
    if (end == std::string_view::npos) fail(from, "a processing instruction is not closed");
    pos_ = end + 2;
    handler_.processing_instruction(target, from);
  }

  // The root element and everything inside it, without recursion.
  void elements() {
    start_tag();
    while (!open_.empty()) {
      if (at_end()) fail(pos_, "<" + std::string(open_.back()) + "> is never closed");
      if (starts_with("</")) {
        end_tag();
      } else if (starts_with("<!--")) {
        comment();
      } else if (starts_with("<![CDATA[")) {
        cdata();
      } else if (starts_with("<?")) {
        processing_instruction();
      } else if (starts_with("<!")) {
        fail(pos_, "a markup declaration is not allowed inside an element");
      } else if (doc_[pos_] == '<') {
        start_tag();
      } else {
        char_data();
      }
    }
  }

  void start_tag() {
    const std::size_t from = pos_++;
    const auto element = name("an element name");
    std::vector<Attribute> attributes;
    bool self_closing = false;
    for (;;) {
      const bool spaced = skip_space();
      if (starts_with("/>")) {
        pos_ += 2;
        self_closing = true;
        break;
      }
      if (starts_with(">")) {
        ++pos_;
        break;
      }
      if (at_end()) fail(from, "<" + std::string(element) + " is not closed with '>'");
      if (!spaced) fail(pos_, "expected white space, '>' or '/>'");
      attribute(attributes);
    }
    const std::size_t depth = open_.size() + 1;
    if (depth > limits_.max_depth)
      fail(from, "elements nest deeper than " + std::to_string(limits_.max_depth) + " levels");
    handler_.start_element(element, attributes, from, depth);
    if (self_closing) {
      handler_.end_element(element);
    } else {
      open_.push_back(element);
    }
  }

  void attribute(std::vector<Attribute>& attributes) {
    Attribute a;
    a.offset = pos_;
    a.name = name("an attribute name");
    for (const auto& other : attributes)
      if (other.name == a.name)
        fail(a.offset, "attribute '" + std::string(a.name) + "' appears twice");
    if (attributes.size() == limits_.max_attributes)
      fail(a.offset, "more than " + std::to_string(limits_.max_attributes) + " attributes");
    skip_space();
    expect('=', "'=' after attribute '" + std::string(a.name) + "'");
    skip_space();
    const char quote = at_end() ? '\0' : doc_[pos_];
    if (quote != '"' && quote != '\'')
      fail(pos_, "the value of '" + std::string(a.name) + "' must be quoted");
    ++pos_;
    while (!at_end() && doc_[pos_] != quote) {
      if (doc_[pos_] == '<') fail(pos_, "'<' is not allowed in an attribute value");
      if (doc_[pos_] == '&') {
        reference(a.value);
      } else {
        a.value += doc_[pos_++];
      }
    }
    if (at_end()) fail(a.offset, "the value of '" + std::string(a.name) + "' is not closed");
    ++pos_;
    attributes.push_back(std::move(a));
  }

  void end_tag() {
    const std::size_t from = pos_;
    pos_ += 2;
    const auto element = name("an element name after '</'");
    skip_space();
    expect('>', "'>' to end </" + std::string(element));
    if (element != open_.back())
      fail(from, "</" + std::string(element) + "> closes <" + std::string(open_.back()) + ">");
    open_.pop_back();
    handler_.end_element(element);
  }

  void cdata() {
    const std::size_t from = pos_;
    const std::size_t start = pos_ + 9;
    const auto end = doc_.find("]]>", start);
    if (end == std::string_view::npos) fail(from, "a CDATA section is not closed with ']]>'");
    handler_.text(doc_.substr(start, end - start), from);
    pos_ = end + 3;
  }

  void char_data() {
    const std::size_t from = pos_;
    std::string text;
    while (!at_end() && doc_[pos_] != '<') {
      if (starts_with("]]>")) fail(pos_, "']]>' is not allowed in text");
      if (doc_[pos_] == '&') {
        reference(text);
      } else {
        text += doc_[pos_++];
      }
    }
    handler_.text(text, from);
  }

  // `&name;`, `&#N;` or `&#xH;` at pos_, appended to `out` decoded.
  void reference(std::string& out) {
    const std::size_t from = pos_;
    constexpr std::size_t kLongest = 12;  // "&#x0010FFFF;"
    const auto semicolon = doc_.substr(from, kLongest).find(';');
    if (semicolon == std::string_view::npos) fail(from, "'&' must start a reference such as &amp;");
    const auto body = doc_.substr(from + 1, semicolon - 1);
    pos_ = from + semicolon + 1;
    if (body.starts_with('#')) return char_reference(body.substr(1), from, out);
    if (body == "lt") return out.push_back('<');
    if (body == "gt") return out.push_back('>');
    if (body == "amp") return out.push_back('&');
    if (body == "apos") return out.push_back('\'');
    if (body == "quot") return out.push_back('"');
    fail(from, "unknown entity '&" + std::string(body) +
                   ";': only &lt; &gt; &amp; &apos; &quot; and numeric references are allowed");
  }

  void char_reference(std::string_view digits, std::size_t from, std::string& out) {
    const bool is_hex = digits.starts_with('x');
    if (is_hex) digits.remove_prefix(1);
    if (digits.empty()) fail(from, "a character reference has no digits");
    std::uint32_t cp = 0;
    for (char c : digits) {
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      if (is_hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      if (is_hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) fail(from, "a character reference has a bad digit");
      cp = cp * (is_hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      if (cp > 0x10FFFF) fail(from, "a character reference is beyond U+10FFFF");
    }
    if (!is_xml_char(cp)) fail(from, "a character reference names U+" + hex(cp) + ", not allowed");
    append_utf8(out, cp);
  }

  std::string_view doc_;
  Handler& handler_;
  const Limits& limits_;
  std::size_t pos_ = 0;
  std::vector<std::string_view> open_;  // names of the elements open around pos_
};

}  // namespace

std::optional<SyntaxError> scan(std::string_view document, Handler& handler, const Limits& limits) {
  try {
    Scanner(document, handler, limits).document();
    return std::nullopt;
  } catch (SyntaxError& e) {
    return std::move(e);
  }
}

Position position_of(std::string_view document, std::size_t offset) {
  Position p;
  const std::size_t end = std::min(offset, document.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (document[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(document[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

std::string_view local_name(std::string_view name) {
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace hw::toolkit::xml
