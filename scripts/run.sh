#!/usr/bin/env bash
# Sets up and launches the Newsroom desktop app (release build). Safe to run twice: installs
# only what is missing and rebuilds only what changed. Arguments are passed to the app
# (e.g. `--db PATH`). The `newsroom` command-line tool is built alongside, in target/release/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

build_ui
cargo build --release --locked -p newsroom-desktop -p newsroom
exec target/release/newsroom-app "$@"
