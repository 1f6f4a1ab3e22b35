#!/usr/bin/env bash
# Whole-process render speed: `newsroom render` against cmark-gfm (the GFM reference
# implementation in C) on the same 1.2 MB input, measured in the same run with hyperfine.
# Both render with source positions (newsroom render is the preview) and the GFM extensions;
# Debian's cmark-gfm 0.29 has no footnote switch. Needs ../shared/corpus beside the repository. Prints hyperfine's table (median in the JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
ensure_apt_packages cmark-gfm hyperfine

corpus=../shared/corpus/rust-book-src
if [ ! -d "$corpus" ]; then
  echo "bench-render-process: $corpus is missing; it ships beside the repository in shared/" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# all.md: the 112 chapters concatenated in name order (~1.2 MB), as shared/corpus/SOURCE.md defines it.
find "$corpus" -maxdepth 1 -name '*.md' -print0 | sort -z | xargs -0 cat > "$work/all.md"
cargo build --release --locked --quiet -p newsroom
bin=$PWD/target/release/newsroom
# A library that does not exist yet: render runs standalone and creates nothing.
export NEWSROOM_DB="$work/none/library.db"

hyperfine --warmup 3 --runs 30 --export-json "$work/render.json" \
  -n cmark-gfm "cmark-gfm --sourcepos --extension table --extension strikethrough --extension autolink --extension tasklist $work/all.md" \
  -n "newsroom render" "$bin render $work/all.md"
python3 - "$work/render.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
c, n = results["cmark-gfm"]["median"], results["newsroom render"]["median"]
print(f"median: cmark-gfm {c*1000:.1f} ms, newsroom render {n*1000:.1f} ms, ratio {n/c:.2f}x (target <= 2x)")
PY
