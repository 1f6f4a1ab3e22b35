# The bench's library, for the scripts that run the release app on it (bench-app.sh,
# launch-order.sh): 10,000 small articles and, updated last so that it opens at launch, the
# 10,498-word article made of the Rust book's chapter 10, all synced to a workspace folder.
# Sourced from the repository's root; `bench_library WORK CLI` needs NEWSROOM_DB and
# NEWSROOM_WORKSPACE exported, and writes the long article's Markdown to WORK/long.md.
bench_corpus=../shared/corpus/rust-book-src

# Whether the long article's chapters are there: checked before a long build, not after it.
bench_corpus_check() {
  if ! ls "$bench_corpus"/ch10-0*.md >/dev/null 2>&1; then
    echo "$bench_corpus is missing; it ships beside the repository in shared/" >&2
    return 1
  fi
}

bench_library() {
  local work=$1 cli=$2
  bench_corpus_check
  echo "generating the library (10,000 small articles + one of 10,000 words)"
  python3 scripts/bench/gen_library.py "$work/gen" --statuses
  find "$work/gen" -name '*.md' -print0 | sort -z | xargs -0 -n 2000 "$cli" import >/dev/null
  cat "$bench_corpus"/ch10-0*.md > "$work/long.md"
  sleep 1.1 # a later updated_at (Unix seconds) than every generated article: it opens at launch
  local long_id
  long_id=$("$cli" new --headline "Generic types, traits and lifetimes" --section Tech --body-file "$work/long.md")
  echo "article $long_id has $(wc -w < "$work/long.md") words; library: $("$cli" list | wc -l) lines listed"
  "$cli" watch --json > "$work/watch.log" 2>&1 &
  local watch_pid=$!
  for _ in $(seq 600); do grep -q '"event":"ready"' "$work/watch.log" && break; sleep 0.1; done
  kill -INT "$watch_pid" && wait "$watch_pid"
  echo "workspace $NEWSROOM_WORKSPACE holds $(find "$NEWSROOM_WORKSPACE" -name '*.md' | wc -l) article files"
}
