#include "config/engine_config.hpp"

#include <boost/json.hpp>

#include <stdexcept>
#include <string>

namespace hw::config {
namespace {

constexpr const char* kKeys[] = {"connectTimeoutMillis", "readTimeoutMillis",   "maxAttempts",
                                 "retryBaseDelayMillis", "retryMaxDelayMillis", "pagesAhead"};

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view key,
                       std::string_view why) {
  throw std::runtime_error(file.string() + ": engine" + (key.empty() ? "" : ".") +
                           std::string(key) + ": " + std::string(why));
}

void refuse_unknown(const std::filesystem::path& file, const boost::json::object& engine) {
  for (const auto& [key, value] : engine) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known) {
      fail(file, key,
           "unknown setting; use connectTimeoutMillis, readTimeoutMillis, maxAttempts, "
           "retryBaseDelayMillis, retryMaxDelayMillis or pagesAhead");
    }
  }
}

constexpr std::int64_t kDayMillis = 86'400'000;

// An integer in [least, most], or `out` unchanged when the key is absent.
template <typename T>
void read_between(const std::filesystem::path& file, const boost::json::object& engine,
                  const char* key, std::int64_t least, std::int64_t most, T& out) {
  const auto* v = engine.if_contains(key);
  if (!v) return;
  if (!v->is_int64() || v->as_int64() < least || v->as_int64() > most) {
    fail(file, key,
         "must be an integer from " + std::to_string(least) + " to " + std::to_string(most));
  }
  out = T(v->as_int64());
}

}  // namespace

void read_engine_config(const std::filesystem::path& file, const boost::json::value& engine,
                        engine::FetchOptions& out) {
  if (!engine.is_object()) fail(file, "", "must be an object");
  const auto& o = engine.as_object();
  refuse_unknown(file, o);
  read_between(file, o, "connectTimeoutMillis", 1, kDayMillis, out.connect_timeout);
  read_between(file, o, "readTimeoutMillis", 1, kDayMillis, out.read_timeout);
  read_between(file, o, "maxAttempts", 1, 100, out.retry.max_attempts);
  read_between(file, o, "retryBaseDelayMillis", 0, kDayMillis, out.retry.base_delay);
  read_between(file, o, "retryMaxDelayMillis", 0, kDayMillis, out.retry.max_delay);
  read_between(file, o, "pagesAhead", 1, 64, out.pages_ahead);
}

}  // namespace hw::config
