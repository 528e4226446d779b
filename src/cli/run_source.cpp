#include "cli/run_source.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <variant>

#include "connection/checks.hpp"
#include "engine/pull.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"
#include "json/parse.hpp"
#include "spec/connection_spec_validator.hpp"
#include "spec/schema_check.hpp"
#include "spec/spec_kind.hpp"
#include "toolkit/artifact_check.hpp"
#include "toolkit/bounded_read.hpp"
#include "toolkit/run_progress.hpp"
#include "toolkit/time_arg.hpp"

namespace hw::cli {
namespace {

constexpr std::size_t kMaxParamsBytes = 1 << 20;

// Thrown by the record sink once --limit records are out: it stops the pull.
struct LimitReached {};

// Problems found in the command's files, printed all at once.
class Problems {
 public:
  void add(const std::string& file, std::string_view path, std::string_view message) {
    lines_ += file + ":" + std::string(path) + ": " + std::string(message) + "\n";
  }
  void add_all(const std::string& file, const spec::Report& report) {
    for (const auto& issue : report.errors) add(file, issue.path, issue.message);
  }
  bool empty() const { return lines_.empty(); }
  const std::string& text() const { return lines_; }

 private:
  std::string lines_;
};

// The JSON object in `file`, or nullopt with a problem.
std::optional<boost::json::object> read_object(const std::string& file, std::size_t max_bytes,
                                               Problems& problems) {
  const auto read = toolkit::read_bounded(file, max_bytes);
  if (!read.ok) {
    problems.add(file, "$", read.error);
    return std::nullopt;
  }
  auto parsed = json::parse(read.text);
  if (!parsed.ok) {
    problems.add(file, "$", parsed.error);
    return std::nullopt;
  }
  if (!parsed.value.is_object()) {
    problems.add(file, "$", "must be a JSON object");
    return std::nullopt;
  }
  return std::move(parsed.value.as_object());
}

std::string auth_spec_names(const boost::json::object& spec) {
  std::string out;
  if (const auto* entries = spec.if_contains("authSpec"); entries && entries->is_array()) {
    for (const auto& entry : entries->get_array()) {
      const auto name = entry.is_object() ? json::string_at(entry.get_object(), "name") : "";
      if (!name.empty()) out += (out.empty() ? "'" : ", '") + name + "'";
    }
  }
  return out.empty() ? "none" : out;
}

// The authSpec entry the auth file's `specName` names; a spec with a single entry needs none.
std::optional<boost::json::object> chosen_auth_spec(const boost::json::object& spec,
                                                    const boost::json::object& auth,
                                                    const std::string& file, Problems& problems) {
  const spec::SpecRegistry::Resolved resolved{spec, spec::SpecKind::batch_source};
  const auto* entries = spec.if_contains("authSpec");
  const auto* name = auth.if_contains("specName");
  if (!name && entries && entries->is_array() && entries->get_array().size() == 1 &&
      entries->get_array()[0].is_object())
    return entries->get_array()[0].get_object();
  if (!name || !name->is_string()) {
    problems.add(file, "specName",
                 "choose how to authenticate: specName is one of " + auth_spec_names(spec));
    return std::nullopt;
  }
  auto found = connection::find_auth_spec(resolved, name->get_string());
  if (!found)
    problems.add(file, "specName",
                 "'" + std::string(name->get_string()) +
                     "' is not an auth spec of this connection spec; use one of " +
                     auth_spec_names(spec));
  return found;
}

struct Inputs {
  boost::json::object spec, auth_spec, auth_params, source_params;
};

void check_spec(const RunSourceOptions& o, const boost::json::object& spec, Problems& problems) {
  const auto report = spec::validate_connection_spec(spec);
  problems.add_all(o.spec_file, report);
  if (!report.valid()) return;
  if (spec::classify_connection_spec(spec, false) != spec::SpecKind::batch_source)
    problems.add(o.spec_file, "$",
                 "is not a batch source (it has no sourceSpec.attributes.urlParams, or it is "
                 "a streaming spec, which receives events instead of reading them)");
}

void check_auth(const RunSourceOptions& o, const boost::json::object& spec,
                const boost::json::object& auth, Inputs& in, Problems& problems) {
  const auto* params = auth.if_contains("params");
  if (!params || !params->is_object()) {
    problems.add(o.auth_file, "params",
                 "an object is required: the auth file is a connection's `auth`, "
                 "{\"specName\": \"…\", \"params\": {…}}");
    return;
  }
  in.auth_params = params->get_object();
  const auto entry = chosen_auth_spec(spec, auth, o.auth_file, problems);
  if (!entry) return;
  in.auth_spec = *entry;
  if (const auto* schema = entry->if_contains("spec"))
    problems.add_all(o.auth_file, spec::validate_instance(*schema, *params, "params"));
}

void check_params(const RunSourceOptions& o, const boost::json::object& spec,
                  const boost::json::object& params, Problems& problems) {
  const auto& source_spec = json::object_at(spec, "sourceSpec");
  if (const auto* schema = source_spec.if_contains("spec"))
    problems.add_all(o.params_file, spec::validate_instance(*schema, params, "$"));
}

// The spec, auth and params, each checked as the server checks a connection spec, a
// connection and a source connection; nullopt after printing every problem.
std::optional<Inputs> load_inputs(const RunSourceOptions& o, std::ostream& err) {
  Problems problems;
  Inputs in;
  auto spec = read_object(o.spec_file, toolkit::kMaxSpecBytes, problems);
  const auto auth = read_object(o.auth_file, kMaxParamsBytes, problems);
  auto params = read_object(o.params_file, kMaxParamsBytes, problems);
  if (spec) check_spec(o, *spec, problems);
  if (spec && problems.empty() && auth) check_auth(o, *spec, *auth, in, problems);
  if (spec && problems.empty() && params) check_params(o, *spec, *params, problems);
  if (!problems.empty()) {
    err << problems.text();
    return std::nullopt;
  }
  in.spec = std::move(*spec);
  in.source_params = std::move(*params);
  return in;
}

// [--start or the Unix epoch, --end or now); nullopt after printing why not.
std::optional<engine::RunWindow> window_of(const RunSourceOptions& o, std::ostream& err) {
  engine::RunWindow window{
      schedule::TimePoint{},
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()),
      !o.start};
  for (auto [text, slot] : {std::pair{&o.start, &window.start}, std::pair{&o.end, &window.end}}) {
    if (!*text) continue;
    auto parsed = toolkit::parse_time_arg(**text);
    if (const auto* why = std::get_if<std::string>(&parsed)) {
      err << "headwater run: " << *why << "\n";
      return std::nullopt;
    }
    *slot = std::get<schedule::TimePoint>(parsed);
  }
  if (window.start >= window.end) {
    err << "headwater run: the window is empty: --start must be before --end (or now)\n";
    return std::nullopt;
  }
  return window;
}

}  // namespace

int run_source(const RunSourceOptions& o, std::ostream& out, std::ostream& err) {
  const auto in = load_inputs(o, err);
  if (!in) return 1;
  const auto window = window_of(o, err);
  if (!window) return 1;
  std::optional<toolkit::RunProgress> progress;
  if (o.progress) progress.emplace(err);
  engine::PullOptions options;
  if (progress) options.page_emitted = [&](const engine::PullStats&) { progress->page_written(); };
  std::size_t written = 0, failed = 0;
  const auto write = [&](std::string_view record) {
    out.write(record.data(), static_cast<std::streamsize>(record.size())).put('\n');
    ++written;
    if (progress) progress->record_written();
    if (o.limit && written == *o.limit) throw LimitReached{};
  };
  const auto reject = [&](std::string_view, const engine::RecordFailure& f) {
    ++failed;
    err << "record " << f.index << " failed (" << f.code << "): " << f.reason << "\n";
  };
  int code = 0;
  try {
    engine::pull({in->spec, in->auth_params, in->source_params, *window}, in->auth_spec, write,
                 options, reject);
  } catch (const LimitReached&) {
  } catch (const engine::RunError& e) {
    if (progress) {
      progress->finish();  // the error goes on a line of its own
      progress.reset();
    }
    err << "headwater run: " << e.code() << ": " << e.what() << "\n";
    code = 1;
  }
  out.flush();
  if (progress) progress->finish();
  if (failed > 0) {
    err << "headwater run: " << failed << " record(s) failed the spec's checks\n";
    code = 1;
  }
  return code;
}

}  // namespace hw::cli
