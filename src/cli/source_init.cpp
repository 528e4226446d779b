#include "cli/source_init.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "toolkit/artifacts.hpp"
#include "toolkit/pretty_json.hpp"
#include "util/durable_fs.hpp"

namespace hw::cli {
namespace {

namespace fs = std::filesystem;
using toolkit::Artifact;

std::string content_of(const toolkit::Starter& starter, Artifact artifact) {
  switch (artifact) {
    case Artifact::category:
      return starter.category + "\n";
    case Artifact::description:
      return starter.description + "\n";
    case Artifact::icon:
      return starter.icon;
    case Artifact::label:
      return starter.label + "\n";
    case Artifact::connection_spec:
      return toolkit::pretty_json(starter.connection_spec);
  }
  return {};
}

void write_new(const fs::path& path, const std::string& content) {
  const auto fd = util::create_new_file(path);
  util::write_all(fd.get(), content, path);
}

// Writes the artifacts into `source`, which this call just created; on any failure it
// removes `source` again, so a failed init leaves nothing half-made behind.
void write_artifacts(const fs::path& source, const std::string& name,
                     const toolkit::Starter& starter, std::ostream& out) {
  try {
    const fs::path artifacts = source / "Artifacts";
    fs::create_directory(artifacts);
    for (Artifact artifact : toolkit::kArtifacts) {
      const fs::path path = artifacts / toolkit::file_name(name, artifact);
      write_new(path, content_of(starter, artifact));
      out << "created " << path.string() << "\n";
    }
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(source, ignored);
    throw;
  }
}

}  // namespace

int source_init(const SourceInitOptions& options, std::ostream& out, std::ostream& err) {
  if (const auto problem = toolkit::source_name_problem(options.name)) {
    err << "headwater source init: '" << options.name << "' cannot name a source: " << *problem
        << "\n";
    return 1;
  }
  const fs::path sources = fs::path(options.dir) / "Sources";
  const fs::path source = sources / options.name;
  fs::create_directories(sources);
  // mkdir, not a test then a mkdir: two inits racing cannot both get the folder.
  if (::mkdir(source.c_str(), 0755) != 0) {
    if (errno == EEXIST) {
      err << "headwater source init: " << source.string()
          << " already exists; init never overwrites a source: pick another name or remove "
             "the folder\n";
      return 1;
    }
    throw std::system_error(errno, std::generic_category(), "cannot create " + source.string());
  }
  write_artifacts(source, options.name, toolkit::make_starter(options.name, options.family), out);
  out << "next: edit " << toolkit::file_name(options.name, Artifact::connection_spec)
      << ", then run: headwater source validate " << source.string() << "\n";
  return 0;
}

}  // namespace hw::cli
