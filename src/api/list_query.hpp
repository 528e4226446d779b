#pragma once
#include <string>

#include "http/message.hpp"
#include "store/store.hpp"

namespace hw::api {

inline constexpr std::size_t kDefaultLimit = 100;
inline constexpr std::size_t kMaxLimit = 1000;

// Reads `property` (repeatable, ANDed; inside one, `a==1,b==2` is two ANDed
// conditions and `id==x,y` one condition matching x or y; `name[]` reaches into
// arrays; operators ==, !=, >=, <=, >, <, and = as ==), `limit`, `orderby` (`name`, `-createdAt`,
// `+updatedAt`), `continuationToken` and `count`. Throws ApiError 400 naming the bad parameter.
store::ListQuery parse_list_query(const http::Request& request);

// {"items":[…],"_links":{"next":{"href":…}}} plus "count" when asked for. The next
// link repeats the request's own parameters with a new continuation token.
std::string render_list(const http::Request& request, const store::ListQuery& query,
                        const store::ListResult& result);

}  // namespace hw::api
