// The icon check of `headwater source validate`: well-formed SVG with an <svg> root, nothing
// that runs code or reaches outside the file, at most 256 KB; hostile input answered, not
// obeyed.
#include "toolkit/svg_check.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hw::toolkit {
namespace {

constexpr std::string_view kOpen = R"svg(<svg xmlns="http://www.w3.org/2000/svg">)svg";

// "L:C: message" per problem, for exact comparisons.
std::vector<std::string> problems(std::string_view svg) {
  std::vector<std::string> out;
  for (const auto& p : check_svg_icon(svg))
    out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message);
  return out;
}

std::vector<std::string> none() {
  return {};
}

TEST(SvgCheck, AnIllustratorStyleIconPasses) {
  const std::string svg = R"svg(<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: an editor -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 48 48" width='48' height='48'>
  <defs>
    <style><![CDATA[ .a { fill: url(#grad); } ]]></style>
    <linearGradient id="grad"><stop offset="0" stop-color="#fff"/></linearGradient>
    <path id="p" d="M0 0h48v48H0z"/>
  </defs>
  <use xlink:href="#p" style="fill: url( '#grad' )"/>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <text x="1" y="2">Tom &amp; Jerry &#x263A; &#65;</text>
</svg>
)svg";
  EXPECT_EQ(problems(svg), none());
}

TEST(SvgCheck, ScriptIsRefusedWhereItStands) {
  EXPECT_EQ(problems(std::string(kOpen) + "\n  <script>alert(1)</script>\n</svg>"),
            std::vector<std::string>{"2:3: <script> is not allowed: an icon must not run code"});
  EXPECT_EQ(problems(std::string(kOpen) + "<SCRIPT/></svg>"),
            std::vector<std::string>{"1:41: <script> is not allowed: an icon must not run code"});
}

TEST(SvgCheck, EventHandlersAreRefused) {
  EXPECT_EQ(problems(R"svg(<svg onload="alert(1)"><g ONCLICK="x()"/></svg>)svg"),
            (std::vector<std::string>{
                "1:6: event-handler attribute 'onload' is not allowed: an icon must not run code",
                "1:27: event-handler attribute 'ONCLICK' is not allowed: an icon must not run "
                "code"}));
}

TEST(SvgCheck, ExternalLinksAreRefused) {
  EXPECT_EQ(problems(std::string(kOpen) +
                     R"svg(<use xlink:href="http://evil.example/a.svg#x"/></svg>)svg"),
            std::vector<std::string>{
                "1:46: 'xlink:href' links outside the icon (\"http://evil.example/a.svg#x\"); only "
                "'#id' links and data:image/png, jpeg, gif or webp URIs are allowed"});
  // A reference spelling "javascript:" and a relative file are links out, too.
  EXPECT_EQ(problems(R"svg(<svg><a href="&#106;avascript:alert(1)"/><image src="x.png"/></svg>)svg")
                .size(),
            2u);
  EXPECT_EQ(
      problems(R"svg(<svg><image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>)svg").size(),
      1u);
}

TEST(SvgCheck, ExternalUrlsInStylesAreRefused) {
  EXPECT_EQ(problems(R"svg(<svg><rect fill="url(http://x.example/p.svg#g)"/></svg>)svg"),
            std::vector<std::string>{
                "1:12: 'fill' has url(\"http://x.example/p.svg#g\"); an icon must be "
                "self-contained"});
  EXPECT_EQ(problems("<svg><style>\n@import 'https://x.example/a.css';</style></svg>"),
            std::vector<std::string>{"1:13: <style> has @import; an icon must be self-contained"});
  EXPECT_EQ(problems(R"svg(<svg><g style="background: \75 rl(http://x.example/)"/></svg>)svg"),
            std::vector<std::string>{
                "1:9: 'style' has a CSS escape ('\\'); an icon must be self-contained"});
  EXPECT_EQ(problems(R"svg(<svg><style>.a{cursor:url( "//x.example/c" )}</style></svg>)svg").size(),
            1u);
}

TEST(SvgCheck, StylesheetInstructionsAndLinkAnimationsAreRefused) {
  EXPECT_EQ(problems("<?xml-stylesheet href=\"http://x.example/a.css\"?>\n<svg/>"),
            std::vector<std::string>{
                "1:1: <?xml-stylesheet?> loads an external stylesheet; an icon must be "
                "self-contained"});
  EXPECT_EQ(
      problems(R"svg(<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>)svg"),
      std::vector<std::string>{
          "1:14: animating 'href' is not allowed: it could run code or link outside the icon"});
  EXPECT_EQ(problems(R"svg(<svg><foreignObject><div/></foreignObject></svg>)svg"),
            std::vector<std::string>{
                "1:6: <foreignObject> is not allowed: it embeds HTML, which this check cannot "
                "vouch for"});
}

TEST(SvgCheck, TheRootMustBeSvg) {
  EXPECT_EQ(problems(R"svg(<html><svg/></html>)svg"),
            std::vector<std::string>{"1:1: the root element is <html>; an icon's root is <svg>"});
  EXPECT_EQ(problems(R"svg(<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>)svg"), none());
}

TEST(SvgCheck, MalformedXmlSaysWhereItBreaks) {
  EXPECT_EQ(problems(""), std::vector<std::string>{
                              "1:1: is not well-formed XML: the document has no root element"});
  EXPECT_EQ(problems("<svg>\n<g></svg>"),
            std::vector<std::string>{"2:4: is not well-formed XML: </svg> closes <g>"});
  EXPECT_EQ(problems("<svg>"),
            std::vector<std::string>{"1:6: is not well-formed XML: <svg> is never closed"});
  EXPECT_EQ(problems(R"svg(<svg a="1" a="2"/>)svg"),
            std::vector<std::string>{"1:12: is not well-formed XML: attribute 'a' appears twice"});
  EXPECT_EQ(
      problems("<svg/><svg/>"),
      std::vector<std::string>{"1:7: is not well-formed XML: content after the root element ends"});
  EXPECT_EQ(problems("<svg width=48/>"),
            std::vector<std::string>{
                "1:12: is not well-formed XML: the value of 'width' must be quoted"});
  EXPECT_EQ(problems("<svg>&nbsp;</svg>"),
            std::vector<std::string>{
                "1:6: is not well-formed XML: unknown entity '&nbsp;': only &lt; &gt; &amp; "
                "&apos; &quot; and numeric references are allowed"});
  EXPECT_EQ(problems("<svg><!-- a -- b --></svg>"),
            std::vector<std::string>{
                "1:13: is not well-formed XML: '--' is not allowed inside a comment"});
}

TEST(SvgCheck, BytesThatAreNotXmlTextAreRefused) {
  EXPECT_EQ(problems("<svg>\xff</svg>"),
            std::vector<std::string>{"1:6: is not well-formed XML: the text is not valid UTF-8"});
  EXPECT_EQ(problems(std::string("<svg>\0</svg>", 12)),
            std::vector<std::string>{
                "1:6: is not well-formed XML: character U+0000 is not allowed in XML"});
  EXPECT_EQ(problems("<svg>&#0;</svg>"),
            std::vector<std::string>{
                "1:6: is not well-formed XML: a character reference names U+0000, not allowed"});
}

TEST(SvgCheck, DoctypesAreRefusedSoEntitiesCannotExpand) {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY a \"lol\"><!ENTITY b "
      "\"&a;&a;&a;&a;\">]>\n<svg>&b;</svg>";
  EXPECT_EQ(problems(laughs),
            std::vector<std::string>{
                "2:1: is not well-formed XML: a DOCTYPE is not allowed: it can declare entities "
                "and load external files, and an SVG needs none; delete it"});
}

TEST(SvgCheck, DeepNestingStopsAtTheLimitWithoutRecursion) {
  std::string ok = "<svg>";
  for (int i = 1; i < 256; ++i) ok += "<g>";
  for (int i = 1; i < 256; ++i) ok += "</g>";
  EXPECT_EQ(problems(ok + "</svg>"), none());

  std::string deep = "<svg>";
  while (deep.size() < kMaxIconBytes - 3) deep += "<g>";
  const auto found = problems(deep);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "1:" + std::to_string(5 + 255 * 3 + 1) +
                          ": is not well-formed XML: elements nest deeper than 256 levels");
}

TEST(SvgCheck, IconsOver256KbAreRefused) {
  std::string big(kOpen);
  big += std::string(kMaxIconBytes, ' ') + "</svg>";
  EXPECT_EQ(problems(big), std::vector<std::string>{"1:1: is larger than 262144 bytes (256 KB)"});
}

TEST(SvgCheck, AnIconOfExactly256KbPasses) {
  const std::string_view close = "</svg>";
  std::string svg(kOpen);
  svg += std::string(kMaxIconBytes - kOpen.size() - close.size(), ' ');
  svg += close;
  ASSERT_EQ(svg.size(), kMaxIconBytes);
  EXPECT_EQ(problems(svg), none());
  EXPECT_EQ(problems(svg.insert(kOpen.size(), " ")),
            std::vector<std::string>{"1:1: is larger than 262144 bytes (256 KB)"});
}

TEST(SvgCheck, AFloodOfProblemsIsCapped) {
  std::string svg = "<svg>";
  for (int i = 0; i < 100; ++i) svg += "<script/>";
  const auto found = problems(svg + "</svg>");
  ASSERT_EQ(found.size(), kMaxSvgProblems);
  EXPECT_EQ(found.back(),
            "1:" + std::to_string(6 + 19 * 9) + ": more problems are not listed; fix these first");
}

}  // namespace
}  // namespace hw::toolkit
