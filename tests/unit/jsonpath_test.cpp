#include "jsonpath/jsonpath.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace json = boost::json;
using hw::jsonpath::parse;
using hw::jsonpath::ParseError;
using hw::jsonpath::Path;
using hw::jsonpath::Selector;

namespace {

// RFC 9535 §1.5.
constexpr std::string_view kBookstore = R"({"store": {
  "book": [
    {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
    {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
    {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
    {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
  ],
  "bicycle": {"color": "red", "price": 399}
}})";

// RFC 9535 §2.5.2.3.
constexpr std::string_view kDescendants =
    R"({"o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]]})";

constexpr std::string_view kLetters = R"(["a", "b", "c", "d", "e", "f", "g"])";

Path must_parse(std::string_view expression) {
  auto result = parse(expression);
  EXPECT_TRUE(result) << expression << ": " << result.error.message << " at "
                      << result.error.offset;
  return result ? *result.path : Path{};
}

// Matches serialized as one JSON array, so expectations read like the RFC's tables.
std::string query(std::string_view expression, std::string_view document) {
  const json::value root = json::parse(document);
  json::array matches;
  for (const json::value* match : must_parse(expression).select_all(root)) {
    matches.push_back(*match);
  }
  return json::serialize(matches);
}

// Boost.JSON prints doubles as `8.95E0`; compare through it rather than spell that out.
std::string canonical(std::string_view json_text) {
  return json::serialize(json::parse(json_text));
}

ParseError error_of(std::string_view expression) {
  auto result = parse(expression);
  EXPECT_FALSE(result) << expression << " parsed as " << result.path->to_string();
  return result.error;
}

std::string repeat(std::string_view part, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += part;
  return out;
}

}  // namespace

// ---- selectors --------------------------------------------------------------

TEST(JsonPathSelect, RootSelectsTheDocument) {
  EXPECT_EQ(query("$", R"({"a":1})"), R"([{"a":1}])");
  EXPECT_EQ(query("$", "7"), "[7]");
  EXPECT_EQ(Path{}.select_all(json::value(1)).size(), 1u);
}

TEST(JsonPathSelect, DotAndBracketNames) {
  EXPECT_EQ(query("$.store.bicycle.color", kBookstore), R"(["red"])");
  EXPECT_EQ(query("$['store']['bicycle']['color']", kBookstore), R"(["red"])");
  EXPECT_EQ(query(R"($["store"]["bicycle"].price)", kBookstore), "[399]");
  EXPECT_EQ(query("$.missing", kBookstore), "[]");
  EXPECT_EQ(query("$.a", "[1]"), "[]");
  EXPECT_EQ(query("$.a", R"("a")"), "[]");
  EXPECT_EQ(query("$['']", R"({"":1})"), "[1]");
  EXPECT_EQ(query("$['null']", R"({"null":null})"), "[null]");
}

TEST(JsonPathSelect, ShorthandNameCharacters) {
  EXPECT_EQ(query("$._a1_", R"({"_a1_":1})"), "[1]");
  EXPECT_EQ(query("$.café", R"({"café":2})"), "[2]");
  EXPECT_EQ(query("$.日本", R"({"日本":3})"), "[3]");
  EXPECT_EQ(query("$.😀x", R"({"😀x":4})"), "[4]");
  EXPECT_EQ(query("$.true", R"({"true":5})"), "[5]");
}

TEST(JsonPathSelect, NameEscapes) {
  EXPECT_EQ(query(R"($['it\'s'])", R"({"it's":1})"), "[1]");
  EXPECT_EQ(query(R"($["say \"hi\""])", R"({"say \"hi\"":2})"), "[2]");
  EXPECT_EQ(query(R"($["it's"])", R"({"it's":3})"), "[3]");
  EXPECT_EQ(query(R"($['say "hi"'])", R"({"say \"hi\"":4})"), "[4]");
  EXPECT_EQ(query(R"($['a\\b'])", R"({"a\\b":5})"), "[5]");
  EXPECT_EQ(query(R"($['a\nb\tc'])", R"({"a\nb\tc":6})"), "[6]");
  EXPECT_EQ(query(R"($['\b\f\r\/'])", R"({"\b\f\r/":7})"), "[7]");
  EXPECT_EQ(query(R"($['\u00e9\u00E9'])", R"({"éé":8})"), "[8]");
  EXPECT_EQ(query(R"($['\uD83D\ude00'])", R"({"😀":9})"), "[9]");
  EXPECT_EQ(query(R"($['\u0000'])", R"({"\u0000":10})"), "[10]");
}

TEST(JsonPathSelect, Index) {
  EXPECT_EQ(query("$[0]", kLetters), R"(["a"])");
  EXPECT_EQ(query("$[6]", kLetters), R"(["g"])");
  EXPECT_EQ(query("$[7]", kLetters), "[]");
  EXPECT_EQ(query("$[-1]", kLetters), R"(["g"])");
  EXPECT_EQ(query("$[-7]", kLetters), R"(["a"])");
  EXPECT_EQ(query("$[-8]", kLetters), "[]");
  EXPECT_EQ(query("$[0]", R"({"0":1})"), "[]");
  EXPECT_EQ(query("$[0]", "[]"), "[]");
  EXPECT_EQ(query("$[9007199254740991]", kLetters), "[]");
  EXPECT_EQ(query("$[-9007199254740991]", kLetters), "[]");
  EXPECT_EQ(query("$.store.book[2].title", kBookstore), R"(["Moby Dick"])");
}

TEST(JsonPathSelect, Wildcard) {
  EXPECT_EQ(query("$.*", R"({"b":1,"a":[2],"c":{"d":3}})"), R"([1,[2],{"d":3}])");
  EXPECT_EQ(query("$[*]", R"({"b":1,"a":[2]})"), R"([1,[2]])");
  EXPECT_EQ(query("$[*]", "[3,1,2]"), "[3,1,2]");
  EXPECT_EQ(query("$.*", "[3,1,2]"), "[3,1,2]");
  EXPECT_EQ(query("$.*", "5"), "[]");
  EXPECT_EQ(query("$.*", "{}"), "[]");
  EXPECT_EQ(query("$.*.*", "[[1,2],{\"x\":3},4]"), "[1,2,3]");
  EXPECT_EQ(query("$.store.book[*].author", kBookstore),
            R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
}

// RFC 9535 §2.3.4.3 examples plus the bound clamping edge cases.
TEST(JsonPathSelect, Slices) {
  EXPECT_EQ(query("$[1:3]", kLetters), R"(["b","c"])");
  EXPECT_EQ(query("$[5:]", kLetters), R"(["f","g"])");
  EXPECT_EQ(query("$[1:5:2]", kLetters), R"(["b","d"])");
  EXPECT_EQ(query("$[5:1:-2]", kLetters), R"(["f","d"])");
  EXPECT_EQ(query("$[::-1]", kLetters), R"(["g","f","e","d","c","b","a"])");
  EXPECT_EQ(query("$[:]", kLetters), R"(["a","b","c","d","e","f","g"])");
  EXPECT_EQ(query("$[::]", kLetters), R"(["a","b","c","d","e","f","g"])");
  EXPECT_EQ(query("$[:2]", kLetters), R"(["a","b"])");
  EXPECT_EQ(query("$[::3]", kLetters), R"(["a","d","g"])");
  EXPECT_EQ(query("$[::-3]", kLetters), R"(["g","d","a"])");
}

TEST(JsonPathSelect, SlicesWithNegativeBounds) {
  EXPECT_EQ(query("$[-2:]", kLetters), R"(["f","g"])");
  EXPECT_EQ(query("$[:-5]", kLetters), R"(["a","b"])");
  EXPECT_EQ(query("$[-3:-1]", kLetters), R"(["e","f"])");
  EXPECT_EQ(query("$[-1:-3:-1]", kLetters), R"(["g","f"])");
  EXPECT_EQ(query("$[-1:-100:-1]", kLetters), R"(["g","f","e","d","c","b","a"])");
  EXPECT_EQ(query("$[-100:100]", kLetters), R"(["a","b","c","d","e","f","g"])");
  EXPECT_EQ(query("$[100:-100:-2]", kLetters), R"(["g","e","c","a"])");
  EXPECT_EQ(query("$[:-100]", kLetters), "[]");
  EXPECT_EQ(query("$[100:]", kLetters), "[]");
  EXPECT_EQ(query("$[-100::-1]", kLetters), "[]");
}

TEST(JsonPathSelect, SlicesThatSelectNothing) {
  EXPECT_EQ(query("$[::0]", kLetters), "[]");
  EXPECT_EQ(query("$[1:5:0]", kLetters), "[]");
  EXPECT_EQ(query("$[3:3]", kLetters), "[]");
  EXPECT_EQ(query("$[3:1]", kLetters), "[]");
  EXPECT_EQ(query("$[1:3:-1]", kLetters), "[]");
  EXPECT_EQ(query("$[:]", "[]"), "[]");
  EXPECT_EQ(query("$[::-1]", "[]"), "[]");
  EXPECT_EQ(query("$[0:2]", R"({"0":1})"), "[]");
  EXPECT_EQ(query("$[0:2]", R"("ab")"), "[]");
}

TEST(JsonPathSelect, SlicesWithExtremeBoundsAndSteps) {
  EXPECT_EQ(query("$[-9007199254740991:9007199254740991]", "[1,2]"), "[1,2]");
  EXPECT_EQ(query("$[9007199254740991:-9007199254740991:-1]", "[1,2]"), "[2,1]");
  EXPECT_EQ(query("$[::9007199254740991]", "[1,2]"), "[1]");
  EXPECT_EQ(query("$[::-9007199254740991]", "[1,2]"), "[2]");
}

TEST(JsonPathSelect, UnionsKeepTheOrderWritten) {
  EXPECT_EQ(query("$['b','a']", R"({"a":1,"b":2})"), "[2,1]");
  EXPECT_EQ(query("$[2,0]", kLetters), R"(["c","a"])");
  EXPECT_EQ(query("$[0,0]", kLetters), R"(["a","a"])");
  EXPECT_EQ(query("$[0,'x',-1]", kLetters), R"(["a","g"])");
  EXPECT_EQ(query("$[5:,0,*]", "[1,2,3,4,5,6]"), "[6,1,1,2,3,4,5,6]");
  EXPECT_EQ(query("$['a',*]", R"({"a":1,"b":2})"), "[1,1,2]");
  EXPECT_EQ(query("$.store.book[0,1].price", kBookstore), canonical("[8.95,12.99]"));
}

// ---- descendants ------------------------------------------------------------

TEST(JsonPathDescendants, RfcExamples) {
  EXPECT_EQ(query("$..j", kDescendants), "[1,4]");
  EXPECT_EQ(query("$..[0]", kDescendants), R"([5,{"j":4}])");
  EXPECT_EQ(query("$..o", kDescendants), R"([{"j":1,"k":2}])");
  EXPECT_EQ(query("$.o..[*, *]", kDescendants), "[1,2,1,2]");
  EXPECT_EQ(query("$.a..[0, 1]", kDescendants), R"([5,3,{"j":4},{"k":6}])");
}

// A node's own matches come before those of its descendants, depth first.
TEST(JsonPathDescendants, NodeBeforeChildrenDepthFirst) {
  EXPECT_EQ(query("$..*", kDescendants),
            R"([{"j":1,"k":2},[5,3,[{"j":4},{"k":6}]],1,2,5,3,[{"j":4},{"k":6}],)"
            R"({"j":4},{"k":6},4,6])");
  EXPECT_EQ(query("$..[*]", kDescendants), query("$..*", kDescendants));
  EXPECT_EQ(query("$..a", R"({"a":{"a":{"a":1}}})"), R"([{"a":{"a":1}},{"a":1},1])");
  EXPECT_EQ(query("$..x", R"([{"x":1,"y":{"x":2}},{"x":3}])"), "[1,2,3]");
  EXPECT_EQ(query("$..[-1]", "[[1,2],[3,[4,5]]]"), "[[3,[4,5]],2,[4,5],5]");
  EXPECT_EQ(query("$..[1:]", "[[1,2],[3,4]]"), "[[3,4],2,4]");
}

TEST(JsonPathDescendants, Bookstore) {
  EXPECT_EQ(query("$..author", kBookstore),
            R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
  EXPECT_EQ(query("$.store..price", kBookstore), canonical("[8.95,12.99,8.99,22.99,399]"));
  EXPECT_EQ(query("$..book[2].author", kBookstore), R"(["Herman Melville"])");
  EXPECT_EQ(query("$..book[-1].isbn", kBookstore), R"(["0-395-19395-8"])");
  EXPECT_EQ(query("$..book[0,1].title", kBookstore),
            R"(["Sayings of the Century","Sword of Honour"])");
  EXPECT_EQ(query("$..book[:2].category", kBookstore), R"(["reference","fiction"])");
}

TEST(JsonPathDescendants, ChainedDescendantsMayRepeatNodes) {
  EXPECT_EQ(query("$..*..x", R"({"a":{"b":{"x":1}}})"), "[1,1]");
  EXPECT_EQ(query("$..*", "5"), "[]");
  EXPECT_EQ(query("$..a", "[]"), "[]");
}

TEST(JsonPathDescendants, VeryDeepDocumentDoesNotRecurse) {
  // A monotonic resource makes teardown O(1): Boost.JSON's own destructors recurse.
  json::monotonic_resource resource;
  const json::storage_ptr sp(&resource);
  constexpr std::size_t kDepth = 200'000;
  json::value root(std::int64_t{42}, sp);
  for (std::size_t i = 0; i < kDepth; ++i) {
    json::array wrapper(sp);
    wrapper.push_back(std::move(root));
    root = json::value(std::move(wrapper));
  }
  EXPECT_EQ(must_parse("$..*").select_all(root).size(), kDepth);
  EXPECT_EQ(must_parse("$..[0]").select_all(root).size(), kDepth);
  const json::value* last = nullptr;
  must_parse("$..*").select(root, [&last](const json::value& v) { last = &v; });
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(*last, json::value(42));
}

// ---- whitespace -------------------------------------------------------------

TEST(JsonPathWhitespace, AllowedBetweenSegmentsAndInsideBrackets) {
  EXPECT_EQ(query("$ .a", R"({"a":1})"), "[1]");
  EXPECT_EQ(query("$ ['a'] \t\n\r['b']", R"({"a":{"b":2}})"), "[2]");
  EXPECT_EQ(query("$[ 'b' , 'a' ]", R"({"a":1,"b":2})"), "[2,1]");
  EXPECT_EQ(query("$[\n0\t,\r1 ]", "[1,2]"), "[1,2]");
  EXPECT_EQ(query("$[ 1 : 3 : 1 ]", kLetters), R"(["b","c"])");
  EXPECT_EQ(query("$[ : -5 : ]", kLetters), R"(["a","b"])");
  EXPECT_EQ(query("$[ * ]", "[1]"), "[1]");
  EXPECT_EQ(query("$ ..a", R"({"a":1})"), "[1]");
}

TEST(JsonPathWhitespace, RejectedWhereTheRfcForbidsIt) {
  EXPECT_EQ(error_of("$. a").offset, 2u);
  EXPECT_EQ(error_of("$.. a").offset, 3u);
  EXPECT_EQ(error_of("$. .a").offset, 2u);
  EXPECT_EQ(error_of("$[- 1]").offset, 3u);
  const auto trailing = error_of("$.a \t");
  EXPECT_EQ(trailing.offset, 3u);
  EXPECT_EQ(trailing.message, "trailing whitespace is not allowed");
}

// ---- select_first / select / is_singular / to_string --------------------------

TEST(JsonPathApi, SelectFirst) {
  const json::value root = json::parse(kBookstore);
  const json::value* first = must_parse("$..price").select_first(root);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(*first, json::value(8.95));
  EXPECT_EQ(must_parse("$..nope").select_first(root), nullptr);
  EXPECT_EQ(must_parse("$").select_first(root), &root);
}

TEST(JsonPathApi, SelectCallsBackInDocumentOrder) {
  const json::value root = json::parse(kDescendants);
  const Path path = must_parse("$..*");
  std::vector<const json::value*> seen;
  path.select(root, [&seen](const json::value& v) { seen.push_back(&v); });
  EXPECT_EQ(seen, path.select_all(root));
  EXPECT_EQ(seen.size(), 11u);
}

TEST(JsonPathApi, MatchesPointIntoTheDocument) {
  const json::value root = json::parse(R"({"a":[10,20]})");
  const auto matches = must_parse("$.a[1]").select_all(root);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0], &root.at("a").at(1));
}

TEST(JsonPathApi, IsSingular) {
  EXPECT_TRUE(must_parse("$").is_singular());
  EXPECT_TRUE(must_parse("$.a[0]['b'][-1]").is_singular());
  EXPECT_FALSE(must_parse("$.*").is_singular());
  EXPECT_FALSE(must_parse("$[*]").is_singular());
  EXPECT_FALSE(must_parse("$..a").is_singular());
  EXPECT_FALSE(must_parse("$['a','b']").is_singular());
  EXPECT_FALSE(must_parse("$[0,1]").is_singular());
  EXPECT_FALSE(must_parse("$[0:1]").is_singular());
}

TEST(JsonPathApi, ToStringIsCanonical) {
  EXPECT_EQ(must_parse("$").to_string(), "$");
  EXPECT_EQ(must_parse("$.members[0]").to_string(), "$['members'][0]");
  EXPECT_EQ(must_parse(R"($["a"].*[-2])").to_string(), "$['a'][*][-2]");
  EXPECT_EQ(must_parse("$..*").to_string(), "$..[*]");
  EXPECT_EQ(must_parse("$..name").to_string(), "$..['name']");
  EXPECT_EQ(must_parse("$[ 'a' , 1 ]").to_string(), "$['a',1]");
  EXPECT_EQ(must_parse("$[1:3]").to_string(), "$[1:3]");
  EXPECT_EQ(must_parse("$[:2:1]").to_string(), "$[:2]");
  EXPECT_EQ(must_parse("$[::-1]").to_string(), "$[::-1]");
  EXPECT_EQ(must_parse("$[-3::0]").to_string(), "$[-3::0]");
  EXPECT_EQ(must_parse("$[::]").to_string(), "$[:]");
}

TEST(JsonPathApi, ToStringEscapesNames) {
  EXPECT_EQ(must_parse(R"($["it's"])").to_string(), R"($['it\'s'])");
  EXPECT_EQ(must_parse(R"($['say "hi"'])").to_string(), R"($['say "hi"'])");
  EXPECT_EQ(must_parse(R"($['a\\b\/c'])").to_string(), R"($['a\\b/c'])");
  EXPECT_EQ(must_parse(R"($['\b\f\n\r\t'])").to_string(), R"($['\b\f\n\r\t'])");
  EXPECT_EQ(must_parse(R"($['\u0001\u001F\u007f'])").to_string(), "$['\\u0001\\u001f\x7f']");
  EXPECT_EQ(must_parse(R"($['\u00e9'])").to_string(), "$['é']");
}

TEST(JsonPathApi, ToStringRoundTrips) {
  for (const char* text : {"$.a.b[0]", "$..['x','y'][1:2:3]", "$[*]..[-1]", R"($['\'\\\u0002'])",
                           "$['日本'][::-9007199254740991]"}) {
    const std::string canonical = must_parse(text).to_string();
    EXPECT_EQ(must_parse(canonical).to_string(), canonical) << text;
  }
}

TEST(JsonPathApi, ParsedStructure) {
  const Path path = must_parse("$..a[1:][-2,*]");
  const auto& segments = path.segments();
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_TRUE(segments[0].descendant);
  EXPECT_EQ(segments[0].selectors[0].kind, Selector::Kind::name);
  EXPECT_EQ(segments[0].selectors[0].name, "a");
  const Selector& slice = segments[1].selectors.at(0);
  EXPECT_EQ(slice.kind, Selector::Kind::slice);
  EXPECT_EQ(slice.start, 1);
  EXPECT_FALSE(slice.end.has_value());
  EXPECT_EQ(slice.step, 1);
  ASSERT_EQ(segments[2].selectors.size(), 2u);
  EXPECT_EQ(segments[2].selectors[0].kind, Selector::Kind::index);
  EXPECT_EQ(segments[2].selectors[0].index, -2);
  EXPECT_EQ(segments[2].selectors[1].kind, Selector::Kind::wildcard);
}

// ---- errors -----------------------------------------------------------------

TEST(JsonPathErrors, MissingRootSuggestsAFix) {
  auto e = error_of("members");
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.message, "a JSONPath starts with '$'; did you mean '$.members'?");
  EXPECT_EQ(error_of(".members[0]").message,
            "a JSONPath starts with '$'; did you mean '$.members[0]'?");
  EXPECT_EQ(error_of("[0]").message, "a JSONPath starts with '$'; did you mean '$[0]'?");
  EXPECT_EQ(error_of("@.items").message, "a JSONPath starts with '$'; did you mean '$.items'?");
  EXPECT_EQ(error_of(" $.a ").message, "a JSONPath starts with '$'; did you mean '$.a'?");
  EXPECT_EQ(error_of("data.items").message,
            "a JSONPath starts with '$'; did you mean '$.data.items'?");
}

TEST(JsonPathErrors, MissingRootWithoutAPlausibleFix) {
  EXPECT_EQ(error_of("/members/0").message, "a JSONPath starts with '$'");
  EXPECT_EQ(error_of("first-name").message, "a JSONPath starts with '$'");
  EXPECT_EQ(error_of("   ").message, "a JSONPath starts with '$'");
  const auto empty = error_of("");
  EXPECT_EQ(empty.offset, 0u);
  EXPECT_EQ(empty.message, "empty expression; a JSONPath starts with '$'");
}

TEST(JsonPathErrors, FiltersAreNotSupported) {
  for (const char* text : {"$[?@.a]", "$[?(@.price < 10)]", "$.book[ ?@]", "$[0,?@]"}) {
    const auto e = error_of(text);
    EXPECT_EQ(e.message, "filter expressions ([?...]) are not supported") << text;
    EXPECT_EQ(std::string_view(text).substr(e.offset, 1), "?") << text;
  }
}

TEST(JsonPathErrors, TrailingGarbage) {
  auto e = error_of("$.a b");
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.message, "unexpected 'b'; expected '.', '..' or '['");
  EXPECT_EQ(error_of("$x").offset, 1u);
  EXPECT_EQ(error_of("$['a']]").offset, 6u);
  EXPECT_EQ(error_of("$[0])").offset, 4u);
  e = error_of(std::string_view("$.a\0", 4));
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, "unexpected byte 0x00; expected '.', '..' or '['");
}

TEST(JsonPathErrors, NameWithSpecialCharactersSuggestsBrackets) {
  auto e = error_of("$.data.first-name");
  EXPECT_EQ(e.offset, 12u);
  EXPECT_EQ(e.message,
            "unexpected '-'; expected '.', '..' or '['; names with characters other than "
            "letters, digits and '_' need brackets: ['first-name']");
  EXPECT_NE(error_of("$.a:b[0]").message.find("['a:b']"), std::string::npos);
  // No suggestion when the bracketed form would not parse either.
  EXPECT_EQ(error_of("$.a'b").message, "unexpected '''; expected '.', '..' or '['");
}

TEST(JsonPathErrors, DotSegments) {
  auto e = error_of("$.");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message, "expected a name or '*' after '.'");
  e = error_of("$..");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, "expected a name, '*' or '[' after '..', found the end");
  EXPECT_EQ(error_of("$...a").offset, 3u);
  e = error_of("$.items.0");
  EXPECT_EQ(e.offset, 8u);
  EXPECT_EQ(e.message,
            "a name after '.' cannot start with a digit; for an array index write '[0]'");
  e = error_of("$.['a']");
  EXPECT_EQ(e.offset, 1u);
  EXPECT_EQ(e.message, "'.' cannot be followed by '['; remove the '.'");
  e = error_of("$.-a");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message, "expected a name or '*' after '.', found '-'");
}

TEST(JsonPathErrors, Brackets) {
  auto e = error_of("$[]");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message, "empty brackets; expected a quoted name, an index, a slice or '*'");
  e = error_of("$[0,]");
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.message, "expected a quoted name, an index, a slice or '*', found ']'");
  e = error_of("$[0 1]");
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.message, "expected ',' or ']', found '1'");
  e = error_of("$[name]");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message, "names in brackets must be quoted; did you mean ['name']?");
  EXPECT_EQ(error_of("$[$]").offset, 2u);
  EXPECT_EQ(error_of("$[1:2:3:4]").offset, 7u);
  EXPECT_EQ(error_of("$[1::2:]").offset, 6u);
}

TEST(JsonPathErrors, UnterminatedBracket) {
  for (const char* text : {"$[", "$['a'", "$[0,", "$[1:2", "$.a[ "}) {
    const auto e = error_of(text);
    EXPECT_EQ(e.offset, std::string_view(text).size()) << text;
    EXPECT_NE(e.message.find("unterminated '['"), std::string::npos) << e.message;
  }
  EXPECT_EQ(error_of("$.a['b'").message, "unterminated '[' (opened at offset 3); expected ']'");
}

TEST(JsonPathErrors, UnterminatedString) {
  auto e = error_of("$['abc");
  EXPECT_EQ(e.offset, 6u);
  EXPECT_EQ(e.message, "unterminated string (the ' at offset 2 is never closed)");
  e = error_of(R"($["a'])");
  EXPECT_EQ(e.offset, 6u);
  EXPECT_EQ(e.message, "unterminated string (the \" at offset 2 is never closed)");
  EXPECT_EQ(error_of(R"($['a\')").offset, 6u);
  e = error_of(R"($['a\)");
  EXPECT_EQ(e.offset, 5u);
  EXPECT_EQ(e.message, "unterminated string: it ends in the middle of an escape");
}

TEST(JsonPathErrors, BadEscapes) {
  auto e = error_of(R"($['a\x'])");
  EXPECT_EQ(e.offset, 4u);
  EXPECT_NE(e.message.find("invalid escape sequence '\\x'"), std::string::npos);
  e = error_of(R"($["\'"])");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, R"(\' is not an escape inside "..."; write ' without the backslash)");
  EXPECT_EQ(error_of(R"($['\"'])").offset, 3u);
  e = error_of(R"($['\u12'])");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, "expected four hex digits after \\u");
  EXPECT_EQ(error_of(R"($['\u12G4'])").offset, 3u);
  e = error_of(R"($['x\uD800'])");
  EXPECT_EQ(e.offset, 4u);
  EXPECT_NE(e.message.find("high surrogate"), std::string::npos);
  EXPECT_EQ(error_of(R"($['\uD800\u0041'])").offset, 3u);
  EXPECT_EQ(error_of(R"($['\uD800\uD800'])").offset, 3u);
  e = error_of(R"($['\uDC00'])");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, "unpaired low surrogate in \\u escape");
}

TEST(JsonPathErrors, RawControlCharactersInStrings) {
  auto e = error_of("$['a\nb']");
  EXPECT_EQ(e.offset, 4u);
  EXPECT_EQ(e.message, "control character 0x0A must be escaped in a string");
  EXPECT_EQ(error_of(std::string_view("$['\0']", 6)).offset, 3u);
}

TEST(JsonPathErrors, InvalidUtf8) {
  auto e = error_of("$.a\xff");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, "invalid UTF-8 (byte 0xFF)");
  EXPECT_EQ(error_of("$['\xc3']").offset, 3u);           // truncated sequence
  EXPECT_EQ(error_of("$.\xc0\xaf").offset, 2u);          // overlong '/'
  EXPECT_EQ(error_of("$.\xed\xa0\x80").offset, 2u);      // encoded surrogate
  EXPECT_EQ(error_of("$.\xf4\x90\x80\x80").offset, 2u);  // above U+10FFFF
  EXPECT_EQ(error_of("$.\xe6\x97").offset, 2u);          // cut at the end
  EXPECT_TRUE(parse("$.\xf4\x8f\xbf\xbf"));              // U+10FFFF itself is fine
}

TEST(JsonPathErrors, Integers) {
  auto e = error_of("$[01]");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message, "leading zeros are not allowed ('01')");
  EXPECT_EQ(error_of("$[00]").offset, 2u);
  EXPECT_EQ(error_of("$[-01]").offset, 2u);
  EXPECT_EQ(error_of("$[1:007]").offset, 4u);
  EXPECT_EQ(error_of("$[::-02]").offset, 4u);
  e = error_of("$[-0]");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message, "'-0' is not a valid integer; write 0");
  EXPECT_EQ(error_of("$[1:-0]").offset, 4u);
  e = error_of("$[-]");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_EQ(e.message, "expected a digit after '-', found ']'");
  EXPECT_EQ(error_of("$[1.5]").offset, 3u);
  EXPECT_EQ(error_of("$[1e3]").offset, 3u);
  EXPECT_EQ(error_of("$[+1]").offset, 2u);
}

TEST(JsonPathErrors, IntegersOutsideIJsonRange) {
  auto e = error_of("$[9007199254740992]");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_EQ(e.message,
            "integer 9007199254740992 is out of range; indices and slice bounds must be "
            "within +/-(2^53-1)");
  EXPECT_EQ(error_of("$[-9007199254740992]").offset, 2u);
  EXPECT_EQ(error_of("$[0:9007199254740992]").offset, 4u);
  EXPECT_EQ(error_of("$[::-9223372036854775808]").offset, 4u);
  e = error_of("$[" + repeat("9", 4000) + "]");
  EXPECT_EQ(e.offset, 2u);
  EXPECT_NE(e.message.find("integer " + repeat("9", 24) + "... is out of range"),
            std::string::npos);
  EXPECT_LT(e.message.size(), 200u);
}

// ---- hostile limits -----------------------------------------------------------

TEST(JsonPathLimits, ExpressionLength) {
  const std::string at_limit = "$['" + repeat("a", hw::jsonpath::kMaxExpressionLength - 5) + "']";
  ASSERT_EQ(at_limit.size(), hw::jsonpath::kMaxExpressionLength);
  EXPECT_TRUE(parse(at_limit));
  const std::string over = "$['" + repeat("a", hw::jsonpath::kMaxExpressionLength - 4) + "']";
  const auto e = error_of(over);
  EXPECT_EQ(e.offset, hw::jsonpath::kMaxExpressionLength);
  EXPECT_EQ(e.message, "expression is 4097 bytes long; the limit is 4096");
  EXPECT_EQ(error_of(repeat("x", 1'000'000)).offset, hw::jsonpath::kMaxExpressionLength);
}

TEST(JsonPathLimits, SegmentCount) {
  const std::size_t max = hw::jsonpath::kMaxSegments;
  const auto path = must_parse("$" + repeat(".a", max));
  EXPECT_EQ(path.segments().size(), max);
  const auto e = error_of("$" + repeat(".a", max + 1));
  EXPECT_EQ(e.offset, 1 + 2 * max);
  EXPECT_EQ(e.message, "too many segments; the limit is 128");
  EXPECT_EQ(error_of("$" + repeat("[0]", max + 1)).offset, 1 + 3 * max);
  EXPECT_EQ(error_of("$" + repeat("..*", max + 1)).offset, 1 + 3 * max);
}

TEST(JsonPathLimits, WideUnionsAndDeepBrackets) {
  std::string wide = "$[0";
  while (wide.size() < 4000) wide += ",0";
  wide += ']';
  const auto path = must_parse(wide);
  EXPECT_EQ(path.segments().at(0).selectors.size(), 2000u);
  EXPECT_EQ(path.select_all(json::parse("[1]")).size(), 2000u);
  EXPECT_EQ(error_of(repeat("[", 4000)).offset, 0u);
  EXPECT_EQ(error_of("$" + repeat("[", 4000)).offset, 2u);
}

TEST(JsonPathLimits, ArbitraryBytesNeverCrash) {
  // Every prefix of a tricky expression, plus every single byte after `$`.
  const std::string tricky = R"($..['a\u00e9\'',"\uD83D\uDE00"][-1:2:-3, *, 7]..x[?@])";
  for (std::size_t n = 0; n <= tricky.size(); ++n) {
    auto result = parse(std::string_view(tricky).substr(0, n));
    if (!result) {
      EXPECT_LE(result.error.offset, n);
      EXPECT_FALSE(result.error.message.empty());
    }
  }
  for (int b = 0; b < 256; ++b) {
    for (const std::string_view prefix : {"$", "$[", "$['", "$.", "$..", "$[1:"}) {
      const std::string text = std::string(prefix) + static_cast<char>(b);
      auto result = parse(text);
      if (!result) {
        EXPECT_LE(result.error.offset, text.size());
      }
    }
  }
}
