#pragma once
#include <boost/json/object.hpp>

#include "connection/resources.hpp"

namespace hw::connection {

// GET /connections/{id}/explore for a REST source: the first page's records after
// contentPath and their columns, in the exploreSpec responseSpec shape
// {"format", "schema": {"columns": [{"name", "type"}]}, "data": [...]}.
boost::json::object explore_connection(Resources& resources, spec::SpecRegistry& specs,
                                       const store::Scope& scope, std::string_view id,
                                       const boost::json::object& source_params);

// One column per top-level field, in order of first appearance; the type is the JSON type
// of its first non-null value (string, integer, number, boolean, object, array or null).
boost::json::array infer_columns(const boost::json::array& records);

}  // namespace hw::connection
