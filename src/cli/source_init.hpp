#pragma once
#include <ostream>
#include <string>

#include "toolkit/starter.hpp"

namespace hw::cli {

struct SourceInitOptions {
  std::string name;
  toolkit::Family family = toolkit::Family::batch;
  std::string dir = ".";
};

// `headwater source init NAME [--batch|--streaming] [--dir DIR]`: lays out
// DIR/Sources/NAME/Artifacts/NAME-{category.txt,description.txt,icon.svg,label.txt,
// connectionSpec.json} with starter content (toolkit/starter.hpp) and prints each path.
// Refuses, with exit 1, a NAME that is not a plain folder name and a Sources/NAME that
// already exists: it never overwrites anything.
int source_init(const SourceInitOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hw::cli
