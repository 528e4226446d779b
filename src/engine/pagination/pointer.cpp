#include <algorithm>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "engine/pagination/loop_guard.hpp"
#include "engine/pagination/page_reader.hpp"
#include "engine/pagination/paginator.hpp"
#include "engine/run_error.hpp"
#include "json/access.hpp"
#include "spec/did_you_mean.hpp"

namespace hw::engine::pagination {
namespace {

// What a page's pointer holds: a URL, absolute or relative to the page's own, or a bare
// cursor. Base64 and hex cursors hold neither a leading '/' or '.' nor a '?'.
bool is_link(std::string_view pointer) {
  const auto starts_with_any_case = [&](std::string_view prefix) {
    return pointer.size() >= prefix.size() &&
           spec::iequals(pointer.substr(0, prefix.size()), prefix);
  };
  return starts_with_any_case("http://") || starts_with_any_case("https://") ||
         pointer.starts_with('/') || pointer.starts_with('.') ||
         pointer.find('?') != std::string_view::npos;
}

// Some APIs write links with raw brackets or spaces in the query (`?page[after]=…`), which
// RFC 3986 refuses: those are percent-encoded, past the authority, where an IPv6 host may
// legitimately hold brackets.
std::string escape_stray(std::string_view link) {
  std::size_t from = 0;
  if (const auto scheme_end = link.find("://"); scheme_end != std::string_view::npos)
    from = std::min(link.size(), link.find_first_of("/?#", scheme_end + 3));
  std::string out(link.substr(0, from));
  constexpr std::string_view kStray = "\"<>\\^`{|}[]";
  constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : link.substr(from)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F && kStray.find(c) == std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

bool same_origin(boost::urls::url_view a, boost::urls::url_view b) {
  return spec::iequals(a.scheme(), b.scheme()) &&
         spec::iequals(a.encoded_host_and_port(), b.encoded_host_and_port());
}

// A same-origin link keeps the query parameters of the page it follows that it does not set
// itself: a key sent as a query parameter, the page size and the schedule window must reach
// every page, and APIs rarely repeat them in their links.
void keep_missing_params(boost::urls::url_view from, boost::urls::url& to) {
  if (!same_origin(from, to)) return;
  for (const auto param : from.encoded_params())
    if (!to.encoded_params().contains(param.key)) to.encoded_params().append(param);
}

// Credentials are for the source's own host: as curl does on a redirect, a link to another
// origin is followed without the headers that carry a secret.
void drop_credentials(UpstreamRequest& request) {
  std::erase_if(request.headers, [&](const auto& header) {
    return std::any_of(request.secrets.begin(), request.secrets.end(), [&](const auto& secret) {
      return !secret.empty() && header.second.find(secret) != std::string::npos;
    });
  });
}

class Pointer final : public Paginator {
 public:
  Pointer(std::string limit_name, std::size_t limit, std::string path_field, jsonpath::Path path,
          std::string cursor_name)
      : limit_name_(std::move(limit_name)),
        limit_(limit),
        path_field_(std::move(path_field)),
        path_(std::move(path)),
        cursor_name_(std::move(cursor_name)) {}

  void first(UpstreamRequest& request) override {
    if (!limit_name_.empty()) set_query_param(request.url, limit_name_, std::to_string(limit_));
    guard_.admit(request.url, request, "next link");
  }

  bool next(const UpstreamResponse& page, std::size_t, UpstreamRequest& request) override {
    reader_.load(page.body);
    const auto pointer = reader_.text_at(path_);
    if (!pointer || pointer->empty()) return false;
    std::string url =
        is_link(*pointer) ? follow(request, *pointer) : with_cursor(request, *pointer);
    guard_.admit(url, request, "next link");
    if (!same_origin(boost::urls::url_view(request.url), boost::urls::url_view(url)))
      drop_credentials(request);
    request.url = std::move(url);
    return true;
  }

 private:
  std::string follow(const UpstreamRequest& request, const std::string& link) const {
    auto reference = boost::urls::parse_uri_reference(link);
    std::string escaped;
    if (!reference) {
      escaped = escape_stray(link);
      reference = boost::urls::parse_uri_reference(escaped);
    }
    if (!reference) {
      throw RunError("MALFORMED_PAGE", "the answer to " + request.describe() + " has " +
                                           path_field_ + " '" + shown(link, request) +
                                           "', which is not a URL");
    }
    const boost::urls::url_view current(request.url);
    boost::urls::url next(current);
    if (!next.resolve(*reference))
      throw RunError("MALFORMED_PAGE", "cannot resolve the next link '" + shown(link, request) +
                                           "' against " + request.describe());
    next.remove_fragment();
    keep_missing_params(current, next);
    return std::string(next.buffer());
  }

  std::string with_cursor(const UpstreamRequest& request, const std::string& cursor) const {
    if (cursor_name_.empty()) {
      throw RunError("INVALID_SPEC",
                     path_field_ + " gave the cursor '" + shown(cursor, request) + "' at " +
                         request.describe() +
                         " rather than a link; set paginationParams.parameterName to the query "
                         "parameter that carries it");
    }
    std::string url = request.url;
    set_query_param(url, cursor_name_, cursor);
    return url;
  }

  std::string limit_name_;
  std::size_t limit_;
  std::string path_field_;
  jsonpath::Path path_;
  std::string cursor_name_;
  PageReader reader_;
  LoopGuard guard_;
};

// The query parameter a bare cursor is sent in: `parameterName`, else the name the pointer
// has in the page (`$.paging.cursor` → `cursor`).
std::string cursor_name(const boost::json::object& params, const jsonpath::Path& path) {
  std::string name = json::string_at(params, "parameterName");
  if (!name.empty() || path.segments().empty()) return name;
  const auto& last = path.segments().back().selectors;
  return last.size() == 1 && last[0].kind == jsonpath::Selector::Kind::name ? last[0].name
                                                                            : std::string();
}

}  // namespace

std::unique_ptr<Paginator> pointer(const boost::json::object& params) {
  const std::string field = params.contains("pointerPath") ? "pointerPath" : "pointerName";
  auto path = page_path(field, json::string_at(params, field));
  std::string cursor = cursor_name(params, path);
  return std::make_unique<Pointer>(json::string_at(params, "limitName"),
                                   whole_number(params, "limitValue", 100), field, std::move(path),
                                   std::move(cursor));
}

}  // namespace hw::engine::pagination
