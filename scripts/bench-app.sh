#!/usr/bin/env bash
# The desktop app against issue 3's targets (see BENCHMARKS.md, "Desktop app (issue 3)"):
# launch to editor + preview drawn, whole-tree memory, keystroke to preview, library scrolling,
# and (issue 4) an edit saved by another program reaching the open editor. Memory is measured in turn
# with a bare Tauri window built from the same Cargo.lock (crates/bare-window; issue 12): every memory
# run reports both, Newsroom with checking as you type on and off, and the difference per process; and
# with the editor floor (the same window showing Newsroom's editor panel and the article's HTML, nothing
# else; ui/bench/floor), which splits the difference into the editor and preview and Newsroom's own share.
# Builds the release app, makes a throwaway library with the CLI (a 10,000-word article, the most
# recently updated, plus 10,000 small ones), starts Xvfb and runs scripts/bench/bench_app.py.
# Writes nothing into the repository beyond the build; the library lives in a temporary folder.
#
#   bash scripts/bench-app.sh [--runs N] [--keys N] [--only launch,memory,typing,scroll,external,frames,profile,fonts] [--json FILE]
#   BENCH_SKIP_BUILD=1 reuses the binaries already in target/release; BENCH_APP=path measures another app build
#   (BENCH_BARE=path another bare window, BENCH_FLOOR=path another editor floor).
#   --only frames (issue 12, not in the default set): launch as the user sees it, from frames of the screen,
#   Newsroom against ghostwriter on the same text; BENCH_KEEP_FRAMES=dir keeps the PNG frames it saves.
#   --only profile (issue 12, not in the default set): perf samples of launches, where the CPU time goes.
#   --only fonts (issue 12, not in the default set): the font lookups of a launch, counted per family.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
source scripts/setup.sh
ensure_apt_packages libwebkit2gtk-4.1-dev xvfb xauth x11-utils webkit2gtk-driver xdotool python3-venv
# --only ...,frames (issue 12) also launches ghostwriter, the comparison, on the same text.
case " $* " in *frames*) ensure_apt_packages ghostwriter ;; esac
# --only ...,profile (issue 12) samples the launch with perf.
case " $* " in *profile*) ensure_apt_packages linux-perf ;; esac
# --only ...,fonts (issue 12) preloads a wrapper around fontconfig, built here.
case " $* " in *fonts*) ensure_apt_packages gcc libfontconfig-dev ;; esac
source scripts/bench/library.sh
bench_corpus_check

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  (cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build >/dev/null)
  cargo build --release --locked -p newsroom-desktop -p newsroom -p bare-window
fi
app=${BENCH_APP:-$repo/target/release/newsroom-app} # BENCH_APP: another build to compare
bare=${BENCH_BARE:-$repo/target/release/bare-window} # memory's baseline (issue 12)
floor=${BENCH_FLOOR:-$(dirname "$bare")/editor-floor} # and the editor floor, built with it
cli=$repo/target/release/newsroom

driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
[ -x "$driver" ] || cargo install tauri-driver --locked
driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")

# Selenium: the end-to-end tests' venv when it has it, else one of our own under target/.
venv=target/e2e-venv
if ! "$venv/bin/python" -c 'import selenium' 2>/dev/null; then
  venv=target/bench-venv
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -c 'import selenium' 2>/dev/null || "$venv/bin/pip" install -q -r tests/e2e/requirements.txt
fi

work=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ -n "${BENCH_KEEP_FRAMES:-}" ] && [ -d "$work/frames" ]; then
    mkdir -p "$BENCH_KEEP_FRAMES" && cp "$work"/frames/*.png "$BENCH_KEEP_FRAMES"/ || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Isolated profile: the library, its workspace folder, window state and WebKit caches all live in $work.
export NEWSROOM_DB=$work/library.db NEWSROOM_WORKSPACE=$work/workspace
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

# The library, its workspace folder mirrored once before measuring, as on every launch after the first.
bench_library "$work" "$cli"

# The editor floor's page, with the same article and its HTML as the core renders it beside it.
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } \
  && npx vite build -c bench/floor/vite.config.ts --outDir "$work/floor" --logLevel warn)
cp "$work/long.md" "$work/floor/article.md"
"$cli" render "$work/long.md" > "$work/floor/article.html"

# The launch wrapper stamps the exec time (ns since the epoch) for exec -> mark figures.
cat > "$work/wrapper.sh" <<EOF
#!/bin/sh
date +%s%N > "$work/exec-stamp"
exec "$app" "\$@"
EOF
chmod +x "$work/wrapper.sh"
# The editor floor, started the same way, for typing into it through WebDriver.
cat > "$work/wrapper-floor.sh" <<EOF
#!/bin/sh
export WEBKIT_DISABLE_COMPOSITING_MODE=1 JSC_useDFGJIT=0
exec "$floor" "$work/floor" "\$@"
EOF
chmod +x "$work/wrapper-floor.sh"
# The same app without the workspace sync: the typing baseline measured in the same run.
cat > "$work/wrapper-no-sync.sh" <<EOF
#!/bin/sh
date +%s%N > "$work/exec-stamp"
exec "$app" --no-workspace "\$@"
EOF
chmod +x "$work/wrapper-no-sync.sh"

display=:$((90 + RANDOM % 800))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
sleep 0.5

"$venv/bin/python" scripts/bench/bench_app.py --app "$app" --bare "$bare" --floor "$floor" --floor-page "$work/floor" \
  --wrapper-floor "$work/wrapper-floor.sh" --wrapper "$work/wrapper.sh" \
  --tauri-driver "$driver" --work "$work" --wrapper-no-sync "$work/wrapper-no-sync.sh" --cli "$cli" "$@"
