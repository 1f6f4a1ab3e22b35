"""Measures the desktop app against issue 3's targets; run by scripts/bench-app.sh.

Four measures, each printed as median / p95 with the machine it ran on:
  launch    exec -> window mapped (xdotool), and exec -> `editor-ready` / `preview-drawn` marks
            (read through WebDriver; the app is started through a wrapper that stamps exec time)
  memory    PSS summed over the app's whole process tree (app + WebKit processes), article open, idle;
            measured in turn with a bare Tauri window (crates/bare-window, --bare; compositing off as
            in Newsroom, and once more with WebKit's default), with the editor floor (--floor: the same
            window showing Newsroom's editor panel with the article and its HTML in a frame, nothing
            else) and, with --cli, Newsroom with checking as you type off: the medians, Newsroom's
            overhead over the bare window (issue 12) and over the floor, and per process
            (smaps_rollup) and mapping (smaps) where it goes
  typing    keystroke (CodeMirror transaction) -> the letter painted in the editor, -> preview DOM
            patched, and -> the frame after that patch painted, as the page records them in
            window.__newsroomPerfLetter / __newsroomPerf / __newsroomPerfPaint, over keystrokes typed
            through WebDriver (spelling checked as usual; with --cli, a second run with checking off
            is the baseline; with --wrapper-floor, the same keys typed into the editor floor)
  scrolling requestAnimationFrame deltas while a script scrolls the 10,000-row library list
  external  another program saves the open article's file -> the editor shows the change (issue 4)
  frames    launch as the user sees it (issue 12): exec -> the last significant change of the screen,
            from frames of the X root window (frames.py); Newsroom, ghostwriter on the same text as a
            file, and Newsroom with an empty library, launched in turn
  profile   where a launch's CPU time goes (issue 12): perf samples of the launched processes, the web
            process per library and per 100 ms (cpu_profile.py)
  fonts     how many font lookups a launch makes (issue 12): fontconfig's FcFontMatch calls counted by a
            preloaded wrapper (fc_lookups.c, font_lookups.py), per process and per family asked

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
from typing import NamedTuple

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


ROLLUP_FIELDS = ("Rss", "Pss", "Pss_Anon", "Pss_File", "Pss_Shmem")


def rollup_kib(pid: int) -> dict[str, int]:
    """The process's /proc/PID/smaps_rollup totals (kB): RSS, PSS and PSS split anon / file / shmem."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ROLLUP_FIELDS:
                out[key] = int(rest.split()[0])
    except OSError:
        pass
    return out


def program(pid: int) -> str | None:
    """The process's program: argv[0]'s file name (comm cuts WebKitWebProcess to 15 characters)."""
    try:
        argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0", 1)[0].decode(errors="replace")
        return Path(argv0).name or Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return None


def tree_processes(pid: int) -> list[dict]:
    """Each process of pid's tree with its smaps_rollup figures in MB (keys pss, pss_anon, ...) and
    its role: "app" for pid itself, else its program (WebKitWebProcess, WebKitNetworkProcess, ...),
    so that two apps' trees compare process by process."""
    out = []
    for p in tree(pid):
        name = program(p)
        if name is None:
            continue
        figures = {k.lower(): v / 1024 for k, v in rollup_kib(p).items()}
        out.append({"pid": p, "program": name, "role": "app" if p == pid else name, **figures})
    return out


def by_role(processes: list[dict]) -> dict[str, dict[str, float]]:
    """The smaps_rollup figures summed per role (with how many processes had it)."""
    roles: dict[str, dict[str, float]] = {}
    for proc in processes:
        r = roles.setdefault(proc["role"], {"processes": 0})
        r["processes"] += 1
        for k in ROLLUP_FIELDS:
            r[k.lower()] = r.get(k.lower(), 0.0) + proc.get(k.lower(), 0.0)
    return roles


def tree_pss_mb(pid: int) -> tuple[float, dict[str, float]]:
    parts: dict[str, float] = {}
    for proc in tree_processes(pid):
        parts[proc["program"]] = parts.get(proc["program"], 0.0) + proc.get("pss", 0.0)
    return sum(parts.values()), parts


def mappings_mb(pid: int) -> dict[str, float]:
    """PSS (MB) by what is mapped, from /proc/PID/smaps: a file's name (a library's code, data and
    relocations together), or [heap], [stack], [anon] for anonymous memory."""
    out: dict[str, float] = {}
    name = "[anon]"
    try:
        text = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:
        return out
    for line in text.splitlines():
        head = line.split(None, 5)
        if "-" in head[0] and line[0] in "0123456789abcdef":  # a mapping's header line
            path = head[5].strip() if len(head) > 5 else ""
            name = Path(path.removesuffix(" (deleted)")).name if path.startswith("/") else (path or "[anon]")
        elif head[0] == "Pss:":
            out[name] = out.get(name, 0.0) + int(head[1]) / 1024
    return out


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

class Launch(NamedTuple):
    """A program launched directly, in turn with the others in every round."""
    label: str
    cmd: list[str]
    env: dict[str, str]
    checking_off_by: str | None = None  # the CLI that switches the library's checking off meanwhile


def set_checking(cli: str, env: dict[str, str], on: bool) -> None:
    """The library's "check as you type" switch (the app reads it when it starts)."""
    subprocess.run([cli, "dictionary", "as-you-type", "on" if on else "off"], check=True, env=env,
                   capture_output=True)


def direct_launch(launch: Launch, settle: float, detail: bool = False) -> dict:
    """exec -> window mapped (ms), then, `settle` seconds later, the tree's PSS (MB) and each
    process's smaps_rollup; with detail also each process's PSS by mapping (read after the rest)."""
    if launch.checking_off_by:
        set_checking(launch.checking_off_by, launch.env, False)
    t0 = time.perf_counter()
    proc = subprocess.Popen(launch.cmd, env=launch.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(proc.pid)],
                       env=launch.env, check=True, stdout=subprocess.DEVNULL, timeout=30)
        mapped = (time.perf_counter() - t0) * 1000
        time.sleep(settle)
        processes = tree_processes(proc.pid)
        foreign = foreign_webkit(proc.pid)
        FOREIGN.append(foreign)
        got = {"mapped": mapped, "pss": sum(p.get("pss", 0.0) for p in processes), "processes": processes,
               "foreign_webkit": foreign}
        if detail:
            maps: dict[str, dict[str, float]] = {}
            for p in processes:
                role = maps.setdefault(p["role"], {})
                for name, mb in mappings_mb(p["pid"]).items():
                    role[name] = role.get(name, 0.0) + mb
            got["mappings"] = maps
        return got
    finally:
        stop(proc)
        time.sleep(0.3)
        if launch.checking_off_by:
            set_checking(launch.checking_off_by, launch.env, True)


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
        # Where the page's time goes (issue 12): the navigation's steps, then every mark the page
        # set, in the order it set them (a build marks what it marks: boot, app-built, ...).
        steps = d.driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; const o = {};"
            "if (n) { o['html parsed'] = n.domInteractive; o['DOMContentLoaded'] = n.domContentLoadedEventStart; }"
            "for (const e of performance.getEntriesByType('mark')) {"
            " if (!(e.name in o) && e.name !== 'editor-ready' && e.name !== 'preview-drawn') o[e.name] = e.startTime; }"
            "return o;")
        out = {f"{k} (page)": v for k, v in steps.items()}
        out |= {
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
        letter = d.driver.execute_script("return window.__newsroomPerfLetter || [];")
        letter_frame = d.driver.execute_script("return window.__newsroomPerfLetterFrame || [];")
        saved = d.driver.execute_script(
            "return document.querySelector('[data-testid=\"save-state\"] .save-text')?.textContent || '';")
        problems = d.driver.execute_script(
            "const s = document.querySelector('[data-testid=\"proof-status\"]');"
            "return s && !s.hidden ? s.textContent : 'none shown';")
        processes = by_role(tree_processes(d.app_pid))
        return perf, paint, {"letter": letter, "letter_frame": letter_frame, "typed_seconds": typed_s, "save_state": saved, "problems": problems,
                             "pss_after_typing": sum(p["pss"] for p in processes.values()),
                             "parts": {role: p["pss"] for role, p in processes.items()},
                             "processes": processes}
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


BARE = "bare Tauri window"
BARE_COMPOSITING = "bare, WebKit's GPU compositing"
FLOOR = "editor floor"
NEWSROOM = "Newsroom, checking on"
NEWSROOM_OFF = "Newsroom, checking off"


def direct_launches(args: argparse.Namespace, env: dict[str, str], memory: bool) -> list[Launch]:
    """Newsroom as the library has it (checking as you type on); to measure memory (issue 12) also
    the bare Tauri window (crates/bare-window), Newsroom with checking off (with --cli), the
    editor floor (with --floor), and the bare window with WebKit's default GPU compositing.

    The baseline is the bare window without compositing (WEBKIT_DISABLE_COMPOSITING_MODE=1), the
    engine Newsroom runs (it sets the hardware acceleration policy to NEVER): with WebKit's default
    the bare window's web process alone holds some 60 MB more, which would hide Newsroom's own cost.
    """
    newsroom = Launch(NEWSROOM, [args.app], env)
    if not memory:
        return [newsroom]
    if not (args.bare and Path(args.bare).is_file()):
        raise SystemExit(f"bench-app: memory is measured against the bare window, and {args.bare!r} is not "
                         "built: cargo build --release --locked -p bare-window")
    no_compositing = {**env, "WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
    launches = [Launch(BARE, [args.bare], no_compositing), newsroom]
    if args.floor and Path(args.floor).is_file() and args.floor_page:
        # The engine as Newsroom tunes it for its page (src-tauri/src/webview.rs): no optimizing JIT.
        launches.append(Launch(FLOOR, [args.floor, args.floor_page], {**no_compositing, "JSC_useDFGJIT": "0"}))
    if args.cli:
        launches.append(Launch(NEWSROOM_OFF, [args.app], env, checking_off_by=args.cli))
    launches.append(Launch(BARE_COMPOSITING, [args.bare], env))
    return launches


def median_by(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each key's median over the runs (0 in a run without it)."""
    keys = {k for r in runs for k in r}
    return {k: statistics.median(r.get(k, 0.0) for r in runs) for k in keys}


ROLE_ORDER = {"app": 0, "WebKitWebProcess": 1, "WebKitNetworkProcess": 2}
FIGURES = ("pss", "pss_anon", "pss_file", "pss_shmem", "rss", "processes")


def memory_report(direct: dict[str, list[dict]], settle: float) -> dict:
    """Issue 12: the bare window's and Newsroom's medians, the difference, and where it goes per
    process (smaps_rollup) and per mapping (smaps); printed, and returned for --json."""
    medians = {label: statistics.median(r["pss"] for r in runs) for label, runs in direct.items()}
    bare = medians[BARE]
    for label, runs in direct.items():
        print(f"  {label + ', launched directly:':52} {summary([r['pss'] for r in runs], 'MB')}")
    overhead = {label: m - bare for label, m in medians.items() if label != BARE}
    print("  overhead over the bare window (difference of medians, issue 12: <= 30 MB): "
          + "; ".join(f"{label} {d:+.1f} MB" for label, d in overhead.items()))
    if FLOOR in medians:
        print("  over the editor floor (the editor and preview with the article, nothing else): "
              + "; ".join(f"{label} {m - medians[FLOOR]:+.1f} MB" for label, m in medians.items()
                          if label.startswith("Newsroom")))

    per_process: dict[str, dict[str, dict[str, float]]] = {}
    for label, runs in direct.items():
        rolled = [by_role(r["processes"]) for r in runs]
        roles = {role for r in rolled for role in r}
        per_process[label] = {role: {f: statistics.median(r.get(role, {}).get(f, 0.0) for r in rolled)
                                     for f in FIGURES} for role in roles}
    roles = sorted({role for p in per_process.values() for role in p}, key=lambda r: (ROLE_ORDER.get(r, 9), r))
    print("  per process, median PSS in MB (anon / file / shmem), smaps_rollup:")
    print("    " + f"{'':22}" + "".join(f"{label:>34}" for label in direct))
    for role in roles:
        cells = []
        for label in direct:
            f = per_process[label].get(role)
            cells.append(f"{f['pss']:.1f} ({f['pss_anon']:.1f} / {f['pss_file']:.1f} / {f['pss_shmem']:.1f})"
                         + (f" x{f['processes']:.0f}" if f["processes"] != 1 else "") if f else "-")
        print("    " + f"{role:22}" + "".join(f"{c:>34}" for c in cells))

    mappings = {label: {role: median_by([r["mappings"].get(role, {}) for r in runs]) for role in roles}
                for label, runs in direct.items()}
    def differences(label: str, base_label: str) -> None:
        print(f"    {label}:")
        for role in roles:
            mine, base = mappings[label][role], mappings[base_label][role]
            diff = {k: mine.get(k, 0.0) - base.get(k, 0.0) for k in mine.keys() | base.keys()}
            top = sorted(diff.items(), key=lambda kv: -abs(kv[1]))[:7]
            total = (per_process[label].get(role, {}).get("pss", 0.0)
                     - per_process[base_label].get(role, {}).get("pss", 0.0))
            print(f"      {role + ':':22} {total:+6.1f}: " + ", ".join(f"{k} {v:+.1f}" for k, v in top if abs(v) >= 0.05))

    print("  where the difference goes: per process, PSS over the bare window's (medians, MB), "
          "and the mappings that differ most (smaps):")
    for label in overhead:
        differences(label, BARE)
    if FLOOR in medians:
        print("  Newsroom's own share: per process, PSS over the editor floor's (medians, MB):")
        for label in medians:
            if label.startswith("Newsroom"):
                differences(label, FLOOR)
    for runs in direct.values():  # per-run mappings are many; their medians are kept instead
        for r in runs:
            r.pop("mappings", None)
    return {"settle_s": settle, "median_mb": medians, "over_bare_mb": overhead,
            "per_process_median_mb": per_process, "mappings_median_mb": mappings, "runs": direct}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--app", required=True)
    ap.add_argument("--bare", help="the bare Tauri window (crates/bare-window): memory's baseline")
    ap.add_argument("--floor", help="the editor floor (crates/bare-window's editor-floor), measured with memory")
    ap.add_argument("--floor-page", help="the editor floor's page folder, with article.md and article.html")
    ap.add_argument("--wrapper-floor", help="starts the editor floor on its page: typing's floor")
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
                    help="any of launch,memory,typing,scroll,external,frames,profile,fonts (issue 12: frame "
                         "capture; perf samples of a launch; font lookups of a launch)")
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

    bare_mb = None  # the bare window's median PSS, when memory is measured: typing's baseline too
    if {"launch", "memory"} & only:
        launches = direct_launches(args, env, memory="memory" in only)
        for launch in launches:  # warm-up: caches, fonts, WebKit's disk cache
            direct_launch(launch, 0.5)
        direct: dict[str, list[dict]] = {launch.label: [] for launch in launches}
        for _ in range(args.runs):  # in turn, so that the machine's moods fall on each alike
            for launch in launches:
                # Another program's WebKit processes share library pages and lower PSS: such a
                # launch is measured again (twice at most; the caution below says if it stayed).
                for _attempt in range(3):
                    got = direct_launch(launch, args.settle, detail="memory" in only)
                    if not got["foreign_webkit"]:
                        break
                direct[launch.label].append(got)
        mapped = [r["mapped"] for r in direct[NEWSROOM]]
        pss_direct = [r["pss"] for r in direct[NEWSROOM]]
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
        print(f"\n(b) memory, PSS of the whole tree, article open, idle {args.settle:.0f} s after the window maps")
        if "memory" in only:
            report["memory"] = memory_report(direct, args.settle)
            bare_mb = report["memory"]["median_mb"][BARE]
        else:
            print(f"  launched directly:                     {summary(pss_direct, 'MB')}")
        print(f"  {NEWSROOM + ', through WebDriver:':52} {summary(pss_driven, 'MB')}")
        report.update(mapped=mapped, marks=marks, pss_direct=pss_direct, pss_driven=pss_driven)
        if any(FOREIGN):
            kept = sum(1 for runs in direct.values() for r in runs if r["foreign_webkit"])
            print(f"  caution: other WebKit processes were running ({max(FOREIGN)}; {kept} of the direct launches "
                  "kept were measured meanwhile); shared pages make PSS lower")

    if "typing" in only:
        perf, paint, info = typing(args, env)
        base = unchecked = None
        if args.wrapper_no_sync:
            # Same run, same article, the workspace sync off: what mirroring costs the typing path.
            base, base_paint, _ = typing(argparse.Namespace(**{**vars(args), "wrapper": args.wrapper_no_sync}), env)
            report.update(typing_no_sync=base, typing_paint_no_sync=base_paint)
        if args.cli:
            # Same run, same article, checking as you type off for the library: what checking costs.
            set_checking(args.cli, env, False)
            try:
                unchecked, unchecked_paint, unchecked_info = typing(args, env)
            finally:
                set_checking(args.cli, env, True)
            report.update(typing_unchecked=unchecked, typing_paint_unchecked=unchecked_paint,
                          typing_info_unchecked=unchecked_info)
        print(f"\n(c) keystroke -> preview updated, {args.keys} keystrokes through WebDriver "
              f"({args.key_gap * 1000:.0f} ms apart, a {args.pause:.1f} s pause every {args.pause_every}), "
              f"the workspace folder synced and spelling checked as usual")
        if info["letter"]:
            print(f"  to the letter's frame:   begun {summary(info['letter_frame'])}; painted {summary(info['letter'])}")
        print(f"  to the DOM patch:        {summary(perf)}")
        if paint:
            print(f"  to the frame painted:    {summary(paint)}")
        if base is not None:
            print(f"  without the sync (--no-workspace), same run: to the DOM patch {summary(base)}")
        if unchecked is not None:
            print(f"  checking as you type off, same run: to the DOM patch {summary(unchecked)}"
                  + (f"; to the frame painted {summary(unchecked_paint)}" if unchecked_paint else "")
                  + (f"; to the letter's frame begun {summary(unchecked_info['letter_frame'])}, painted "
                     f"{summary(unchecked_info['letter'])}" if unchecked_info["letter"] else ""))
            print(f"  tree PSS after typing with checking off: {unchecked_info['pss_after_typing']:.0f} MB "
                  f"({', '.join(f'{k} {v:.0f}' for k, v in sorted(unchecked_info['parts'].items()))})")
        floor_info = None
        if args.wrapper_floor and args.floor and Path(args.floor).is_file():
            # Same run, same article, typed the same way into the editor floor: the frame after each
            # change shows it in the editor only, the floor under Newsroom's keystroke -> preview.
            _, _, floor_info = typing(argparse.Namespace(**{**vars(args), "wrapper": args.wrapper_floor,
                                                            "app": args.floor}), env)
            print(f"  editor floor, same run: to the letter's frame begun {summary(floor_info['letter_frame'])}; "
                  f"painted {summary(floor_info['letter'])}")
            report.update(typing_letter_floor=floor_info["letter"], typing_letter_frame_floor=floor_info["letter_frame"])
        print(f"  problems underlined after typing: {info['problems']}")
        print(f"  typed in {info['typed_seconds']:.1f} s; save state afterwards: {info['save_state']!r}; "
              f"tree PSS after typing {info['pss_after_typing']:.0f} MB "
              f"({', '.join(f'{k} {v:.0f}' for k, v in sorted(info['parts'].items()))})")
        if bare_mb is not None:
            # One typing session each (not medians) against the bare window's idle median.
            after = {NEWSROOM: info}
            if unchecked is not None:
                after[NEWSROOM_OFF] = unchecked_info
            if floor_info is not None:
                after[FLOOR] = floor_info
            for label, i in after.items():
                print(f"  after typing, {label}: {i['pss_after_typing']:.0f} MB, "
                      f"{i['pss_after_typing'] - bare_mb:+.0f} MB over the bare window's idle median "
                      f"(issue 12: <= 40 MB); per process "
                      + ", ".join(f"{role} {f['pss']:.0f}" for role, f in sorted(i["processes"].items())))
            if floor_info is not None and unchecked is not None:
                # What typing costs beyond what the same keys cost the editor and preview alone.
                print(f"  after typing, Newsroom, checking off, over the editor floor after the same keys: "
                      f"{unchecked_info['pss_after_typing'] - floor_info['pss_after_typing']:+.0f} MB")
            report["memory_after_typing"] = {label: {"pss": i["pss_after_typing"],
                                                     "over_bare_mb": i["pss_after_typing"] - bare_mb}
                                             for label, i in after.items()}
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

    if "profile" in only:
        import cpu_profile
        print("\n(g) where a launch's CPU time goes: perf samples of the launched processes (article open)")
        report["profile"] = cpu_profile.profile_launches([args.app], env, Path(args.work), args.runs)

    if "fonts" in only:
        import font_lookups
        print("\n(h) font lookups of a launch: fontconfig's FcFontMatch calls, per process and family (article open)")
        report["fonts"] = font_lookups.lookups_of_launches([args.app], env, Path(args.work), args.runs)

    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
