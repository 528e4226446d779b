#include "dataset/batch_layout.hpp"

#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "util/ids.hpp"

namespace hw::dataset {
namespace {

constexpr std::string_view kExtension = ".jsonl";
constexpr std::size_t kIndexDigits = 5;

std::string_view prefix(PartKind kind) {
  return kind == PartKind::records ? "part-" : "failed-";
}

// Ids are server-made UUIDs; this guard keeps a bad one from ever naming another path.
std::string_view safe_segment(std::string_view id) {
  bool ok = !id.empty() && id.front() != '.';
  for (char c : id)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  if (!ok) throw std::invalid_argument("'" + std::string(id) + "' is not a valid id");
  return id;
}

}  // namespace

std::string part_name(PartKind kind, std::size_t index) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%05zu", index);
  return std::string(prefix(kind)) + digits + std::string(kExtension);
}

bool is_part_name(PartKind kind, std::string_view name) {
  const auto p = prefix(kind);
  if (!name.starts_with(p) || !name.ends_with(kExtension)) return false;
  const auto digits = name.substr(p.size(), name.size() - p.size() - kExtension.size());
  if (digits.size() < kIndexDigits) return false;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

BatchLayout::BatchLayout(const std::filesystem::path& data_dir) : root_(data_dir / "datasets") {}

std::filesystem::path BatchLayout::dataset_dir(const store::Scope& scope,
                                               std::string_view dataset_id) const {
  // A newline cannot occur in a header value, so no two scopes join to the same text.
  return root_ / util::stable_uuid(scope.org + "\n" + scope.sandbox) / safe_segment(dataset_id);
}

std::filesystem::path BatchLayout::batch_dir(const store::Scope& scope, std::string_view dataset_id,
                                             std::string_view batch_id) const {
  return dataset_dir(scope, dataset_id) / safe_segment(batch_id);
}

std::filesystem::path BatchLayout::staging_dir(const store::Scope& scope,
                                               std::string_view dataset_id,
                                               std::string_view batch_id) const {
  return dataset_dir(scope, dataset_id) / (".staging-" + std::string(safe_segment(batch_id)));
}

}  // namespace hw::dataset
