#!/usr/bin/env bash
# A stand-in for Ghost's Admin API (5.x) for the publishing tests (issue 10): a real Ghost cannot
# run on these machines (npm's `ghost` needs Node.js 22, and there is no container engine), so
# scripts/ghost_stand_in.py implements the documented behaviour the client depends on (its header
# lists each behaviour with its source). It needs python3 (3.11 or later, standard library only)
# and curl, and installs nothing. It listens on 127.0.0.1 only, keeps posts and tags in memory
# (a new start begins with an empty site) and writes uploaded images under DIR/content. Works
# headless and without a terminal (CI=true, no stdin).
#
#   bash scripts/ghost.sh start DIR   starts the stand-in, writes DIR/env, prints its URL
#   bash scripts/ghost.sh stop DIR    stops it (DIR is kept)
#
# DIR/env holds two lines a shell can `source` (and any KEY=VALUE reader can split on the first
# '='; no value needs quotes):
#   NEWSROOM_GHOST_URL=http://127.0.0.1:PORT
#   NEWSROOM_GHOST_ADMIN_KEY=<24 hex id>:<64 hex secret>
# `start` on a DIR whose stand-in is already up and answering keeps it (same URL and key); a DIR
# whose stand-in was stopped, or died, gets a new one, on any free port, with a fresh key. Only
# the URL goes to stdout; progress and errors go to stderr. Log: DIR/ghost.log (requests). The
# upload limit is $NEWSROOM_GHOST_UPLOAD_LIMIT bytes when set (default 5 MiB).
set -euo pipefail

usage() {
  echo "usage: bash scripts/ghost.sh start|stop DIR" >&2
  exit 2
}
if [ $# -ne 2 ] || [ -z "$2" ]; then usage; fi
action=$1
# Absolute, since the stand-in's command line names it (that is how `running` knows it).
dir=$(realpath -m -- "$2")
cd "$(dirname "$0")/.."
stand_in=$PWD/scripts/ghost_stand_in.py

# How long the stand-in gets to answer before `start` gives up.
WAIT_SECONDS=15

run=$dir/run
log=$dir/ghost.log

say() { echo "ghost: $*" >&2; }

source scripts/lib/processes.sh

stop_all() {
  stop_recorded "$run/ghost.pid" "the Ghost stand-in" 5
  rm -f "$run/port"
}

fail() {
  say "$*"
  if [ -s "$log" ]; then
    echo "---- last lines of $log" >&2
    tail -n 25 "$log" >&2
  fi
  exit 1
}

# Runs COMMAND every 0.1 s until it succeeds; fails if the stand-in ends or WAIT_SECONDS pass
# first, with what COMMAND left in last_answer.
last_answer=
wait_for() {
  local what=$1
  shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@"; do
    running "$run/ghost.pid" || fail "$what: the stand-in exited"
    [ $SECONDS -lt $deadline ] ||
      fail "$what: not ready within $WAIT_SECONDS s${last_answer:+ (last answer: $last_answer)}"
    sleep 0.1
  done
}

check_python() {
  command -v python3 >/dev/null || fail "python3 is needed (3.11 or later)"
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    fail "python3 is $(python3 -V 2>&1); the stand-in needs 3.11 or later"
  command -v curl >/dev/null || fail "curl is needed"
}

# GET /ghost/api/admin/site/, which answers without a key: 200 with a version means it serves.
site_answers() {
  local answer
  answer=$(curl -s -w ' HTTP %{http_code}' --max-time 5 "$NEWSROOM_GHOST_URL/ghost/api/admin/site/") || true
  last_answer=${answer: -300}
  [ "${answer: -8}" = "HTTP 200" ] && [[ $answer == *'"version"'* ]]
}

healthy() {
  [ -f "$dir/env" ] && running "$run/ghost.pid" || return 1
  # shellcheck source=/dev/null
  source "$dir/env"
  site_answers
}

# Replaces a file by renaming a new one over it, so that a reader never sees half of it.
replace_file() {
  local path=$1
  cat >"$path.new"
  mv -f "$path.new" "$path"
}

write_env() {
  replace_file "$dir/env" <<EOF
NEWSROOM_GHOST_URL=$NEWSROOM_GHOST_URL
NEWSROOM_GHOST_ADMIN_KEY=$NEWSROOM_GHOST_ADMIN_KEY
EOF
}

# An Admin API key as Ghost makes them: a 24 hex digit id and a 64 hex digit secret.
new_admin_key() {
  python3 -c 'import secrets; print(secrets.token_hex(12) + ":" + secrets.token_hex(32))'
}

start_stand_in() {
  rm -f "$run/port"
  mkdir -p "$dir/content"
  # setsid: a group of its own, which `stop` signals and a Ctrl-C of the caller does not reach.
  # No inherited descriptors: a caller reading this script's output (a test's Command::output())
  # would otherwise wait for the stand-in to exit; fd 9 holds DIR's lock. The key goes in the
  # environment, never on the command line.
  NEWSROOM_GHOST_ADMIN_KEY=$NEWSROOM_GHOST_ADMIN_KEY setsid python3 "$stand_in" \
    --host 127.0.0.1 --port 0 --port-file "$run/port" --content-dir "$dir/content" \
    </dev/null >>"$log" 2>&1 9>&- &
  echo $! >"$run/ghost.pid"
}

port_written() { [ -s "$run/port" ]; }

# Until a start completes, an exit (an error, a timeout) stops what it started and shows the log,
# so that a failed CI run leaves no server behind.
started_ok=0
on_exit() {
  local status=$?
  if [ "$action" = start ] && [ "$started_ok" = 0 ] && [ -d "$run" ]; then
    [ "$status" = 0 ] || say "start failed; stopping what it started"
    stop_all
  fi
}

start() {
  local started
  if healthy; then
    say "already running for $dir"
    started_ok=1
    echo "$NEWSROOM_GHOST_URL"
    return
  fi
  # Whatever is left of an earlier run (it died, or stopped answering).
  stop_all
  check_python

  started=$(now)
  NEWSROOM_GHOST_ADMIN_KEY=$(new_admin_key)
  start_stand_in
  wait_for "the stand-in's port" port_written
  NEWSROOM_GHOST_URL=http://127.0.0.1:$(cat "$run/port")
  wait_for "the Ghost stand-in at $NEWSROOM_GHOST_URL (GET /ghost/api/admin/site/)" site_answers
  write_env
  started_ok=1
  say "ready at $NEWSROOM_GHOST_URL in $(since "$started") (key in $dir/env)"
  echo "$NEWSROOM_GHOST_URL"
}

main() {
  case "$action" in
    start)
      mkdir -p "$run"
      # One start or stop at a time per DIR (tests running in parallel may share one).
      exec 9>"$dir/lock"
      flock 9
      trap on_exit EXIT
      start
      ;;
    stop)
      if [ ! -d "$run" ]; then
        say "nothing was started in $dir"
        return
      fi
      exec 9>"$dir/lock"
      flock 9
      if group_alive "$(cat "$run/ghost.pid" 2>/dev/null)"; then
        stop_all
        say "stopped ($dir is kept)"
      else
        stop_all # clears stale pid files
        say "nothing running for $dir"
      fi
      ;;
    *) usage ;;
  esac
}

main
