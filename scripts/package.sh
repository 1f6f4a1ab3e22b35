#!/usr/bin/env bash
# Builds the installable package (.deb on Linux) with the Tauri CLI. The CLI takes ~7 minutes
# to compile the first time, so it is installed here, on the packaging path only, never by the
# tests. The .deb lands in target/release/bundle/deb/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

build_ui
if ! cargo tauri --version >/dev/null 2>&1; then
  echo "package: installing the Tauri CLI (first time only, ~7 minutes)"
  cargo install --locked tauri-cli --version "^2"
fi
cargo tauri build --bundles deb
ls -l target/release/bundle/deb/*.deb
