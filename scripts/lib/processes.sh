# Shell functions for the test servers that scripts/wordpress.sh and scripts/ghost.sh start on
# loopback: timing, and finding and stopping the processes a script started for its DIR. Sourced
# after the script has set `dir` (the server's folder) and defined `say` (its way of telling).

now() { echo "${EPOCHREALTIME/[.,]/}"; } # microseconds
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", (b - a) / 1e6 }'; }

# True when the process recorded in the pid file runs and is one this script started for DIR (its
# command line names DIR), so that a pid reused by some other program is never signalled. A zombie
# (the reaper of an orphan may be slow, or absent in a container) counts as gone.
running() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  [ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -c1)" != Z ] || return 1
  tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$dir"
}

# The live processes of process group PGID that were started for DIR. Each server is started as
# the leader of a group of its own, and the group outlives its leader (PHP's workers keep serving,
# and hold the port, when their parent is killed), so `stop` signals the group whole.
group_alive() {
  local pgid=$1 stat line state pgrp
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue # (it may have just exited)
    read -r state _ pgrp _ <<<"${line##*) }"
    if [ "$pgrp" = "$pgid" ] && [ "$state" != Z ]; then
      stat=${stat%/stat}
      tr '\0' '\n' 2>/dev/null <"$stat/cmdline" | grep -qF -- "$dir" && return 0
    fi
  done
  return 1
}

# Stops the process group recorded in a pid file: TERM, then KILL after SECONDS.
stop_recorded() {
  local pidfile=$1 name=$2 seconds=$3 pgid
  pgid=$(cat "$pidfile" 2>/dev/null) || return 0
  if [ -n "$pgid" ] && group_alive "$pgid"; then
    say "stopping $name (process group $pgid)"
    kill -TERM -- "-$pgid" 2>/dev/null || true
    local deadline=$((SECONDS + seconds))
    while group_alive "$pgid" && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    if group_alive "$pgid"; then
      say "$name did not stop within $seconds s; killing it"
      kill -KILL -- "-$pgid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -f "$pidfile"
}
