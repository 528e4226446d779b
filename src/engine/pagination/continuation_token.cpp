#include <boost/json.hpp>

#include <vector>

#include "engine/pagination/loop_guard.hpp"
#include "engine/pagination/page_reader.hpp"
#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::engine::pagination {
namespace {

// When the source says it has no more pages, whatever its token says. Adobe documents
// `endConditionName` (a JSONPath) with `endConditionValue` ("Const:false"); without them, a
// has_more/hasMore flag beside the token or at the root is read, because APIs such as
// Zendesk's keep a cursor on their last page and only the flag says it is the last.
struct EndCondition {
  std::vector<jsonpath::Path> paths;  // the first one present decides
  std::string last_page_value;        // its value on the last page
};

jsonpath::Path with_name(std::vector<jsonpath::Segment> segments, std::string name) {
  jsonpath::Selector selector;
  selector.name = std::move(name);
  segments.push_back({false, {std::move(selector)}});
  return jsonpath::Path(std::move(segments));
}

// The object holding the token, when the token path is names only (`$.meta.after_cursor`).
std::optional<std::vector<jsonpath::Segment>> token_parent(const jsonpath::Path& token) {
  const auto& segments = token.segments();
  if (segments.size() < 2) return std::nullopt;
  for (const auto& s : segments)
    if (s.descendant || s.selectors.size() != 1 ||
        s.selectors[0].kind != jsonpath::Selector::Kind::name)
      return std::nullopt;
  return std::vector<jsonpath::Segment>(segments.begin(), segments.end() - 1);
}

EndCondition end_condition(const boost::json::object& params, const jsonpath::Path& token) {
  const std::string name = json::string_at(params, "endConditionName");
  if (!name.empty()) {
    std::string value = json::string_at(params, "endConditionValue");
    constexpr std::string_view kConst = "Const:";
    if (value.size() >= kConst.size() && spec::iequals(value.substr(0, kConst.size()), kConst))
      value.erase(0, kConst.size());
    return {{page_path("endConditionName", name)}, value.empty() ? "false" : value};
  }
  EndCondition flags{{}, "false"};
  const auto add_flags = [&](const std::vector<jsonpath::Segment>& at) {
    for (const char* flag : {"has_more", "hasMore"}) flags.paths.push_back(with_name(at, flag));
  };
  if (const auto parent = token_parent(token)) add_flags(*parent);
  add_flags({});
  return flags;
}

class ContinuationToken final : public Paginator {
 public:
  ContinuationToken(jsonpath::Path token, bool in_header, std::string name, EndCondition end)
      : token_(std::move(token)),
        in_header_(in_header),
        name_(std::move(name)),
        end_(std::move(end)) {}

  void first(UpstreamRequest&) override {}

  bool next(const UpstreamResponse& page, std::size_t, UpstreamRequest& request) override {
    reader_.load(page.body);
    if (last_page()) return false;
    const auto token = reader_.text_at(token_);
    if (!token || token->empty()) return false;
    guard_.admit(*token, request, "continuation token");
    if (in_header_)
      request.set_header(name_, *token);
    else
      set_query_param(request.url, name_, *token);
    return true;
  }

 private:
  bool last_page() {
    for (const auto& path : end_.paths)
      if (const auto value = reader_.text_at(path)) return *value == end_.last_page_value;
    return false;
  }

  jsonpath::Path token_;
  bool in_header_;
  std::string name_;
  EndCondition end_;
  PageReader reader_;
  LoopGuard guard_;
};

}  // namespace

std::unique_ptr<Paginator> continuation_token(const boost::json::object& params) {
  auto token = page_path("continuationTokenPath", json::string_at(params, "continuationTokenPath"));
  const std::string where = json::string_at(params, "parameterType");
  const bool in_header = spec::iequals(where, "HEADERPARAM");
  if (!in_header && !spec::iequals(where, "QUERYPARAM"))
    throw RunError("INVALID_SPEC", "paginationParams.parameterType '" + where +
                                       "' is neither QUERYPARAM nor HEADERPARAM");
  const std::string name = json::string_at(params, "parameterName");
  if (name.empty())
    throw RunError("INVALID_SPEC",
                   "CONTINUATION_TOKEN pagination needs paginationParams.parameterName");
  auto end = end_condition(params, token);
  return std::make_unique<ContinuationToken>(std::move(token), in_header, name, std::move(end));
}

}  // namespace hw::engine::pagination
