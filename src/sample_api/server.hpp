#pragma once
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include "sample_api/contacts.hpp"

namespace hw::sample_api {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 9090;  // 0 picks a free port
  std::size_t contacts = kDefaultContacts;
};

// Serves the sample API until SIGINT or SIGTERM. Once listening it writes one line to
// `announce` and flushes it: `sample API listening on http://HOST:PORT (user demo, password
// demo-password)`. Throws std::runtime_error when it cannot listen.
void serve(const ServeOptions& options, std::ostream& announce);

}  // namespace hw::sample_api
