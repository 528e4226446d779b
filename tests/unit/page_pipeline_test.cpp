// engine::PagePipeline: bounded hand-over of parsed pages between a run's two threads.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "engine/page_pipeline.hpp"

namespace hw::engine {
namespace {

PreparedPage page_of(std::size_t records) {
  PreparedPage page;
  page.records = records;
  return page;
}

TEST(PagePipeline, TheFetchingSideWaitsWhileCapacityPagesAreQueued) {
  PagePipeline pipeline(2);
  std::atomic<int> pushed = 0;
  std::thread fetching([&] {
    for (std::size_t i = 1; i <= 5; ++i) {
      ASSERT_TRUE(pipeline.push(page_of(i)));
      ++pushed;
    }
    pipeline.finish();
  });
  while (pushed < 2) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // room for a wrong third push
  EXPECT_EQ(pushed, 2);
  for (std::size_t i = 1; i <= 5; ++i) {
    auto page = pipeline.pop();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->records, i);  // in order
  }
  EXPECT_FALSE(pipeline.pop());
  fetching.join();
}

TEST(PagePipeline, AnErrorArrivesAfterThePagesBeforeIt) {
  PagePipeline pipeline(4);
  ASSERT_TRUE(pipeline.push(page_of(7)));
  pipeline.finish(std::make_exception_ptr(std::runtime_error("page 2 failed")));
  EXPECT_EQ(pipeline.pop()->records, 7U);
  EXPECT_THROW(pipeline.pop(), std::runtime_error);
}

TEST(PagePipeline, StoppingReleasesABlockedFetchingSide) {
  PagePipeline pipeline(1);
  ASSERT_TRUE(pipeline.push(page_of(1)));
  std::atomic<bool> refused = false;
  std::thread fetching([&] { refused = !pipeline.push(page_of(2)); });
  pipeline.stop();
  fetching.join();
  EXPECT_TRUE(refused);
}

TEST(PagePipeline, ParsersComeBackForReuse) {
  PagePipeline pipeline(1);
  auto parser = pipeline.parser();
  auto* raw = parser.get();
  pipeline.recycle(std::move(parser));
  EXPECT_EQ(pipeline.parser().get(), raw);
}

}  // namespace
}  // namespace hw::engine
