#!/usr/bin/env bash
# Sets up and runs every test: the web UI's type check and unit tests, formatting, lints, unit and
# integration tests of the core, the CLI and the app (publishing against a real WordPress that
# scripts/wordpress.sh starts, and scripts/ghost.sh's stand-in for Ghost), the same lints for Windows and macOS
# (scripts/cross-check.sh), the core's tests as Windows binaries under Wine
# (scripts/test-windows.sh), then the app's end-to-end tests (scripts/e2e.sh). Benchmarks are
# separate (see BENCHMARKS.md). Safe to run twice.
#
# NEWSROOM_SKIP_CROSS=1 leaves out the two cross-platform steps: on a Mac or a Windows PC (the
# CI workflow's other runners) the tests run natively instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# A CI run builds once and is thrown away: incremental caches would only take disk space.
[ "${CI:-}" != true ] || export CARGO_INCREMENTAL=0

# Each step says how long the run has taken so far (for BENCHMARKS.md and the 90-minute budget).
step() { echo "== $* (${SECONDS} s into the run)"; }

step "ui: install, type check and build (the app embeds ui/dist when it compiles)"
build_ui

step "ui: unit tests"
(cd ui && npm test --silent)

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "the publishing tests' servers: a real WordPress, the Ghost Admin API stand-in"
# Started once for the whole run, on loopback, and stopped however the run ends. A real Ghost
# cannot run here (see tests/ghost.rs); scripts/ghost_stand_in.py implements its documented API.
wordpress_dir=${NEWSROOM_WP_DIR:-$PWD/target/wordpress}
ghost_dir=$PWD/target/ghost
stop_servers() {
  bash scripts/wordpress.sh stop "$wordpress_dir" >/dev/null 2>&1 || true
  bash scripts/ghost.sh stop "$ghost_dir" >/dev/null 2>&1 || true
}
trap stop_servers EXIT
bash scripts/wordpress.sh start "$wordpress_dir"
export NEWSROOM_WP_ENV=$wordpress_dir/env
bash scripts/ghost.sh start "$ghost_dir"
export NEWSROOM_GHOST_ENV=$ghost_dir/env
# The stand-in checks itself against the behaviour it documents before the client is tested on it.
python3 scripts/ghost_stand_in.py --self-test

step "cargo test"
cargo test --workspace --locked

step "the system keychain: a Secret Service of the run's own (scripts/keychain-test.sh)"
bash scripts/keychain-test.sh

if [ "${NEWSROOM_SKIP_CROSS:-}" != 1 ]; then
  step "cross-check: Windows and macOS (clippy, warnings are errors)"
  bash scripts/cross-check.sh
  step "the core's tests as Windows binaries under Wine"
  bash scripts/test-windows.sh
fi

step "end-to-end tests of the desktop app"
E2E_SKIP_UI=1 bash scripts/e2e.sh
step "all tests passed"
