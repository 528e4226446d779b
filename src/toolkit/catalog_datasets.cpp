#include "toolkit/catalog_datasets.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "engine/template.hpp"
#include "json/parse.hpp"
#include "json/serialize.hpp"

namespace hw::toolkit {

std::string create_dataset(ApiClient& client, const std::string& name) {
  const auto body = hw::json::serialize(boost::json::object{{"name", name}});
  const auto response = client.send("POST", std::string(kCatalogDataSets), body);
  if (response.status != 201) throw std::runtime_error(response.describe_error());
  // Catalog answers a write with ["@/dataSets/{id}"].
  const auto answer = json::parse(response.body);
  const auto* array = answer.ok ? answer.value.if_array() : nullptr;
  const auto* reference = array && !array->empty() ? (*array)[0].if_string() : nullptr;
  const std::string_view text = reference ? std::string_view(*reference) : std::string_view();
  const auto slash = text.rfind('/');
  if (slash == std::string_view::npos || slash + 1 == text.size())
    throw std::runtime_error("the server created a dataset but answered no reference to it: " +
                             response.body.substr(0, 300));
  return std::string(text.substr(slash + 1));
}

void require_dataset(ApiClient& client, const std::string& id) {
  const auto response =
      client.send("GET", std::string(kCatalogDataSets) + "/" + engine::url_encode(id));
  if (response.status != 200) throw std::runtime_error(response.describe_error());
}

}  // namespace hw::toolkit
