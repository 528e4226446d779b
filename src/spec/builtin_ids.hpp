#pragma once
#include <string_view>

// Fixed ids of the resources every (org, sandbox) has (DESIGN §2).
namespace hw::spec {

inline constexpr std::string_view kRestStorageToAep = "6499120c-0b15-42dc-936e-847ea3c24d72";
inline constexpr std::string_view kGenericStreamingAep = "e77fde5a-22a8-11ed-861d-0242ac120002";
inline constexpr std::string_view kGenericRestSpec = "2d46966e-4fcc-4015-9f9e-a67594e395a3";
inline constexpr std::string_view kGenericStreamingSpec = "e77fd9d2-22a8-11ed-861d-0242ac120002";
inline constexpr std::string_view kDataLakeSpec = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

}  // namespace hw::spec
