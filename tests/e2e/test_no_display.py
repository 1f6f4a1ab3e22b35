"""Started where no display is reachable (a server, a plain SSH session), the app says what to do
instead of letting GTK abort."""

import os
import subprocess

from conftest import APP_BINARY


def test_without_a_display_the_app_explains_how_to_run_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["NEWSROOM_DB"] = str(tmp_path / "library.db")
    run = subprocess.run(
        [str(APP_BINARY)], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30
    )
    assert run.returncode != 0, f"the app exited with 0 without a display; stderr: {run.stderr!r}"
    assert "xvfb-run" in run.stderr, f"the message does not mention xvfb-run: {run.stderr!r}"
    assert "panicked" not in run.stderr and "Gtk-WARNING" not in run.stderr, run.stderr
    assert not (tmp_path / "library.db").exists(), "the library was touched although the app could not start"
