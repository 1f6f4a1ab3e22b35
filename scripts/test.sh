#!/usr/bin/env bash
# Sets up and runs every test: the web UI's type check and unit tests, formatting, lints, unit and
# integration tests of the core, the CLI and the app, then the app's end-to-end tests
# (scripts/e2e.sh). Benchmarks are separate (see BENCHMARKS.md). Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== ui: install, type check and build (the app embeds ui/dist when it compiles)"
build_ui

echo "== ui: unit tests"
(cd ui && npm test --silent)

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --locked

echo "== end-to-end tests of the desktop app"
E2E_SKIP_UI=1 bash scripts/e2e.sh
