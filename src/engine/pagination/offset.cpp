#include <boost/json.hpp>

#include "engine/pagination/paginator.hpp"
#include "json/access.hpp"

namespace hw::engine::pagination {
namespace {

// `limitName=limitValue&offSetName=n`, n advancing by the records read; a short or
// empty page is the last one.
class Offset final : public Paginator {
 public:
  Offset(std::string limit_name, std::size_t limit, std::string offset_name)
      : limit_name_(std::move(limit_name)), limit_(limit), offset_name_(std::move(offset_name)) {}

  void first(UpstreamRequest& request) override {
    set_query_param(request.url, limit_name_, std::to_string(limit_));
    set_query_param(request.url, offset_name_, "0");
  }

  bool next(const UpstreamResponse&, std::size_t records, UpstreamRequest& request) override {
    if (records == 0 || records < limit_) return false;
    offset_ += records;
    set_query_param(request.url, offset_name_, std::to_string(offset_));
    return true;
  }

 private:
  std::string limit_name_;
  std::size_t limit_;
  std::string offset_name_;
  std::size_t offset_ = 0;
};

}  // namespace

std::unique_ptr<Paginator> offset(const boost::json::object& params) {
  std::string offset_name = json::string_at(params, "offSetName");
  if (offset_name.empty()) offset_name = json::string_at(params, "offsetName");
  return std::make_unique<Offset>(json::string_at(params, "limitName"),
                                  whole_number(params, "limitValue", 100), offset_name);
}

}  // namespace hw::engine::pagination
