#!/usr/bin/env bash
# Regenerates the order in which the release link lays out the functions of the two binaries that
# run through an editing session (crates/release-link; BENCHMARKS.md, issue 12): those a session
# runs come first, side by side, so that it touches 2-3 MB of each binary's code instead of most
# of it.
#   src-tauri/launch-order.ld        the app (newsroom-app)
#   crates/newsroom/proofer-order.ld the spelling and grammar checker (newsroom-proofer)
#
#   bash scripts/launch-order.sh
#
# Builds each binary once with its symbol table and runs it under valgrind's callgrind: the app in
# Xvfb on the bench's library (scripts/bench/library.sh) through a scripted session (launch, the
# start-up sync, typing into the long article, another story, the inspector's tabs, the preview
# modes, a search); the checker through scripts/bench/proofer_memory.py's checks of the long
# article, as typing pauses ask for them. Then it writes the functions that ran and builds the
# shipped (stripped) binaries again with the new orders. ~14 minutes here. Run it after large
# changes or dependency upgrades: a function a list no longer names only costs memory, it never
# breaks a build.
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
cargo build --release --locked -p newsroom-desktop -p newsroom --bin newsroom # the CLI, for the library
# The same code as what ships (same profile, so the same symbol names), with its symbol table.
cargo rustc --release --locked -p newsroom-desktop --bin newsroom-app -- -C strip=none
cp target/release/newsroom-app "$work/newsroom-app"
cargo rustc --release --locked -p newsroom --bin newsroom-proofer -- -C strip=none
cp target/release/newsroom-proofer "$work/newsroom-proofer"

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
# Records that name functions by their names: compressed, a dump names a function by a number
# that only an earlier file of the same process defines.
callgrind=(valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no)
"${callgrind[@]}" --callgrind-out-file="$work/app.%p" "$work/newsroom-app" > "$work/app.log" 2>&1 &
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
for _ in $(seq 120); do ls "$work/app.$app_pid".* >/dev/null 2>&1 && break; sleep 1; done
sleep 5 # written whole
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=

echo "launch-order: the checker under callgrind"
cat > "$work/proofer-under-callgrind" <<EOF
#!/bin/sh
exec ${callgrind[*]} --callgrind-out-file="$work/proofer.%p" "$work/newsroom-proofer" "\$@"
EOF
chmod +x "$work/proofer-under-callgrind"
python3 scripts/bench/proofer_memory.py "$work/proofer-under-callgrind" 2> "$work/proofer.log"

python3 scripts/bench/launch_order.py "$work/newsroom-app" src-tauri/launch-order.ld "$work"/app.*
# The checker that ships is built with the app's package, the one that ran alone, so their hashes
# differ: its list matches a function whatever its hash (launch_order.py).
python3 scripts/bench/launch_order.py --any-hash "$work/newsroom-proofer" crates/newsroom/proofer-order.ld "$work"/proofer.*
cargo build --release --locked -p newsroom-desktop -p newsroom
echo "launch-order: done; commit src-tauri/launch-order.ld and crates/newsroom/proofer-order.ld"
