#include "crypto/secret_box.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using hw::crypto::SecretBox;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kContext = "connections/org1/prod/c0ffee";

SecretBox box_with_key(unsigned char fill) {
  std::array<unsigned char, 32> key;
  key.fill(fill);
  return SecretBox(key);
}

// Base64 through OpenSSL rather than the code under test, so the tests also
// pin the wire format to standard base64.
std::string decode(std::string_view sealed) {
  std::string_view text = sealed.substr(3);
  std::string out(text.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  EXPECT_GE(n, 0) << sealed;
  out.resize(static_cast<std::size_t>(std::max(n, 0)));
  if (text.ends_with("=="))
    out.resize(out.size() - 2);
  else if (text.ends_with("="))
    out.resize(out.size() - 1);
  return out;
}

std::string encode(std::string_view raw) {
  std::string out((raw.size() + 2) / 3 * 4 + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(raw.data()),
                          static_cast<int>(raw.size()));
  out.resize(static_cast<std::size_t>(n));
  return "v1:" + out;
}

std::string error_of(const fs::path& key_file) {
  try {
    SecretBox::open_or_create(key_file);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  ADD_FAILURE() << key_file << " was accepted";
  return {};
}

class SecretBoxKeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = (fs::temp_directory_path() / "secret_box_test.XXXXXX").string();
    ASSERT_NE(::mkdtemp(name.data()), nullptr);
    dir_ = name;
    file_ = dir_ / "secrets.key";
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write_key_file(std::size_t size, fs::perms perms) {
    std::ofstream(file_, std::ios::binary) << std::string(size, 'k');
    fs::permissions(file_, perms);
  }

  std::string contents() const {
    std::ifstream in(file_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }

  fs::path dir_;
  fs::path file_;
};

}  // namespace

// ---- round trips --------------------------------------------------------------

TEST(SecretBoxSeal, RoundTripsEmptyOneByteAndBinary) {
  const SecretBox box = box_with_key(7);
  const std::vector<std::string> plaintexts = {"", "x", std::string("a\0b\0\0c\xff\x80", 8),
                                               "p@ss word with ünïcode"};
  for (const auto& plaintext : plaintexts) {
    auto opened = box.open(box.seal(plaintext, kContext), kContext);
    ASSERT_TRUE(opened.has_value()) << plaintext;
    EXPECT_EQ(*opened, plaintext);
  }
}

TEST(SecretBoxSeal, RoundTripsOneMegabyte) {
  const SecretBox box = box_with_key(7);
  std::string plaintext(1 << 20, '\0');
  for (std::size_t i = 0; i < plaintext.size(); ++i) plaintext[i] = static_cast<char>(i * 31);
  EXPECT_EQ(box.open(box.seal(plaintext, kContext), kContext), plaintext);
}

TEST(SecretBoxSeal, RoundTripsWithEmptyContext) {
  const SecretBox box = box_with_key(7);
  EXPECT_EQ(box.open(box.seal("token", ""), ""), "token");
}

TEST(SecretBoxSeal, OutputIsV1PrefixAndBase64OfNonceCiphertextTag) {
  const SecretBox box = box_with_key(7);
  for (std::size_t size : {0, 1, 2, 3, 100}) {
    std::string sealed = box.seal(std::string(size, 's'), kContext);
    ASSERT_TRUE(sealed.starts_with("v1:"));
    EXPECT_EQ(decode(sealed).size(), 12 + size + 16);
    EXPECT_EQ(encode(decode(sealed)), sealed);
  }
}

TEST(SecretBoxSeal, IsStandardAesGcmWithContextAsAad) {
  std::array<unsigned char, 32> key;
  key.fill(9);
  const std::string raw = decode(SecretBox(key).seal("hunter2", kContext));
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());

  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  std::string plain(raw.size() - 28, '\0');
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  int len = 0;
  ASSERT_EQ(EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, key.data(), bytes), 1);
  ASSERT_EQ(
      EVP_DecryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(kContext.data()),
                        static_cast<int>(kContext.size())),
      1);
  ASSERT_EQ(EVP_DecryptUpdate(ctx, out, &len, bytes + 12, static_cast<int>(plain.size())), 1);
  std::string tag = raw.substr(raw.size() - 16);
  ASSERT_EQ(EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag.data()), 1);
  EXPECT_EQ(EVP_DecryptFinal_ex(ctx, out + plain.size(), &len), 1);
  EVP_CIPHER_CTX_free(ctx);
  EXPECT_EQ(plain, "hunter2");
}

TEST(SecretBoxSeal, UsesAFreshNonceEachTime) {
  const SecretBox box = box_with_key(7);
  std::string first = decode(box.seal("same", kContext));
  std::string second = decode(box.seal("same", kContext));
  EXPECT_NE(first.substr(0, 12), second.substr(0, 12));
  EXPECT_NE(first, second);
}

TEST(SecretBoxSeal, CopiesKeepWorkingAfterTheOriginalIsGone) {
  std::string sealed;
  std::optional<SecretBox> copy;
  {
    const SecretBox original = box_with_key(3);
    sealed = original.seal("kept", kContext);
    copy.emplace(original);
  }
  EXPECT_EQ(copy->open(sealed, kContext), "kept");
}

// ---- tampering and malformed input ----------------------------------------------

TEST(SecretBoxOpen, WrongContextFails) {
  const SecretBox box = box_with_key(7);
  std::string sealed = box.seal("secret", "connections/org1/prod/a");
  EXPECT_EQ(box.open(sealed, "connections/org1/prod/b"), std::nullopt);
  EXPECT_EQ(box.open(sealed, "connections/org1/dev/a"), std::nullopt);
  EXPECT_EQ(box.open(sealed, ""), std::nullopt);
  EXPECT_EQ(box.open(box.seal("secret", ""), "x"), std::nullopt);
}

TEST(SecretBoxOpen, WrongKeyFails) {
  std::string sealed = box_with_key(1).seal("secret", kContext);
  EXPECT_EQ(box_with_key(2).open(sealed, kContext), std::nullopt);
}

TEST(SecretBoxOpen, EveryFlippedBitInNonceCiphertextAndTagFails) {
  const SecretBox box = box_with_key(7);
  const std::string raw = decode(box.seal("password", kContext));
  ASSERT_EQ(raw.size(), 12u + 8 + 16);
  for (std::size_t byte = 0; byte < raw.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string tampered = raw;
      tampered[byte] = static_cast<char>(tampered[byte] ^ (1 << bit));
      EXPECT_EQ(box.open(encode(tampered), kContext), std::nullopt)
          << "byte " << byte << " bit " << bit;
    }
  }
  EXPECT_EQ(box.open(encode(raw), kContext), "password");
}

TEST(SecretBoxOpen, EveryTruncationFails) {
  const SecretBox box = box_with_key(7);
  const std::string sealed = box.seal("password", kContext);
  for (std::size_t size = 0; size < sealed.size(); ++size) {
    EXPECT_EQ(box.open(sealed.substr(0, size), kContext), std::nullopt) << size;
  }
  const std::string raw = decode(sealed);
  for (std::size_t size = 0; size < raw.size(); ++size) {
    EXPECT_EQ(box.open(encode(raw.substr(0, size)), kContext), std::nullopt) << size;
  }
}

TEST(SecretBoxOpen, MalformedTextFailsWithoutThrowing) {
  const SecretBox box = box_with_key(7);
  const std::string sealed = box.seal("password", kContext);
  const std::string body = sealed.substr(3);
  const std::vector<std::string> inputs = {
      "",
      "v1:",
      "v1",
      "password",
      "v2:" + body,
      "V1:" + body,
      " " + sealed,
      sealed + "\n",
      sealed + "=",
      sealed + "AAAA",
      "v1:" + body.substr(0, 4) + " " + body.substr(4),
      "v1:" + std::string(body.size(), '!'),
      "v1:" + std::string(body.size(), '='),
      "v1:====",
      "v1:A===",
      "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",  // 28 zero bytes: all fields, wrong tag
      "v1:" + std::string("\0\0\0\0", 4),
      "v1:" + std::string(1 << 16, 'A'),
  };
  for (const auto& input : inputs) {
    EXPECT_EQ(box.open(input, kContext), std::nullopt) << input.substr(0, 80);
  }
}

TEST(SecretBoxOpen, NonCanonicalBase64Fails) {
  const SecretBox box = box_with_key(7);
  // An empty plaintext gives 28 raw bytes: two padding characters, so the last
  // base64 digit has four unused low bits, which must be zero.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string sealed = box.seal("", kContext);
  ASSERT_TRUE(sealed.ends_with("=="));
  std::string altered = sealed;
  char& last = altered[altered.size() - 3];
  last = alphabet[alphabet.find(last) ^ 1];
  EXPECT_EQ(decode(altered), decode(sealed)) << "OpenSSL ignores the unused bits";
  EXPECT_EQ(box.open(altered, kContext), std::nullopt);
  std::string unpadded = sealed.substr(0, sealed.size() - 2);
  EXPECT_EQ(box.open(unpadded, kContext), std::nullopt);
}

// ---- key file -----------------------------------------------------------------------

TEST_F(SecretBoxKeyFile, IsCreatedWithMode0600AndNoTemporaryFilesLeft) {
  SecretBox::open_or_create(file_);
  struct stat st {};
  ASSERT_EQ(::stat(file_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(SecretBoxKeyFile, IsReusedOnSecondOpen) {
  std::string sealed = SecretBox::open_or_create(file_).seal("token", kContext);
  std::string key = contents();
  EXPECT_EQ(SecretBox::open_or_create(file_).open(sealed, kContext), "token");
  EXPECT_EQ(contents(), key);
}

TEST_F(SecretBoxKeyFile, ConcurrentFirstStartsAgreeOnOneKey) {
  std::vector<std::optional<SecretBox>> boxes(8);
  std::vector<std::thread> threads;
  for (auto& box : boxes) {
    threads.emplace_back([&] { box.emplace(SecretBox::open_or_create(file_)); });
  }
  for (auto& thread : threads) thread.join();
  std::string sealed = boxes[0]->seal("shared", kContext);
  for (const auto& box : boxes) EXPECT_EQ(box->open(sealed, kContext), "shared");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(SecretBoxKeyFile, TwoCreatedKeysDiffer) {
  SecretBox::open_or_create(file_);
  std::string first = contents();
  fs::remove(file_);
  SecretBox::open_or_create(file_);
  EXPECT_NE(contents(), first);
}

TEST_F(SecretBoxKeyFile, ExistingKeyIsUsedAsIs) {
  write_key_file(32, fs::perms::owner_read | fs::perms::owner_write);
  std::array<unsigned char, 32> key;
  key.fill('k');
  std::string sealed = SecretBox(key).seal("token", kContext);
  EXPECT_EQ(SecretBox::open_or_create(file_).open(sealed, kContext), "token");
}

TEST_F(SecretBoxKeyFile, ReadOnlyForOwnerIsAccepted) {
  write_key_file(32, fs::perms::owner_read);
  EXPECT_NO_THROW(SecretBox::open_or_create(file_));
}

TEST_F(SecretBoxKeyFile, WrongSizeIsRefused) {
  for (std::size_t size : {0, 16, 31, 33, 64}) {
    write_key_file(size, fs::perms::owner_read | fs::perms::owner_write);
    std::string error = error_of(file_);
    EXPECT_NE(error.find(file_.string()), std::string::npos) << error;
    EXPECT_NE(error.find("is " + std::to_string(size) + " bytes"), std::string::npos) << error;
    EXPECT_EQ(contents().size(), size) << "the key file must be left alone";
  }
}

TEST_F(SecretBoxKeyFile, WorldReadableIsRefusedWithTheChmodFix) {
  write_key_file(32, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                         fs::perms::others_read);
  EXPECT_EQ(error_of(file_), "key file " + file_.string() +
                                 ": is accessible by group or others (mode 0644); run: chmod 600 " +
                                 file_.string());
}

TEST_F(SecretBoxKeyFile, GroupOrOtherAccessOfAnyKindIsRefused) {
  for (fs::perms extra : {fs::perms::group_read, fs::perms::group_write, fs::perms::others_read,
                          fs::perms::others_exec}) {
    write_key_file(32, fs::perms::owner_read | fs::perms::owner_write | extra);
    EXPECT_NE(error_of(file_).find("chmod 600"), std::string::npos);
  }
}

TEST_F(SecretBoxKeyFile, MissingDirectoryIsReportedWithTheFileName) {
  fs::path file = dir_ / "absent" / "secrets.key";
  std::string error = error_of(file);
  EXPECT_NE(error.find(file.string()), std::string::npos) << error;
  EXPECT_NE(error.find("cannot be created"), std::string::npos) << error;
}

TEST_F(SecretBoxKeyFile, DirectoryInPlaceOfTheFileIsRefused) {
  fs::create_directory(file_);
  fs::permissions(file_, fs::perms::owner_all);
  EXPECT_EQ(error_of(file_), "key file " + file_.string() + ": is not a regular file");
}
