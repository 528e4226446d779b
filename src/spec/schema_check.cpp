// valijson reports schema errors by throwing; this is the only file that includes it, so the
// macro is set consistently for every use.
#define VALIJSON_USE_EXCEPTIONS 1
#include "spec/schema_check.hpp"
#include "util/regex.hpp"  // before valijson, which uses <regex>

#include "json/parse.hpp"
#include "spec/schema_guard.hpp"
#include "spec/schema_messages.hpp"

#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace hw::spec {
namespace json = boost::json;

struct CompiledSchema::Impl {
  valijson::Schema schema;
  json::value source;  // as written, for the hints in messages
  bool has_pattern_properties = false;
};

namespace {

std::string unusable(std::string_view why) {
  std::string out = "is not a valid JSON Schema (draft-07): ";
  out += why;
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// patternProperties runs std::regex on instance keys, which must stay short (schema_guard).
bool report_long_keys(const json::value& v, const std::string& path, std::size_t depth,
                      Report& out) {
  bool found = false;
  if (const auto* o = v.if_object()) {
    for (const auto& m : *o) {
      if (m.key().size() > detail::kMaxRegexSubjectLength) {
        out.error(path, "has a property name longer than " +
                            std::to_string(detail::kMaxRegexSubjectLength) + " characters");
        found = true;
      } else if (depth < hw::json::kMaxDepth) {
        found |= report_long_keys(m.value(), child_path(path, m.key()), depth + 1, out);
      }
    }
  } else if (const auto* a = v.if_array(); a && depth < hw::json::kMaxDepth) {
    for (std::size_t i = 0; i < a->size(); ++i)
      found |= report_long_keys((*a)[i], index_path(path, i), depth + 1, out);
  }
  return found;
}

std::vector<detail::RawError> drain(valijson::ValidationResults& results) {
  std::vector<detail::RawError> raw;
  raw.reserve(results.numErrors());
  valijson::ValidationResults::Error e;
  while (results.popError(e)) raw.push_back({std::move(e.context), std::move(e.description)});
  return raw;
}

}  // namespace

std::variant<CompiledSchema, std::string> CompiledSchema::compile(const json::value& schema) {
  try {
    auto guarded = detail::guard_schema(schema);
    if (auto* problem = std::get_if<std::string>(&guarded)) return unusable(*problem);
    auto& hardened = std::get<detail::GuardedSchema>(guarded);
    auto impl = std::make_shared<Impl>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::BoostJsonAdapter adapter(hardened.hardened);
    parser.populateSchema(adapter, impl->schema);
    impl->source = schema;
    impl->has_pattern_properties = hardened.has_pattern_properties;
    return CompiledSchema(std::move(impl));
  } catch (const std::exception& e) {
    return unusable(e.what());
  } catch (...) {
    return unusable("the schema could not be read");
  }
}

Report CompiledSchema::validate(const json::value& instance, const std::string& base_path) const {
  Report out;
  try {
    if (impl_->has_pattern_properties && report_long_keys(instance, base_path, 0, out)) return out;
    // A Validator caches compiled regexes without locking, so each call gets its own.
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::BoostJsonAdapter adapter(instance);
    if (validator.validate(impl_->schema, adapter, &results)) return out;
    detail::add_schema_errors(drain(results), instance, impl_->source, base_path, out);
  } catch (const std::exception& e) {
    out.error(base_path, std::string("could not be checked against its schema: ") + e.what());
  } catch (...) {
    out.error(base_path, "could not be checked against its schema");
  }
  return out;
}

Report validate_instance(const json::value& schema, const json::value& instance,
                         const std::string& base_path) {
  auto compiled = CompiledSchema::compile(schema);
  if (auto* problem = std::get_if<std::string>(&compiled)) {
    Report out;
    out.error(base_path, "cannot be checked: its schema " + *problem);
    return out;
  }
  return std::get<CompiledSchema>(compiled).validate(instance, base_path);
}

std::optional<std::string> schema_problem(const json::value& schema) {
  auto compiled = CompiledSchema::compile(schema);
  if (auto* problem = std::get_if<std::string>(&compiled)) return std::move(*problem);
  return std::nullopt;
}

}  // namespace hw::spec
