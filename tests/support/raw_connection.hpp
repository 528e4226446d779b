#pragma once
#include <string>
#include <string_view>

namespace hw::test {

// A plain TCP connection to 127.0.0.1, for what libcurl will not do: requests over its
// size limits, and requests sent in parts with pauses the test controls.
class RawConnection {
 public:
  explicit RawConnection(int port);  // throws std::runtime_error when refused
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // Sends what the kernel accepts; stops quietly when the server has closed.
  void send(std::string_view bytes);
  // Reads until `marker` has arrived (or the peer closes, or 10 s pass); returns all read.
  std::string read_until(std::string_view marker);
  // Reads until the server closes the connection (or 10 s pass).
  std::string read_all();

 private:
  int fd_ = -1;
  std::string buffered_;
};

// True when a new connection to `port` is refused: the server has stopped listening.
bool connection_refused(int port);

}  // namespace hw::test
