#!/usr/bin/env bash
# End-to-end tests of the desktop app: the real binary under a private Xvfb, driven through
# WebDriver (tauri-driver + WebKitWebDriver) by the pytest suite in tests/e2e/. Installs what it
# needs (skipping what is there), builds the web UI and the app once, then runs every test on
# that one binary. Works headless and without a terminal (CI=true, no DISPLAY, no stdin).
#
#   bash scripts/e2e.sh [pytest arguments, e.g. -k photos -x]
#   E2E_SKIP_BUILD=1 reuses ui/dist and target/debug as they are; E2E_SKIP_UI=1 reuses ui/dist only
#   (scripts/test.sh has built it).
# Screenshots of the main screens (and of any failing test) land in target/e2e-screenshots/,
# tauri-driver's log in target/e2e-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

# Running headless: the virtual display, WebKit's WebDriver, `import` for screenshots, and X's
# XTEST library, through which a test presses keys as a keyboard does (conftest.py, XTest).
ensure_apt_packages xvfb xauth webkit2gtk-driver imagemagick libxtst6
python3 -c 'import venv, ensurepip' 2>/dev/null || ensure_apt_packages python3-venv
ensure_tauri_driver

venv=target/e2e-venv
if [ ! -x "$venv/bin/python" ]; then
  echo "e2e: creating the Python environment in $venv"
  python3 -m venv "$venv"
fi
stamp=$venv/.requirements
if ! cmp -s tests/e2e/requirements.txt "$stamp"; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
  cp tests/e2e/requirements.txt "$stamp"
fi

if [ "${E2E_SKIP_BUILD:-}" != 1 ]; then
  if [ "${E2E_SKIP_UI:-}" != 1 ]; then
    echo "== e2e: building the web UI"
    build_ui
  fi
  echo "== e2e: building the app and the CLI (debug)"
  cargo build --locked -p newsroom-desktop -p newsroom --bins
fi

echo "== e2e: pytest tests/e2e"
cd tests/e2e
exec "../../$venv/bin/python" -m pytest "$@" </dev/null
