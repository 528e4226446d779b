#include "crypto/secret_box.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

namespace hw::crypto {
namespace {

constexpr std::string_view kPrefix = "v1:";
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;
// EVP lengths are ints; larger inputs go through in pieces.
constexpr std::size_t kChunk = std::size_t{1} << 30;

using Key = std::array<unsigned char, SecretBox::kKeySize>;

// ---- base64 (RFC 4648, padded) --------------------------------------------

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 0x3F]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 0x3F]);
  while (out.size() % 4 != 0) out.push_back('=');
  return out;
}

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Strict: no whitespace, no missing padding, no stray bits after the last byte.
std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
    ++padding;
  }
  text.remove_suffix(padding);
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int digit = base64_digit(c);
    if (digit < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if ((acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

// ---- AES-256-GCM ------------------------------------------------------------

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

CipherCtx start(const Key& key, const unsigned char* nonce, bool encrypt) {
  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (ctx && EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce,
                               encrypt ? 1 : 0) != 1) {
    ctx.reset();
  }
  return ctx;
}

// With `out` null the input is authenticated only (AAD).
bool update(EVP_CIPHER_CTX* ctx, unsigned char* out, std::string_view in) {
  while (!in.empty()) {
    std::size_t n = std::min(in.size(), kChunk);
    int written = 0;
    if (EVP_CipherUpdate(ctx, out, &written, bytes_of(in), static_cast<int>(n)) != 1) {
      return false;
    }
    if (out) out += written;
    in.remove_prefix(n);
  }
  return true;
}

std::string seal_raw(const Key& key, std::string_view plaintext, std::string_view context) {
  std::string raw(kNonceSize + plaintext.size() + kTagSize, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(raw.data());
  auto* body = nonce + kNonceSize;
  auto* tag = body + plaintext.size();
  if (RAND_bytes(nonce, kNonceSize) != 1) throw std::runtime_error("RAND_bytes failed");
  CipherCtx ctx = start(key, nonce, true);
  int final_len = 0;
  if (!ctx || !update(ctx.get(), nullptr, context) || !update(ctx.get(), body, plaintext) ||
      EVP_CipherFinal_ex(ctx.get(), tag, &final_len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag) != 1) {
    throw std::runtime_error("AES-256-GCM encryption failed");
  }
  return raw;
}

std::optional<std::string> open_raw(const Key& key, std::string_view raw,
                                    std::string_view context) {
  if (raw.size() < kNonceSize + kTagSize) return std::nullopt;
  std::string_view body = raw.substr(kNonceSize, raw.size() - kNonceSize - kTagSize);
  std::array<unsigned char, kTagSize> tag;
  std::memcpy(tag.data(), raw.data() + kNonceSize + body.size(), kTagSize);

  CipherCtx ctx = start(key, bytes_of(raw), false);
  std::string plain(body.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  int final_len = 0;
  if (ctx && update(ctx.get(), nullptr, context) && update(ctx.get(), out, body) &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
      EVP_CipherFinal_ex(ctx.get(), out + body.size(), &final_len) == 1) {
    return plain;
  }
  // Unauthenticated plaintext must not linger in freed memory either.
  OPENSSL_cleanse(plain.data(), plain.size());
  return std::nullopt;
}

// ---- key file -----------------------------------------------------------------

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Surfaces the close() error, which is where some filesystems report a failed write.
  bool close() { return ::close(std::exchange(fd_, -1)) == 0; }

 private:
  int fd_;
};

// Removes the temporary file whether or not it became the key file: once
// linked, the key file is a second name for the same data.
class TempFile {
 public:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { ::unlink(path_.c_str()); }
  const char* c_str() const { return path_.c_str(); }

 private:
  std::string path_;
};

std::runtime_error key_error(const std::filesystem::path& file, const std::string& problem) {
  return std::runtime_error("key file " + file.string() + ": " + problem);
}

std::runtime_error errno_error(const std::filesystem::path& file, const std::string& action) {
  const int error = errno;  // before any allocation can overwrite it
  return key_error(file, action + ": " + std::strerror(error));
}

bool read_all(int fd, unsigned char* out, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::read(fd, out, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool write_all(int fd, const unsigned char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

void check_key_file(const std::filesystem::path& file, const struct stat& st) {
  if (!S_ISREG(st.st_mode)) throw key_error(file, "is not a regular file");
  // The key opens every stored secret; like ssh with private keys, refuse
  // rather than use a key others may have copied.
  if ((st.st_mode & 077) != 0) {
    throw key_error(file, "is accessible by group or others (mode " + octal_mode(st.st_mode) +
                              "); run: chmod 600 " + file.string());
  }
  if (st.st_size != static_cast<off_t>(SecretBox::kKeySize)) {
    throw key_error(file, "is " + std::to_string(st.st_size) +
                              " bytes; a key is exactly 32 random bytes. Restore the original "
                              "file: a new key cannot open the secrets already stored");
  }
}

// nullopt when the file does not exist.
std::optional<SecretBox> read_key(const std::filesystem::path& file) {
  Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return std::nullopt;
    throw errno_error(file, "cannot be opened");
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) throw errno_error(file, "cannot be inspected");
  check_key_file(file, st);
  Key key;
  std::optional<SecretBox> box;
  if (read_all(fd.get(), key.data(), key.size())) box.emplace(key);
  OPENSSL_cleanse(key.data(), key.size());
  if (!box) throw key_error(file, "cannot be read in full");
  return box;
}

void sync_directory(const std::filesystem::path& file) {
  std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) throw errno_error(file, "directory cannot be synced");
}

// Writes a fresh key under a temporary name, then links it into place. link()
// fails instead of replacing, so when two processes start at once both end
// up using the key of whichever linked first.
void create_key(const std::filesystem::path& file) {
  std::string name = file.string() + ".tmp-XXXXXX";
  Fd fd(::mkostemp(name.data(), O_CLOEXEC));  // mode 0600
  if (fd.get() < 0) throw errno_error(file, "cannot be created");
  TempFile temp(name);

  Key key;
  if (RAND_bytes(key.data(), key.size()) != 1) throw key_error(file, "RAND_bytes failed");
  bool written = write_all(fd.get(), key.data(), key.size());
  OPENSSL_cleanse(key.data(), key.size());
  if (!written || ::fsync(fd.get()) != 0 || !fd.close()) {
    throw errno_error(file, "cannot be written");
  }
  if (::link(temp.c_str(), file.c_str()) != 0) {
    if (errno == EEXIST) return;
    throw errno_error(file, "cannot be created");
  }
  sync_directory(file);
}

}  // namespace

SecretBox SecretBox::open_or_create(const std::filesystem::path& key_file) {
  if (auto box = read_key(key_file)) return *box;
  create_key(key_file);
  if (auto box = read_key(key_file)) return *box;
  throw key_error(key_file, "was removed right after it was created");
}

SecretBox::SecretBox(std::array<unsigned char, kKeySize> key) : key_(key) {
  OPENSSL_cleanse(key.data(), key.size());
}

SecretBox::~SecretBox() {
  OPENSSL_cleanse(key_.data(), key_.size());
}

std::string SecretBox::seal(std::string_view plaintext, std::string_view context) const {
  return std::string(kPrefix) + base64_encode(seal_raw(key_, plaintext, context));
}

std::optional<std::string> SecretBox::open(std::string_view sealed,
                                           std::string_view context) const {
  if (!sealed.starts_with(kPrefix)) return std::nullopt;
  try {
    auto raw = base64_decode(sealed.substr(kPrefix.size()));
    if (!raw) return std::nullopt;
    return open_raw(key_, *raw, context);
  } catch (const std::bad_alloc&) {
    // A sealed text too large to decode cannot be one this box produced.
    return std::nullopt;
  }
}

}  // namespace hw::crypto
