#include "connection/explore_connection.hpp"

#include <boost/json.hpp>

#include "connection/batch_source.hpp"
#include "engine/preview.hpp"
#include "engine/run_error.hpp"
#include "http/error.hpp"
#include "json/access.hpp"

namespace hw::connection {
namespace {

constexpr std::size_t kPreviewRecords = 100;

const char* type_name(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::string:
      return "string";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
      return "integer";
    case boost::json::kind::double_:
      return "number";
    case boost::json::kind::bool_:
      return "boolean";
    case boost::json::kind::object:
      return "object";
    case boost::json::kind::array:
      return "array";
    default:
      return "null";
  }
}

}  // namespace

boost::json::array infer_columns(const boost::json::array& records) {
  boost::json::array columns;
  boost::json::object index;  // name -> position in columns
  for (const auto& record : records) {
    if (!record.is_object()) continue;
    for (const auto& [name, value] : record.get_object()) {
      auto* at = index.if_contains(name);
      if (!at) {
        index[name] = columns.size();
        columns.push_back({{"name", name}, {"type", type_name(value)}});
      } else if (!value.is_null()) {
        auto& column = columns[at->to_number<std::size_t>()].as_object();
        if (column["type"] == "null") column["type"] = type_name(value);
      }
    }
  }
  return columns;
}

boost::json::object explore_connection(Resources& resources, spec::SpecRegistry& specs,
                                       const store::Scope& scope, std::string_view id,
                                       const boost::json::object& source_params) {
  const auto source = batch_source(resources, specs, scope, id, "explored");
  try {
    auto data =
        engine::preview({source.spec.spec, source.auth_params(), source_params, std::nullopt},
                        source.auth_spec, kPreviewRecords, resources.fetch);
    auto columns = infer_columns(data);
    return {{"format", "hierarchical"},
            {"schema", {{"columns", std::move(columns)}}},
            {"data", std::move(data)}};
  } catch (const engine::RunError& e) {
    throw http::ApiError(400, "EXPLORE_FAILED",
                         std::string("the source could not be explored: ") + e.what(),
                         {{"auth", e.what()}});
  }
}

}  // namespace hw::connection
