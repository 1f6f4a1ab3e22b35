#!/usr/bin/env bash
# Sets up and runs every test: formatting, lints, unit and integration tests of the core and
# the CLI. Benchmarks are separate (see BENCHMARKS.md). Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "== cargo test"
cargo test --workspace --locked
