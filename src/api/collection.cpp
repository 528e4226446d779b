#include <boost/json.hpp>

#include "api/json_io.hpp"
#include "api/services.hpp"
#include "http/error.hpp"
#include "json/serialize.hpp"
#include "streaming/inlet_auth.hpp"
#include "streaming/intake.hpp"
#include "util/ids.hpp"

// The streaming inlets (streaming-ingestion.yaml; DESIGN §5): POST /collection/{inletId}
// and POST /collection/batch/{inletId}. They answer only once the events are durable.
namespace hw::api {
namespace {

// The limit of streaming-ingestion.yaml ("larger than 1 MB"), whatever maxBodyBytes says.
constexpr std::size_t kMaxInletBody = std::size_t{1} << 20;

void require_json(const http::Request& request) {
  const auto value = request.header("content-type");
  std::string type(value ? value->substr(0, value->find(';')) : std::string_view());
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type == "application/json") return;
  throw http::ApiError(
      415, "UNSUPPORTED_MEDIA_TYPE", "inlets take JSON; send 'Content-Type: application/json'",
      {{"headers.content-type",
        value ? "'" + std::string(*value) + "' is not application/json" : "missing"}});
}

http::Response with_retry_after(http::Response r, std::chrono::seconds after) {
  r.headers.emplace_back("Retry-After", std::to_string(after.count()));
  return r;
}

std::string single_body(const streaming::Inlet& inlet, const streaming::Intake& intake,
                        std::int64_t received_ms) {
  return hw::json::serialize(boost::json::object{{"inletId", inlet.id},
                                                 {"xactionId", intake.results[0].xaction_id},
                                                 {"receivedTimeMs", received_ms}});
}

std::string batch_body(const streaming::Inlet& inlet, const streaming::Intake& intake,
                       std::string_view batch_id, std::int64_t received_ms) {
  boost::json::array responses;
  for (const auto& result : intake.results) {
    if (result.error.empty()) {
      responses.push_back({{"xactionId", result.xaction_id}, {"status", 200}});
    } else {
      responses.push_back({{"xactionId", result.xaction_id},
                           {"status", 400},
                           {"code", "INVALID_MESSAGE"},
                           {"message", result.error}});
    }
  }
  return hw::json::serialize(boost::json::object{{"inletId", inlet.id},
                                                 {"batchId", batch_id},
                                                 {"receivedTimeMs", received_ms},
                                                 {"responses", std::move(responses)}});
}

// Checks in the order that tells an unauthenticated caller least: the inlet, the request's
// form, the signature or token, and only then the inlet's flows and the messages.
std::shared_ptr<const streaming::Inlet> admit(Services& s, const http::Request& req,
                                              std::string_view inlet_id) {
  auto inlet = s.inlets.find(inlet_id);
  if (!inlet) {
    throw http::ApiError(404, "INLET_NOT_FOUND",
                         "no streaming connection has inlet '" + std::string(inlet_id) + "'");
  }
  require_json(req);
  if (req.body.size() > kMaxInletBody) {
    throw http::ApiError(413, "PAYLOAD_TOO_LARGE",
                         "the body is larger than 1 MB (" + std::to_string(kMaxInletBody) +
                             " bytes); send fewer messages per request");
  }
  if (!streaming::inlet_admits(*inlet, req, s.policy))
    throw http::ApiError(401, "UNAUTHORIZED", std::string(streaming::refusal_message(*inlet)));
  if (inlet->enabled_flows.empty()) {
    throw http::ApiError(409, "NO_ENABLED_FLOW",
                         "inlet '" + inlet->id +
                             "' has no enabled dataflow: create a flow on GenericStreamingAEP "
                             "for its connection, or enable it");
  }
  return inlet;
}

http::Response collect(Services& s, const http::Request& req, std::string_view inlet_id,
                       bool batch) {
  const std::int64_t received_ms = util::now_ms();
  const auto inlet = admit(s, req, inlet_id);
  const auto messages =
      batch ? streaming::read_batch_messages(req.body) : streaming::read_one_message(req.body);
  if (!messages.error.empty())
    throw http::ApiError(400, "INVALID_MESSAGE", messages.error, {{"body", messages.error}});
  const auto sync = req.query_param("syncValidation");
  const std::string xaction_id = streaming::new_xaction_id(received_ms);
  auto intake = streaming::take_messages(*inlet, messages, received_ms, sync && *sync == "true",
                                         batch, xaction_id);
  if (!batch && !intake.results[0].error.empty()) {
    throw http::ApiError(400, "INVALID_MESSAGE", intake.results[0].error,
                         {{"body", intake.results[0].error}});
  }
  const int status = batch ? 207 : 200;
  std::string body = batch ? batch_body(*inlet, intake, xaction_id, received_ms)
                           : single_body(*inlet, intake, received_ms);
  http::Response response;
  response.later = [&log = s.ingest_log, frames = std::move(intake.frames), events = intake.events,
                    status, body = std::move(body)](http::Reply reply) mutable {
    auto busy = log.append(std::move(frames), events, [reply, status, body](bool durable) {
      if (durable) return reply(json_response(status, body));
      reply(with_retry_after(
          http::error_response(503, "INGEST_UNAVAILABLE",
                               "the events could not be written; nothing was accepted"),
          std::chrono::seconds(5)));
    });
    if (busy) {
      reply(with_retry_after(
          http::error_response(429, "TOO_MANY_REQUESTS",
                               "the inlets are behind; nothing was accepted, retry later"),
          busy->retry_after));
    }
  };
  return response;
}

}  // namespace

void register_collection(http::Router& router, Services& s) {
  router.add("POST", "/collection/{inletId}",
             [&s](const auto& req, const auto& p) { return collect(s, req, p["inletId"], false); });
  router.add("POST", "/collection/batch/{inletId}",
             [&s](const auto& req, const auto& p) { return collect(s, req, p["inletId"], true); });
}

}  // namespace hw::api
