// What an inlet message lands as (DESIGN §5), and how request bodies split into messages.
#include <gtest/gtest.h>

#include <string>

#include "streaming/messages.hpp"

namespace hw::streaming {
namespace {

std::string landed(std::string_view body) {
  const auto m = read_one_message(body);
  EXPECT_EQ(m.error, "") << body;
  return m.items.empty() ? std::string() : m.items[0].record;
}

TEST(StreamingEnvelope, AnXdmEnvelopeLandsAsItsEntity) {
  EXPECT_EQ(landed(R"({"header": {"schemaRef": {"id": "s"}, "imsOrgId": "O"},
                       "body": {"xdmMeta": {"schemaRef": {"id": "s"}},
                                "xdmEntity": {"person": {"name": "Jane"}, "n": [1, 2]}}})"),
            R"({"person":{"name":"Jane"},"n":[1,2]})");
}

TEST(StreamingEnvelope, AnyOtherObjectLandsAsItself) {
  EXPECT_EQ(landed(R"({ "id": 1, "name": "a" })"), R"({"id":1,"name":"a"})");
  EXPECT_EQ(landed(R"({"header": {}, "other": 1})"), R"({"header":{},"other":1})");
  EXPECT_EQ(landed(R"({"header": {}, "body": {"data": 1}})"), R"({"header":{},"body":{"data":1}})");
  EXPECT_EQ(landed(R"({"body": {"xdmEntity": {"a": 1}}})"), R"({"body":{"xdmEntity":{"a":1}}})");
}

TEST(StreamingEnvelope, TheLastOfDuplicateKeysWins) {
  EXPECT_EQ(landed(R"({"header": {}, "body": {"xdmEntity": {"a": 1}, "xdmEntity": {"b": 2}}})"),
            R"({"b":2})");
}

TEST(StreamingEnvelope, RefusesWhatIsNotAnObject) {
  EXPECT_EQ(read_one_message("[1]").error, "a message must be a JSON object");
  EXPECT_EQ(read_one_message("5").error, "a message must be a JSON object");
  EXPECT_EQ(read_one_message(R"({"header": {}, "body": {"xdmEntity": [1]}})").error,
            "body.xdmEntity must be a JSON object");
  EXPECT_EQ(read_one_message("{\"a\":").error, "the body is not valid JSON");
  EXPECT_EQ(read_one_message("").error, "the body is not valid JSON");
}

TEST(StreamingMessages, ABatchIsAnArrayOrAMessagesObject) {
  for (const auto* body : {R"([{"a":1},{"b":2}])", R"({"messages":[{"a":1},{"b":2}]})"}) {
    const auto m = read_batch_messages(body);
    EXPECT_EQ(m.error, "");
    ASSERT_EQ(m.items.size(), 2U) << body;
    EXPECT_EQ(m.items[0].record, R"({"a":1})");
    EXPECT_EQ(m.items[1].record, R"({"b":2})");
  }
}

TEST(StreamingMessages, InvalidMessagesAreReportedOneByOne) {
  const auto m = read_batch_messages(R"([{"a":1}, 7, {"header":{},"body":{"xdmEntity":"x"}}])");
  EXPECT_EQ(m.error, "");
  ASSERT_EQ(m.items.size(), 3U);
  EXPECT_EQ(m.items[0].error, "");
  EXPECT_EQ(m.items[1].error, "a message must be a JSON object");
  EXPECT_EQ(m.items[1].text, "7");
  EXPECT_EQ(m.items[2].error, "body.xdmEntity must be a JSON object");
  EXPECT_EQ(m.items[2].text, R"({"header":{},"body":{"xdmEntity":"x"}})");
}

TEST(StreamingMessages, RefusesABodyThatIsNoBatch) {
  EXPECT_EQ(read_batch_messages(R"({"a":1})").error,
            R"(the body must be a JSON array of messages, or {"messages": [...]})");
  EXPECT_EQ(read_batch_messages(R"({"messages":{"a":1}})").error,
            R"(the body must be a JSON array of messages, or {"messages": [...]})");
  EXPECT_EQ(read_batch_messages("[]").error, "the batch has no messages");
  EXPECT_EQ(read_batch_messages("[1,").error, "the body is not valid JSON");
}

}  // namespace
}  // namespace hw::streaming
