#pragma once
#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace hw::toolkit {

enum class Family { batch, streaming };

// What `headwater source init` writes for a new source: the built-in template of its family
// (the generic REST template, or the seed's generic streaming one) named after the source,
// with its label, description and category in both the text artifacts and the spec's
// uiAttributes, and a placeholder icon. Every artifact passes `source validate`.
struct Starter {
  std::string label;
  std::string description;
  std::string category;  // as the category file writes it: "protocols", "streaming"
  std::string icon;      // SVG
  boost::json::object connection_spec;
};

// `name` must have passed source_name_problem (artifacts.hpp).
Starter make_starter(std::string_view name, Family family);

}  // namespace hw::toolkit
