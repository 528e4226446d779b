#!/usr/bin/env bash
# Installs exactly the Debian 12 packages Headwater's build and tests need.
# Idempotent: when everything is present it prints one line and changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsimdjson-dev libsqlite3-dev libssl-dev libcurl4-openssl-dev
  libcli11-dev libspdlog-dev libfmt-dev
  libgtest-dev libbenchmark-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# valijson is header-only, but its Debian package depends on Qt, Poco and more.
# We unpack only its headers into a build-local folder (see docs/decisions.md).
valijson_dir=.deps/valijson
need_valijson=0
[ -f "$valijson_dir/usr/include/valijson/validator.hpp" ] || need_valijson=1

if [ ${#missing[@]} -eq 0 ] && [ $need_valijson -eq 0 ]; then
  echo "setup-deps: all dependencies present"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ $need_valijson -eq 1 ]; then
  echo "setup-deps: unpacking valijson headers into $valijson_dir"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download -qq libvalijson-dev >/dev/null 2>&1 || { "${sudo_cmd[@]}" apt-get update -qq && apt-get download -qq libvalijson-dev; })
  rm -rf "$valijson_dir"
  mkdir -p "$valijson_dir"
  dpkg -x "$tmp"/libvalijson-dev_*.deb "$valijson_dir"
fi
