#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/pagination/page_reader.hpp"
#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"
#include "json/serialize.hpp"

namespace hw::engine::pagination {
namespace {

// Where the last page number comes from (`endPageIndex`): the spec itself, a response header
// (`headers.x-pagecount`) or a JSONPath into the first page.
struct EndPage {
  enum class From { nowhere, spec, header, body } from = From::nowhere;
  std::size_t number = 0;  // From::spec
  std::string header;      // From::header, lower-cased as response headers are
  jsonpath::Path path;     // From::body
  std::string text;        // as the spec writes it, for messages
};

std::optional<std::size_t> page_number(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  std::size_t out = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return out;
}

EndPage end_page(const boost::json::object& params) {
  const auto* value = params.if_contains("endPageIndex");
  if (!value) return {};
  EndPage end;
  end.text = value->is_string() ? std::string(value->get_string()) : hw::json::serialize(*value);
  constexpr std::string_view kHeaders = "headers.";
  if (const auto number = page_number(end.text)) {
    end.from = EndPage::From::spec;
    end.number = *number;
  } else if (end.text.starts_with(kHeaders) && end.text.size() > kHeaders.size()) {
    end.from = EndPage::From::header;
    end.header = end.text.substr(kHeaders.size());
    std::transform(end.header.begin(), end.header.end(), end.header.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  } else if (end.text.starts_with('$')) {
    end.from = EndPage::From::body;
    end.path = page_path("endPageIndex", end.text);
  } else {
    throw RunError("INVALID_SPEC", "paginationParams.endPageIndex '" + end.text +
                                       "' is not a page number, headers.<name> or a JSONPath");
  }
  return end;
}

// `pageParamName=i` from `initialPageIndex` on, with `limitName=limitValue`. It stops after
// the last page endPageIndex names (a page number, inclusive), on an empty page, or after
// `maximumRequest` requests. A short page does not stop it: an API that caps the page size
// below limitValue answers short pages all along.
class Page final : public Paginator {
 public:
  Page(std::string limit_name, std::size_t limit, std::string page_name, std::size_t initial,
       EndPage end, std::size_t max_requests)
      : limit_name_(std::move(limit_name)),
        limit_(limit),
        page_name_(std::move(page_name)),
        index_(initial),
        end_(std::move(end)),
        max_requests_(max_requests) {}

  void first(UpstreamRequest& request) override {
    if (!limit_name_.empty()) set_query_param(request.url, limit_name_, std::to_string(limit_));
    set_query_param(request.url, page_name_, std::to_string(index_));
  }

  bool next(const UpstreamResponse& page, std::size_t records, UpstreamRequest& request) override {
    ++requests_;
    if (records == 0) return false;
    if (requests_ == 1) last_ = last_page(page, request);
    if ((last_ && index_ >= *last_) || requests_ >= max_requests_) return false;
    set_query_param(request.url, page_name_, std::to_string(++index_));
    return true;
  }

 private:
  // Read once, from the first page: later pages of such APIs repeat the same count.
  std::optional<std::size_t> last_page(const UpstreamResponse& page,
                                       const UpstreamRequest& request) {
    std::optional<std::string> text;
    switch (end_.from) {
      case EndPage::From::nowhere:
        return std::nullopt;
      case EndPage::From::spec:
        return end_.number;
      case EndPage::From::header:
        if (const auto* value = page.header(end_.header)) text = *value;
        break;
      case EndPage::From::body:
        reader_.load(page.body);
        text = reader_.text_at(end_.path);
        break;
    }
    if (!text) return std::nullopt;
    if (const auto number = page_number(*text)) return number;
    throw RunError("MALFORMED_PAGE", "endPageIndex " + end_.text + " is '" + shown(*text, request) +
                                         "' in the answer to " + request.describe() +
                                         ", not a page number");
  }

  std::string limit_name_;
  std::size_t limit_;
  std::string page_name_;
  std::size_t index_;
  EndPage end_;
  std::size_t max_requests_;
  std::size_t requests_ = 0;
  std::optional<std::size_t> last_;
  PageReader reader_;
};

}  // namespace

std::unique_ptr<Paginator> page(const boost::json::object& params) {
  const std::string page_name = json::string_at(params, "pageParamName");
  if (page_name.empty())
    throw RunError("INVALID_SPEC", "PAGE pagination needs paginationParams.pageParamName");
  return std::make_unique<Page>(
      json::string_at(params, "limitName"), whole_number(params, "limitValue", 100), page_name,
      whole_number(params, "initialPageIndex", 0), end_page(params),
      std::max<std::size_t>(1, whole_number(params, "maximumRequest", 10'000)));
}

}  // namespace hw::engine::pagination
