#include "toolkit/starter.hpp"

#include <boost/json.hpp>

#include "toolkit/categories.hpp"
#include "util/resources.hpp"

namespace hw::toolkit {
namespace {

char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// "acme-crm_v2" -> "Acme Crm V2".
std::string label_of(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (char c : name) {
    if (c == '-' || c == '_') {
      out += ' ';
      word_start = true;
      continue;
    }
    out += word_start ? upper(c) : c;
    word_start = false;
  }
  return out;
}

boost::json::object template_of(Family family) {
  const auto name = family == Family::batch ? "builtins/connection_spec_generic_rest.json"
                                            : "builtins/connection_spec_generic_streaming.json";
  return boost::json::parse(*resources::find(name)).as_object();
}

// An icon to replace: the source's initial on a rounded square.
std::string placeholder_icon(std::string_view label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\" "
         "viewBox=\"0 0 48 48\">\n"
         "  <rect width=\"48\" height=\"48\" rx=\"8\" fill=\"#1473e6\"/>\n"
         "  <text x=\"24\" y=\"32\" font-family=\"sans-serif\" font-size=\"24\" "
         "text-anchor=\"middle\" fill=\"#ffffff\">" +
         std::string(1, label.front()) + "</text>\n</svg>\n";
}

}  // namespace

Starter make_starter(std::string_view name, Family family) {
  Starter s;
  s.label = label_of(name);
  s.category = family == Family::batch ? "protocols" : "streaming";
  s.description = family == Family::batch
                      ? s.label + " records, read from its REST API on a schedule."
                      : s.label + " events, received over HTTP as they happen.";
  s.icon = placeholder_icon(s.label);
  s.connection_spec = template_of(family);
  s.connection_spec["name"] = name;
  s.connection_spec["description"] = s.description;
  auto& ui = s.connection_spec["sourceSpec"]
                 .as_object()["attributes"]
                 .as_object()["uiAttributes"]
                 .as_object();
  ui["label"] = {{"text", s.label}};
  ui["description"] = {{"text", s.description}};
  ui["category"] = {{"key", *category_key(s.category)}};
  ui["icon"] = {{"key", name}};
  return s;
}

}  // namespace hw::toolkit
