"""Where a launch's CPU time goes, per process and per library (issue 12); bench_app.py's `profile`.

Frame capture says when the screen settles, the page's marks say which step of the page's own
script ends when, but neither says what the web process does between the last mark and the
paint. This samples the whole machine with `perf record -e cpu-clock` (a software clock: these
machines have no hardware counters) while the app launches directly, keeps the samples of the
launched process tree (followed through perf's fork events, so other programs' WebKit processes
are left out), and prints, per run, the web process's busy time in 100 ms steps after exec and
which shared objects it was in. WebKit's own libraries are stripped, so the library is as deep as
it goes; it was enough to find fontconfig behind ~150 ms of a launch.
"""

from __future__ import annotations

import collections
import re
import subprocess
import time
from pathlib import Path

FORK = re.compile(r"PERF_RECORD_FORK\((\d+):\d+\):\((\d+):\d+\)")
SAMPLE = re.compile(r"\s*(.+?)\s+(\d+)/\d+\s+([\d.]+):\s+\S+\s+.*\((.*)\)\s*$")
SAMPLE_HZ = 1000


class Sample:
    __slots__ = ("comm", "pid", "at", "dso")

    def __init__(self, comm: str, pid: int, at: float, dso: str):
        self.comm, self.pid, self.at, self.dso = comm, pid, at, dso


def record(cmd: list[str], env: dict[str, str], seconds: float, out: Path) -> None:
    """`cmd` run for `seconds` under a machine-wide perf record into `out`."""
    subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", str(SAMPLE_HZ), "-a", "-o", str(out),
                    "--", "timeout", str(seconds), *cmd],
                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def samples_of_launch(data: Path) -> list[Sample]:
    """The samples of the processes `timeout` started (the app and its WebKit processes)."""
    text = subprocess.run(["perf", "script", "-i", str(data), "--show-task-events",
                           "-F", "comm,pid,tid,time,ip,sym,dso"],
                          capture_output=True, text=True, check=False).stdout
    parent: dict[int, int] = {}
    samples: list[Sample] = []
    root = None
    for line in text.splitlines():
        fork = FORK.search(line)
        if fork:
            parent.setdefault(int(fork.group(1)), int(fork.group(2)))
            continue
        m = SAMPLE.match(line)
        if not m:
            continue
        s = Sample(m.group(1), int(m.group(2)), float(m.group(3)), m.group(4).rsplit("/", 1)[-1])
        if root is None and s.comm == "timeout":
            root = s.pid
        samples.append(s)

    def launched(pid: int) -> bool:
        for _ in range(32):
            if pid == root:
                return True
            if pid not in parent:
                return False
            pid = parent[pid]
        return False

    return [s for s in samples if launched(s.pid) and s.comm != "timeout"]


def report(samples: list[Sample], window: float) -> dict:
    """Busy ms per process kind, the web process's libraries, and its time line in 100 ms steps."""
    if not samples:
        return {}
    t0 = min(s.at for s in samples)
    ms = 1000 / SAMPLE_HZ
    kinds = collections.Counter()
    libraries = collections.Counter()
    steps = collections.Counter()
    font_steps = collections.Counter()
    for s in samples:
        after = s.at - t0
        if after > window:
            continue
        web = s.comm.startswith("WebKitWeb")
        kinds["web process" if web else "network process" if s.comm.startswith("WebKitNet") else "app process"] += ms
        if web:
            libraries[s.dso] += ms
            steps[int(after * 10)] += ms
            if "fontconfig" in s.dso:
                font_steps[int(after * 10)] += ms
    return {"kinds": dict(kinds), "libraries": dict(libraries.most_common(8)),
            "steps": {k * 100: v for k, v in sorted(steps.items())},
            "font_steps": {k * 100: v for k, v in sorted(font_steps.items())}}


def profile_launches(cmd: list[str], env: dict[str, str], work: Path, runs: int, window: float = 2.0) -> list[dict]:
    """One warm-up launch, then `runs` recorded ones; prints each and returns their reports."""
    subprocess.run(["timeout", "4", *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    out = []
    for i in range(runs):
        data = work / f"perf-{i}.data"
        record(cmd, env, window + 2, data)
        got = report(samples_of_launch(data), window)
        data.unlink(missing_ok=True)
        out.append(got)
        if not got:
            print(f"  run {i + 1}: no samples of the launched processes (is perf allowed here?)")
            continue
        kinds = ", ".join(f"{k} {v:.0f} ms" for k, v in got["kinds"].items())
        libs = ", ".join(f"{k} {v:.0f}" for k, v in got["libraries"].items())
        print(f"  run {i + 1}: first {window:.0f} s after exec, busy: {kinds}")
        print(f"    web process by library (ms): {libs}")
        print("    web process per 100 ms after exec (ms busy / of it fontconfig): "
              + " ".join(f"{k}:{v:.0f}/{got['font_steps'].get(k, 0):.0f}" for k, v in got["steps"].items()))
        time.sleep(0.5)
    return out
