#!/usr/bin/env bash
# Builds the Debian package under target/debian/ with cargo-deb (installed once, if missing).
#   bash scripts/package.sh           release build, then the .deb (what to ship)
#   bash scripts/package.sh --dev     the .deb from the debug binary already built by
#                                     `cargo build` (CI: a cold release build costs ~15 min on
#                                     2 cores; the package's layout is the same, the binary slower)
# Prints the .deb's path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-deb >/dev/null 2>&1; then
  # Its own target folder, so the project's stays untouched; --locked: the versions it was
  # released with.
  CARGO_TARGET_DIR="${CARGO_DEB_BUILD_DIR:-/tmp/cargo-deb-build}" cargo install cargo-deb --locked --version 3.8.0
fi
if [ "${1:-}" = "--dev" ]; then
  cargo build --locked --bin vodcut
  # --no-strip: stripping is a release concern; keeps the step quick and the backtraces named.
  # cargo-deb warns that dev profiles are discouraged (pinned to 3.8.0 above, where it works).
  out=$(cargo deb --no-build --profile dev --no-strip 2>&1 | tee /dev/stderr | tail -1)
else
  out=$(cargo deb --locked 2>&1 | tee /dev/stderr | tail -1)
fi
[ -f "$out" ] || { echo "package.sh: cargo-deb did not report a .deb ($out)" >&2; exit 1; }
echo "$out"
