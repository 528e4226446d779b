#pragma once
#include <boost/json/object.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "engine/http_types.hpp"

namespace hw::engine {

// Walks a source's pages. first() prepares the first request; next() turns the answer to
// the last one into the next request, or says the run has read everything.
class Paginator {
 public:
  virtual ~Paginator() = default;
  virtual void first(UpstreamRequest& request) = 0;
  virtual bool next(const UpstreamResponse& page, std::size_t records,
                    UpstreamRequest& request) = 0;
};

// From `sourceSpec.attributes.paginationParams` (null: NONE). The type matches in any
// letter case. Throws RunError for an unknown type or fields the type cannot run with.
std::unique_ptr<Paginator> make_paginator(const boost::json::object* pagination_params);

namespace pagination {
std::unique_ptr<Paginator> none();
std::unique_ptr<Paginator> offset(const boost::json::object& params);
std::unique_ptr<Paginator> pointer(const boost::json::object& params);
std::unique_ptr<Paginator> continuation_token(const boost::json::object& params);
std::unique_ptr<Paginator> page(const boost::json::object& params);

// Sets (or replaces) one query parameter of `url`, encoding both parts.
void set_query_param(std::string& url, std::string_view name, std::string_view value);
// A field written as a number or a string of digits ("limitValue": "100").
std::size_t whole_number(const boost::json::object& params, std::string_view name,
                         std::size_t fallback);
// A value a page gave (a link, a token, a page count), fit for a message: the request's
// secrets masked, since a link the source echoes may carry a key sent as a query parameter,
// and cut to a readable length.
std::string shown(std::string_view text, const UpstreamRequest& request);
}  // namespace pagination

}  // namespace hw::engine
