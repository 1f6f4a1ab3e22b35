#!/usr/bin/env bash
# Sourced by cross-check.sh and test-windows.sh: the tools that build Newsroom for Windows and
# macOS on a Debian/Ubuntu machine, installed when missing, and the environment that uses them.
#
# Rustup cannot add targets here, so Debian's second Rust toolchain (`rustc-web`, with the
# standard library's source) builds `std` for each target itself (`-Zbuild-std`, allowed on a
# stable compiler by RUSTC_BOOTSTRAP=1). The bundled SQLite needs a C compiler for the target:
# mingw-w64 for Windows, zig (from PyPI) for macOS, which ships macOS's libc headers.
# Everything built lands in NEWSROOM_CROSS_CACHE (default ~/.cache/newsroom-cross), outside
# the checkout, so a second run (or the next clone on this machine) only rebuilds what changed.
# See ../shared/notes/cross-platform.md and docs/PLATFORMS.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

CROSS_CACHE=${NEWSROOM_CROSS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsroom-cross}
mkdir -p "$CROSS_CACHE/bin"

ensure_apt_packages rustc-web cargo-web rust-web-src rust-web-clippy gcc-mingw-w64-x86-64

# Debian's toolchain is called by full path: rustup's stays first on PATH for everything else.
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO=/usr/bin/cargo
export CARGO_TARGET_DIR=$CROSS_CACHE/target
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc

# zig as the C compiler for macOS, in a virtual environment of its own.
ensure_zig() {
  local venv=$CROSS_CACHE/zig-venv
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -m ziglang version >/dev/null 2>&1; then
    python3 -c 'import venv, ensurepip' 2>/dev/null || ensure_apt_packages python3-venv
    echo "cross: installing zig (PyPI's ziglang) in $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'ziglang==0.17.1'
  fi
  # zig takes its own -target, not the --target=/-arch flags the cc crate passes.
  local arch
  for arch in aarch64 x86_64; do
    cat >"$CROSS_CACHE/bin/cc-$arch-macos" <<WRAP
#!/bin/sh
args=""
for a in "\$@"; do case "\$a" in --target=*|-arch|arm64|x86_64) ;; *) args="\$args '\$a'";; esac; done
eval exec "$venv/bin/python" -m ziglang cc -target $arch-macos \$args
WRAP
    chmod +x "$CROSS_CACHE/bin/cc-$arch-macos"
  done
  printf '#!/bin/sh\nexec "%s/bin/python" -m ziglang ar "$@"\n' "$venv" >"$CROSS_CACHE/bin/ar-zig"
  chmod +x "$CROSS_CACHE/bin/ar-zig"
  export CC_aarch64_apple_darwin=$CROSS_CACHE/bin/cc-aarch64-macos
  export CC_x86_64_apple_darwin=$CROSS_CACHE/bin/cc-x86_64-macos
  export AR_aarch64_apple_darwin=$CROSS_CACHE/bin/ar-zig AR_x86_64_apple_darwin=$CROSS_CACHE/bin/ar-zig
}
