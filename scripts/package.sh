#!/usr/bin/env bash
# Builds the Debian package under target/debian/ with cargo-packager (installed once, if
# missing), from the settings in Cargo.toml ([package.metadata.packager]).
#   bash scripts/package.sh           release build, then the .deb (what to ship)
#   bash scripts/package.sh --dev     the .deb from the debug binary (CI: a cold release build
#                                     costs ~15 min on 2 cores; the package's layout is the
#                                     same, the binary slower)
# Prints the .deb's path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-packager >/dev/null 2>&1; then
  # Its own target folder, so the project's stays untouched; --locked: the versions it was
  # released with.
  CARGO_TARGET_DIR="${CARGO_PACKAGER_BUILD_DIR:-/tmp/cargo-packager-build}" \
    cargo install cargo-packager --locked --version 0.11.8
fi
out=target/debian
rm -rf "$out"
if [ "${1:-}" = "--dev" ]; then
  cargo build --locked --bin vodcut
  cargo packager --formats deb --binaries-dir target/debug --out-dir "$out" >&2
else
  cargo build --locked --release --bin vodcut
  cargo packager --release --formats deb --out-dir "$out" >&2
fi
deb=$(ls "$out"/*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || { echo "package.sh: cargo-packager made no .deb in $out" >&2; exit 1; }
echo "$deb"
