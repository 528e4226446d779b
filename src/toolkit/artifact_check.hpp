#pragma once
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "toolkit/artifacts.hpp"

namespace hw::toolkit {

inline constexpr std::size_t kMaxTextBytes = 64 * 1024;
// What a server accepts as a request body by default: a larger spec could not be registered.
inline constexpr std::size_t kMaxSpecBytes = 1 << 20;

// One problem with one artifact. `path` is a JSON path inside a connection spec as the
// server's validation reports it ("sourceSpec.attributes.urlParams.path"), or "$" for the
// file as a whole; SVG problems carry their line and column in `message`.
struct Finding {
  std::string file;  // "acme-icon.svg", or the folder as given when it is the folder's fault
  std::string path;
  std::string message;
  bool warning = false;
};

// The artifacts as read, each when it could be read; text is trimmed.
struct Artifacts {
  std::optional<std::string> category, description, label, icon;
  std::optional<boost::json::value> connection_spec;
};

struct ArtifactCheck {
  std::vector<Finding> findings;
  Artifacts artifacts;

  std::size_t errors() const;
  std::size_t warnings() const;
};

// Everything `headwater source validate` checks (issue 6): the five artifacts are present
// and named for the folder; the category is documented; label and description are
// non-empty and the label is one line; the icon passes check_svg_icon; the connection spec
// passes spec::validate_connection_spec, the server's own validation; and, as warnings, a
// label, description or category in the spec's uiAttributes that differs from its file.
ArtifactCheck check_artifacts(const ArtifactFolder& folder);

}  // namespace hw::toolkit
