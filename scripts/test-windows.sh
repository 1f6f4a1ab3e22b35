#!/usr/bin/env bash
# Runs the core's unit and integration tests (crates/newsroom and crates/newsroom-text) as Windows
# binaries under Wine: built for x86_64-pc-windows-gnu with mingw-w64 (see scripts/cross-env.sh),
# each test binary started by wine64. Run by scripts/test.sh; on its own: `bash scripts/test-windows.sh
# [cargo test arguments after --, e.g. -- --test-threads=1 durable]`.
#
# Wine is not Windows: where they differ, docs/PLATFORMS.md says which behaviour the code
# relies on. First run ~10 minutes on 2 cores (std, test and every dependency), then the build
# is incremental and the run about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/cross-env.sh

wine=""
for candidate in /usr/lib/wine/wine64 "$(command -v wine64 || true)" "$(command -v wine || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then wine=$candidate; break; fi
done
if [ -z "$wine" ]; then
  echo "windows: installing Wine"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends wine64 >/dev/null
  wine=/usr/lib/wine/wine64
fi
export WINEPREFIX=$CROSS_CACHE/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=$wine
# Tests that Wine cannot run (it makes no symbolic links) skip themselves only when told.
export NEWSROOM_UNDER_WINE=1

# One wineserver for the whole run: left to itself it exits a moment after each test binary,
# and the next binary starting just then loses its connection ("wine client error ...
# Connection reset by peer"). Stopped when the run ends.
wineserver=$(dirname "$wine")/wineserver64
[ -x "$wineserver" ] || wineserver=$(dirname "$wine")/wineserver
if [ -x "$wineserver" ]; then
  mkdir -p "$WINEPREFIX"
  "$wineserver" -p
  trap '"$wineserver" -k 2>/dev/null || true' EXIT
fi

# Rust's std asks bcryptprimitives.dll for random numbers (ProcessPrng), which Wine 8 lacks:
# a stand-in that answers through advapi32's RtlGenRandom, placed beside the test binaries.
dll=$CROSS_CACHE/bcryptprimitives.dll
if [ ! -f "$dll" ]; then
  cat >"$CROSS_CACHE/bcryptprimitives.c" <<'C'
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) { return RtlGenRandom(data, (ULONG)len); }
C
  x86_64-w64-mingw32-gcc -shared -O2 -o "$dll" "$CROSS_CACHE/bcryptprimitives.c" -ladvapi32
fi

cargo_test=(/usr/bin/cargo test -Zbuild-std=std,panic_abort,test --target x86_64-pc-windows-gnu
  -p newsroom -p newsroom-text --lib --bins --tests --locked)
echo "== windows: building the core's tests"
"${cargo_test[@]}" --no-run --quiet
for profile_dir in "$CARGO_TARGET_DIR"/x86_64-pc-windows-gnu/debug/deps "$CARGO_TARGET_DIR"/x86_64-pc-windows-gnu/debug; do
  cp "$dll" "$profile_dir/"
done
echo "== windows: running the core's tests under $("$wine" --version)"
"${cargo_test[@]}" "$@"
