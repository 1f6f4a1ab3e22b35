#!/usr/bin/env bash
# The workspace sync on 10,000 articles (see BENCHMARKS.md, "Workspace sync (issue 4)"): the first
# full mirror into an empty folder, a restart on an agreed folder (reconcile), and external edit ->
# ingested latency, all through `newsroom watch --json` with the release CLI.
# Builds the release CLI, makes a throwaway library of 10,000 small articles and a workspace in a
# temporary folder; writes nothing into the repository beyond the build.
#
#   bash scripts/bench-sync.sh [--edits N]
#   BENCH_SKIP_BUILD=1 reuses target/release/newsroom; BENCH_CLI=path measures another build.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
edits=30
[ "${1:-}" = --edits ] && edits=$2

if [ "${BENCH_SKIP_BUILD:-}" != 1 ] && [ -z "${BENCH_CLI:-}" ]; then
  cargo build --release --locked -p newsroom --bin newsroom
fi
cli=${BENCH_CLI:-$repo/target/release/newsroom}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NEWSROOM_DB=$work/library.db

echo "bench-sync: generating the library (10,000 small articles)"
python3 scripts/bench/gen_library.py "$work/gen"
find "$work/gen" -name '*.md' -print0 | sort -z | xargs -0 -n 2000 "$cli" import >/dev/null
echo "bench-sync: $("$cli" list | wc -l) articles; machine: $(nproc) cores, $(uname -r)"

python3 scripts/bench/bench_sync.py --cli "$cli" --workspace "$work/Newsroom" --edits "$edits"
