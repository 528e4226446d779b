#include "toolkit/verify_env.hpp"

#include <boost/json.hpp>

#include "json/parse.hpp"
#include "toolkit/bounded_read.hpp"

namespace hw::toolkit {
namespace {

constexpr std::size_t kMaxEnvBytes = 1 << 20;
constexpr std::int64_t kMaxWaitSeconds = 24 * 3600;

class Reader {
 public:
  Reader(std::string file, const boost::json::object& values)
      : file_(std::move(file)), values_(values) {}

  std::optional<std::string> text(std::string_view key, bool required) {
    const auto* v = values_.if_contains(key);
    if (!v) {
      if (required) problem(key, "is required");
      return std::nullopt;
    }
    if (v->is_string() && !v->get_string().empty()) return std::string(v->get_string());
    problem(key, "must be a non-empty string");
    return std::nullopt;
  }

  // A whole number, written as a number or as a string of digits.
  std::optional<std::int64_t> number(std::string_view key, std::int64_t min, std::int64_t max) {
    const auto* v = values_.if_contains(key);
    if (!v) return std::nullopt;
    std::optional<std::int64_t> n;
    if (v->is_int64()) n = v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(max))
      n = static_cast<std::int64_t>(v->get_uint64());
    if (v->is_string()) n = digits(v->get_string());
    if (!n || *n < min || *n > max) {
      problem(key,
              "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
      return std::nullopt;
    }
    return n;
  }

  std::optional<boost::json::array> array(std::string_view key) {
    const auto* v = values_.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_array()) return v->get_array();
    // Postman keeps every value as a string: a JSON array written as one is taken too.
    if (v->is_string()) {
      const auto parsed = json::parse(v->get_string());
      if (parsed.ok && parsed.value.is_array()) return parsed.value.get_array();
    }
    problem(key, "must be an array of mappings");
    return std::nullopt;
  }

  void problem(std::string_view key, const std::string& message) {
    problems_.push_back(file_ + ":" + std::string(key) + ": " + message);
  }
  std::vector<std::string>& problems() { return problems_; }

 private:
  static std::optional<std::int64_t> digits(std::string_view s) {
    if (s.empty() || s.size() > 15) return std::nullopt;
    std::int64_t n = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    return n;
  }

  std::string file_;
  const boost::json::object& values_;
  std::vector<std::string> problems_;
};

}  // namespace

std::variant<VerifyEnv, std::vector<std::string>> read_verify_env(const std::string& file) {
  const auto read = read_bounded(file, kMaxEnvBytes);
  if (!read.ok) return std::vector<std::string>{file + ":$: " + read.error};
  auto parsed = json::parse(read.text);
  if (!parsed.ok) return std::vector<std::string>{file + ":$: " + parsed.error};
  if (!parsed.value.is_object()) return std::vector<std::string>{file + ":$: must be an object"};
  VerifyEnv env;
  env.values = std::move(parsed.value.as_object());
  Reader r(file, env.values);
  env.connection_spec_id = r.text("connectionSpecId", true).value_or("");
  env.auth_spec_name = r.text("authSpecName", false).value_or("");
  env.start_time = r.number("startTime", 0, 32503680000);
  // Adobe's table spells it verifyWatTimeInSecond; both are read.
  const bool typo = !env.values.contains("verifyWaitTimeInSecond");
  if (auto wait =
          r.number(typo ? "verifyWatTimeInSecond" : "verifyWaitTimeInSecond", 1, kMaxWaitSeconds))
    env.wait = std::chrono::seconds(*wait);
  env.mappings = r.array("mappings");
  env.dataset_id = r.text("dataSetId", false);
  env.hmac_secret = r.text("hmacSecret", false);
  env.sample_file = r.text("sampleFile", false);
  if (!r.problems().empty()) return std::move(r.problems());
  return env;
}

boost::json::object params_for(const VerifyEnv& env, const boost::json::value* schema) {
  boost::json::object params;
  const auto* o = schema ? schema->if_object() : nullptr;
  const auto* properties = o ? o->if_contains("properties") : nullptr;
  if (!properties || !properties->is_object()) return params;
  for (const auto& property : properties->get_object())
    if (const auto* v = env.values.if_contains(property.key())) params[property.key()] = *v;
  return params;
}

}  // namespace hw::toolkit
