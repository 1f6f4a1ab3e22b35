"""End-to-end harness: the real desktop app, driven through WebDriver under a private Xvfb.

One Xvfb and one tauri-driver serve the whole run; every test gets its own library (a fresh
database in a temp folder), its own workspace folder beside it, and its own app process, started
by tauri-driver with `--db PATH --workspace DIR`: no test ever writes into a real ~/Documents
(NEWSROOM_WORKSPACE points into the run's temp folder too, should an app start without the flag).
Teardown quits the WebDriver session and, if the app outlives it, kills that app by its PID.

The app is started with an unusable D-Bus address (so its single-instance guard cannot hand a
test's launch over to another Newsroom window running on this machine) and with HOME and the
XDG folders pointing into the run's temp folder (so saved window sizes never leak in or out).

Helpers deliberately stay on the user's side of the glass: tests click, type and read what is
shown. `App.invoke` exists only to seed data; `App.answer_dialog` plays the native file dialog,
which WebDriver cannot drive, by queueing the answer the shell's dialog gives (debug builds read
it from the file NEWSROOM_E2E_DIALOG_ANSWERS names).
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from selenium import webdriver
from selenium.common.exceptions import (
    NoAlertPresentException,
    NoSuchElementException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.webelement import WebElement

ROOT = Path(__file__).resolve().parents[2]
APP_BINARY = Path(os.environ.get("NEWSROOM_E2E_APP", ROOT / "target/debug/newsroom-app"))
CLI_BINARY = Path(os.environ.get("NEWSROOM_E2E_CLI", ROOT / "target/debug/newsroom"))
SCREENSHOTS = ROOT / "target/e2e-screenshots"
LOGS = ROOT / "target/e2e-logs"
APP_NAME = APP_BINARY.name[:15]  # /proc/PID/comm holds at most 15 characters

# How long the UI may take to show the result of an action before a test gives up. Generous:
# a debug build on two busy cores sometimes needs a second for what usually takes 50 ms.
WAIT = float(os.environ.get("NEWSROOM_E2E_WAIT", "10"))


# --- processes -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(
    predicate: Callable[[], Any], timeout: float = WAIT, message: str | Callable[[], str] = "", interval: float = 0.05
) -> Any:
    """Polls `predicate` until it returns something truthy and returns that; fails with `message`
    (a string, or a function called then to describe what was seen instead) plus the last
    exception the predicate raised, if any, after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except (NoSuchElementException, StaleElementReferenceException, AssertionError) as e:
            last_error = e
        if time.monotonic() >= deadline:
            detail = f" (last error: {type(last_error).__name__}: {last_error})" if last_error else ""
            text = message() if callable(message) else message
            pytest.fail(f"timed out after {timeout:.0f} s: {text or predicate}{detail}", pytrace=False)
        time.sleep(interval)


def children_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: the ppid follows the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid: int) -> list[int]:
    tree, found, todo = children_map(), [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def process_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_tree(pid: int) -> None:
    """SIGKILLs `pid` and what it started (WebKit's web and network processes)."""
    for p in [pid, *descendants(pid)]:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass


def stop(proc: subprocess.Popen, grace: float = 5) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            kill_tree(proc.pid)
            proc.wait(grace)


# --- fixtures data ---------------------------------------------------------------------------


def make_png(width: int = 64, height: int = 48, seed: int = 0) -> bytes:
    """A small RGB PNG with a gradient (different seeds give different files, hence photos)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in ((x * 4 + seed) % 256, (y * 5) % 256, (seed * 37) % 256))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class Cli:
    """The core's command-line tool on one library, for seeding it before the app starts."""

    def __init__(self, db: Path):
        self.db = db

    def __call__(self, *args: str, stdin: str | None = None) -> str:
        if not CLI_BINARY.exists():
            pytest.fail(f"{CLI_BINARY} is missing: build it with `cargo build -p newsroom`", pytrace=False)
        run = subprocess.run(
            [str(CLI_BINARY), "--db", str(self.db), *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if run.returncode != 0:
            pytest.fail(f"newsroom {' '.join(args)} failed ({run.returncode}): {run.stderr.strip()}", pytrace=False)
        return run.stdout.strip()

    def new(self, headline: str, body: str = "", **meta: str) -> int:
        args = ["new", "--headline", headline]
        for key, value in meta.items():
            args += [f"--{key}", value]
        if body:
            args += ["--body-file", "-"]
        return int(self(*args, stdin=body).splitlines()[-1])

    def show(self, article: int | str) -> dict:
        """The article with its photos and related links (`show --json`)."""
        return json.loads(self("show", "--json", str(article)))

    def list(self) -> list[dict]:
        return json.loads(self("list", "--json"))

    def find(self, headline: str) -> dict:
        """The article with this headline, as `show --json` gives it."""
        ids = [a["id"] for a in self.list() if a["headline"] == headline]
        assert len(ids) == 1, f'expected one article "{headline}" in the library, found {len(ids)}'
        return self.show(ids[0])


# --- the app through WebDriver ---------------------------------------------------------------

INVOKE = """
const [cmd, args, done] = arguments;
const internals = window.__TAURI_INTERNALS__;
internals.invoke(cmd, args)
  .then((value) => done({ok: value === undefined ? null : value}), (error) => done({error}));
"""

PASTE_IMAGE = """
const [selector, b64, name] = arguments;
const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const data = new DataTransfer();
data.items.add(new File([bytes], name, {type: 'image/png'}));
const event = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true});
const target = document.querySelector(selector);
target.focus();
target.dispatchEvent(event);
return {files: event.clipboardData ? event.clipboardData.files.length : -1, handled: event.defaultPrevented};
"""


class App:
    """One running app (one WebDriver session) on one library."""

    def __init__(self, server: "DriverServer", db: Path, shots: "Screenshots", workspace: Path | None = None):
        self.server = server
        self.db = db
        self.workspace = workspace or workspace_of(db)
        self.shots = shots
        self.pid: int | None = None
        self.killed = False  # set when the app outlived its session and had to be killed
        before = set(server.app_pids())
        server.dialog_answers.write_text("[]")
        options = ArgOptions()
        options.set_capability("browserName", "wry")
        options.set_capability("tauri:options", {"application": str(APP_BINARY), "args": ["--db", str(db), "--workspace", str(self.workspace)]})
        config = ClientConfig(remote_server_addr=server.url, timeout=60)
        try:
            self.driver = webdriver.Remote(command_executor=server.url, options=options, client_config=config)
        except WebDriverException as e:
            for pid in set(server.app_pids()) - before:
                kill_tree(pid)
            pytest.fail(f"the app did not start through tauri-driver: {e.msg}\n{server.log_tail()}", pytrace=False)
        started = wait_for(lambda: set(server.app_pids()) - before, 5, "the app process to appear under tauri-driver")
        self.pid = min(started)
        self.driver.implicitly_wait(0)
        self.wait_ready()

    # ---- lifecycle

    def wait_ready(self) -> None:
        """The UI has loaded: the library list and the save indicator exist and the first load ended."""
        wait_for(
            lambda: self.js(
                "return !!document.querySelector('[data-testid=library-list]') && !!document.querySelector('[data-testid=save-state]')"
                " && document.querySelectorAll('.vlist .row-loading').length === 0"
            ),
            message="the app's interface to load (library list and save indicator)",
        )

    def quit(self) -> None:
        """Ends the session the way a user closes the window; kills the app if it lingers."""
        try:
            self.driver.quit()
        except Exception:  # a session stuck in a command: the PID below still ends it
            pass
        if self.pid is None:
            return
        deadline = time.monotonic() + 5
        while is_running(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if is_running(self.pid):
            self.killed = True
            kill_tree(self.pid)

    # ---- reading and acting

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def css(self, selector: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all_css(self, selector: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def visible(self, selector: str, what: str = "") -> WebElement:
        def find() -> WebElement | None:
            for el in self.all_css(selector):
                if el.is_displayed():
                    return el
            return None

        return wait_for(find, message=f"{what or selector} to be visible")

    def by_label(self, label: str) -> WebElement:
        """A visible element by its accessible name: its aria-label, or the text of its <label>."""
        return wait_for(lambda: self.js(BY_LABEL, label), message=f'a visible element labelled "{label}"')

    def button(self, text: str) -> WebElement:
        """A visible button by its visible text or aria-label."""

        def find() -> WebElement | None:
            xpath = f"//button[normalize-space(.)={xpath_literal(text)} or @aria-label={xpath_literal(text)}]"
            for el in self.driver.find_elements(By.XPATH, xpath):
                if el.is_displayed():
                    return el
            return None

        return wait_for(find, message=f'a visible button "{text}"')

    def click(self, text: str) -> None:
        self.button(text).click()

    def tab(self, name: str) -> None:
        """Opens an inspector tab (Details, Photos, Related)."""
        tab = self.visible(f'.inspector [role="tab"][data-tab="{name.lower()}"]', f"the {name} tab")
        tab.click()
        wait_for(lambda: tab.get_attribute("aria-selected") == "true", message=f"the {name} tab to be selected")

    def text_of(self, selector: str) -> str:
        return self.js("const el = document.querySelector(arguments[0]); return el ? el.textContent : null", selector) or ""

    def save_state(self) -> str:
        return self.text_of('[data-testid="save-state"] .save-text')

    def wait_saved(self) -> None:
        wait_for(
            lambda: self.css('[role="status"][aria-label="Save state"]').get_attribute("data-state") == "saved"
            and self.save_state() == "Saved",
            message=f'the save indicator to read "Saved" (it reads "{self.save_state()}")',
        )

    def editor(self) -> WebElement:
        return self.visible('.cm-content[aria-label="Article body"]', "the editor (Article body)")

    def editor_text(self) -> str:
        """The body as the editor shows it, line by line."""
        return self.js(
            "return [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\\n')"
        )

    def type_body(self, *lines: str) -> None:
        """Types lines into the editor at its end, pressing Enter between them."""
        ed = self.editor()
        ed.click()
        ed.send_keys(Keys.CONTROL, Keys.END)
        for i, line in enumerate(lines):
            if i:
                ed.send_keys(Keys.ENTER)
            if line:
                ed.send_keys(line)

    def set_field(self, selector: str, value: str, commit: str = Keys.TAB) -> WebElement:
        """Replaces a form field's text the way a user does (select all, type) and commits it."""
        field = self.visible(selector)
        field.click()
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        field.send_keys(value)
        field.send_keys(commit)
        return field

    def library_headlines(self) -> list[str]:
        return self.js(
            "return [...document.querySelectorAll('[data-testid=library-list] .row:not(.row-loading) .row-headline')].map((e) => e.textContent)"
        )

    def library_row(self, headline: str) -> WebElement:
        xpath = f"//*[@data-testid='library-list']//*[contains(@class,'row') and @role='option'][.//*[contains(@class,'row-headline') and normalize-space(.)={xpath_literal(headline)}]]"
        return wait_for(
            lambda: self.driver.find_element(By.XPATH, xpath), message=f'the library to list "{headline}"'
        )

    def row_parts(self, headline: str) -> list[str] | None:
        """What the library row of `headline` shows: headline, status, section (fresh each call:
        the virtual list re-creates its rows)."""
        return self.js(
            """const row = [...document.querySelectorAll('[data-testid=library-list] .row')]
                 .find((r) => r.querySelector('.row-headline')?.textContent === arguments[0]);
               return row ? [...row.querySelectorAll('.row-headline, .status-pill, .row-section')].map((e) => e.textContent) : null""",
            headline,
        )

    def open_article(self, headline: str) -> None:
        # The virtual list draws its rows anew (a thumbnail arrived, another program changed the
        # library): a row found a moment ago may be gone by the click, as under a user's pointer.
        def click_row() -> bool:
            try:
                self.library_row(headline).click()
                return True
            except StaleElementReferenceException:
                return False

        wait_for(click_row, message=f'a click on the library row of "{headline}"')
        wait_for(lambda: self.field_value("#meta-headline") == headline, message=f'"{headline}" to open in the editor')

    def field_value(self, selector: str) -> str:
        return self.js("const el = document.querySelector(arguments[0]); return el ? el.value : null", selector)

    def toasts(self, kind: str = "") -> list[str]:
        return self.js(
            "return [...document.querySelectorAll('#toasts .toast' + arguments[0])].map((t) => t.querySelector('.toast-text').textContent)",
            f".toast-{kind}" if kind else "",
        )

    def assert_no_error_toasts(self) -> None:
        errors = self.toasts("error")
        assert not errors, f"the app showed errors: {errors}"

    def alert_text(self) -> str | None:
        try:
            return self.driver.switch_to.alert.text
        except NoAlertPresentException:
            return None

    # ---- the preview iframe

    def in_preview(self, script: str, *args: Any) -> Any:
        """Runs `script` with `doc` (the preview's document) and `win` (its window) in scope."""
        return self.js(
            "const frame = document.querySelector('iframe[title=\"Preview\"]');"
            "const doc = frame.contentDocument; const win = frame.contentWindow;" + script,
            *args,
        )

    def preview_content_html(self) -> str:
        return self.in_preview("return doc.getElementById('content').innerHTML")

    # ---- outside the UI: seeding and the native dialog

    def invoke(self, cmd: str, args: dict | None = None) -> Any:
        """Calls a shell command directly. Only for seeding data, never to check the UI."""
        result = self.driver.execute_async_script(INVOKE, cmd, args or {})
        if "error" in result:
            pytest.fail(f"invoke {cmd} failed: {result['error']}", pytrace=False)
        return result["ok"]

    def invoke_refused(self, cmd: str, args: dict) -> dict:
        """Calls a shell command the way a script in the page could, expecting a refusal: the
        `{kind, message}` it was refused with."""
        result = self.driver.execute_async_script(INVOKE, cmd, args)
        if "error" not in result:
            pytest.fail(f"{cmd} was accepted: {result['ok']!r}", pytrace=False)
        return result["error"]

    def answer_dialog(self, answer: str | list[str] | None) -> None:
        """The next native dialog returns `answer` (what the user would have chosen). The shell
        shows its dialogs itself; in debug builds it takes queued answers from the file that
        NEWSROOM_E2E_DIALOG_ANSWERS names instead of opening one."""
        queue = json.loads(self.server.dialog_answers.read_text())
        queue.append(None if answer is None else [answer] if isinstance(answer, str) else answer)
        self.server.dialog_answers.write_text(json.dumps(queue))

    def paste_image(self, selector: str, png: bytes, name: str = "image.png") -> dict:
        """Dispatches the paste event a user's Ctrl+V of an image produces, on `selector`."""
        return self.js(PASTE_IMAGE, selector, base64.b64encode(png).decode(), name)

    def screenshot(self, name: str) -> Path:
        return self.shots.take(name)

    def click_close_button(self) -> None:
        """Closes the window as its close button does (the window manager's WM_DELETE_WINDOW)."""
        assert self.pid is not None
        asked = XClose(self.shots.display).request(self.pid)
        assert asked > 0, "no window of the app takes WM_DELETE_WINDOW"

    def wait_exited(self, within: float = 5) -> None:
        """The app's process ended by itself within `within` seconds."""
        assert self.pid is not None
        pid = self.pid
        wait_for(lambda: not is_running(pid), within, "the app to quit")

    def press_on_keyboard(self, *keys: str) -> None:
        """Presses `keys` together (X key names: "Control_L", "Shift_L", "u") the way a keyboard
        does, through X's XTEST extension, over the element that has the focus. WebDriver's own
        key presses go into WebKit behind GTK's back, so they cannot show what GTK does with a key
        first (its input method takes Ctrl+Shift+U, say)."""
        rect = self.js("const r = document.activeElement.getBoundingClientRect(); return [r.left + r.width / 2, r.top + Math.min(r.height / 2, 20)]")
        origin = self.js("return [window.screenX, window.screenY]")
        XTest(self.shots.display).press([round(origin[0] + rect[0]), round(origin[1] + rect[1])], keys)


# When several shown elements carry the name, a form control wins: tests type into fields, not the
# lists or headings that share a field's name.
BY_LABEL = """
const name = arguments[0];
const shown = (el) => !!el && el.getClientRects().length > 0;
const labelled = [...document.querySelectorAll('[aria-label]')].filter((el) => el.getAttribute('aria-label') === name);
const viaLabel = [...document.querySelectorAll('label')].filter((l) => l.textContent.trim() === name)
  .map((l) => l.control || document.getElementById(l.htmlFor));
const found = [...labelled, ...viaLabel].filter(shown);
const control = (el) => el.matches('input, textarea, select, button, [contenteditable], [role=textbox], [role=combobox]');
return found.find(control) || found[0] || null;
"""


def xpath_literal(s: str) -> str:
    if "'" not in s:
        return f"'{s}'"
    if '"' not in s:
        return f'"{s}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in s.split("'")) + ")"


class XTest:
    """Real key presses on the test's X display through libXtst (what xdotool uses), without
    another program to install."""

    def __init__(self, display: str):
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong]
        self.display = display

    def press(self, pointer: list[int], keys: tuple[str, ...]) -> None:
        """Moves the pointer to `pointer` (X's focus follows it when no window manager runs), then
        presses `keys` down in order and releases them in reverse."""
        dpy = self.x11.XOpenDisplay(self.display.encode())
        if not dpy:
            pytest.fail(f"could not open the X display {self.display}", pytrace=False)
        try:
            codes = []
            for key in keys:
                code = self.x11.XKeysymToKeycode(dpy, self.x11.XStringToKeysym(key.encode()))
                if not code:
                    pytest.fail(f"the X display has no key {key!r}", pytrace=False)
                codes.append(code)
            self.xtst.XTestFakeMotionEvent(dpy, -1, pointer[0], pointer[1], 0)
            for code in codes:
                self.xtst.XTestFakeKeyEvent(dpy, code, True, 0)
            for code in reversed(codes):
                self.xtst.XTestFakeKeyEvent(dpy, code, False, 0)
            self.x11.XFlush(dpy)
        finally:
            self.x11.XCloseDisplay(dpy)


class XClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessage), ("pad", ctypes.c_long * 24)]


class XClose:
    """Clicks a program's close button the way a window manager passes the click on: the ICCCM's
    WM_DELETE_WINDOW message, sent to each top-level window of the process that takes it (no window
    manager runs under the tests' Xvfb, and GTK reacts to the message alone)."""

    CLIENT_MESSAGE = 33  # X.h

    def __init__(self, display: str):
        x = self.x11 = ctypes.CDLL("libX11.so.6")
        self.display = display
        vp, ul = ctypes.c_void_p, ctypes.c_ulong
        x.XOpenDisplay.restype = vp
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ul
        x.XDefaultRootWindow.argtypes = [vp]
        x.XInternAtom.restype = ul
        x.XInternAtom.argtypes = [vp, ctypes.c_char_p, ctypes.c_int]
        x.XQueryTree.argtypes = [vp, ul, ctypes.POINTER(ul), ctypes.POINTER(ul), ctypes.POINTER(ctypes.POINTER(ul)), ctypes.POINTER(ctypes.c_uint)]
        x.XGetWindowProperty.argtypes = [vp, ul, ul, ctypes.c_long, ctypes.c_long, ctypes.c_int, ul, ctypes.POINTER(ul), ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ul), ctypes.POINTER(ul), ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte))]
        x.XGetWMProtocols.argtypes = [vp, ul, ctypes.POINTER(ctypes.POINTER(ul)), ctypes.POINTER(ctypes.c_int)]
        x.XSendEvent.argtypes = [vp, ul, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
        x.XFree.argtypes = [vp]
        x.XFlush.argtypes = [vp]
        x.XCloseDisplay.argtypes = [vp]

    def request(self, pid: int) -> int:
        """Asks every top-level window of process `pid` to close; returns how many were asked."""
        x = self.x11
        dpy = x.XOpenDisplay(self.display.encode())
        if not dpy:
            pytest.fail(f"could not open the X display {self.display}", pytrace=False)
        try:
            protocols = x.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
            delete = x.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
            pid_atom = x.XInternAtom(dpy, b"_NET_WM_PID", 0)
            root, parent = ctypes.c_ulong(), ctypes.c_ulong()
            children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
            x.XQueryTree(dpy, x.XDefaultRootWindow(dpy), ctypes.byref(root), ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count))
            windows = [children[i] for i in range(count.value)]
            if children:
                x.XFree(children)
            asked = 0
            for window in windows:
                if self._pid_of(dpy, window, pid_atom) == pid and delete in self._protocols(dpy, window):
                    event = XEvent()
                    event.xclient = XClientMessage(type=self.CLIENT_MESSAGE, send_event=1, display=dpy, window=window, message_type=protocols, format=32)
                    event.xclient.data[0] = delete
                    x.XSendEvent(dpy, window, 0, 0, ctypes.byref(event))
                    asked += 1
            x.XFlush(dpy)
            return asked
        finally:
            x.XCloseDisplay(dpy)

    def _pid_of(self, dpy: int, window: int, pid_atom: int) -> int | None:
        kind, fmt, items, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        XA_CARDINAL = 6
        status = self.x11.XGetWindowProperty(dpy, window, pid_atom, 0, 1, 0, XA_CARDINAL, ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(items), ctypes.byref(after), ctypes.byref(data))
        if status != 0 or not data:
            return None
        try:
            return ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if items.value == 1 and fmt.value == 32 else None
        finally:
            self.x11.XFree(data)

    def _protocols(self, dpy: int, window: int) -> list[int]:
        atoms, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_int()
        if not self.x11.XGetWMProtocols(dpy, window, ctypes.byref(atoms), ctypes.byref(count)):
            return []
        try:
            return [atoms[i] for i in range(count.value)]
        finally:
            self.x11.XFree(atoms)


class Screenshots:
    """Whole-screen PNGs of the Xvfb display (ImageMagick's `import`). WebDriver's own
    screenshot command is not used: it hangs when the web view paints without GPU compositing,
    which the app chooses on Linux."""

    def __init__(self, display: str):
        self.display = display
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob("*.png"):  # a previous run's pictures would mislead
            old.unlink()

    def take(self, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        if shutil.which("import") is None:
            return path
        time.sleep(0.15)  # let the last change paint
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)],
            check=False,
            timeout=20,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return path


class DriverServer:
    """tauri-driver on free ports, with the environment every app it starts inherits."""

    def __init__(self, display: str, home: Path):
        self.port = free_port()
        self.native_port = free_port()
        while self.native_port == self.port:
            self.native_port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("WEBKIT_DISABLE_")}
        env.pop("WAYLAND_DISPLAY", None)
        env.update(
            DISPLAY=display,
            DBUS_SESSION_BUS_ADDRESS="disabled:",
            NO_AT_BRIDGE="1",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_RUNTIME_DIR=str(home / "run"),
        )
        (home / "run").mkdir(mode=0o700, exist_ok=True)
        env.pop("NEWSROOM_DB", None)
        env["NEWSROOM_WORKSPACE"] = str(home / "Newsroom")
        # The native dialogs answer from this queue (debug builds only; see App.answer_dialog).
        self.dialog_answers = home / "dialog-answers.json"
        env["NEWSROOM_E2E_DIALOG_ANSWERS"] = str(self.dialog_answers)
        LOGS.mkdir(parents=True, exist_ok=True)
        self.log_path = LOGS / "tauri-driver.log"
        self.log = open(self.log_path, "w")
        tauri_driver = shutil.which("tauri-driver") or str(Path.home() / ".cargo/bin/tauri-driver")
        self.proc = subprocess.Popen(
            [tauri_driver, "--port", str(self.port), "--native-port", str(self.native_port)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

        def listening() -> bool:
            if self.proc.poll() is not None:
                pytest.fail(f"tauri-driver exited ({self.proc.returncode}):\n{self.log_tail()}", pytrace=False)
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", self.port)) == 0

        wait_for(listening, 15, "tauri-driver to listen")

    def app_pids(self) -> list[int]:
        return [p for p in descendants(self.proc.pid) if process_name(p) == APP_NAME and is_running(p)]

    def log_tail(self, lines: int = 30) -> str:
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def close(self) -> None:
        for pid in self.app_pids():
            kill_tree(pid)
        stop(self.proc)
        self.log.close()


@pytest.fixture(scope="session")
def home() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="newsroom-e2e-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """A private Xvfb; it picks a free display number itself (-displayfd)."""
    if not APP_BINARY.exists():
        pytest.fail(f"{APP_BINARY} is missing: build it with `cargo build -p newsroom-desktop`", pytrace=False)
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    with os.fdopen(read, "rb") as f:
        while not number.endswith(b"\n"):
            byte = f.read(1)
            if not byte:
                break
            number += byte
    if not number.strip():
        stop(proc)
        pytest.fail("Xvfb did not start (is the xvfb package installed?)", pytrace=False)
    yield f":{number.decode().strip()}"
    stop(proc)


@pytest.fixture(scope="session")
def driver_server(display: str, home: Path) -> Iterator[DriverServer]:
    server = DriverServer(display, home)
    yield server
    server.close()


@pytest.fixture(scope="session")
def screenshots(display: str) -> Screenshots:
    return Screenshots(display)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A fresh library database path (created by the first tool that opens it)."""
    return tmp_path / "library.db"


def workspace_of(db: Path) -> Path:
    """The workspace folder a test's app keeps beside its library."""
    return db.parent / "Newsroom"


@pytest.fixture
def workspace(library: Path) -> Path:
    """This test's workspace folder (the app creates it)."""
    return workspace_of(library)


@pytest.fixture
def cli(library: Path) -> Cli:
    return Cli(library)


@pytest.fixture
def launch(driver_server: DriverServer, library: Path, screenshots: Screenshots, request) -> Iterator[Callable[..., App]]:
    """Starts the app on this test's library (or `db`); every app started is closed afterwards."""
    apps: list[App] = []

    def start(db: Path | None = None, workspace: Path | None = None) -> App:
        app = App(driver_server, db or library, screenshots, workspace)
        apps.append(app)
        return app

    yield start
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for app in apps:
        if failed and app.pid and is_running(app.pid):
            app.screenshot(f"FAILED-{request.node.name}")
            try:
                print("toasts:", app.toasts())
            except Exception:
                pass
        app.quit()


@pytest.fixture
def app(launch: Callable[..., App]) -> App:
    return launch()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
