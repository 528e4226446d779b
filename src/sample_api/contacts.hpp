#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

// The sample API's data set: N contacts, the same on every run, so a tutorial and its
// tests can name exact records.
namespace hw::sample_api {

inline constexpr std::size_t kDefaultContacts = 120;
inline constexpr std::size_t kMaxContacts = 100000;
inline constexpr std::size_t kDefaultLimit = 50;
inline constexpr std::size_t kMaxLimit = 100;
inline constexpr std::size_t kMaxOffset = 1000000000;

struct Contact {
  std::string id;  // "c-0001"
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string plan;        // free, pro or enterprise
  std::string updated_at;  // YYYY-MM-DDTHH:MM:SSZ
};

// Contact `i`, counting from 1: updated at 2024-01-01T00:00:00Z plus i - 1 hours.
Contact contact(std::size_t i);

// What GET /v1/contacts asks for. The filters keep updated_after <= updated_at < updated_before.
struct ContactQuery {
  std::size_t offset = 0;
  std::size_t limit = kDefaultLimit;
  std::optional<std::chrono::sys_seconds> updated_after;
  std::optional<std::chrono::sys_seconds> updated_before;
};

struct ContactPage {
  std::vector<Contact> contacts;  // [offset, offset + limit) of the filtered contacts, by id
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::size_t total = 0;  // how many contacts pass the filters
};

// The page `query` selects from contacts 1..`count`.
ContactPage find_contacts(std::size_t count, const ContactQuery& query);

// {"contacts":[…],"offset":o,"limit":l,"total":t}
std::string to_json(const ContactPage& page);

}  // namespace hw::sample_api
