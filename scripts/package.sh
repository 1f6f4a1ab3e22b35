#!/usr/bin/env bash
# Builds Newsroom's installers for this machine's platform with the Tauri CLI (tauri.conf.json's
# "bundle" section says how each is made; docs/PLATFORMS-packaging.md says how to sign them):
#
#   Linux (Debian/Ubuntu)  .deb and .rpm        target/release/bundle/deb/, target/release/bundle/rpm/
#   macOS                  .app and .dmg        target/release/bundle/macos/, target/release/bundle/dmg/
#   Windows (Git Bash)     .msi (WiX) and .exe  target/release/bundle/msi/, target/release/bundle/nsis/
#                          (NSIS)
#
#   bash scripts/package.sh                       the host's architecture
#   NEWSROOM_TARGET=universal-apple-darwin bash scripts/package.sh
#                                                 one macOS build for Apple silicon and Intel
#                                                 (bundles under target/universal-apple-darwin/release/)
#   NEWSROOM_BUNDLES=deb bash scripts/package.sh  only some of the host's bundles
#
# The Tauri CLI takes ~7 minutes to compile the first time, so it is installed here, on the
# packaging path only, never by the tests. Safe to run again: installs only what is missing, and
# cargo rebuilds only what changed. Ends by listing the installers this run wrote.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux) host=linux bundles=deb,rpm ;;
  Darwin) host=macos bundles=app,dmg ;;
  MINGW* | MSYS* | CYGWIN*) host=windows bundles=msi,nsis ;;
  *)
    echo "package: no installers are configured for $(uname -s)" >&2
    exit 1
    ;;
esac
bundles=${NEWSROOM_BUNDLES:-$bundles}

if [ "$host" = linux ]; then
  # Debian packages (WebKitGTK), Rust, and build_ui. Building the .rpm needs nothing more: the
  # Tauri CLI writes it itself (the `rpm` crate), without rpmbuild.
  source scripts/setup.sh
  build_ui
else
  # setup.sh speaks apt; on macOS and Windows, Rust (rustup) and Node.js 20.19+ are installed by
  # hand (docs/PLATFORMS-packaging.md). The web UI is built the way setup.sh's build_ui does.
  for tool in cargo node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "package: $tool is missing; see docs/PLATFORMS-packaging.md for what to install" >&2
      exit 1
    fi
  done
  if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    (cd ui && npm ci --no-audit --no-fund)
  fi
  (cd ui && npm run --silent build)
fi

if ! cargo tauri --version 2>/dev/null | grep -q '^tauri-cli 2\.'; then
  echo "package: installing the Tauri CLI 2 (first time only, ~7 minutes)"
  cargo install --locked tauri-cli --version "^2"
fi

target_args=()
out=target/release/bundle
if [ -n "${NEWSROOM_TARGET:-}" ]; then
  if [ "$NEWSROOM_TARGET" = universal-apple-darwin ] && command -v rustup >/dev/null 2>&1; then
    rustup target add aarch64-apple-darwin x86_64-apple-darwin
  elif command -v rustup >/dev/null 2>&1; then
    rustup target add "$NEWSROOM_TARGET"
  fi
  target_args=(--target "$NEWSROOM_TARGET")
  out=target/$NEWSROOM_TARGET/release/bundle
fi

# The spelling checker ships beside the app (src/proofer.rs in crates/newsroom): the Tauri CLI
# takes it as an "external binary", named for the target it was built for, and installs it next to
# the app's own binary without that suffix, where the app looks for it. Named here rather than in
# tauri.conf.json, because tauri-build refuses a named binary that is missing, and a plain
# `cargo build` of the app has not built it yet. It is built in one cargo run with the app's
# package, as scripts/run.sh and the benches build it, so that its dependencies' features are the
# app's: the checker that ships is the binary those measure (BENCHMARKS.md, issue 12).
proofer_build=(cargo build --release --locked -p newsroom-desktop -p newsroom --bin newsroom-proofer)
triple=${NEWSROOM_TARGET:-$(rustc -vV | sed -n 's/^host: //p')}
exe=
if [ "$host" = windows ]; then exe=.exe; fi
proofer=target/external-bin/newsroom-proofer
mkdir -p target/external-bin
if [ "$triple" = universal-apple-darwin ]; then
  for arch in aarch64-apple-darwin x86_64-apple-darwin; do
    "${proofer_build[@]}" --target "$arch"
  done
  lipo -create -output "$proofer-$triple" \
    target/aarch64-apple-darwin/release/newsroom-proofer target/x86_64-apple-darwin/release/newsroom-proofer
else
  "${proofer_build[@]}" ${target_args[@]+"${target_args[@]}"}
  built=target/${NEWSROOM_TARGET:+$NEWSROOM_TARGET/}release/newsroom-proofer$exe
  cp "$built" "$proofer-$triple$exe"
fi
external_bin="{\"bundle\":{\"externalBin\":[\"$proofer\"]}}"

# Installers written by this run are the ones newer than this mark (an older version's
# installers may still lie in the same folders).
mkdir -p target
mark=target/.package-started
touch "$mark"
echo "package: cargo tauri build --bundles $bundles --config $external_bin ${target_args[*]:-}"
cargo tauri build --bundles "$bundles" --config "$external_bin" ${target_args[@]+"${target_args[@]}"} -- --locked

# Every bundle asked for must have been written by this run (folder and name as the Tauri CLI
# names them).
failed=0
echo "package: installers written:"
for bundle in ${bundles//,/ }; do
  case "$bundle" in
    deb) dir=deb pattern='*.deb' ;;
    rpm) dir=rpm pattern='*.rpm' ;;
    app) dir=macos pattern='*.app' ;;
    dmg) dir=dmg pattern='*.dmg' ;;
    msi) dir=msi pattern='*.msi' ;;
    nsis) dir=nsis pattern='*-setup.exe' ;;
    *) dir=$bundle pattern='*' ;;
  esac
  found=$(find "$out/$dir" -mindepth 1 -maxdepth 1 -name "$pattern" -newer "$mark" 2>/dev/null | sort)
  if [ -z "$found" ]; then
    echo "  $bundle: MISSING (nothing new in $out/$dir)" >&2
    failed=1
    continue
  fi
  while IFS= read -r file; do
    if [ -d "$file" ]; then
      echo "  $file ($(du -sk "$file" | cut -f1) KiB folder)"
    else
      echo "  $file ($(wc -c <"$file" | tr -d ' ') bytes)"
    fi
  done <<<"$found"
done
exit "$failed"
