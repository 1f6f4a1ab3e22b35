#!/usr/bin/env bash
# Regenerates src-tauri/launch-order.ld, the order in which the release link lays out the app's
# functions (src-tauri/build.rs; BENCHMARKS.md, issue 12): those an editing session runs come
# first, side by side, so that launching and typing touch 2-3 MB of the app's code instead of
# most of its 9 MB.
#
#   bash scripts/launch-order.sh
#
# Builds the release app once with its symbol table, runs it under valgrind's callgrind in Xvfb
# on the bench's library (scripts/bench/library.sh) through a scripted session (launch, the
# start-up sync, typing into the long article, another story, the inspector's tabs, the preview
# modes, a search), writes the functions that ran, and builds the shipped (stripped) app again
# with the new order. ~10 minutes here. Run it after large changes or dependency upgrades: a
# function the list no longer names only costs memory, it never breaks a build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_apt_packages libwebkit2gtk-4.1-dev valgrind xvfb xauth xdotool
source scripts/bench/library.sh
bench_corpus_check

work=$(mktemp -d)
xvfb_pid= app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build >/dev/null)
touch src-tauri/src/main.rs # the page is embedded at compile time
cargo build --release --locked -p newsroom
# The same code as what ships (same profile, so the same symbol names), with its symbol table.
cargo rustc --release --locked -p newsroom-desktop --bin newsroom-app -- -C strip=none
cp target/release/newsroom-app "$work/newsroom-app"

export NEWSROOM_DB=$work/library.db NEWSROOM_WORKSPACE=$work/workspace
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
bench_library "$work" target/release/newsroom

display=:$((90 + RANDOM % 800))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
sleep 0.5

echo "launch-order: the app under callgrind (30-50 times slower than usual)"
valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no --callgrind-out-file="$work/callgrind.%p" \
  "$work/newsroom-app" > "$work/app.log" 2>&1 &
app_pid=$!
window=$(xdotool search --sync --onlyvisible --pid "$app_pid" --name . | head -1)
sleep 90 # the article drawn, the start-up sync settled (under callgrind)
# Window-relative points of the 1280x800 window's parts, for the default layout.
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; sleep "${3:-8}"; }
click 449 408 2 # the editor, in the long article
xdotool type --delay 150 "an editor types a sentence here. "
sleep 15 # the save, the sync writing the file, the word count
click 138 63 2 # the search box
xdotool type --delay 150 "budget"
sleep 10
xdotool key ctrl+a BackSpace
sleep 10
click 143 275 # another story
click 1078 18 # Photos
click 1154 18 # Related
click 1233 18 # History
click 1004 18 # Details
click 539 21 # Preview only
click 472 21 # Split again
click 143 194 # back to the long article
callgrind_control --dump "$app_pid" >/dev/null
for _ in $(seq 120); do ls "$work/callgrind.$app_pid".* >/dev/null 2>&1 && break; sleep 1; done
sleep 5 # written whole
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=

python3 scripts/bench/launch_order.py "$work/newsroom-app" src-tauri/launch-order.ld "$work"/callgrind.*
cargo build --release --locked -p newsroom-desktop
echo "launch-order: done; commit src-tauri/launch-order.ld"
