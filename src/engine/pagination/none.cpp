#include "engine/pagination/paginator.hpp"

namespace hw::engine::pagination {
namespace {

// The whole answer is one page.
class None final : public Paginator {
 public:
  void first(UpstreamRequest&) override {}
  bool next(const UpstreamResponse&, std::size_t, UpstreamRequest&) override { return false; }
};

}  // namespace

std::unique_ptr<Paginator> none() {
  return std::make_unique<None>();
}

}  // namespace hw::engine::pagination
