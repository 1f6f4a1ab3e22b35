#!/usr/bin/env bash
# Type-checks the whole workspace (core, CLI, desktop app, tests and benches) for Windows and
# both macOS architectures with clippy's warnings as errors, from this Linux machine. Run by
# scripts/test.sh; on its own: `bash scripts/cross-check.sh [TARGET...]`.
#
# Checked, not linked (there is no Apple SDK here): this proves the code compiles and is
# lint-clean on each platform. The core's tests run as Windows binaries in
# scripts/test-windows.sh. First run ~10 minutes on 2 cores (std and every dependency, for
# three targets), then seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/cross-env.sh
ensure_zig

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(x86_64-pc-windows-gnu aarch64-apple-darwin x86_64-apple-darwin)

# The app embeds ui/dist when it compiles.
[ -f ui/dist/index.html ] || build_ui

for target in "${targets[@]}"; do
  echo "== cross-check: $target"
  # missing_const_for_thread_local: Debian's clippy 1.96 flags `thread_local!` values that
  # are already `const { }` when std is built for the target (a false positive).
  /usr/bin/cargo-clippy clippy -Zbuild-std=std,panic_abort --target "$target" \
    --workspace --all-targets --locked --quiet -- -D warnings \
    -A clippy::missing_const_for_thread_local
done
echo "cross-check: ${#targets[@]} targets clean"
