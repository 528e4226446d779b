#include <boost/json.hpp>

#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "json/access.hpp"
#include "json/parse.hpp"
#include "spec/builtin_ids.hpp"
#include "spec/did_you_mean.hpp"
#include "streaming/hmac.hpp"
#include "toolkit/bounded_read.hpp"
#include "toolkit/flow_service_calls.hpp"
#include "toolkit/verify_chain.hpp"

namespace hw::toolkit {
namespace {

constexpr std::string_view kHmac = "HMAC Authentication";
constexpr std::size_t kMaxSampleBytes = 16 << 20;
constexpr std::chrono::milliseconds kPollEvery{250};

std::string hex(const streaming::Digest& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
  return out;
}

struct Totals {
  std::int64_t runs = 0, in = 0, out = 0, failed = 0;
  std::string batch;  // the first batch that landed records
};

Totals totals_of(const boost::json::array& runs) {
  Totals t;
  for (const auto& run : runs) {
    if (!run.is_object()) continue;
    const auto& records =
        json::object_at(json::object_at(run.get_object(), "metrics"), "recordSummary");
    const auto count = [&](std::string_view key) {
      const auto* v = records.if_contains(key);
      return v && v->is_number() ? v->to_number<std::int64_t>() : 0;
    };
    ++t.runs;
    t.in += count("inputRecordCount");
    t.out += count("outputRecordCount");
    t.failed += count("failedRecordCount");
    if (t.batch.empty() && count("outputRecordCount") > 0)
      t.batch = json::string_at(calls::first_of(run.get_object(), "activities"), "id");
  }
  return t;
}

}  // namespace

void Verification::streaming() {
  steps_.run("connection", [&] {
    auto made = create_connection(streaming_auth());
    const auto connection =
        calls::get_item(client_, std::string(calls::kFlowService) + "/connections/" + connection_);
    inlet_ =
        json::string_at(json::object_at(json::object_at(connection, "auth"), "params"), "inletId");
    if (inlet_.empty()) throw std::runtime_error("the connection has no inletId");
    return made + ", inlet " + inlet_;
  });
  dataflow_steps(spec::kGenericStreamingAep, {});
  steps_.run("send events", [&] { return send_events_step(); });
  if (steps_.run("landed", [&] { return landed_step(); })) sample_step(batch_);
}

// HMAC Authentication with the env's hmacSecret unless the env names another inlet method.
boost::json::object Verification::streaming_auth() {
  const std::string method = env_.auth_spec_name.empty() ? std::string(kHmac) : env_.auth_spec_name;
  if (spec::iequals(method, kHmac)) {
    if (!env_.hmac_secret) throw std::runtime_error("hmacSecret is required for " + method);
    signing_secret_ = *env_.hmac_secret;
    return {{"specName", method}, {"params", {{"secret", *env_.hmac_secret}}}};
  }
  const auto entry = auth_entry(method);
  return {{"specName", method},
          {"params", entry ? params_for(env_, entry->if_contains("spec")) : boost::json::object()}};
}

// Each line of sampleFile, signed when the inlet takes HMAC, posted to the inlet.
std::string Verification::send_events_step() {
  if (!env_.sample_file)
    throw std::runtime_error("sampleFile is required: a JSON Lines file of events to post");
  const auto read = read_bounded(*env_.sample_file, kMaxSampleBytes);
  if (!read.ok) throw std::runtime_error("sampleFile " + *env_.sample_file + " " + read.error);
  std::istringstream lines(read.text);
  std::size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto parsed = json::parse(line);
    if (!parsed.ok)
      throw std::runtime_error(*env_.sample_file + " line " + std::to_string(number) +
                               " is not JSON: " + parsed.error);
    std::vector<std::pair<std::string, std::string>> headers;
    if (!signing_secret_.empty())
      headers.emplace_back("x-hmac-sha256", hex(streaming::hmac_sha256(signing_secret_, line)));
    const auto answer =
        client_.send("POST", "/collection/" + inlet_, line, "application/json", headers);
    if (answer.status != 200)
      throw std::runtime_error("the inlet refused line " + std::to_string(number) + ": " +
                               answer.describe_error());
    ++events_sent_;
  }
  if (events_sent_ == 0) throw std::runtime_error(*env_.sample_file + " holds no events");
  return std::to_string(events_sent_) + " event(s) accepted";
}

// Waits, at most verifyWaitTimeInSecond, until the flow's runs account for every event.
std::string Verification::landed_step() {
  const auto started = std::chrono::steady_clock::now();
  const auto sent = static_cast<std::int64_t>(events_sent_);
  WaitLine line(options_.text, options_.terminal, "the events to land");
  Totals t;
  for (;;) {
    t = totals_of(calls::runs_of(client_, flow_));
    const auto elapsed = std::chrono::steady_clock::now() - started;
    if (t.out + t.failed >= sent || elapsed > env_.wait) break;
    line.update(static_cast<std::size_t>(t.out), elapsed);
    std::this_thread::sleep_for(kPollEvery);
  }
  line.finish();
  batch_ = t.batch;
  report_.run = {{"runs", t.runs},
                 {"inputRecordCount", t.in},
                 {"outputRecordCount", t.out},
                 {"failedRecordCount", t.failed}};
  if (t.failed > 0)
    throw std::runtime_error(std::to_string(t.failed) + " of " + std::to_string(sent) +
                             " event(s) failed; the batches' failed records say why");
  if (t.out < sent)
    throw std::runtime_error("only " + std::to_string(t.out) + " of " + std::to_string(sent) +
                             " event(s) landed within " + std::to_string(env_.wait.count()) +
                             " s (verifyWaitTimeInSecond); events land a window at a time "
                             "(the server's streaming.windowSeconds)");
  return std::to_string(t.out) + " event(s) landed in " + std::to_string(t.runs) + " run(s)";
}

}  // namespace hw::toolkit
