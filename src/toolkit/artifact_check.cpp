#include "toolkit/artifact_check.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "json/parse.hpp"
#include "spec/connection_spec_validator.hpp"
#include "toolkit/bounded_read.hpp"
#include "toolkit/categories.hpp"
#include "toolkit/svg_check.hpp"
#include "toolkit/utf8.hpp"

namespace hw::toolkit {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRoot = "$";
constexpr std::string_view kUiAttributes = "sourceSpec.attributes.uiAttributes";
// A hostile folder may hold millions of entries; only this many are looked at.
constexpr std::size_t kMaxEntries = 1000;

std::string_view trimmed(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// A value as a message shows it: quoted, on one line, at most 60 bytes.
std::string shown(std::string_view text) {
  constexpr std::size_t kMax = 60;
  std::string out(text.substr(0, kMax));
  for (auto& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return "\"" + out + (text.size() > kMax ? "…\"" : "\"");
}

bool has_control_character(std::string_view text, bool multi_line) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (multi_line && (c == '\n' || c == '\r' || c == '\t')) return false;
    return u < 0x20 || u == 0x7F;
  });
}

std::string_view what_of(Artifact artifact) {
  switch (artifact) {
    case Artifact::category:
      return "category";
    case Artifact::description:
      return "description";
    case Artifact::label:
      return "label";
    default:
      return "artifact";
  }
}

std::size_t limit_of(Artifact artifact) {
  if (artifact == Artifact::icon) return kMaxIconBytes;
  if (artifact == Artifact::connection_spec) return kMaxSpecBytes;
  return kMaxTextBytes;
}

// The file names in `dir` that do not start with '.', sorted, at most kMaxEntries.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (names.size() == kMaxEntries) break;
    std::string name = it->path().filename().string();
    if (!name.starts_with('.')) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Checker {
 public:
  explicit Checker(const ArtifactFolder& folder) : folder_(folder) {}

  ArtifactCheck run() {
    check_names();
    for (Artifact artifact : kArtifacts) read(artifact);
    check_agreement();
    return std::move(result_);
  }

 private:
  void add(std::string file, std::string_view path, std::string message, bool warning) {
    result_.findings.push_back({std::move(file), std::string(path), std::move(message), warning});
  }
  void error(Artifact artifact, std::string_view path, std::string message) {
    add(file_name(folder_.name, artifact), path, std::move(message), false);
  }

  // Files that look like another source's artifacts are errors; anything else is noted.
  void check_names() {
    for (const auto& name : listing(folder_.artifacts)) {
      bool artifact_like = false;
      for (Artifact artifact : kArtifacts) {
        const auto suffix = suffix_of(artifact);
        if (!name.ends_with(suffix)) continue;
        artifact_like = true;
        const auto prefix = std::string_view(name).substr(0, name.size() - suffix.size());
        if (prefix != folder_.name)
          add(name, kRoot,
              "is named for '" + std::string(prefix) + "', not for its folder '" + folder_.name +
                  "'; rename it " + file_name(folder_.name, artifact),
              false);
      }
      if (!artifact_like) add(name, kRoot, "is not an artifact; it is ignored", true);
    }
  }

  void read(Artifact artifact) {
    const fs::path path = folder_.path_of(artifact);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) return error(artifact, kRoot, "is missing");
    auto outcome = read_bounded(path, limit_of(artifact));
    if (!outcome.ok) return error(artifact, kRoot, outcome.error);
    switch (artifact) {
      case Artifact::icon:
        return check_icon(std::move(outcome.text));
      case Artifact::connection_spec:
        return check_spec(outcome.text);
      default:
        return check_text(artifact, outcome.text);
    }
  }

  void check_text(Artifact artifact, std::string_view raw) {
    if (const auto bad = first_invalid_utf8(raw))
      return error(artifact, kRoot, "is not UTF-8 text (byte " + std::to_string(*bad) + ")");
    const auto text = trimmed(raw);
    const auto what = std::string(what_of(artifact));
    if (text.empty()) return error(artifact, kRoot, "is empty; write the source's " + what);
    const bool one_line = artifact != Artifact::description;
    if (one_line && text.find_first_of("\r\n") != std::string_view::npos)
      return error(artifact, kRoot, "has more than one line; a " + what + " is one line");
    if (has_control_character(text, !one_line))
      return error(artifact, kRoot, "has control characters");
    if (artifact == Artifact::category && !category_key(text))
      return error(artifact, kRoot,
                   shown(text) + " is not a documented category; use " + documented_categories());
    slot(artifact) = std::string(text);
  }

  std::optional<std::string>& slot(Artifact artifact) {
    auto& a = result_.artifacts;
    return artifact == Artifact::category ? a.category
           : artifact == Artifact::label  ? a.label
                                          : a.description;
  }

  void check_icon(std::string text) {
    const auto problems = check_svg_icon(text);
    for (const auto& p : problems) {
      error(Artifact::icon, kRoot,
            "line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " +
                p.message);
    }
    if (problems.empty()) result_.artifacts.icon = std::move(text);
  }

  void check_spec(std::string_view text) {
    auto parsed = json::parse(text);
    if (!parsed.ok) return error(Artifact::connection_spec, kRoot, parsed.error);
    const auto report = spec::validate_connection_spec(parsed.value);
    const auto file = file_name(folder_.name, Artifact::connection_spec);
    for (const auto& issue : report.errors) add(file, issue.path, issue.message, false);
    for (const auto& issue : report.warnings) add(file, issue.path, issue.message, true);
    result_.artifacts.connection_spec = std::move(parsed.value);
  }

  // The spec's uiAttributes against the files register will fill them from.
  void check_agreement() {
    const auto& spec = result_.artifacts.connection_spec;
    const auto* ui = spec ? find(*spec, {"sourceSpec", "attributes", "uiAttributes"}) : nullptr;
    if (!ui) return;
    compare(*ui, "label", "text", result_.artifacts.label, Artifact::label);
    compare(*ui, "description", "text", result_.artifacts.description, Artifact::description);
    compare(*ui, "category", "key", result_.artifacts.category, Artifact::category);
  }

  void compare(const boost::json::value& ui, std::string_view field, std::string_view member,
               const std::optional<std::string>& file_text, Artifact artifact) {
    const auto* value = find(ui, {field, member});
    if (!value || !value->is_string() || !file_text) return;
    const std::string_view in_spec = value->get_string();
    const bool same =
        artifact == Artifact::category ? same_category(in_spec, *file_text) : in_spec == *file_text;
    if (same) return;
    add(file_name(folder_.name, Artifact::connection_spec),
        std::string(kUiAttributes) + "." + std::string(field) + "." + std::string(member),
        shown(in_spec) + " differs from " + file_name(folder_.name, artifact) + " (" +
            shown(*file_text) + "); register writes the file's " + std::string(what_of(artifact)),
        true);
  }

  static const boost::json::value* find(const boost::json::value& v,
                                        std::initializer_list<std::string_view> keys) {
    const boost::json::value* at = &v;
    for (auto key : keys) {
      const auto* o = at->if_object();
      at = o ? o->if_contains(key) : nullptr;
      if (!at) return nullptr;
    }
    return at;
  }

  const ArtifactFolder& folder_;
  ArtifactCheck result_;
};

}  // namespace

std::size_t ArtifactCheck::errors() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return !f.warning; }));
}

std::size_t ArtifactCheck::warnings() const {
  return findings.size() - errors();
}

ArtifactCheck check_artifacts(const ArtifactFolder& folder) {
  return Checker(folder).run();
}

}  // namespace hw::toolkit
