#!/usr/bin/env bash
# The system keychain, for real (issue 10): site secrets go to the operating system's keychain
# through the `keyring` crate, which on Linux speaks to a Secret Service over D-Bus. CI machines
# have neither, so this starts both for one test run: a private D-Bus session (dbus-run-session)
# with gnome-keyring's Secret Service unlocked by a throwaway password, its keyrings in a
# temporary folder, and runs tests/keychain.rs in it. Run by scripts/test.sh; safe to run twice.
# `--workspace`, as scripts/test.sh's `cargo test`: the same features, so nothing is built again
# (`-p newsroom` alone resolves the dependencies' features anew and rebuilt ~2 GB of them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
NEWSROOM_APT_NO_RECOMMENDS=1 ensure_apt_packages gnome-keyring dbus-daemon

keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
# The daemon lives as long as the session; --unlock reads the new login keyring's password.
XDG_DATA_HOME=$keyrings dbus-run-session -- bash -c '
  printf throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  NEWSROOM_KEYCHAIN_TEST=1 cargo test --workspace --locked -q --test keychain
'
