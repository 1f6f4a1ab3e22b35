#!/usr/bin/env bash
# Installs what building Newsroom needs on Debian/Ubuntu, skipping whatever is already there,
# so it is quick and safe to run again. Sourced by run.sh and test.sh.
set -euo pipefail

# Debian packages the build needs (the C compiler builds the bundled SQLite; the workspace root is
# the desktop app, which links WebKitGTK).
NEWSROOM_APT_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev)

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
    # NEWSROOM_APT_NO_RECOMMENDS=1 leaves out recommended packages (a test's daemon needs no desktop).
    local recommends=()
    [ "${NEWSROOM_APT_NO_RECOMMENDS:-}" != 1 ] || recommends=(--no-install-recommends)
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${recommends[@]}" "${missing[@]}" >/dev/null
  fi
}

# git, which the core's tests drive as two desks sharing one repository
# (crates/newsroom/tests/git_workspace.rs; under CI a missing git fails them). Any git on the PATH
# will do, so the Debian package is installed only when there is none.
ensure_git() {
  command -v git >/dev/null 2>&1 || ensure_apt_packages git
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

# Node.js for the web UI: Vite 7 needs 20.19 or newer.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    ensure_apt_packages nodejs npm
  fi
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "setup: the web UI needs Node.js 20.19 or newer (found $(node --version)); install a newer one and run this again" >&2
    exit 1
  fi
}

# Builds the web UI into ui/dist, which the desktop app embeds when it is compiled (so before any
# cargo build of the workspace root). `npm ci` runs only when the lock file changed.
build_ui() {
  ensure_node
  if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    (cd ui && npm ci --no-audit --no-fund)
  fi
  (cd ui && npm run --silent build)
}

# The WebDriver bridge the end-to-end tests use (not the Tauri CLI: tests need no bundling).
ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    echo "setup: installing tauri-driver"
    cargo install --locked --quiet tauri-driver --version "^2"
  fi
}

ensure_apt_packages "${NEWSROOM_APT_PACKAGES[@]}"
ensure_git
ensure_rust
