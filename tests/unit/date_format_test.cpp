#include "schedule/date_format.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

using hw::schedule::DateFormat;
using hw::schedule::TimePoint;
using Kind = DateFormat::Token::Kind;
using namespace std::chrono;

namespace {

TimePoint at(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0, int us = 0) {
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} +
         microseconds{us};
}

// 2021-10-04T21:36:58.123456Z, the example from the design brief.
const TimePoint kSample = at(2021, 10, 4, 21, 36, 58, 123456);
// 2024-01-02T03:04:05.000007Z: single-digit fields show padding.
const TimePoint kEarly = at(2024, 1, 2, 3, 4, 5, 7);

DateFormat must_parse(std::string_view pattern) {
  auto result = DateFormat::parse(pattern);
  if (auto* error = std::get_if<std::string>(&result)) {
    ADD_FAILURE() << pattern << ": " << *error;
    return std::get<DateFormat>(DateFormat::parse("yyyy"));
  }
  return std::get<DateFormat>(result);
}

std::string format(std::string_view pattern, TimePoint t) {
  return must_parse(pattern).format(t);
}

std::string error_of(std::string_view pattern) {
  auto result = DateFormat::parse(pattern);
  if (auto* error = std::get_if<std::string>(&result)) return *error;
  ADD_FAILURE() << pattern << " parsed";
  return {};
}

}  // namespace

// ---- the patterns connector authors write ------------------------------------

TEST(DateFormatPattern, BriefExamples) {
  EXPECT_EQ(format("yyyy-MM-ddTHH:mm:ss:fffffffK", kSample), "2021-10-04T21:36:58:1234560Z");
  EXPECT_EQ(format("yyyy-MM-ddTHH:mm:ssZ", at(2024, 1, 2, 3, 4, 5)), "2024-01-02T03:04:05Z");
}

TEST(DateFormatPattern, CommonJavaAndDotNetPatterns) {
  EXPECT_EQ(format("yyyy-MM-dd'T'HH:mm:ss'Z'", kSample), "2021-10-04T21:36:58Z");
  EXPECT_EQ(format("yyyy-MM-dd'T'HH:mm:ss.fffXXX", kSample), "2021-10-04T21:36:58.123+00:00");
  EXPECT_EQ(format("yyyy-MM-ddTHH:mm:ss.ffffffzzz", kSample), "2021-10-04T21:36:58.123456+00:00");
  EXPECT_EQ(format("yyyyMMdd", kSample), "20211004");
  EXPECT_EQ(format("dd/MM/yy hh:mm tt", kSample), "04/10/21 09:36 PM");
  EXPECT_EQ(format("yyyy-MM-dd", at(1999, 12, 31)), "1999-12-31");
}

// ---- each token ---------------------------------------------------------------

TEST(DateFormatTokens, Year) {
  EXPECT_EQ(format("yyyy", kSample), "2021");
  EXPECT_EQ(format("yy", kSample), "21");
  EXPECT_EQ(format("yy", at(2000, 1, 1)), "00");
  EXPECT_EQ(format("yy", at(2009, 1, 1)), "09");
  EXPECT_EQ(format("yyyy", at(987, 6, 5)), "0987");
  EXPECT_EQ(format("yyyy", at(12, 1, 1)), "0012");
  EXPECT_EQ(format("yyyy", at(0, 1, 1)), "0000");
  EXPECT_EQ(format("yyyy yy", at(-1, 1, 1)), "-0001 99");
  EXPECT_EQ(format("yyyy", at(12345, 1, 1)), "12345");
}

TEST(DateFormatTokens, MonthAndDay) {
  EXPECT_EQ(format("MM M dd d", kEarly), "01 1 02 2");
  EXPECT_EQ(format("MM M dd d", at(2021, 12, 31)), "12 12 31 31");
  EXPECT_EQ(format("MM-dd", at(2024, 2, 29)), "02-29");
}

TEST(DateFormatTokens, Hours) {
  EXPECT_EQ(format("HH H hh tt", kEarly), "03 3 03 AM");
  EXPECT_EQ(format("HH H hh tt", at(2024, 1, 1, 0)), "00 0 12 AM");
  EXPECT_EQ(format("HH H hh tt", at(2024, 1, 1, 11, 59, 59)), "11 11 11 AM");
  EXPECT_EQ(format("HH H hh tt", at(2024, 1, 1, 12)), "12 12 12 PM");
  EXPECT_EQ(format("HH H hh tt", at(2024, 1, 1, 13)), "13 13 01 PM");
  EXPECT_EQ(format("HH H hh tt", at(2024, 1, 1, 23, 59, 59)), "23 23 11 PM");
}

TEST(DateFormatTokens, MinutesAndSeconds) {
  EXPECT_EQ(format("mm m ss s", kEarly), "04 4 05 5");
  EXPECT_EQ(format("mm m ss s", kSample), "36 36 58 58");
  EXPECT_EQ(format("mm:ss", at(2024, 1, 1, 0, 0, 0)), "00:00");
}

TEST(DateFormatTokens, FractionDigitsTruncate) {
  const char* expected[] = {"1",      "12",      "123",      "1234",     "12345",
                            "123456", "1234560", "12345600", "123456000"};
  for (int width = 1; width <= 9; ++width) {
    EXPECT_EQ(format(std::string(width, 'f'), kSample), expected[width - 1]) << width;
    EXPECT_EQ(format(std::string(width, 'F'), kSample), expected[width - 1]) << width;
  }
  const TimePoint almost = at(2024, 1, 1, 0, 0, 59, 999999);
  EXPECT_EQ(format("ss.fff", almost), "59.999");
  EXPECT_EQ(format("ss.fffffff", almost), "59.9999990");
  EXPECT_EQ(format("ss.ffffff", kEarly), "05.000007");
  EXPECT_EQ(format("ss.fff", kEarly), "05.000");
  EXPECT_EQ(format("ss.FFF", kEarly), "05.000");
}

TEST(DateFormatTokens, UtcDesignatorsAndOffsets) {
  EXPECT_EQ(format("K", kSample), "Z");
  EXPECT_EQ(format("Z", kSample), "Z");
  EXPECT_EQ(format("X", kSample), "Z");
  EXPECT_EQ(format("zzz", kSample), "+00:00");
  EXPECT_EQ(format("XXX", kSample), "+00:00");
  EXPECT_EQ(format("xxx", kSample), "+00:00");
  EXPECT_EQ(format("ZZ", kSample), "+0000");
  EXPECT_EQ(format("ZZZ", kSample), "+0000");
  EXPECT_EQ(format("XX", kSample), "+0000");
  EXPECT_EQ(format("xx", kSample), "+0000");
}

TEST(DateFormatTokens, TokenKinds) {
  const auto tokens = must_parse("yyyy-M-dTHH:mm:ss.fffK").tokens();
  ASSERT_EQ(tokens.size(), 14u);
  EXPECT_EQ(tokens[0].kind, Kind::year4);
  EXPECT_EQ(tokens[1].kind, Kind::literal);
  EXPECT_EQ(tokens[1].text, "-");
  EXPECT_EQ(tokens[2].kind, Kind::month1);
  EXPECT_EQ(tokens[4].kind, Kind::day1);
  EXPECT_EQ(tokens[5].text, "T");
  EXPECT_EQ(tokens[6].kind, Kind::hour24_2);
  EXPECT_EQ(tokens[8].kind, Kind::minute2);
  EXPECT_EQ(tokens[10].kind, Kind::second2);
  EXPECT_EQ(tokens[12].kind, Kind::fraction);
  EXPECT_EQ(tokens[12].width, 3);
  EXPECT_EQ(tokens[13].kind, Kind::utc_designator);
  EXPECT_EQ(must_parse("yyyy").mode(), DateFormat::Mode::pattern);
}

// ---- literals and quoting -------------------------------------------------------

TEST(DateFormatLiterals, NonLettersAndTAreLiteral) {
  EXPECT_EQ(format("T", kSample), "T");
  EXPECT_EQ(format("TT", kSample), "TT");
  EXPECT_EQ(format("[yyyy] @ 1/2 #", kSample), "[2021] @ 1/2 #");
  EXPECT_EQ(format("dd.MM.yyyy – HH'h'", kSample), "04.10.2021 – 21h");
  EXPECT_EQ(format("\\yyyy", kSample), "\\2021");
}

TEST(DateFormatLiterals, AdjacentLiteralsMerge) {
  const auto tokens = must_parse("yyyy'-x'-'y'").tokens();
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].kind, Kind::literal);
  EXPECT_EQ(tokens[1].text, "-x-y");
}

TEST(DateFormatLiterals, Quoting) {
  EXPECT_EQ(format("'year' yyyy", kSample), "year 2021");
  EXPECT_EQ(format("yyyy'T'HH", kSample), "2021T21");
  EXPECT_EQ(format("'yyyy-MM-dd'", kSample), "yyyy-MM-dd");
  EXPECT_EQ(format("hh 'o''clock'", kSample), "09 o'clock");
  EXPECT_EQ(format("''yy''", kSample), "'21'");
  EXPECT_EQ(format("''", kSample), "'");
  EXPECT_EQ(format("''''", kSample), "''");
  EXPECT_EQ(format("'''x'''", kSample), "'x'");
  EXPECT_EQ(format("'q'", kSample), "q");
}

// ---- epoch modes -----------------------------------------------------------------

TEST(DateFormatEpoch, NamesAreCaseInsensitive) {
  for (const char* name : {"epoch", "EPOCH", "Epoch", "epochSeconds", "EPOCHSECONDS"}) {
    const DateFormat f = must_parse(name);
    EXPECT_EQ(f.mode(), DateFormat::Mode::epoch_seconds) << name;
    EXPECT_TRUE(f.tokens().empty());
  }
  for (const char* name : {"epochMillis", "epochmillis", "EPOCHMILLIS", "EpochMillis"}) {
    EXPECT_EQ(must_parse(name).mode(), DateFormat::Mode::epoch_millis) << name;
  }
}

TEST(DateFormatEpoch, FormatsTheDecimalInteger) {
  EXPECT_EQ(format("epoch", kSample), "1633383418");
  EXPECT_EQ(format("epochMillis", kSample), "1633383418123");
  EXPECT_EQ(format("epoch", TimePoint{}), "0");
  EXPECT_EQ(format("epochMillis", TimePoint{}), "0");
}

TEST(DateFormatEpoch, NegativeValuesRoundDown) {
  EXPECT_EQ(format("epoch", TimePoint{microseconds{-1}}), "-1");
  EXPECT_EQ(format("epochMillis", TimePoint{microseconds{-1}}), "-1");
  EXPECT_EQ(format("epoch", TimePoint{microseconds{-1'000'000}}), "-1");
  EXPECT_EQ(format("epoch", TimePoint{microseconds{-1'000'001}}), "-2");
  EXPECT_EQ(format("epochMillis", TimePoint{microseconds{-1'500}}), "-2");
  EXPECT_EQ(format("epoch", at(1969, 7, 20, 20, 17, 40)), "-14182940");
}

TEST(DateFormatEpoch, MisspelledNamesAreErrors) {
  EXPECT_EQ(error_of("epoch_millis"),
            "unknown format 'epoch_millis'; use epoch, epochSeconds or epochMillis");
  EXPECT_EQ(error_of("EPOCH_MILLIS"),
            "unknown format 'EPOCH_MILLIS'; use epoch, epochSeconds or epochMillis");
  EXPECT_EQ(error_of("epochMs"),
            "unknown format 'epochMs'; use epoch, epochSeconds or epochMillis");
  EXPECT_EQ(error_of(" epoch"), "unknown pattern letter 'e' at offset 1");
}

// ---- before 1970 and extremes ------------------------------------------------------

TEST(DateFormatRange, Before1970) {
  const std::string_view iso = "yyyy-MM-ddTHH:mm:ss.ffffffK";
  EXPECT_EQ(format(iso, TimePoint{microseconds{-1}}), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(format(iso, at(1969, 7, 20, 20, 17, 40, 5)), "1969-07-20T20:17:40.000005Z");
  EXPECT_EQ(format(iso, at(1900, 2, 28, 23, 0, 0)), "1900-02-28T23:00:00.000000Z");
  EXPECT_EQ(format("yyyy-MM-dd hh tt", at(1600, 2, 29, 0)), "1600-02-29 12 AM");
  EXPECT_EQ(format(iso, TimePoint{}), "1970-01-01T00:00:00.000000Z");
}

TEST(DateFormatRange, LeapDays) {
  EXPECT_EQ(format("yyyy-MM-dd", at(2000, 2, 29)), "2000-02-29");
  EXPECT_EQ(format("yyyy-MM-dd", at(2100, 2, 28) + days{1}), "2100-03-01");
  EXPECT_EQ(format("yyyy-MM-dd", at(2024, 12, 31) + days{1}), "2025-01-01");
}

TEST(DateFormatRange, WholeTimePointRange) {
  const std::string_view iso = "yyyy-MM-ddTHH:mm:ss.ffffff";
  EXPECT_EQ(format(iso, TimePoint::max()), "294247-01-10T04:00:54.775807");
  EXPECT_EQ(format(iso, TimePoint::min()), "-290308-12-21T19:59:05.224192");
  EXPECT_EQ(format("epoch", TimePoint::min()), "-9223372036855");
  EXPECT_EQ(format("epochMillis", TimePoint::max()), "9223372036854775");
  // Beyond chrono::year's +/-32767.
  EXPECT_EQ(format("yyyy-MM-dd", TimePoint{days{-12'000'000}}), "-30885-02-13");
  EXPECT_EQ(format("yyyy-MM-dd", TimePoint{days{12'000'000}}), "34824-11-19");
}

// ---- errors ----------------------------------------------------------------------

TEST(DateFormatErrors, Empty) {
  EXPECT_EQ(error_of(""), "empty date format; use a pattern or epoch/epochMillis");
}

TEST(DateFormatErrors, UnknownLetters) {
  EXPECT_EQ(error_of("yyyy-q"), "unknown pattern letter 'q' at offset 5");
  EXPECT_EQ(error_of("yyyy-MM-dd'T'HH:mm:ss.SSS"),
            "unknown pattern letter 'S' at offset 22; use f for fractions of a second (e.g. fff)");
  EXPECT_EQ(error_of("YYYY"), "unknown pattern letter 'Y' at offset 0; use y for the year");
  EXPECT_EQ(error_of("DD"),
            "unknown pattern letter 'D' at offset 0; use d for the day of the month");
  EXPECT_EQ(error_of("hh a"), "unknown pattern letter 'a' at offset 3; use tt for AM/PM");
  EXPECT_EQ(error_of("E"), "unknown pattern letter 'E' at offset 0");
  EXPECT_EQ(error_of("'ok' Q"), "unknown pattern letter 'Q' at offset 5");
}

TEST(DateFormatErrors, UnsupportedRepeatCounts) {
  EXPECT_EQ(error_of("yyy"), "unsupported pattern 'yyy' at offset 0; use yyyy or yy");
  EXPECT_EQ(error_of("y"), "unsupported pattern 'y' at offset 0; use yyyy or yy");
  EXPECT_EQ(error_of("yyyyy"), "unsupported pattern 'yyyyy' at offset 0; use yyyy or yy");
  EXPECT_EQ(error_of("yyyy-MMM"), "unsupported pattern 'MMM' at offset 5; use MM or M");
  EXPECT_EQ(error_of("dddd"), "unsupported pattern 'dddd' at offset 0; use dd or d");
  EXPECT_EQ(error_of("HHH"), "unsupported pattern 'HHH' at offset 0; use HH or H");
  EXPECT_EQ(error_of("h"), "unsupported pattern 'h' at offset 0; use hh");
  EXPECT_EQ(error_of("mmm"), "unsupported pattern 'mmm' at offset 0; use mm or m");
  EXPECT_EQ(error_of("sss"), "unsupported pattern 'sss' at offset 0; use ss or s");
  EXPECT_EQ(error_of("hh t"), "unsupported pattern 't' at offset 3; use tt");
  EXPECT_EQ(error_of("KK"), "unsupported pattern 'KK' at offset 0; use K");
  EXPECT_EQ(error_of("ZZZZ"), "unsupported pattern 'ZZZZ' at offset 0; use Z or ZZ or ZZZ");
  EXPECT_EQ(error_of("z"), "unsupported pattern 'z' at offset 0; use zzz");
  EXPECT_EQ(error_of("XXXX"), "unsupported pattern 'XXXX' at offset 0; use X or XX or XXX");
  EXPECT_EQ(error_of("x"), "unsupported pattern 'x' at offset 0; use xx or xxx");
  EXPECT_EQ(error_of("ss.ffffffffff"),
            "at most 9 fraction digits are supported; found 10 at offset 3");
}

TEST(DateFormatErrors, UnterminatedQuote) {
  EXPECT_EQ(error_of("yyyy 'T"), "unterminated quote at offset 5");
  EXPECT_EQ(error_of("'"), "unterminated quote at offset 0");
  EXPECT_EQ(error_of("'it''s"), "unterminated quote at offset 0");
  EXPECT_EQ(error_of("''' "), "unterminated quote at offset 2");
}
