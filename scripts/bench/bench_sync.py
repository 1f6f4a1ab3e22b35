"""Measures the workspace sync on a 10,000-article library; run by scripts/bench-sync.sh.

Everything goes through `newsroom watch --json` (the loop the desktop app runs), timing the
events it prints:
  first mirror  start on an empty folder -> `ready`, and -> the last of the 10,000 files written;
                the gap between consecutive `files_written` events bounds the lock hold per batch
  restart       start on the agreed folder -> `ready` (the reconcile), three times
  idle CPU      the watching process's CPU time over 10 s with nothing happening
  edit          a file rewritten by another program -> `articles_changed` naming its article

Only the standard library is used. Nothing is written outside the workspace folder.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import signal
import statistics
import subprocess
import threading
import time
from pathlib import Path


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(p / 100 * len(s)) - 1))]


class Watch:
    """A running `newsroom watch --json`; its events arrive with the time they were read."""

    def __init__(self, cli: str, workspace: Path):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [cli, "watch", "--json", "--workspace", str(workspace)],
            stdout=subprocess.PIPE, text=True, bufsize=1)
        self.events: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.events.put((time.monotonic(), json.loads(line)))

    def next(self, timeout: float = 120.0):
        return self.events.get(timeout=timeout)

    def until(self, name: str, timeout: float = 120.0):
        """Events up to and including the first named `name`."""
        seen = []
        while True:
            at, event = self.next(timeout)
            seen.append((at, event))
            if event["event"] == name:
                return seen

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=120)


def first_mirror(cli: str, workspace: Path, total: int) -> Watch:
    watch = Watch(cli, workspace)
    seen = watch.until("ready")
    ready = seen[-1][0] - watch.started
    written = [at for at, e in seen if e["event"] == "files_written" for _ in e["ids"]]
    batches = [at for at, e in seen if e["event"] == "files_written"]
    while len(written) < total:
        at, event = watch.next()
        if event["event"] == "files_written":
            written.extend(at for _ in event["ids"])
            batches.append(at)
    done = written[-1] - watch.started
    gaps = [(b - a) * 1000 for a, b in zip(batches, batches[1:])]
    print(f"first mirror of {total} articles: ready after {ready:.2f} s, "
          f"all files written after {done:.2f} s, in {len(batches)} files_written events")
    if gaps:
        print(f"  between batches: median {statistics.median(gaps):.1f} ms, "
              f"p95 {pct(gaps, 95):.1f} ms, max {max(gaps):.1f} ms")
    files = sum(1 for _ in workspace.rglob("*.md"))
    print(f"  {files} .md files in the folder")
    return watch


def restarts(cli: str, workspace: Path, runs: int = 3) -> None:
    times = []
    for _ in range(runs):
        watch = Watch(cli, workspace)
        watch.until("ready")
        times.append((time.monotonic() - watch.started) * 1000)
        watch.stop()
    print(f"restart on the agreed folder -> ready: {', '.join(f'{t:.0f}' for t in times)} ms "
          f"(process start, open, watcher start and reconcile)")


def idle_cpu(watch: Watch, seconds: float = 10.0) -> None:
    while not watch.events.empty():
        watch.events.get()
    before = watch.cpu_seconds()
    time.sleep(seconds)
    used = watch.cpu_seconds() - before
    print(f"idle CPU over {seconds:.0f} s: {used * 1000:.0f} ms ({used / seconds * 100:.2f} %)")


def edits(watch: Watch, workspace: Path, rounds: int) -> None:
    files = sorted(workspace.rglob("*.md"))[:rounds]
    latencies = []
    for n, path in enumerate(files):
        text = path.read_text()
        article = int(re.search(r"^id: (\d+)$", text, re.M).group(1))
        while not watch.events.empty():
            watch.events.get()
        # Another program's save by rename, as most editors do it.
        temp = path.with_name(f".{path.name}.swp")
        temp.write_text(text + f"\nEdited outside, round {n}.\n")
        written = time.monotonic()
        os.replace(temp, path)
        deadline = written + 10
        while time.monotonic() < deadline:
            at, event = watch.next(timeout=10)
            if event["event"] == "articles_changed" and article in event["ids"]:
                latencies.append((at - written) * 1000)
                break
        time.sleep(0.2)
    print(f"external edit -> articles_changed: median {statistics.median(latencies):.0f} ms, "
          f"p95 {pct(latencies, 95):.0f} ms, max {max(latencies):.0f} ms "
          f"({len(latencies)} of {rounds} seen)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--workspace", required=True, type=Path)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    watch = first_mirror(args.cli, args.workspace, args.articles)
    watch.stop()
    restarts(args.cli, args.workspace)
    watch = Watch(args.cli, args.workspace)
    watch.until("ready")
    idle_cpu(watch)
    edits(watch, args.workspace, args.edits)
    watch.stop()


if __name__ == "__main__":
    main()
