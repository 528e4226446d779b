#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "engine/fetcher.hpp"
#include "engine/source_request.hpp"

namespace hw::engine {

// The first page's records (at most `limit`), as a run would extract them: for explore.
// Throws RunError when the page cannot be read.
boost::json::array preview(const SourceContext& context, const boost::json::object& auth_spec,
                           std::size_t limit, const FetchOptions& options = {});

}  // namespace hw::engine
