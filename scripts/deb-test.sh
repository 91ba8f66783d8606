#!/usr/bin/env bash
# The Debian package, tested as a user installs it (run as root, as CI does): builds the .deb
# from the debug binary (scripts/package.sh --dev), installs it with dpkg -i, checks every
# file is in place (desktop entry valid, icons, MIME type known to the MIME database),
# runs `vodcut --version` from the installed path, removes it (purge) and checks nothing is left.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
deb=$(bash scripts/package.sh --dev | tail -1)
echo "deb-test: installing $deb"
$SUDO dpkg -i "$deb" >/dev/null
FILES=(/usr/bin/vodcut /usr/share/applications/vodcut.desktop /usr/share/mime/packages/vodcut.xml
       /usr/share/icons/hicolor/scalable/apps/vodcut.svg)
for s in 16 24 32 48 64 128 256 512; do FILES+=("/usr/share/icons/hicolor/${s}x${s}/apps/vodcut.png"); done
for f in "${FILES[@]}"; do [ -f "$f" ] || fail "$f is not installed"; done
desktop-file-validate /usr/share/applications/vodcut.desktop || fail "the desktop entry does not validate"
grep -q '^MimeType=application/x-vodcut;' /usr/share/applications/vodcut.desktop || fail "no MIME type in the desktop entry"
# dpkg's trigger ran update-mime-database: the type is in the database, *.vodcut maps to it.
[ -f /usr/share/mime/application/x-vodcut.xml ] || fail "the MIME database does not know application/x-vodcut"
grep -q 'application/x-vodcut' /usr/share/mime/globs2 && grep 'application/x-vodcut' /usr/share/mime/globs2 | grep -q '\*\.vodcut' \
  || fail "*.vodcut is not mapped to application/x-vodcut"
# dpkg's trigger ran update-desktop-database: double-clicking a .vodcut opens vodcut.
grep -q 'application/x-vodcut=vodcut.desktop' /usr/share/applications/mimeinfo.cache || fail "vodcut is not the handler of *.vodcut"
got=$(/usr/bin/vodcut --version) || fail "vodcut --version failed from /usr/bin"
[ "$got" = "vodcut $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)" ] || fail "vodcut --version printed '$got'"
echo "deb-test: installed; /usr/bin/vodcut --version: $got"
# --purge: nothing of the package is left, not even its record in dpkg.
$SUDO dpkg --purge vodcut >/dev/null
for f in "${FILES[@]}"; do [ ! -e "$f" ] || fail "$f is left after dpkg -r"; done
[ ! -e /usr/share/mime/application/x-vodcut.xml ] || fail "the MIME type is left in the database after dpkg -r"
! grep -q 'vodcut.desktop' /usr/share/applications/mimeinfo.cache 2>/dev/null || fail "the handler is left after dpkg -r"
! dpkg-query -W vodcut >/dev/null 2>&1 || fail "dpkg still lists the package: $(dpkg-query -W -f='${Status}' vodcut)"
echo "deb-test: removed cleanly"
