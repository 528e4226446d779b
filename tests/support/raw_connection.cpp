#include "support/raw_connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>

namespace hw::test {
namespace {

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

RawConnection::RawConnection(int port) : fd_(connect_to(port)) {
  if (fd_ < 0) throw std::runtime_error("connection to port " + std::to_string(port) + " refused");
}

RawConnection::~RawConnection() {
  ::close(fd_);
}

void RawConnection::send(std::string_view bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

std::string RawConnection::read_until(std::string_view marker) {
  char buffer[4096];
  while (buffered_.find(marker) == std::string::npos) {
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    buffered_.append(buffer, static_cast<std::size_t>(n));
  }
  return buffered_;
}

std::string RawConnection::read_all() {
  char buffer[4096];
  for (ssize_t n; (n = ::recv(fd_, buffer, sizeof buffer, 0)) > 0;)
    buffered_.append(buffer, static_cast<std::size_t>(n));
  return buffered_;
}

bool connection_refused(int port) {
  const int fd = connect_to(port);
  if (fd < 0) return true;
  ::close(fd);
  return false;
}

}  // namespace hw::test
