#include "dataset/catalog_shape.hpp"

#include <boost/json.hpp>

#include "json/serialize.hpp"

namespace hw::dataset {

std::string reference_list(std::string_view collection, std::string_view id) {
  boost::json::array references;
  references.emplace_back("@/" + std::string(collection) + "/" + std::string(id));
  return hw::json::serialize(references);
}

std::string keyed_by_id(const std::vector<std::string>& bodies) {
  boost::json::object out;
  out.reserve(bodies.size());
  for (const auto& body : bodies) {
    auto object = boost::json::parse(body).as_object();
    const std::string id(object.at("id").as_string());
    out[id] = std::move(object);
  }
  return hw::json::serialize(out);
}

}  // namespace hw::dataset
