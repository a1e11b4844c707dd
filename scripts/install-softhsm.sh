#!/usr/bin/env bash
# Installs SoftHSM2 (Debian package softhsm2), the PKCS#11 token the CA's key tests sign through.
#
# Idempotent and fast when already installed: exits at once when softhsm2-util and the PKCS#11
# library are present. Otherwise it installs the package with apt-get, running `apt-get update`
# only when the package lists do not know softhsm2 yet. Needs root (or password-less sudo).
# Only Debian's package repositories are contacted.
#
# On success prints the library path on the last line of stdout, as `library: <path>`.
#
# Usage: scripts/install-softhsm.sh
set -euo pipefail

find_library() {
  local candidate
  for candidate in /usr/lib/softhsm/libsofthsm2.so \
    /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
    /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so \
    /usr/local/lib/softhsm/libsofthsm2.so; do
    if [ -f "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if command -v softhsm2-util >/dev/null 2>&1 && lib="$(find_library)"; then
  echo "library: $lib"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-softhsm: apt-get not found; install SoftHSM2 (softhsm2-util, libsofthsm2.so) by hand" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-softhsm: must run as root (or with password-less sudo) to apt-get install softhsm2" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300)

if ! apt-cache policy softhsm2 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  echo "install-softhsm: apt-get update (package lists do not know softhsm2 yet)"
  "${sudo[@]}" apt-get update -q -o DPkg::Lock::Timeout=300
fi

echo "install-softhsm: apt-get install softhsm2"
"${sudo[@]}" apt-get install "${apt_opts[@]}" softhsm2

if ! command -v softhsm2-util >/dev/null 2>&1 || ! lib="$(find_library)"; then
  echo "install-softhsm: softhsm2 installed but softhsm2-util or libsofthsm2.so is missing" >&2
  exit 1
fi
echo "library: $lib"
