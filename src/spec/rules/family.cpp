#include "spec/rules/rules.hpp"

#include <array>

namespace hw::spec::rules {
namespace {

// The request-building attributes only a batch source reads.
constexpr std::array<std::string_view, 7> kBatchOnly = {
    "urlParams",         "headerParams",     "bodyParams",    "contentPath",
    "explodeEntityPath", "paginationParams", "scheduleParams"};

}  // namespace

void check_family(const Spec& spec, Report& report) {
  if (!spec.kind) {
    report.error(std::string(kUrlParamsPath),
                 "a batch source needs urlParams (path and method of the request it makes); for "
                 "a streaming source set \"type\": \"generic-streaming\" instead");
    return;
  }
  if (!spec.streaming() || !spec.attributes) return;
  for (std::string_view key : kBatchOnly)
    if (spec.attributes->contains(key))
      report.warn(
          path_of(kAttributesPath, key),
          "is ignored: a streaming source receives its data and never fetches it; remove it");
}

}  // namespace hw::spec::rules
