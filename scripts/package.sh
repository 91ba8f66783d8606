#!/usr/bin/env bash
# Builds the Debian package under target/debian/ with dpkg-deb, from the files in assets/ and
# the name, version and description in Cargo.toml.
#   bash scripts/package.sh           release build, then the .deb (what to ship)
#   bash scripts/package.sh --dev     the .deb from the debug binary, built if missing (CI: a cold release build
#                                     costs ~15 min on 2 cores; the package's layout is the
#                                     same, the binary slower)
# Prints the .deb's path on the last line.
#
# Why dpkg-deb and not cargo-packager: a .deb is an ar archive of a control file and a file
# tree; dpkg-deb (part of dpkg, on every Debian machine) makes it in a second, while installing
# cargo-packager compiled ~320 crates on every fresh CI machine (several minutes of a 2-core
# run). The macOS and Windows packages stay configured for cargo-packager in Cargo.toml
# ([package.metadata.packager]); they are not built here.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--dev" ]; then
  # The debug binary `cargo test` built (the test command runs first) is used as it is: a plain
  # `cargo build` would compile ~100 crates again, because the tests' dev-dependencies turn on
  # other features of egui and wgpu.
  [ -x target/debug/vodcut ] || cargo build --locked --bin vodcut >&2
  bin=target/debug/vodcut
else
  cargo build --locked --release --bin vodcut >&2
  bin=target/release/vodcut
fi
field() { sed -n "s/^$1 = \"\(.*\)\"/\1/p" Cargo.toml | head -1; }
version=$(field version)
arch=$(dpkg --print-architecture)
out=target/debian
root="$out/root"
rm -rf "$out"
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/mime/packages" "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/vodcut"
install -m 0755 "$bin" "$root/usr/bin/vodcut"
install -m 0644 assets/linux/vodcut.desktop "$root/usr/share/applications/vodcut.desktop"
install -m 0644 assets/linux/vodcut.xml "$root/usr/share/mime/packages/vodcut.xml"
install -m 0644 assets/icon/vodcut.svg "$root/usr/share/icons/hicolor/scalable/apps/vodcut.svg"
for s in 16 24 32 48 64 128 256 512; do
  install -d "$root/usr/share/icons/hicolor/${s}x${s}/apps"
  install -m 0644 "assets/icon/vodcut-$s.png" "$root/usr/share/icons/hicolor/${s}x${s}/apps/vodcut.png"
done
install -m 0644 README.md "$root/usr/share/doc/vodcut/README.md"
install -m 0644 LICENSE "$root/usr/share/doc/vodcut/copyright"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# No maintainer scripts: Debian's shared-mime-info, desktop-file-utils and hicolor-icon-theme
# refresh their caches through dpkg triggers on the folders above.
cat > "$root/DEBIAN/control" <<EOF
Package: vodcut
Version: $version
Architecture: $arch
Maintainer: vodcut developers <vodcut@users.noreply.github.com>
Installed-Size: $size
Depends: libc6, libgcc-s1
Section: video
Priority: optional
Description: $(field description)
 Lay out cloud media on tracks, save projects locally and produce them with
 ProduceEditingProjectVideo. The same engine runs headless from the command line.
EOF
deb="$out/vodcut_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$deb" >&2
rm -rf "$root"
echo "$deb"
