#pragma once
#include <array>
#include <string_view>

// The fields each part of a connection spec may hold. Anything else draws an "unknown key"
// warning; fields listed here that the engine does not read draw their own warnings.
namespace hw::spec::rules {

inline constexpr std::array<std::string_view, 15> kTopLevelKeys = {"name",
                                                                   "description",
                                                                   "providerId",
                                                                   "version",
                                                                   "type",
                                                                   "attributes",
                                                                   "authSpec",
                                                                   "sourceSpec",
                                                                   "targetSpec",
                                                                   "exploreSpec",
                                                                   "permissionsInfo",
                                                                   "settings",
                                                                   "encryptionSpecs",
                                                                   "entitlementInfo",
                                                                   "policy"};

// Set by the server. Clients send them back when they PUT what they got, so they pass silently.
inline constexpr std::array<std::string_view, 11> kServerKeys = {
    "id",          "createdAt",     "updatedAt",     "createdBy",
    "updatedBy",   "createdClient", "updatedClient", "sandboxId",
    "sandboxName", "imsOrgId",      "etag"};

inline constexpr std::array<std::string_view, 3> kSourceSpecKeys = {"attributes", "spec", "schema"};

inline constexpr std::array<std::string_view, 9> kAttributeKeys = {
    "uiAttributes",      "urlParams",        "headerParams",   "bodyParams",  "contentPath",
    "explodeEntityPath", "paginationParams", "scheduleParams", "authRequired"};

inline constexpr std::array<std::string_view, 4> kUrlParamsKeys = {"host", "path", "method",
                                                                   "queryParams"};

inline constexpr std::array<std::string_view, 17> kPaginationKeys = {"type",
                                                                     "limitName",
                                                                     "limitValue",
                                                                     "offSetName",
                                                                     "offsetName",
                                                                     "pointerPath",
                                                                     "pointerName",
                                                                     "continuationTokenPath",
                                                                     "parameterType",
                                                                     "parameterName",
                                                                     "pageParamName",
                                                                     "initialPageIndex",
                                                                     "endPageIndex",
                                                                     "maximumRequest",
                                                                     "delayRequestMillis",
                                                                     "endConditionName",
                                                                     "endConditionValue"};

inline constexpr std::array<std::string_view, 8> kScheduleKeys = {"type",
                                                                  "scheduleStartParamName",
                                                                  "scheduleEndParamName",
                                                                  "scheduleStartParamFormat",
                                                                  "scheduleEndParamFormat",
                                                                  "paramFormat",
                                                                  "incremental",
                                                                  "backfill"};

inline constexpr std::array<std::string_view, 4> kRecordPathKeys = {
    "path", "skipAttributes", "keepAttributes", "overrideWrapperAttribute"};

inline constexpr std::array<std::string_view, 3> kAuthEntryKeys = {"name", "type", "spec"};

inline constexpr std::array<std::string_view, 4> kTargetSpecKeys = {"name", "type", "spec",
                                                                    "attributes"};

}  // namespace hw::spec::rules
