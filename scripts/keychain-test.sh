#!/usr/bin/env bash
# The real system keychain: gnome-keyring's Secret Service, headless in a private D-Bus session
# (unlocked with a throwaway password, in a throwaway HOME), then the store, read back and
# delete test against it; and the same store with no bus at all, which must say "unavailable".
# Needs dbus (dbus-run-session) and gnome-keyring (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home" timeout 300 dbus-run-session -- bash -c '
  echo -n "throwaway-ci-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  VODCUT_TEST_SYSTEM_KEYCHAIN=1 cargo test --locked --lib desktop::keychain::tests::system_keychain_round_trip -- --nocapture
' 2>&1 | grep -v "Failed to set fd limit"
env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR="$home" VODCUT_TEST_NO_KEYCHAIN=1 \
  cargo test --locked --lib desktop::keychain::tests::system_keychain_without -- --nocapture
