#pragma once
// GCC 12 reports a false -Wmaybe-uninitialized inside <regex> when AddressSanitizer is
// on (GCC bug 105562), and the build treats warnings as errors. Include <regex> only
// through this header; the pragma stays in force for the including file, where the
// templates are instantiated.
#if defined(__SANITIZE_ADDRESS__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
