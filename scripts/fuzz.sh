#!/usr/bin/env bash
# Fuzzing the core (issue 9; see BENCHMARKS.md, "Fuzzing (issue 9)"): runs each cargo-fuzz target
# in fuzz/ for SECONDS (60 by default), one after the other, and prints for each the runs
# executed, the crashes found (with their files) and the slowest input. Exits non-zero if any
# target crashed, panicked, ran out of memory or timed out. Not part of CI (scripts/test.sh never
# calls it): a run is long and finds new things, which a gate must not.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Every finding becomes a regression test in the core, next to the code it fixes; the file that
# found it stays in fuzz/artifacts/TARGET/ and replays with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz TARGET fuzz/artifacts/TARGET/FILE
# The corpus each run grows is kept in fuzz/corpus/TARGET/ and the next run starts from it (delete
# it to start again from the seeds). Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh # build-essential (libFuzzer is C++), rustup

seconds=${1:-60}
if [ $# -gt 0 ]; then shift; fi
case "$seconds" in
  '' | *[!0-9]*) echo "usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(front_matter plain_text workspace_file render photo_metadata)

# libFuzzer needs `-Zsanitizer=…` and coverage flags that only a nightly compiler takes. The one
# toolchain here is stable, and RUSTC_BOOTSTRAP=1 is how a stable compiler accepts them.
export RUSTC_BOOTSTRAP=1
# Other builds share the machine's two cores; the fuzzer itself runs on one.
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

bin=fuzz/target/x86_64-unknown-linux-gnu/release
seeds=fuzz/target/seeds
logs=fuzz/target/logs

# Every target, and the seed writer, in one build with the same flags (address sanitizer, debug
# assertions and overflow checks on, release optimizations).
echo "== building the fuzz targets (${SECONDS} s into the run)"
cargo fuzz build --fuzz-dir fuzz

# Seeds from the core's tests (string literals of the test code, the media tests' photos; see
# fuzz/seeds/main.rs), written afresh each run.
rm -rf "$seeds"
"$bin/seeds" . "$seeds"
mkdir -p "$logs"

# A slow input is a finding too (the issue cares about super-linear time): anything over 10 s is
# reported as a timeout, like a crash. 4 GiB leaves room for a 100-megapixel photo, the largest the
# core takes, decoded under the sanitizer; more than that, or one allocation that large, is an
# out-of-memory finding.
limits=(-timeout=10 -rss_limit_mb=4096)

failed=()
summary=()
for target in "${targets[@]}"; do
  echo "== $target: ${seconds} s (${SECONDS} s into the run)"
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  started=$logs/$target.started
  touch "$started"
  log=$logs/$target.log
  status=0
  # The binary built above, run as `cargo fuzz run` would run it (which would first rebuild it if
  # the core changed meanwhile). New inputs go to the first folder (the kept corpus); the seeds
  # are only read.
  "$bin/$target" -artifact_prefix="fuzz/artifacts/$target/" -max_total_time="$seconds" \
    "${limits[@]}" -report_slow_units=1 -print_final_stats=1 \
    "fuzz/corpus/$target" "$seeds/$target" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  mapfile -t found < <(find "fuzz/artifacts/$target" -type f -newer "$started" \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
  echo "$target: ${runs:-?} runs in ${seconds} s, corpus ${corpus} inputs, peak RSS ${rss:-?} MB"
  if [ "$status" -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    failed+=("$target")
    echo "$target: FOUND ${#found[@]} (exit $status): ${found[*]:-no artifact; see $log}"
    grep -m1 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer" "$log" || true
    crashes="${#found[@]}"
  else
    echo "$target: crashes: none"
    crashes=0
  fi
  # The slowest input: every input of the corpus, the seeds and any slow unit libFuzzer kept (one
  # over a second), replayed once each by the same binary after the run, timed by libFuzzer in ms.
  # Leak checks are off here (they scan the heap after each input, which would be the time
  # measured); a seed that crashes ends its batch early, which the crash above already reports.
  slowest=$(
    {
      find "fuzz/corpus/$target" "$seeds/$target" "fuzz/artifacts/$target" -type f \
        \( -path "*/corpus/*" -o -path "*/seeds/*" -o -name 'slow-unit-*' \) -print0 |
        xargs -0 -r -n 500 "$bin/$target" "${limits[@]}" -detect_leaks=0 2>&1 || true
    } | sed -n 's/^Executed \(.*\) in \([0-9]*\) ms$/\2 \1/p' | sort -n | tail -1
  )
  if [ -n "$slowest" ]; then
    ms=${slowest%% *}
    file=${slowest#* }
    echo "$target: slowest input ${ms} ms, $(wc -c <"$file") bytes ($file)"
  else
    ms='?'
  fi
  summary+=("$target: ${runs:-?} runs, crashes ${crashes}, slowest input ${ms} ms")
done

echo "== summary (${seconds} s per target; logs in $logs/)"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}: turn each into a regression test in the core" >&2
  exit 1
fi
