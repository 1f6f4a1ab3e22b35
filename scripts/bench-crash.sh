#!/usr/bin/env bash
# Crash safety and external edits (issue 4, "Proof"; see BENCHMARKS.md, "Crash safety and external
# edits (issue 4)"): the heavy versions of tests/crash.rs and tests/storm.rs, in release.
#   - crash: a child process editing through LibraryTarget + SyncService is killed with SIGKILL at
#     a random moment, RUNS times (500 by default); each kill is checked (integrity, every
#     acknowledged save present, files matching or repaired at the next start).
#   - storm: another process rewrites the articles' files WRITES times (5,000 by default) by rename,
#     truncate-and-write and partial writes while the app's code path keeps saving; once as is,
#     once with the editor resolving conflicts during the storm.
# Prints each test's summary line (runs, failures, median time to kill, acknowledged saves
# checked; writes, app saves, conflicts, lost edits) and its wall time.
#
#   bash scripts/bench-crash.sh [--runs N] [--writes N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=500
writes=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --writes) writes=$2; shift 2 ;;
    --seed) export NEWSROOM_CRASH_SEED=$2 NEWSROOM_STORM_SEED=$2; shift 2 ;;
    *) echo "usage: bash scripts/bench-crash.sh [--runs N] [--writes N] [--seed N]" >&2; exit 2 ;;
  esac
done

cargo test --release -p newsroom --test crash --test storm --no-run

# One test at a time: the child and writer processes are the load being measured.
run() {
  local name=$1 test=$2 extra=()
  shift 2
  if [ "${1:-}" = --include-ignored ]; then extra=(--include-ignored); shift; fi
  local start end status=0
  start=$(date +%s.%N)
  env "$@" cargo test --release -q -p newsroom --test "$name" -- --exact "$test" --nocapture \
    --test-threads=1 "${extra[@]}" 2>&1 | grep -E "^($name:|[0-9]+ (of|edits lost)|run [0-9]+:)" || status=1
  end=$(date +%s.%N)
  printf '%s: wall time %.1f s\n' "$name" "$(echo "$end - $start" | bc)"
  return $status
}

failed=0
run crash killed_at_random_moments_the_library_keeps_every_acknowledged_save NEWSROOM_CRASH_RUNS="$runs" || failed=1
run storm a_storm_of_external_writes_loses_no_edit_from_either_side NEWSROOM_STORM_WRITES="$writes" || failed=1
run storm resolving_conflicts_during_a_storm_loses_no_edit_from_either_side --include-ignored \
  NEWSROOM_STORM_WRITES="$writes" || failed=1
exit $failed
