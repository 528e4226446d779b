#pragma once
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hw::crypto {

// Authenticated encryption (AES-256-GCM) for secrets at rest: connection
// passwords, tokens. seal() and open() are const and share no mutable state,
// so one SecretBox serves every thread.
class SecretBox {
 public:
  static constexpr std::size_t kKeySize = 32;

  // Reads the 32-byte key from `key_file`, creating it (random, mode 0600,
  // written atomically: temp file + fsync + link, which never replaces a key
  // another process created first) when absent. Throws std::runtime_error
  // naming the file when it cannot be read or created, has the wrong size, or
  // is accessible by group or others (the message gives the chmod fix).
  static SecretBox open_or_create(const std::filesystem::path& key_file);

  // Wipes its by-value copy of `key`; callers wipe their own.
  explicit SecretBox(std::array<unsigned char, kKeySize> key);
  SecretBox(const SecretBox&) = default;
  SecretBox& operator=(const SecretBox&) = default;
  ~SecretBox();

  // Encrypts with a fresh random 96-bit nonce. `context` is authenticated but
  // not stored (AAD): a ciphertext only opens with the same context, so a
  // sealed value copied into another record ("kind/org/sandbox/id") is
  // useless there. Output: "v1:" + base64(nonce(12) | ciphertext | tag(16)).
  // Throws std::runtime_error only when OpenSSL itself fails.
  std::string seal(std::string_view plaintext, std::string_view context) const;

  // nullopt when the text is malformed, the tag fails, or the context
  // differs. Never throws.
  std::optional<std::string> open(std::string_view sealed, std::string_view context) const;

 private:
  std::array<unsigned char, kKeySize> key_;
};

}  // namespace hw::crypto
