#!/usr/bin/env bash
# Real-window end-to-end test: the binary under Xvfb, driven with xdotool, against the loopback
# VOD server (examples/loopback_vod). Opens a project, types a title, saves with Ctrl+S and
# checks the file; then produces with Ctrl+Enter, confirms, and finds the MediaId in the job
# history.
# Screenshots land in target/e2e/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
# The debug binary that `cargo test` already built; BIN=target/release/vodcut to try a release one.
BIN=${BIN:-target/debug/vodcut}
OUT=target/e2e
rm -rf "$OUT"; mkdir -p "$OUT"
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
# Build before HOME changes below: cargo and rustup live in the real HOME.
[ -x "$BIN" ] || cargo build --locked --bin vodcut
[ -x "$SERVER_BIN" ] || cargo build --locked --example loopback_vod
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
# Keep the app's remembered layout and history out of the user's folders (from here on only
# vodcut and the loopback server run).
export HOME=$(mktemp -d)

PROJECT="$OUT/e2e.vodcut"
"$BIN" import assets/samples/timelines/cut-and-merge.json -o "$PROJECT"

# The loopback VOD server, and the editor pointed at it with its keys.
"$SERVER_BIN" > "$OUT/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do grep -q "^loopback VOD server at" "$OUT/server.out" && break; sleep 0.05; done
export VODCUT_ENDPOINT=$(sed -n 's/^loopback VOD server at //p' "$OUT/server.out")
export $(grep '^ALIBABA_CLOUD_ACCESS_KEY' "$OUT/server.out" | xargs)
export VODCUT_DATA_DIR="$OUT/data"
[ -n "$VODCUT_ENDPOINT" ] || { echo "e2e: the loopback server did not start" >&2; exit 1; }

exec 3> "$OUT/display.txt"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp > "$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$OUT/display.txt" ] && break; sleep 0.05; done
export DISPLAY=":$(cat "$OUT/display.txt")"
"$BIN" "$PROJECT" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
cleanup() {
  kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true
  kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT
fail() { echo "e2e: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }

WID=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xdotool windowfocus --sync "$WID"
sleep 1.5
import -window root "$OUT/01-opened.png"
expect_title() {
  local want=$1 got=""
  for _ in $(seq 30); do got=$(xdotool getwindowname "$WID"); [ "$got" = "$want" ] && return 0; sleep 0.1; done
  fail "window title is '$got', expected '$want'"
}
expect_title "Untitled — e2e.vodcut — vodcut"

# Click the Title field (left panel, under "Title") and type.
xdotool mousemove 120 82; sleep 0.3; xdotool click 1; sleep 0.2
xdotool type --delay 40 "Beach day"
sleep 0.5
expect_title "*Beach day — e2e.vodcut — vodcut"
import -window root "$OUT/02-typed.png"
xdotool key ctrl+s
for _ in $(seq 50); do grep -q '"Title": "Beach day"' "$PROJECT" && break; sleep 0.1; done
grep -q '"Title": "Beach day"' "$PROJECT" || fail "the project file does not hold the new title"
sleep 0.5
expect_title "Beach day — e2e.vodcut — vodcut"
import -window root "$OUT/03-saved.png"

# Produce: Ctrl+Enter opens the billed-production confirmation; Tab focuses its Produce
# button and Enter presses it.
xdotool key ctrl+Return; sleep 0.8
import -window root "$OUT/04-confirm.png"
xdotool key Tab; sleep 0.2; xdotool key Return
MEDIA=""
for _ in $(seq 100); do
  MEDIA=$( (cat "$VODCUT_DATA_DIR"/jobs/*.json 2>/dev/null || true) | sed -n 's/.*"MediaId": "\([0-9a-f]*\)".*/\1/p' | head -1)
  [ -n "$MEDIA" ] && break; sleep 0.1
done
[ -n "$MEDIA" ] || fail "no MediaId in the job history ($(cat "$VODCUT_DATA_DIR"/jobs/*.json 2>/dev/null))"
grep -q '"State": "Submitted"' "$VODCUT_DATA_DIR"/jobs/*.json || fail "the job is not recorded as submitted"
sleep 0.8
import -window root "$OUT/05-produced.png"
# The ProjectId came back into the project: unsaved again, so the title has the marker.
expect_title "*Beach day — e2e.vodcut — vodcut"
echo "e2e: passed; produced MediaId $MEDIA (screenshots in $OUT)"
