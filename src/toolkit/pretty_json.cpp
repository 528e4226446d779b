#include "toolkit/pretty_json.hpp"

#include <boost/json.hpp>

#include "json/serialize.hpp"

namespace hw::toolkit {
namespace {

void write(const boost::json::value& v, std::size_t indent, std::string& out);

void newline(std::size_t indent, std::string& out) {
  out += '\n';
  out.append(indent, ' ');
}

void write_object(const boost::json::object& o, std::size_t indent, std::string& out) {
  if (o.empty()) {
    out += "{}";
    return;
  }
  out += '{';
  bool first = true;
  for (const auto& member : o) {
    if (!first) out += ',';
    first = false;
    newline(indent + 2, out);
    out += hw::json::serialize(boost::json::string(member.key()));
    out += ": ";
    write(member.value(), indent + 2, out);
  }
  newline(indent, out);
  out += '}';
}

void write_array(const boost::json::array& a, std::size_t indent, std::string& out) {
  if (a.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i > 0) out += ',';
    newline(indent + 2, out);
    write(a[i], indent + 2, out);
  }
  newline(indent, out);
  out += ']';
}

void write(const boost::json::value& v, std::size_t indent, std::string& out) {
  if (const auto* o = v.if_object()) return write_object(*o, indent, out);
  if (const auto* a = v.if_array()) return write_array(*a, indent, out);
  out += hw::json::serialize(v);
}

}  // namespace

std::string pretty_json(const boost::json::value& value) {
  std::string out;
  write(value, 0, out);
  out += '\n';
  return out;
}

}  // namespace hw::toolkit
