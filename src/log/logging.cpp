#include "log/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/json/string.hpp>

#include <chrono>
#include <stdexcept>

#include "json/serialize.hpp"

namespace hw::log {
namespace {

// One JSON object per line; the message is escaped so any text stays valid JSON.
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    const std::string line = fmt::format(
        "{{\"timeMs\":{},\"level\":\"{}\",\"msg\":{}}}\n", ms,
        spdlog::level::to_string_view(msg.level),
        hw::json::serialize(
            boost::json::string(std::string_view(msg.payload.data(), msg.payload.size()))));
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

}  // namespace

void setup(const std::string& format, const std::string& level) {
  const auto parsed_level = spdlog::level::from_str(level);
  if (parsed_level == spdlog::level::off && level != "off") {
    throw std::invalid_argument("unknown log level '" + level +
                                "' (trace, debug, info, warn, error, off)");
  }
  auto logger = std::make_shared<spdlog::logger>("headwater",
                                                 std::make_shared<spdlog::sinks::stderr_sink_mt>());
  if (format == "json") {
    logger->set_formatter(std::make_unique<JsonFormatter>());
  } else if (format == "text") {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  } else {
    throw std::invalid_argument("unknown log format '" + format + "' (text or json)");
  }
  logger->set_level(parsed_level);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace hw::log
