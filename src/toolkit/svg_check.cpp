#include "toolkit/svg_check.hpp"

#include <array>

#include "spec/did_you_mean.hpp"
#include "toolkit/xml_scanner.hpp"

namespace hw::toolkit {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower(c);
  return out;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && spec::iequals(s.substr(0, prefix.size()), prefix);
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A value as a message shows it: quoted, on one line, at most 60 bytes.
std::string excerpt(std::string_view value) {
  constexpr std::size_t kMax = 60;
  std::string out(value.substr(0, kMax));
  for (auto& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return "\"" + out + (value.size() > kMax ? "…\"" : "\"");
}

// A link an icon may hold: a fragment of itself, or an embedded raster image.
bool is_local_link(std::string_view value) {
  value = trimmed(value);
  if (value.starts_with('#')) return true;
  static constexpr std::array<std::string_view, 4> kImages = {"data:image/png", "data:image/jpeg",
                                                              "data:image/gif", "data:image/webp"};
  for (std::string_view image : kImages) {
    if (istarts_with(value, image) && value.size() > image.size() &&
        (value[image.size()] == ';' || value[image.size()] == ','))
      return true;
  }
  return false;
}

// What in CSS text (a style attribute, a <style> element, a presentation attribute) could
// reach outside the icon, or "" when nothing does. CSS escapes are refused outright: with
// them `\75 rl(` spells url( and no substring check can be trusted.
std::string external_css(std::string_view css) {
  if (css.find('\\') != std::string_view::npos) return "a CSS escape ('\\')";
  const std::string text = lowercase(css);
  for (std::string_view call : {"@import", "image-set(", "src("}) {
    if (text.find(call) != std::string::npos)
      return std::string(call) + (call[0] == '@' ? "" : ")");
  }
  for (auto at = text.find("url("); at != std::string::npos; at = text.find("url(", at + 4)) {
    std::size_t i = at + 4;
    while (i < text.size() && (is_space(text[i]) || text[i] == '"' || text[i] == '\'')) ++i;
    if (i >= text.size() || text[i] != '#')
      return "url(" + excerpt(css.substr(at + 4, text.find(')', at) - at - 4)) + ")";
  }
  return {};
}

class SvgRules : public xml::Handler {
 public:
  explicit SvgRules(std::string_view doc) : doc_(doc) {}

  void start_element(std::string_view name, const std::vector<xml::Attribute>& attributes,
                     std::size_t offset, std::size_t depth) override {
    const auto local = xml::local_name(name);
    if (depth == 1 && local != "svg")
      add(offset, "the root element is <" + std::string(name) + ">; an icon's root is <svg>");
    if (spec::iequals(local, "script"))
      add(offset, "<script> is not allowed: an icon must not run code");
    if (spec::iequals(local, "foreignObject"))
      add(offset,
          "<foreignObject> is not allowed: it embeds HTML, which this check cannot vouch for");
    if (spec::iequals(local, "style")) ++style_depth_;
    for (const auto& a : attributes) check_attribute(a);
  }

  void end_element(std::string_view name) override {
    if (spec::iequals(xml::local_name(name), "style")) --style_depth_;
  }

  void text(std::string_view data, std::size_t offset) override {
    if (style_depth_ == 0) return;
    if (const auto what = external_css(data); !what.empty())
      add(offset, "<style> has " + what + "; an icon must be self-contained");
  }

  void processing_instruction(std::string_view target, std::size_t offset) override {
    if (spec::iequals(target, "xml-stylesheet"))
      add(offset,
          "<?xml-stylesheet?> loads an external stylesheet; an icon must be self-contained");
  }

  // Not capped: the reason reading stopped is always shown.
  void add_syntax_error(const xml::SyntaxError& e) {
    const auto p = xml::position_of(doc_, e.offset);
    problems_.push_back({p.line, p.column, "is not well-formed XML: " + e.message});
  }

  std::vector<SvgProblem> take() { return std::move(problems_); }

 private:
  void check_attribute(const xml::Attribute& a) {
    const std::string name(a.name);
    const auto local = xml::local_name(a.name);
    if (istarts_with(local, "on")) {
      add(a.offset,
          "event-handler attribute '" + name + "' is not allowed: an icon must not run code");
    } else if (local == "href" || local == "src") {
      if (!is_local_link(a.value))
        add(a.offset, "'" + name + "' links outside the icon (" + excerpt(a.value) +
                          "); only '#id' links and data:image/png, jpeg, gif or webp URIs are "
                          "allowed");
    } else if (local == "attributeName" && (istarts_with(xml::local_name(a.value), "on") ||
                                            xml::local_name(a.value) == "href")) {
      add(a.offset, "animating '" + a.value +
                        "' is not allowed: it could run code or link "
                        "outside the icon");
    } else if (const auto what = external_css(a.value); !what.empty()) {
      add(a.offset, "'" + name + "' has " + what + "; an icon must be self-contained");
    }
  }

  void add(std::size_t offset, std::string message) {
    if (problems_.size() >= kMaxSvgProblems) return;
    if (problems_.size() + 1 == kMaxSvgProblems)
      message = "more problems are not listed; fix these first";
    const auto p = xml::position_of(doc_, offset);
    problems_.push_back({p.line, p.column, std::move(message)});
  }

  std::string_view doc_;
  std::size_t style_depth_ = 0;
  std::vector<SvgProblem> problems_;
};

}  // namespace

std::vector<SvgProblem> check_svg_icon(std::string_view document) {
  if (document.size() > kMaxIconBytes)
    return {{1, 1, "is larger than " + std::to_string(kMaxIconBytes) + " bytes (256 KB)"}};
  SvgRules rules(document);
  if (const auto error = xml::scan(document, rules)) rules.add_syntax_error(*error);
  return rules.take();
}

}  // namespace hw::toolkit
