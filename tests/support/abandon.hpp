#pragma once
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include <utility>

namespace hw::test {

// Keeps `value` alive and never destroys it, as a crash leaves an object: its destructor
// must not get to clean up. Told to LeakSanitizer, which would otherwise (rightly) report it.
template <typename T>
T& abandon(T&& value) {
  auto* kept = new T(std::forward<T>(value));
#if defined(__SANITIZE_ADDRESS__)
  __lsan_ignore_object(kept);
#endif
  return *kept;
}

}  // namespace hw::test
