#include "json/patch.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

using hw::json::apply_patch;
using hw::spec::Issue;
namespace bj = boost::json;

namespace {

const char* const kConnection = R"({
  "name": "orders",
  "auth": {"specName": "Basic", "params": {"username": "u", "password": "p"}},
  "tags": ["a", "b", "c"],
  "empty": [],
  "count": 3
})";

std::string render(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& issue : issues) out += issue.path + ": " + issue.message + "\n";
  return out;
}

// Applies a patch that must succeed and returns the patched document.
bj::value patched(std::string_view doc, std::string_view operations) {
  bj::value value = bj::parse(doc);
  auto issues = apply_patch(value, bj::parse(operations));
  EXPECT_TRUE(issues.empty()) << operations << "\n" << render(issues);
  return value;
}

// Applies a patch that must fail, checks the document is untouched, and
// returns the issues.
std::vector<Issue> refused(std::string_view doc, std::string_view operations) {
  const bj::value original = bj::parse(doc);
  bj::value value = original;
  auto issues = apply_patch(value, bj::parse(operations));
  EXPECT_FALSE(issues.empty()) << operations;
  EXPECT_EQ(value, original) << operations;
  return issues;
}

// The one issue a patch against kConnection produces, as "path: message".
std::string only_issue(std::string_view operations) {
  auto issues = refused(kConnection, operations);
  EXPECT_EQ(issues.size(), 1u) << render(issues);
  return issues.empty() ? std::string() : issues[0].path + ": " + issues[0].message;
}

// kConnection with `key` of the object at `parent` set to `value`.
bj::value with(std::string_view parent, std::string_view key, bj::value value) {
  bj::value doc = bj::parse(kConnection);
  doc.at_pointer(parent).as_object()[key] = std::move(value);
  return doc;
}

}  // namespace

// ---- objects ------------------------------------------------------------------------

TEST(JsonPatchObject, AddCreatesAMember) {
  EXPECT_EQ(patched(kConnection, R"([{"op":"add","path":"/description","value":"d"}])"),
            with("", "description", "d"));
  EXPECT_EQ(patched(kConnection, R"([{"op":"add","path":"/auth/params/token","value":null}])"),
            with("/auth/params", "token", nullptr));
}

TEST(JsonPatchObject, AddOverwritesAnExistingMember) {
  EXPECT_EQ(patched(kConnection, R"([{"op":"add","path":"/name","value":{"x":[1]}}])"),
            with("", "name", bj::parse(R"({"x":[1]})")));
}

TEST(JsonPatchObject, ReplaceChangesAnExistingMember) {
  EXPECT_EQ(
      patched(kConnection, R"([{"op":"replace","path":"/auth/params/password","value":"new"}])"),
      with("/auth/params", "password", "new"));
}

TEST(JsonPatchObject, RemoveDeletesAMember) {
  bj::value doc = patched(kConnection, R"([{"op":"remove","path":"/auth/params/password"}])");
  EXPECT_EQ(doc.at_pointer("/auth/params"), bj::parse(R"({"username":"u"})"));
  doc = patched(kConnection, R"([{"op":"remove","path":"/auth"}])");
  EXPECT_FALSE(doc.as_object().contains("auth"));
}

TEST(JsonPatchObject, KeysThatLookLikeIndexesAreKeys) {
  bj::value doc = patched(R"({"01":1})", R"([{"op":"replace","path":"/01","value":2},
                                             {"op":"add","path":"/-","value":3}])");
  EXPECT_EQ(doc, bj::parse(R"({"01":2,"-":3})"));
}

// ---- arrays -------------------------------------------------------------------------

TEST(JsonPatchArray, AddInsertsAtAnIndexUpToTheSize) {
  EXPECT_EQ(patched(R"([1,2,3])", R"([{"op":"add","path":"/0","value":0}])"),
            bj::parse("[0,1,2,3]"));
  EXPECT_EQ(patched(R"([1,2,3])", R"([{"op":"add","path":"/1","value":9}])"),
            bj::parse("[1,9,2,3]"));
  EXPECT_EQ(patched(R"([1,2,3])", R"([{"op":"add","path":"/3","value":4}])"),
            bj::parse("[1,2,3,4]"));
  EXPECT_EQ(patched(R"([])", R"([{"op":"add","path":"/0","value":1}])"), bj::parse("[1]"));
}

TEST(JsonPatchArray, DashAppends) {
  EXPECT_EQ(patched(kConnection, R"([{"op":"add","path":"/tags/-","value":"d"}])"),
            with("", "tags", bj::parse(R"(["a","b","c","d"])")));
  EXPECT_EQ(patched(kConnection, R"([{"op":"add","path":"/empty/-","value":{}}])"),
            with("", "empty", bj::parse("[{}]")));
}

TEST(JsonPatchArray, ReplaceAndRemoveAtAnIndex) {
  EXPECT_EQ(patched(kConnection, R"([{"op":"replace","path":"/tags/2","value":"z"}])"),
            with("", "tags", bj::parse(R"(["a","b","z"])")));
  EXPECT_EQ(patched(kConnection, R"([{"op":"remove","path":"/tags/0"}])"),
            with("", "tags", bj::parse(R"(["b","c"])")));
}

TEST(JsonPatchArray, IndexesInsideThePath) {
  bj::value doc = patched(R"({"items":[{"name":"a"},{"name":"b"}]})",
                          R"([{"op":"replace","path":"/items/1/name","value":"B"},
                              {"op":"add","path":"/items/0/id","value":7}])");
  EXPECT_EQ(doc, bj::parse(R"({"items":[{"name":"a","id":7},{"name":"B"}]})"));
}

// ---- whole document, escapes, op names, sequences --------------------------------------

TEST(JsonPatchDocument, WholeDocumentIsReplacedByAnObject) {
  EXPECT_EQ(patched(kConnection, R"([{"op":"replace","path":"","value":{"name":"x"}}])"),
            bj::parse(R"({"name":"x"})"));
  EXPECT_EQ(patched(kConnection, R"([{"op":"add","path":"","value":{}}])"), bj::parse("{}"));
}

TEST(JsonPatchPointer, EscapesTildeAndSlash) {
  const char* doc = R"({"a/b":1,"m~n":2,"~1":3,"":4})";
  EXPECT_EQ(patched(doc, R"([{"op":"replace","path":"/a~1b","value":10},
                             {"op":"replace","path":"/m~0n","value":20},
                             {"op":"replace","path":"/~01","value":30},
                             {"op":"replace","path":"/","value":40}])"),
            bj::parse(R"({"a/b":10,"m~n":20,"~1":30,"":40})"));
}

TEST(JsonPatchOp, NamesAreCaseInsensitive) {
  bj::value doc = patched(kConnection, R"([{"op":"ADD","path":"/x","value":1},
                                           {"op":"Replace","path":"/x","value":2},
                                           {"op":"REPLACE","path":"/name","value":"n"},
                                           {"op":"rEmOvE","path":"/count"}])");
  bj::value expected = with("", "x", 2);
  expected.as_object()["name"] = "n";
  expected.as_object().erase("count");
  EXPECT_EQ(doc, expected);
}

TEST(JsonPatchOp, OperationsApplyInOrder) {
  EXPECT_EQ(patched(R"({})", R"([{"op":"add","path":"/a","value":{}},
                                 {"op":"add","path":"/a/b","value":[]},
                                 {"op":"add","path":"/a/b/-","value":1},
                                 {"op":"remove","path":"/a/b/0"},
                                 {"op":"add","path":"/a/b/0","value":2}])"),
            bj::parse(R"({"a":{"b":[2]}})"));
}

TEST(JsonPatchOp, UnknownMembersAndRemoveValuesAreIgnored) {
  EXPECT_EQ(patched(kConnection, R"([{"op":"remove","path":"/count","value":1,"from":"/x"}])"), [] {
    bj::value doc = bj::parse(kConnection);
    doc.as_object().erase("count");
    return doc;
  }());
}

TEST(JsonPatchOp, EmptyPatchChangesNothing) {
  EXPECT_EQ(patched(kConnection, "[]"), bj::parse(kConnection));
}

TEST(JsonPatchOp, PatchMayBeTheDocumentItself) {
  bj::value doc = bj::parse(R"([{"op":"add","path":"/-","value":1}])");
  EXPECT_TRUE(apply_patch(doc, doc).empty());
  EXPECT_EQ(doc, bj::parse(R"([{"op":"add","path":"/-","value":1},1])"));
}

// ---- malformed patches ----------------------------------------------------------------

TEST(JsonPatchMalformed, OperationsMustBeAnArray) {
  EXPECT_EQ(only_issue(R"({"op":"add","path":"/x","value":1})"),
            R"($: a patch must be a JSON array of operations such as )"
            R"([{"op":"replace","path":"/name","value":"new name"}], not an object)");
  EXPECT_EQ(refused(kConnection, "null")[0].path, "$");
  EXPECT_EQ(refused(kConnection, R"("[]")")[0].path, "$");
}

TEST(JsonPatchMalformed, EachOperationMustBeAnObject) {
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/x","value":1}, "add"])"),
            R"([1]: an operation must be an object such as )"
            R"({"op":"replace","path":"/name","value":"new name"}, not a string)");
}

TEST(JsonPatchMalformed, OpMustBeKnown) {
  EXPECT_EQ(only_issue(R"([{"path":"/x","value":1}])"),
            "[0].op: op is missing; use add, replace or remove");
  EXPECT_EQ(only_issue(R"([{"op":1,"path":"/x","value":1}])"),
            "[0].op: op must be a string, not a number; use add, replace or remove");
  EXPECT_EQ(
      only_issue(R"([{"op":"move","path":"/x","from":"/name"}])"),
      R"([0].op: "move" is not a supported op; use add, replace or remove (any letter case))");
  for (const char* op : {"copy", "test", "TEST", " add", "add ", ""}) {
    bj::value operations = bj::parse(R"([{"path":"/x","value":1}])");
    operations.as_array()[0].as_object()["op"] = op;
    auto issues = refused(kConnection, bj::serialize(operations));
    ASSERT_EQ(issues.size(), 1u) << op;
    EXPECT_EQ(issues[0].path, "[0].op");
  }
}

TEST(JsonPatchMalformed, PathMustBeAJsonPointer) {
  EXPECT_EQ(only_issue(R"([{"op":"remove"}])"),
            "[0].path: path is missing; give a JSON Pointer such as /auth/params/password");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":["auth"]}])"),
            "[0].path: path must be a string, not an array; give a JSON Pointer such as "
            "/auth/params/password");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"auth/params"}])"),
            R"([0].path: "auth/params" must start with '/' (a JSON Pointer such as )"
            R"(/auth/params/password); write "/auth/params")");
}

TEST(JsonPatchMalformed, TildeMustStartAnEscape) {
  for (const char* path : {"/a~2b", "/a~", "/~/x", "/~a"}) {
    bj::value operations = bj::parse(R"([{"op":"remove"}])");
    operations.as_array()[0].as_object()["path"] = path;
    auto issues = refused(kConnection, bj::serialize(operations));
    ASSERT_EQ(issues.size(), 1u) << path;
    EXPECT_EQ(issues[0].path, "[0].path");
    EXPECT_EQ(issues[0].message, bj::serialize(bj::value(path)) +
                                     " has a '~' that is not followed by 0 or 1; write ~0 for "
                                     "'~' and ~1 for '/'");
  }
}

TEST(JsonPatchMalformed, ValueIsRequiredForAddAndReplace) {
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/x"}])"),
            "[0].value: value is required for add; it may be any JSON, including null");
  EXPECT_EQ(only_issue(R"([{"op":"REPLACE","path":"/name"}])"),
            "[0].value: value is required for replace; it may be any JSON, including null");
}

TEST(JsonPatchMalformed, WholeDocumentRules) {
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":""}])"),
            R"([0].path: the whole document (path "") cannot be removed; remove one of its )"
            "members, such as /description");
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"","value":[1]}])"),
            R"([0].value: the whole document (path "") can only be replaced by an object, )"
            "not an array");
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"","value":"x"}])"),
            R"([0].value: the whole document (path "") can only be replaced by an object, )"
            "not a string");
}

TEST(JsonPatchMalformed, AllMalformedOperationsAreReportedAndNoneApplied) {
  auto issues = refused(kConnection, R"([{"op":"add","path":"/ok","value":1},
                                         {"op":"mov","path":"x"},
                                         7,
                                         {"op":"replace","path":"/name"},
                                         {"op":"remove","path":"/a~9"}])");
  std::vector<std::string> paths;
  for (const auto& issue : issues) paths.push_back(issue.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"[1].op", "[1].path", "[2]", "[3].value", "[4].path"}))
      << render(issues);
}

// ---- operations that cannot apply ---------------------------------------------------------

TEST(JsonPatchApply, ReplaceAndRemoveNeedAnExistingMember) {
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"/auth/params/x","value":1}])"),
            "[0].path: /auth/params/x does not exist; use add to create it");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/auth/params/x"}])"),
            "[0].path: /auth/params/x does not exist, so there is nothing to remove");
}

TEST(JsonPatchApply, AddNeedsTheParent) {
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/auth/extra/password","value":1}])"),
            "[0].path: /auth/extra does not exist, so /auth/extra/password cannot be reached; "
            "add /auth/extra first");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/nope/a/b"}])"),
            "[0].path: /nope does not exist, so /nope/a/b cannot be reached");
}

TEST(JsonPatchApply, MessagesShowEscapedPointers) {
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"/a~1b/m~0n","value":1}])"),
            "[0].path: /a~1b does not exist, so /a~1b/m~0n cannot be reached");
}

TEST(JsonPatchApply, ArrayIndexesAreDecimalWithoutLeadingZeros) {
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"/tags/01","value":1}])"),
            R"([0].path: array index "01" has a leading zero; write "1")");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/tags/00"}])"),
            R"([0].path: array index "00" has a leading zero; write "0")");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/tags/x"}])"),
            R"([0].path: "x" is not an array index; /tags is an array)");
  for (const char* token : {"", "+1", "-1", "1e0", " 1", "0x1"}) {
    bj::value operations = bj::parse(R"([{"op":"remove"}])");
    operations.as_array()[0].as_object()["path"] = std::string("/tags/") + token;
    auto issues = refused(kConnection, bj::serialize(operations));
    ASSERT_EQ(issues.size(), 1u) << token;
    EXPECT_EQ(issues[0].message,
              bj::serialize(bj::value(token)) + " is not an array index; /tags is an array");
  }
}

TEST(JsonPatchApply, ADocumentThatIsAnArrayIsNamedInMessages) {
  auto issues = refused("[1]", R"([{"op":"remove","path":"/x"}])");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, R"("x" is not an array index; the document is an array)");
  issues = refused("[1]", R"([{"op":"remove","path":"/1"}])");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message, "index 1 is out of range: the document has 1 element; use 0 to 0");
}

TEST(JsonPatchApply, ArrayIndexesMustBeInRange) {
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/tags/4","value":1}])"),
            "[0].path: index 4 is out of range: /tags has 3 elements; use 0 to 3, or '-' to "
            "append");
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"/tags/3","value":1}])"),
            "[0].path: index 3 is out of range: /tags has 3 elements; use 0 to 2");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/empty/0"}])"),
            "[0].path: index 0 is out of range: /empty has 0 elements");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/tags/99999999999999999999999999"}])"),
            "[0].path: index 99999999999999999999999999 is out of range: /tags has 3 elements; "
            "use 0 to 2");
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/tags/7/x","value":1}])"),
            "[0].path: index 7 is out of range: /tags has 3 elements; use 0 to 2");
}

TEST(JsonPatchApply, DashOnlyEndsAnAddPath) {
  const std::string dash =
      "/tags/- is the position after the last element; '-' is only valid at the end of an "
      "add path, to append";
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"/tags/-","value":1}])"), "[0].path: " + dash);
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/tags/-"}])"), "[0].path: " + dash);
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/tags/-/x","value":1}])"), "[0].path: " + dash);
}

TEST(JsonPatchApply, PointersCannotGoThroughScalars) {
  EXPECT_EQ(only_issue(R"([{"op":"add","path":"/name/x","value":1}])"),
            R"([0].path: /name is a string, not an object or array, so it has no member "x")");
  EXPECT_EQ(only_issue(R"([{"op":"remove","path":"/count/0/y"}])"),
            R"([0].path: /count is a number, not an object or array, so it has no member "0")");
  EXPECT_EQ(only_issue(R"([{"op":"replace","path":"/tags/0/x","value":1}])"),
            R"([0].path: /tags/0 is a string, not an object or array, so it has no member "x")");
  auto issues = refused("true", R"([{"op":"add","path":"/x","value":1}])");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message,
            R"(the document is a boolean, not an object or array, so it has no member "x")");
}

// ---- atomicity ----------------------------------------------------------------------------

TEST(JsonPatchAtomic, ALaterFailureLeavesTheDocumentUnchanged) {
  auto issues = refused(kConnection, R"([{"op":"replace","path":"/name","value":"changed"},
                                         {"op":"remove","path":"/tags/0"},
                                         {"op":"remove","path":"/missing"},
                                         {"op":"add","path":"/after","value":1}])");
  ASSERT_EQ(issues.size(), 1u) << render(issues);
  EXPECT_EQ(issues[0].path, "[2].path");
}

TEST(JsonPatchAtomic, OnlyTheFirstFailureIsReportedBecauseLaterOnesDependOnIt) {
  auto issues = refused(kConnection, R"([{"op":"add","path":"/a/b","value":1},
                                         {"op":"replace","path":"/a/b","value":2}])");
  ASSERT_EQ(issues.size(), 1u) << render(issues);
  EXPECT_EQ(issues[0].path, "[0].path");
}

TEST(JsonPatchAtomic, ResultsOfEarlierOperationsAreSeenByLaterOnes) {
  auto issues = refused(kConnection, R"([{"op":"remove","path":"/name"},
                                         {"op":"replace","path":"/name","value":"x"}])");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path + ": " + issues[0].message,
            "[1].path: /name does not exist; use add to create it");
}

// ---- hostile input ------------------------------------------------------------------------

TEST(JsonPatchLimits, AtMostAThousandOperations) {
  bj::array operations;
  for (int i = 0; i < 1000; ++i) {
    operations.push_back(bj::parse(R"({"op":"add","path":"/list/-","value":0})"));
  }
  bj::value doc = bj::parse(R"({"list":[]})");
  EXPECT_TRUE(apply_patch(doc, operations).empty());
  EXPECT_EQ(doc.at("list").as_array().size(), 1000u);

  operations.push_back(operations.back());
  EXPECT_EQ(only_issue(bj::serialize(operations)),
            "$: the patch has 1001 operations; at most 1000 are allowed: split it into several "
            "requests");
}

TEST(JsonPatchLimits, PointersAtMostSixtyFourLevelsDeep) {
  bj::value doc = bj::object();
  std::string path;
  bj::value* node = &doc;
  for (int level = 0; level < 63; ++level) {
    node = &node->as_object()["k"];
    node->emplace_object();
    path += "/k";
  }
  bj::value deep = bj::value_from(
      std::vector<bj::value>{bj::object{{"op", "add"}, {"path", path + "/leaf"}, {"value", 1}}});
  EXPECT_TRUE(apply_patch(doc, deep).empty());
  EXPECT_EQ(doc.at_pointer(path + "/leaf"), 1);

  bj::value too_deep = bj::value_from(
      std::vector<bj::value>{bj::object{{"op", "add"}, {"path", path + "/leaf/x"}, {"value", 1}}});
  const bj::value before = doc;
  auto issues = apply_patch(doc, too_deep);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path + ": " + issues[0].message,
            "[0].path: the path is 65 levels deep; at most 64 are allowed");
  EXPECT_EQ(doc, before);
}

TEST(JsonPatchLimits, HostilePointersFailCleanly) {
  const std::string huge_slashes(100000, '/');
  const std::string huge_key = "/" + std::string(1 << 20, 'k');
  const std::string tildes = "/" + std::string(1000, '~');
  for (const std::string& path : {huge_slashes, huge_key, tildes, std::string("/\xff\xfe")}) {
    bj::value operations = bj::value_from(
        std::vector<bj::value>{bj::object{{"op", "replace"}, {"path", path}, {"value", 1}}});
    bj::value doc = bj::parse(kConnection);
    auto issues = apply_patch(doc, operations);
    ASSERT_EQ(issues.size(), 1u) << path.substr(0, 20);
    EXPECT_EQ(issues[0].path, "[0].path");
    EXPECT_EQ(doc, bj::parse(kConnection));
  }
}

TEST(JsonPatchLimits, ThousandDeepOperationsFinish) {
  bj::array operations;
  std::string deep;
  for (int level = 0; level < 64; ++level) deep += "/x";
  for (int i = 0; i < 1000; ++i) {
    operations.push_back(bj::object{{"op", "remove"}, {"path", deep}});
  }
  bj::value doc = bj::parse(kConnection);
  auto issues = apply_patch(doc, operations);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path + ": " + issues[0].message,
            "[0].path: /x does not exist, so " + deep + " cannot be reached");
}
