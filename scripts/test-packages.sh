#!/usr/bin/env bash
# Builds the Linux installers (scripts/package.sh: .deb and .rpm) and proves them on this
# Debian/Ubuntu machine:
#   .deb  installed for real with apt-get (its dependencies resolved from the archive): the binary,
#         the .desktop entry and the icons are where a desktop looks for them; the installed app
#         refuses to start without a display with its one-sentence message, and under xvfb-run it
#         opens its window and stays up; then the package is removed again.
#   .rpm  metadata, file list and requirements read with `rpm`, then installed into a scratch root
#         (`rpm --root`, no dependencies: this is not an RPM system), verified against the
#         package's digests, and its binary run.
# Ends with "N passed, N failed"; exits 1 if anything failed.
#
# Run by hand, not in CI (the Tauri CLI takes ~7 minutes to compile the first time):
#   bash scripts/test-packages.sh 2>&1 | tee target/test-packages.log
# It installs, then removes, the package `newsroom` on this machine (with sudo when not root).
# The app it starts uses a temporary library, HOME and no workspace folder: nothing of yours is
# read or written.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dpkg >/dev/null 2>&1; then
  echo "test-packages: this checks the Linux installers on Debian/Ubuntu; on macOS and Windows see docs/PLATFORMS-packaging.md" >&2
  exit 1
fi
source scripts/setup.sh # as_root, ensure_apt_packages
# rpm to read and install the .rpm; Xvfb and xwininfo to see the window; desktop-file-validate.
ensure_apt_packages rpm xvfb xauth x11-utils desktop-file-utils

passed=0
failed=0
scratch=$(mktemp -d)
installed_by_us=0

cleanup() {
  if [ "$installed_by_us" = 1 ] && dpkg-query -W -f='${Status}' newsroom 2>/dev/null | grep -q 'ok installed'; then
    echo "test-packages: removing the newsroom package installed by this run"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o DPkg::Lock::Timeout=300 newsroom >/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# check DESCRIPTION COMMAND...: runs COMMAND, counts it, and shows its output when it fails.
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "  ok    $what"
  else
    failed=$((failed + 1))
    echo "  FAIL  $what"
    # shellcheck disable=SC2001 # indents every line
    if [ -n "$out" ]; then sed 's/^/        | /' <<<"$out"; fi
  fi
  return 0
}

# proofer_answers PATH: the installed spelling checker, beside the app where the app looks for it,
# finds "teh" in a check request (crates/newsroom/src/proofing/wire.rs).
proofer_answers() {
  printf '%s\n' '{"request":"check","id":1,"language":"en_US","text":"The mayor met teh family."}' |
    "$1" | grep -q '"word":"teh"'
}

summary() {
  echo
  echo "test-packages: $passed passed, $failed failed"
  [ "$failed" = 0 ]
}

contains() { grep -qF -- "$2" <<<"$1" || { echo "expected to find: $2"; echo "in: $1"; return 1; }; }
is_file() { [ -f "$1" ] || { echo "missing: $1"; return 1; }; }
is_absent() { [ ! -e "$1" ] || { echo "still there: $1"; return 1; }; }
size_mib() { awk -v b="$(wc -c <"$1")" 'BEGIN { printf "%.1f MiB (%d bytes)", b / 1048576, b }'; }

# Every PNG icon in a list of installed paths has the size its hicolor folder names
# (NxN or NxN@2 for the double-density one), and 32x32 and 128x128 are among them.
icons_match_their_folders() {
  local root=$1 list=$2 icon dir want got n=0
  while IFS= read -r icon; do
    [ -n "$icon" ] || continue
    dir=$(basename "$(dirname "$(dirname "$icon")")") # e.g. 128x128 or 256x256@2
    want=${dir%@2}
    got=$(file -b "$root$icon" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1x\2/p')
    if [ "$got" != "$want" ]; then
      echo "$icon is ${got:-not a PNG} but lies in $dir"
      return 1
    fi
    n=$((n + 1))
  done < <(grep '^/usr/share/icons/hicolor/.*/apps/newsroom-app\.png$' <<<"$list")
  contains "$list" /usr/share/icons/hicolor/32x32/apps/newsroom-app.png &&
    contains "$list" /usr/share/icons/hicolor/128x128/apps/newsroom-app.png &&
    echo "$n icons"
}

# The installed app run with no display: exit status 1, the sentence from src-tauri/src/display.rs,
# and no library created.
refuses_without_display() {
  local binary=$1 dir=$scratch/no-display-$RANDOM status=0
  mkdir -p "$dir/home"
  env -u DISPLAY -u WAYLAND_DISPLAY HOME="$dir/home" XDG_DATA_HOME="$dir/home/data" \
    "$binary" --db "$dir/library.db" --no-workspace </dev/null >"$dir/out" 2>"$dir/err" || status=$?
  cat "$dir/err"
  [ "$status" = 1 ] || { echo "exit status $status, expected 1"; return 1; }
  grep -q 'Newsroom needs a graphical display' "$dir/err" || { echo "no 'needs a graphical display' message"; return 1; }
  grep -q 'xvfb-run' "$dir/err" || { echo "the message does not mention xvfb-run"; return 1; }
  ! grep -qi 'panicked\|Gtk-WARNING' "$dir/err" || { echo "a panic or GTK warning instead of the message"; return 1; }
  is_absent "$dir/library.db"
}

# Under a private Xvfb (xvfb-run): the installed app maps a window titled "Newsroom" within
# 30 s, creates its library, and is still running 5 s after the window appeared; then it is
# stopped. The app's own stderr is shown on failure.
starts_under_xvfb() {
  local dir=$scratch/xvfb
  mkdir -p "$dir/home/run" && chmod 700 "$dir/home/run"
  # shellcheck disable=SC2016 # expanded by the inner shell
  xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp" env \
    HOME="$dir/home" XDG_CONFIG_HOME="$dir/home/config" XDG_DATA_HOME="$dir/home/data" \
    XDG_CACHE_HOME="$dir/home/cache" XDG_RUNTIME_DIR="$dir/home/run" \
    DBUS_SESSION_BUS_ADDRESS=disabled: DIR="$dir" bash -c '
      /usr/bin/newsroom-app --db "$DIR/library.db" --no-workspace </dev/null >"$DIR/app.out" 2>"$DIR/app.err" &
      app=$!
      echo "$app" >"$DIR/app.pid"
      for _ in $(seq 1 300); do
        if xwininfo -root -tree 2>/dev/null | grep -q "\"Newsroom\""; then
          echo window >"$DIR/window"
          break
        fi
        kill -0 "$app" 2>/dev/null || break
        sleep 0.1
      done
      if [ -f "$DIR/window" ]; then
        sleep 5
        kill -0 "$app" 2>/dev/null && echo alive >"$DIR/alive"
      fi
      [ -f "$DIR/library.db" ] && echo db >"$DIR/db"
      # Stop the app and what it started (WebKit'"'"'s web and network processes), by PID.
      kids=$(ps -o pid= --ppid "$app" 2>/dev/null || true)
      kill -TERM "$app" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$app" $kids 2>/dev/null || true
      wait "$app" 2>/dev/null || true
    '
  local problems=()
  [ -f "$dir/window" ] || problems+=("no window titled Newsroom appeared within 30 s")
  [ -f "$dir/alive" ] || problems+=("the app was not running 5 s after its window appeared")
  [ -f "$dir/db" ] || problems+=("the app did not create its library at --db")
  if [ ${#problems[@]} -gt 0 ]; then
    printf '%s\n' "${problems[@]}"
    echo "app stderr:"
    cat "$dir/app.err" 2>/dev/null
    return 1
  fi
}

echo "== test-packages: building the installers (scripts/package.sh)"
mark=$scratch/started
touch "$mark"
if ! NEWSROOM_BUNDLES=deb,rpm bash scripts/package.sh; then
  failed=$((failed + 1))
  echo "  FAIL  scripts/package.sh built the .deb and the .rpm"
  summary
  exit 1
fi
deb=$(find target/release/bundle/deb -maxdepth 1 -name '*.deb' -newer "$mark" | head -n 1)
rpm=$(find target/release/bundle/rpm -maxdepth 1 -name '*.rpm' -newer "$mark" | head -n 1)
check "package.sh wrote a .deb ($deb)" test -n "$deb"
check "package.sh wrote an .rpm ($rpm)" test -n "$rpm"
if [ -z "$deb" ] || [ -z "$rpm" ]; then
  summary
  exit 1
fi
deb=$(realpath "$deb")
rpm=$(realpath "$rpm")

echo
echo "== .deb: $deb, $(size_mib "$deb")"
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends Section | sed 's/^/   /'
check "the package is called newsroom" test "$(dpkg-deb -f "$deb" Package)" = newsroom
check "it depends on WebKitGTK 4.1 and GTK 3" contains "$(dpkg-deb -f "$deb" Depends)" "libwebkit2gtk-4.1-0"
check "it depends on glibc 2.36, which loads packed relocations" contains "$(dpkg-deb -f "$deb" Depends)" "libc6 (>= 2.36)"
check "it ships /usr/bin/newsroom-app" contains "$(dpkg-deb -c "$deb")" "usr/bin/newsroom-app"

if dpkg-query -W -f='${Status}' newsroom 2>/dev/null | grep -q 'ok installed'; then
  echo "   note: a newsroom package was already installed; it is replaced now and removed at the end"
fi
installed_by_us=1
check "apt-get installs it with its dependencies" \
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$deb"
check "dpkg lists newsroom $(dpkg-deb -f "$deb" Version) as installed" test \
  "$(dpkg-query -W -f='${Status} ${Version}' newsroom 2>/dev/null)" = "install ok installed $(dpkg-deb -f "$deb" Version)"
check "/usr/bin/newsroom-app is an executable ELF binary" \
  bash -c 'test -x /usr/bin/newsroom-app && file -b /usr/bin/newsroom-app | grep -q "^ELF"'
check "every library it links is found (ldd)" bash -c '! ldd /usr/bin/newsroom-app | grep "not found"'
check "its spelling checker /usr/bin/newsroom-proofer answers a check" proofer_answers /usr/bin/newsroom-proofer
desktop=/usr/share/applications/Newsroom.desktop
check "the menu entry $desktop is installed" is_file "$desktop"
check "desktop-file-validate accepts it" desktop-file-validate "$desktop"
check "it runs newsroom-app with the newsroom-app icon" \
  bash -c "grep -qx 'Exec=newsroom-app' '$desktop' && grep -qx 'Icon=newsroom-app' '$desktop'"
check "the icons are installed, each the size of its folder" icons_match_their_folders "" "$(dpkg -L newsroom)"
check "without a display it exits 1 with the xvfb-run message" refuses_without_display /usr/bin/newsroom-app
check "under xvfb-run it opens its window and stays up" starts_under_xvfb
check "apt-get removes it" as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq -o DPkg::Lock::Timeout=300 newsroom
check "the binary, menu entry and icons are gone" bash -c \
  "test ! -e /usr/bin/newsroom-app && test ! -e '$desktop' && ! ls /usr/share/icons/hicolor/*/apps/newsroom-app.png 2>/dev/null"
installed_by_us=0

echo
echo "== .rpm: $rpm, $(size_mib "$rpm")"
rpm -qip "$rpm" 2>/dev/null | sed -n 's/^\(Name\|Version\|Release\|Architecture\|Size\|License\|Summary\) *:/   \1:/p'
rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
rpm_requires=$(rpm -qpR "$rpm" 2>/dev/null)
check "its digests are intact (rpm -K)" bash -c "rpm -K --nosignature '$rpm' | grep -q 'digests OK'"
check "the package is called newsroom, release 1, x86_64" \
  test "$(rpm -qp --qf '%{NAME} %{RELEASE} %{ARCH}' "$rpm" 2>/dev/null)" = "newsroom 1 $(uname -m)"
check "it ships /usr/bin/newsroom-app" contains "$rpm_files" /usr/bin/newsroom-app
check "it ships the spelling checker /usr/bin/newsroom-proofer" contains "$rpm_files" /usr/bin/newsroom-proofer
check "it ships the menu entry" contains "$rpm_files" /usr/share/applications/Newsroom.desktop

root=$scratch/rpm-root
install_into_scratch_root() {
  local force_debian=()
  # Debian's rpm refuses to install packages unless told it is meant (here: not into this system).
  rpm --help 2>/dev/null | grep -q -- --force-debian && force_debian=(--force-debian)
  rpm --root "$root" --initdb &&
    rpm -i --nodeps ${force_debian[@]+"${force_debian[@]}"} --root "$root" "$rpm"
}
check "rpm -i --nodeps installs it into a scratch root" install_into_scratch_root
check "the scratch root's rpm database lists it" rpm --root "$root" -q newsroom
check "every installed file matches the package (rpm -V; dependencies are not installed here)" rpm --root "$root" -V --nodeps newsroom
check "/usr/bin/newsroom-app is there and executable" test -x "$root/usr/bin/newsroom-app"
check "its spelling checker answers a check" proofer_answers "$root/usr/bin/newsroom-proofer"
check "the menu entry is there and valid" desktop-file-validate "$root/usr/share/applications/Newsroom.desktop"
check "the icons are there, each the size of its folder" icons_match_their_folders "$root" "$rpm_files"
# The Tauri CLI names the shared libraries the app needs (rpm has no automatic requirements
# here): each WebKitGTK and GTK library the binary links must be required by its soname.
requires_what_it_links() {
  local lib n=0
  for lib in $(readelf -d "$root/usr/bin/newsroom-app" | sed -n 's/.*(NEEDED).*\[\(lib\(webkit2gtk\|gtk-3\)[^]]*\)\].*/\1/p'); do
    contains "$rpm_requires" "$lib()(64bit)" || return 1
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || { echo "the binary links no WebKitGTK or GTK library?"; return 1; }
  echo "$rpm_requires"
}
check "it requires the WebKitGTK and GTK libraries the binary links" requires_what_it_links
check "it requires glibc 2.36, which loads packed relocations" contains "$rpm_requires" "glibc >= 2.36"
check "its binary runs here: without a display, the xvfb-run message" refuses_without_display "$root/usr/bin/newsroom-app"

echo
echo "sizes: .deb $(size_mib "$deb"), .rpm $(size_mib "$rpm")"
summary
