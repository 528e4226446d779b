#pragma once
#include <boost/json/array.hpp>

#include <cstddef>
#include <string_view>

#include "dataset/batch_writer.hpp"

namespace hw::dataset {

inline constexpr std::size_t kPreviewDefaultRows = 100;

// The newest `limit` records of a dataset, oldest of them first, taken from its
// successful batches (a failed batch's records are not part of the dataset). Throws
// ApiError 404 when the dataset does not exist in `scope`.
boost::json::array preview_records(const Batches& batches, const store::Scope& scope,
                                   std::string_view dataset_id, std::size_t limit);

}  // namespace hw::dataset
