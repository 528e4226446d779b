#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hw::engine {

// Every message that quotes the source (a URL, an answer's body, a value a page gave) goes
// through here first: sources echo what they were sent ("invalid api key sk_live_…", a
// request echo), and a secret must never reach a response, a log line or a run record.
//
// `text` with each of `secrets` replaced by "***", wherever it appears as sent (raw), as it
// travels in a URL (percent-encoded) or as a JSON string spells it (escaped, with or without
// "\/"). Longer secrets go first, so a secret inside another cannot leave the rest showing.
//
// A spelling shorter than 4 bytes is replaced only where it stands alone (no letter or digit
// right before or after it): so short a secret would otherwise turn ordinary words into
// "***", while where a source echoes it, it stands alone as a value (`"key":"ab1"`,
// `key=ab1`). A secret that short is guessable anyway; longer ones are replaced anywhere.
std::string redact(std::string_view text, const std::vector<std::string>& secrets);

// At most `max` bytes of `text`, cut before a UTF-8 character, and "…" after a cut.
std::string clip(std::string_view text, std::size_t max);

// The start of the source's answer `body`, for a message a person can act on: secrets
// redacted, line breaks as spaces, at most 300 bytes then "…".
std::string quote_body(std::string_view body, const std::vector<std::string>& secrets);

}  // namespace hw::engine
