"""Measures the desktop app against issue 3's targets; run by scripts/bench-app.sh.

Four measures, each printed as median / p95 with the machine it ran on:
  launch    exec -> window mapped (xdotool), and exec -> `editor-ready` / `preview-drawn` marks
            (read through WebDriver; the app is started through a wrapper that stamps exec time)
  memory    PSS summed over the app's whole process tree (app + WebKit processes), article open, idle
  typing    keystroke (CodeMirror transaction) -> preview DOM patched, as the page records it in
            window.__newsroomPerf, over keystrokes typed through WebDriver (spelling checked as
            usual; with --cli, a second run with checking off is the baseline)
  scrolling requestAnimationFrame deltas while a script scrolls the 10,000-row library list
  external  another program saves the open article's file -> the editor shows the change (issue 4)
  frames    launch as the user sees it (issue 12): exec -> the last significant change of the screen,
            from frames of the X root window (frames.py); Newsroom, ghostwriter on the same text as a
            file, and Newsroom with an empty library, launched in turn

Only the standard library and selenium are used (libX11 through ctypes for the frames). Nothing is written outside the work folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.options import ArgOptions


# --- numbers ---------------------------------------------------------------------------------

def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def summary(values: list[float], unit: str = "ms") -> str:
    if not values:
        return "no samples"
    return (f"median {statistics.median(values):.1f} {unit}, p95 {pct(values, 95):.1f} {unit}, "
            f"min {min(values):.1f}, max {max(values):.1f} (n={len(values)})")


# --- processes -------------------------------------------------------------------------------

def children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name may contain spaces and parentheses: split after the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree(pid: int) -> list[int]:
    kids = children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_mb(pid: int) -> tuple[float, dict[str, float]]:
    parts: dict[str, float] = {}
    for p in tree(pid):
        try:
            name = Path(f"/proc/{p}/comm").read_text().strip()
        except OSError:
            continue
        parts[name] = parts.get(name, 0.0) + pss_kib(p) / 1024
    return sum(parts.values()), parts


def foreign_webkit(own: int) -> int:
    """WebKit processes outside our tree: they share library pages and lower our PSS."""
    mine = set(tree(own))
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) not in mine:
            try:
                if Path(f"/proc/{entry}/comm").read_text().startswith("WebKit"):
                    count += 1
            except OSError:
                continue
    return count


def find_app_pid(root: int, exe: Path, timeout: float = 10.0) -> int:
    """The app's pid among root's descendants (WebDriver starts it two levels down)."""
    end = time.time() + timeout
    while time.time() < end:
        for p in tree(root):
            try:
                if Path(f"/proc/{p}/exe").resolve() == exe:
                    return p
            except OSError:
                continue
        time.sleep(0.01)
    raise RuntimeError(f"the app ({exe}) did not start under pid {root}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def kill_tree(pid: int) -> None:
    for p in reversed(tree(pid)):
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the app, launched directly --------------------------------------------------------------

def direct_launch(app: Path, env: dict[str, str], settle: float) -> tuple[float, float]:
    """exec -> window mapped (ms), then the tree's PSS (MB) after `settle` seconds."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(app)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(proc.pid)],
                       env=env, check=True, stdout=subprocess.DEVNULL, timeout=30)
        mapped = (time.perf_counter() - t0) * 1000
        time.sleep(settle)
        pss, _ = tree_pss_mb(proc.pid)
        FOREIGN.append(foreign_webkit(proc.pid))
        return mapped, pss
    finally:
        stop(proc)
        time.sleep(0.3)


FOREIGN: list[int] = []


# --- launch as the user sees it: frames of the screen (issue 12) -----------------------------

def frame_launch(cmd: list[str], env: dict[str, str], screen, args: argparse.Namespace) -> dict:
    """exec -> the last significant change of the screen (frames.watch), the program started directly.

    The whole process tree is killed afterwards and the screen must be back to the frame taken
    before exec (nothing left mapped) before the next launch.
    """
    import frames
    before = screen.grab()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        got = frames.watch(screen, t0, interval=args.frame_interval, threshold=args.frame_threshold,
                           quiet=args.frame_quiet, timeout=args.frame_timeout, first=before)
    finally:
        kill_tree(proc.pid)
        proc.wait()
    differ = frames.Differ(screen.width, screen.height)
    end = time.time() + 5
    while differ.diff(before, screen.grab())["all"] and time.time() < end:
        time.sleep(0.05)
    time.sleep(0.3)
    return got


def launch_frames(args: argparse.Namespace, env: dict[str, str], report: dict) -> None:
    """Newsroom (article open), ghostwriter on the same text as a file, Newsroom with an empty
    library: launched in turn, --runs times each after one warm-up each."""
    import frames
    work = Path(args.work)
    out = work / "frames"
    out.mkdir(exist_ok=True)
    screen = frames.Screen()
    apps: dict[str, tuple[list[str], dict[str, str]]] = {
        "newsroom": ([args.app], env),
    }
    gw = shutil.which("ghostwriter")
    if gw and (work / "long.md").exists():
        # Its own HOME and XDG folders, made once: the warm-up launch is its first run.
        home = work / "ghostwriter-home"
        gw_env = {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                  "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache")}
        for d in (".config", ".local/share", ".cache"):
            (home / d).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # its Chromium preview refuses to start as root with the sandbox on
            gw_env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        # The window Newsroom opens (1280x800 at 60,50 on this screen), so both draw the same area.
        apps["ghostwriter"] = ([gw, "-qwindowgeometry", "1280x800+60+50", str(work / "long.md")], gw_env)
    if args.cli:
        empty = {**env, "NEWSROOM_DB": str(work / "empty.db"), "NEWSROOM_WORKSPACE": str(work / "empty-workspace")}
        apps["newsroom, empty library"] = ([args.app], empty)
    results: dict[str, list[dict]] = {k: [] for k in apps}
    for name, (cmd, e) in apps.items():  # warm-up: caches, fonts, first-run files
        w = frame_launch(cmd, e, screen, args)
        frames.write_png(out / f"{slug(name)}-warmup-final.png", w["final"], screen.width, screen.height)
    for run in range(args.runs):
        for name, (cmd, e) in apps.items():
            got = frame_launch(cmd, e, screen, args)
            if run == 0:
                frames.write_png(out / f"{slug(name)}-final.png", got["final"], screen.width, screen.height)
                for i, c in enumerate(got["changes"]):
                    frames.write_png(out / f"{slug(name)}-change{i}-{c['t']:.0f}ms.png", c["frame"],
                                     screen.width, screen.height)
            for c in got["changes"]:
                del c["frame"]
            del got["final"]
            results[name].append(got)
    grabs = [g for rs in results.values() for r in rs for g in r["grab_ms"]]
    diffs = [g for rs in results.values() for r in rs for g in r["diff_ms"]]
    print(f"\n(f) launch as the user sees it (frame capture): exec -> the last change of more than "
          f"{args.frame_threshold} pixels (strips under {frames.NARROW} px wide left out: caret, overlay "
          f"scrollbars), then {args.frame_quiet:.0f} s without one; launched directly, warm")
    print(f"  frames of the {screen.width}x{screen.height} root window every {args.frame_interval * 1000:.0f} ms "
          f"({screen.method}): grab {summary(grabs)}; compare {summary(diffs)}")
    busy = [r["busy_ms_to_last"] for rs in results.values() for r in rs]
    print(f"  capture + compare time from exec to the last change, per launch (one core): {summary(busy)}")
    labels = {"newsroom": "Newsroom, 10,000-word article open",
              "ghostwriter": "ghostwriter, the same text as a file",
              "newsroom, empty library": "Newsroom, empty library"}
    for name, rs in results.items():
        last = [r["last"] for r in rs if r["last"] is not None]
        last_any = [r["last_any"] for r in rs if r["last_any"] is not None]
        first = [r["changes"][0]["t"] for r in rs if r["changes"]]
        timeouts = sum(r["timed_out"] for r in rs)
        print(f"  {labels[name] + ':':40} last change {summary(last)}")
        print(f"  {'':40} first change {summary(first)}"
              + (f"; {timeouts} launch(es) never settled within {args.frame_timeout:.0f} s" if timeouts else ""))
        print(f"  {'':40} last change counting the strips, same window: {summary(last_any)}")
    print("  significant changes, each run (ms after exec: pixels changed since the previous significant "
          "frame, bounding box x0,y0-x1,y1):")
    for name, rs in results.items():
        for i, r in enumerate(rs):
            steps = "; ".join(f"{c['t']:.0f}: {c['pixels']} px {fmt_box(c['box'])}" for c in r["changes"])
            steps += f" | last change counting the strips: {r['last_any']}"
            print(f"    {name} #{i + 1}: {steps}")
    print(f"  final frames: {out}")
    report["launch_frames"] = {
        "interval_ms": args.frame_interval * 1000, "threshold_px": args.frame_threshold,
        "quiet_s": args.frame_quiet, "method": screen.method,
        "grab_ms_median": statistics.median(grabs) if grabs else None,
        "compare_ms_median": statistics.median(diffs) if diffs else None,
        "apps": {name: {"last": [r["last"] for r in rs], "last_any": [r["last_any"] for r in rs], "first": [r["changes"][0]["t"] if r["changes"] else None
                                                                 for r in rs],
                        "changes": [r["changes"] for r in rs], "frames": [r["frames"] for r in rs],
                        "timed_out": [r["timed_out"] for r in rs],
                        "capture_ms_to_last": [r["busy_ms_to_last"] for r in rs]}
                 for name, rs in results.items()},
    }
    screen.close()


def slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name).replace("--", "-")


def fmt_box(box) -> str:
    return f"{box[0]},{box[1]}-{box[2]},{box[3]}" if box else "-"

# --- the app, through WebDriver --------------------------------------------------------------

class Driven:
    """One app session through tauri-driver; the app is started by a wrapper that stamps exec time."""

    def __init__(self, args: argparse.Namespace, env: dict[str, str]):
        self.port = free_port()
        self.native = free_port()
        self.driver_proc = subprocess.Popen(
            [args.tauri_driver, "--port", str(self.port), "--native-port", str(self.native)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.stamp = Path(args.work) / "exec-stamp"
        self.stamp.unlink(missing_ok=True)
        wait_port(self.port)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": str(args.wrapper)})
        self.driver = webdriver.Remote(f"http://127.0.0.1:{self.port}", options=opts)
        self.driver.set_script_timeout(120)
        self.app_pid = find_app_pid(self.driver_proc.pid, Path(args.app).resolve())

    def exec_epoch_ms(self) -> float:
        end = time.time() + 5
        while time.time() < end:
            text = self.stamp.read_text().strip() if self.stamp.exists() else ""
            if text:
                return int(text) / 1e6
            time.sleep(0.01)
        raise RuntimeError("the launch wrapper wrote no exec time")

    def marks(self, names: list[str], timeout: float = 20) -> dict[str, float]:
        end = time.time() + timeout
        while time.time() < end:
            got = self.driver.execute_script(
                "const o = {origin: performance.timeOrigin};"
                "for (const n of arguments[0]) { const m = performance.getEntriesByName(n, 'mark')[0];"
                " if (m) o[n] = m.startTime; } return o;", names)
            if all(n in got for n in names):
                return got
            time.sleep(0.02)
        raise RuntimeError(f"the page never set the marks {names}: {got}")

    def wait_article(self, timeout: float = 20) -> None:
        """Until the editor and the preview both show the long article."""
        end = time.time() + timeout
        while time.time() < end:
            if self.driver.execute_script(OPEN_SCRIPT):
                return
            time.sleep(0.05)
        raise RuntimeError("the long article did not open")

    def close(self) -> None:
        try:
            self.driver.quit()
        except Exception:  # noqa: BLE001 - a hung session must not stop the cleanup below
            pass
        kill_tree(self.app_pid)
        stop(self.driver_proc)
        time.sleep(0.3)


def wait_port(port: int) -> None:
    end = time.time() + 10
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"tauri-driver did not listen on {port}")


OPEN_SCRIPT = """
const editor = document.querySelector('[data-testid="editor-content"]')?.textContent ?? '';
const frame = document.querySelector('iframe[title="Preview"]');
const blocks = frame?.contentDocument?.getElementById('content')?.children.length ?? 0;
return editor.includes('Generic') && blocks > 100;
"""

TYPE_SCRIPT_CLICK = """
const lines = document.querySelectorAll('[data-testid="editor-content"] .cm-line');
const target = [...lines].find((l) => l.textContent.length > 80) || lines[0];
return target;
"""

SCROLL_SCRIPT = """
const [steps, stepPx, done] = arguments;
const list = document.querySelector('[data-testid="library-list"]');
list.scrollTop = 0;
const deltas = [];
let last = 0, n = 0;
function frame(t) {
  if (last) deltas.push(t - last);
  last = t;
  if (n++ >= steps) { done({deltas, top: list.scrollTop, height: list.scrollHeight,
                             rows: list.querySelectorAll('[role="option"]').length}); return; }
  if (stepPx > 0) list.scrollTop += stepPx;
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"""


def launch_marks(args: argparse.Namespace, env: dict[str, str]) -> tuple[dict[str, float] | None, float]:
    """The launch marks (None for a build without them) and the tree's PSS once idle."""
    d = Driven(args, env)
    try:
        d.wait_article()
        try:
            m = d.marks(["editor-ready", "preview-drawn"], timeout=3)
        except RuntimeError:
            time.sleep(args.settle)
            return None, tree_pss_mb(d.app_pid)[0]
        exec_ms = d.exec_epoch_ms()
        out = {
            "editor-ready (page)": m["editor-ready"],
            "preview-drawn (page)": m["preview-drawn"],
            "exec -> editor-ready": m["origin"] + m["editor-ready"] - exec_ms,
            "exec -> preview-drawn": m["origin"] + m["preview-drawn"] - exec_ms,
        }
        time.sleep(args.settle)
        pss, _ = tree_pss_mb(d.app_pid)
        return out, pss
    finally:
        d.close()


def typing(args: argparse.Namespace, env: dict[str, str]) -> tuple[list[float], list[float], dict]:
    d = Driven(args, env)
    try:
        d.wait_article()
        time.sleep(1)
        line = d.driver.execute_script(TYPE_SCRIPT_CLICK)
        ActionChains(d.driver).click(line).perform()
        d.driver.execute_script("window.__newsroomPerf = [];")
        text = ("the quick brown fox jumps over the lazy dog " * 10)[: args.keys]
        t0 = time.perf_counter()
        for i, ch in enumerate(text, 1):
            ActionChains(d.driver).send_keys(ch).perform()
            # A writer's pause: long enough for the spell check to run and its underlines to land.
            time.sleep(args.pause if args.pause_every and i % args.pause_every == 0 else args.key_gap)
        typed_s = time.perf_counter() - t0
        time.sleep(1.5)
        perf = d.driver.execute_script("return window.__newsroomPerf || [];")
        paint = d.driver.execute_script("return window.__newsroomPerfPaint || [];")
        saved = d.driver.execute_script(
            "return document.querySelector('[data-testid=\"save-state\"] .save-text')?.textContent || '';")
        problems = d.driver.execute_script(
            "const s = document.querySelector('[data-testid=\"proof-status\"]');"
            "return s && !s.hidden ? s.textContent : 'none shown';")
        pss, parts = tree_pss_mb(d.app_pid)
        return perf, paint, {"typed_seconds": typed_s, "save_state": saved, "problems": problems,
                             "pss_after_typing": pss, "parts": parts}
    finally:
        d.close()


def scrolling(args: argparse.Namespace, env: dict[str, str]) -> dict[str, list[float]]:
    d = Driven(args, env)
    try:
        d.wait_article()
        time.sleep(1)
        out = {}
        for name, steps, px in [("idle (no scrolling)", 120, 0), ("steady, 3 rows/frame", 600, 228),
                                ("fast, 30 rows/frame", 300, 2280)]:
            r = d.driver.execute_async_script(SCROLL_SCRIPT, steps, px)
            out[name] = r["deltas"]
            out[name + " info"] = {k: r[k] for k in ("top", "height", "rows")}
        return out
    finally:
        d.close()


EDITOR_TEXT = "return document.querySelector('[data-testid=\"editor-content\"]')?.textContent ?? '';"


def external_edits(args: argparse.Namespace, env: dict[str, str], edits: int = 20) -> list[float]:
    """Another program saves the open article's file (temp file + rename, as most editors do):
    ms from the rename to the editor showing the new sentence, polled every 5 ms in the page."""
    workspace = Path(env["NEWSROOM_WORKSPACE"])
    d = Driven(args, env)
    try:
        d.wait_article()
        time.sleep(2)  # the start-up scan is done
        files = [p for p in workspace.rglob("*.md") if "Generic types" in p.read_text()[:400]]
        if not files:
            raise RuntimeError("the long article's file is not in the workspace")
        path = files[0]
        out = []
        for i in range(edits):
            marker = f"Outside edit number {i} arrived."
            text = path.read_text()
            head, sep, body = text.partition("\n---\n")
            tmp = path.with_name(f".{path.name}.bench")
            tmp.write_text(f"{head}{sep}{marker}\n\n{body}")
            d.driver.execute_script("window.__ext = null;")
            # The page polls for the marker and stamps when it appears (performance.timeOrigin based).
            d.driver.execute_script(
                "const m = arguments[0]; const t = setInterval(() => {"
                " if ((document.querySelector('[data-testid=\"editor-content\"]')?.textContent ?? '').includes(m))"
                " { window.__ext = performance.timeOrigin + performance.now(); clearInterval(t); } }, 5);", marker)
            written = time.time() * 1000
            os.replace(tmp, path)
            end = time.time() + 5
            seen = None
            while time.time() < end and seen is None:
                seen = d.driver.execute_script("return window.__ext;")
                time.sleep(0.02)
            if seen is None:
                raise RuntimeError(f"edit {i} never reached the editor")
            out.append(seen - written)
            time.sleep(0.6)  # the next edit is a separate one, after this one settled
        return out
    finally:
        d.close()


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    webkit = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libwebkit2gtk-4.1-0"],
                            capture_output=True, text=True).stdout
    return (f"{os.cpu_count()} x {cpu}, {int(mem) / 1024 / 1024:.1f} GiB, {platform.platform()}, "
            f"WebKitGTK {webkit or '?'}, Xvfb 1400x900x24")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--wrapper", required=True)
    ap.add_argument("--wrapper-no-sync", help="the app started with --no-workspace: typing's baseline")
    ap.add_argument("--tauri-driver", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keys", type=int, default=200)
    ap.add_argument("--key-gap", type=float, default=0.03)
    ap.add_argument("--pause-every", type=int, default=50, help="keystrokes between pauses (0: none)")
    ap.add_argument("--pause", type=float, default=0.8, help="seconds of each pause")
    ap.add_argument("--cli", help="the newsroom CLI: typing's baseline with checking off")
    ap.add_argument("--settle", type=float, default=3.0)
    ap.add_argument("--only", default="launch,memory,typing,scroll,external",
                    help="any of launch,memory,typing,scroll,external,frames (frames: issue 12's frame capture)")
    ap.add_argument("--frame-interval", type=float, default=0.05, help="seconds between frames")
    ap.add_argument("--frame-threshold", type=int, default=600, help="pixels: a smaller change is not one")
    ap.add_argument("--frame-quiet", type=float, default=2.0, help="seconds without a change: settled")
    ap.add_argument("--frame-timeout", type=float, default=20.0)
    ap.add_argument("--json", help="also write the raw figures here")
    args = ap.parse_args()
    env = dict(os.environ)
    only = set(args.only.split(","))
    report: dict = {"machine": machine()}
    print(f"machine: {report['machine']}")

    if {"launch", "memory"} & only:
        direct_launch(Path(args.app), env, 0.5)  # warm-up: caches, fonts, WebKit's disk cache
        mapped, pss_direct = [], []
        for _ in range(args.runs):
            m, p = direct_launch(Path(args.app), env, args.settle)
            mapped.append(m)
            pss_direct.append(p)
        marks: dict[str, list[float]] = {}
        pss_driven = []
        for _ in range(args.runs):
            m, p = launch_marks(args, env)
            for k, v in (m or {}).items():
                marks.setdefault(k, []).append(v)
            pss_driven.append(p)
        print("\n(a) launch, 10,000-word article + 10,000-article library (release, warm)")
        print(f"  exec -> window mapped (xdotool):       {summary(mapped)}")
        for k, v in marks.items():
            print(f"  {k + ':':38} {summary(v)}")
        if not marks:
            print("  (this build sets no editor-ready / preview-drawn marks)")
        print(f"\n(b) memory, PSS of the whole tree, article open, idle {args.settle:.0f} s")
        print(f"  launched directly:                     {summary(pss_direct, 'MB')}")
        print(f"  launched through WebDriver:            {summary(pss_driven, 'MB')}")
        if any(FOREIGN):
            print(f"  caution: other WebKit processes were running ({max(FOREIGN)}); shared pages make PSS lower")
        report.update(mapped=mapped, marks=marks, pss_direct=pss_direct, pss_driven=pss_driven)

    if "typing" in only:
        perf, paint, info = typing(args, env)
        base = unchecked = None
        if args.wrapper_no_sync:
            # Same run, same article, the workspace sync off: what mirroring costs the typing path.
            base, base_paint, _ = typing(argparse.Namespace(**{**vars(args), "wrapper": args.wrapper_no_sync}), env)
            report.update(typing_no_sync=base, typing_paint_no_sync=base_paint)
        if args.cli:
            # Same run, same article, checking as you type off for the library: what checking costs.
            subprocess.run([args.cli, "dictionary", "as-you-type", "off"], check=True, env=env, capture_output=True)
            try:
                unchecked, unchecked_paint, unchecked_info = typing(args, env)
            finally:
                subprocess.run([args.cli, "dictionary", "as-you-type", "on"], check=True, env=env, capture_output=True)
            report.update(typing_unchecked=unchecked, typing_paint_unchecked=unchecked_paint,
                          typing_info_unchecked=unchecked_info)
        print(f"\n(c) keystroke -> preview updated, {args.keys} keystrokes through WebDriver "
              f"({args.key_gap * 1000:.0f} ms apart, a {args.pause:.1f} s pause every {args.pause_every}), "
              f"the workspace folder synced and spelling checked as usual")
        print(f"  to the DOM patch:        {summary(perf)}")
        if paint:
            print(f"  to the frame painted:    {summary(paint)}")
        if base is not None:
            print(f"  without the sync (--no-workspace), same run: to the DOM patch {summary(base)}")
        if unchecked is not None:
            print(f"  checking as you type off, same run: to the DOM patch {summary(unchecked)}"
                  + (f"; to the frame painted {summary(unchecked_paint)}" if unchecked_paint else ""))
            print(f"  tree PSS after typing with checking off: {unchecked_info['pss_after_typing']:.0f} MB "
                  f"({', '.join(f'{k} {v:.0f}' for k, v in sorted(unchecked_info['parts'].items()))})")
        print(f"  problems underlined after typing: {info['problems']}")
        print(f"  typed in {info['typed_seconds']:.1f} s; save state afterwards: {info['save_state']!r}; "
              f"tree PSS after typing {info['pss_after_typing']:.0f} MB "
              f"({', '.join(f'{k} {v:.0f}' for k, v in sorted(info['parts'].items()))})")
        report.update(typing=perf, typing_paint=paint, typing_info=info)

    if "scroll" in only:
        s = scrolling(args, env)
        print("\n(d) library of 10,000 articles: requestAnimationFrame deltas while scrolling the list")
        for k, v in s.items():
            if k.endswith(" info"):
                continue
            over = sum(1 for x in v if x > 1000 / 60 * 1.5)
            print(f"  {k + ':':24} {summary(v)}; frames over 25 ms: {over}  {s[k + ' info']}")
        report["scroll"] = s

    if "external" in only:
        ext = external_edits(args, env)
        print("\n(e) another program saves the open article's file (rename over it) -> editor shows it")
        print(f"  {summary(ext)}")
        report["external"] = ext

    if "frames" in only:
        launch_frames(args, env, report)

    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
