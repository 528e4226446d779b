#include "config/serve_config.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "config/engine_config.hpp"
#include "config/streaming_config.hpp"
#include "json/parse.hpp"

namespace hw::config {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file, std::string_view path,
                       std::string_view why) {
  throw std::runtime_error(file.string() + ": " + std::string(path) + ": " + std::string(why));
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

template <typename T>
void read_uint(const std::filesystem::path& file, const boost::json::object& o, const char* key,
               T& out) {
  const auto* v = o.if_contains(key);
  if (!v) return;
  if (!v->is_int64() || v->as_int64() < 0) fail(file, key, "must be a non-negative integer");
  out = static_cast<T>(v->as_int64());
}

void read_string(const std::filesystem::path& file, const boost::json::object& o, const char* key,
                 std::string& out) {
  const auto* v = o.if_contains(key);
  if (!v) return;
  if (!v->is_string()) fail(file, key, "must be a string");
  out = std::string(v->as_string());
}

void read_rate(const std::filesystem::path& file, const boost::json::object& o, const char* key,
               double& out) {
  const auto* v = o.if_contains(key);
  if (!v) return;
  if (!v->is_number() || v->to_number<double>() < 1 || v->to_number<double>() > 1e6)
    fail(file, key, "must be a number from 1 (real time) to 1000000");
  out = v->to_number<double>();
}

void read_seconds(const std::filesystem::path& file, const boost::json::object& o,
                  const char* key, std::chrono::seconds& out) {
  const auto* v = o.if_contains(key);
  if (!v) return;
  if (!v->is_int64() || v->as_int64() < 1) fail(file, key, "must be a positive integer");
  out = std::chrono::seconds(v->as_int64());
}

void read_orgs(const std::filesystem::path& file, const boost::json::object& o,
               http::AccessPolicy& access) {
  const auto* orgs = o.if_contains("orgs");
  if (!orgs) return;
  if (!orgs->is_object()) fail(file, "orgs", "must be an object keyed by IMS org id");
  for (const auto& [org, entry] : orgs->as_object()) {
    const std::string path = "orgs." + std::string(org) + ".tokens";
    const auto* tokens = entry.is_object() ? entry.as_object().if_contains("tokens") : nullptr;
    if (!tokens || !tokens->is_array()) fail(file, path, "must be an array of token strings");
    auto& accepted = access.tokens_by_org[std::string(org)];
    for (const auto& token : tokens->as_array()) {
      if (!token.is_string() || token.as_string().empty())
        fail(file, path, "every token must be a non-empty string");
      accepted.insert(std::string(token.as_string()));
    }
  }
}

}  // namespace

void load_config_file(const std::filesystem::path& file, ServeConfig& config) {
  auto parsed = json::parse(read_all(file));
  if (!parsed.ok) fail(file, "$", parsed.error);
  if (!parsed.value.is_object()) fail(file, "$", "must be a JSON object");
  const auto& o = parsed.value.as_object();
  read_uint(file, o, "port", config.server.port);
  read_string(file, o, "bind", config.server.bind);
  read_uint(file, o, "threads", config.server.threads);
  read_uint(file, o, "maxBodyBytes", config.server.max_body_bytes);
  read_uint(file, o, "maxConnections", config.server.max_connections);
  std::string data_dir;
  read_string(file, o, "dataDir", data_dir);
  if (!data_dir.empty()) config.data_dir = data_dir;
  read_string(file, o, "logFormat", config.log_format);
  read_string(file, o, "logLevel", config.log_level);
  read_orgs(file, o, config.access);
  if (const auto* engine = o.if_contains("engine"))
    read_engine_config(file, *engine, config.engine);
  read_rate(file, o, "schedulerClockRate", config.scheduler_clock_rate);
  read_seconds(file, o, "readTimeoutSeconds", config.server.read_timeout);
  read_seconds(file, o, "idleTimeoutSeconds", config.server.idle_timeout);
  read_string(file, o, "publicBaseUrl", config.public_base_url);
  if (const auto* streaming = o.if_contains("streaming"))
    read_streaming_config(file, *streaming, config.streaming);
}

}  // namespace hw::config
