#!/usr/bin/env bash
# Sets up and launches Newsroom. Until the desktop app lands (issue 3) the product is the
# `newsroom` command-line tool: this builds it (release), installs it into ~/.cargo/bin and
# runs it with any arguments given (default: --help).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo install --locked --quiet --path crates/newsroom --root "$HOME/.cargo"
if [ $# -eq 0 ]; then set -- --help; fi
exec "$HOME/.cargo/bin/newsroom" "$@"
