#!/usr/bin/env bash
# Installs what building Newsroom needs on Debian/Ubuntu, skipping whatever is already there,
# so it is quick and safe to run again. Sourced by run.sh and test.sh.
set -euo pipefail

# Debian packages the build needs (the C compiler builds the bundled SQLite).
NEWSROOM_APT_PACKAGES=(build-essential pkg-config)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      echo "setup: Rust is not installed; install it with rustup (https://rustup.rs) and run this again" >&2
      exit 1
    fi
  fi
  if command -v rustup >/dev/null 2>&1; then
    rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  fi
}

ensure_apt_packages "${NEWSROOM_APT_PACKAGES[@]}"
ensure_rust
