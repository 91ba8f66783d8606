#!/usr/bin/env bash
# Real-window end-to-end test: the binary under Xvfb, driven with xdotool, against the loopback
# VOD server (examples/loopback_vod). From the keyboard only: opens a project by its typed path
# (no file dialog exists here: the in-app browser opens with its path bar focused), selects
# the clip under the playhead, moves to the next clip, adds a marker and reaches the Produce
# confirmation (past the media-status warning), which Esc cancels. Then types a title,
# saves with Ctrl+S and checks the file (marker included); produces with Ctrl+Enter, confirms,
# and finds the MediaId in the job history; screenshots a clip's context menu and the markers
# list.
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
# No session bus and no portal: the editor must fall back to its own browser, and say so.
unset DBUS_SESSION_BUS_ADDRESS

PROJECT="$OUT/e2e.vodcut"
"$BIN" import assets/samples/timelines/cut-and-merge.json -o "$PROJECT"

# The loopback VOD server, and the editor pointed at it with its keys.
source scripts/e2e-lib.sh
start_loopback e2e

start_xvfb
"$BIN" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
trap stop_all EXIT
fail() { echo "e2e: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }

WID=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xdotool windowfocus --sync "$WID"
sleep 1.5
expect_title() {
  local want=$1 got=""
  for _ in $(seq 30); do got=$(xdotool getwindowname "$WID"); [ "$got" = "$want" ] && return 0; sleep 0.1; done
  fail "window title is '$got', expected '$want'"
}
import -window root "$OUT/00-start.png"

# Keyboard only, from opening the project to the Produce confirmation.
xdotool key ctrl+o; sleep 0.8
import -window root "$OUT/01-open-typed-path.png"
xdotool type --delay 10 "$PWD/$PROJECT"; xdotool key Return
expect_title "Untitled — e2e.vodcut — vodcut"
sleep 0.5
import -window root "$OUT/01-opened.png"
xdotool key d; sleep 0.2          # select the clip under the playhead
xdotool key ctrl+Right; sleep 0.2 # the next clip: selected, playhead at its start (4 s)
xdotool key m; sleep 0.3          # a marker there
import -window root "$OUT/02-keyboard.png"
# VOD is asked first whether the media are Normal: the loopback library does not know this
# sample's MediaIds, so a warning asks first (Continue is its default button).
xdotool key ctrl+Return; sleep 3
import -window root "$OUT/03-media-check-warning.png"
xdotool key Return; sleep 1.5
import -window root "$OUT/03-confirm-keyboard.png"
xdotool key Escape; sleep 1.5     # Cancel is the default: nothing is sent
ls "$VODCUT_DATA_DIR"/jobs/*.json >/dev/null 2>&1 && fail "Esc on the confirmation sent a production"

# Click the project title field (left panel, under "Project title") and type.
xdotool mousemove 120 78; sleep 0.5; xdotool click 1; sleep 1.2
xdotool type --delay 40 "Beach day"
sleep 0.5
expect_title "*Beach day — e2e.vodcut — vodcut"
import -window root "$OUT/04-typed.png"
xdotool key ctrl+s
for _ in $(seq 50); do grep -q '"Title": "Beach day"' "$PROJECT" && break; sleep 0.1; done
grep -q '"Title": "Beach day"' "$PROJECT" || fail "the project file does not hold the new title"
tr -d ' \n' < "$PROJECT" | grep -q '"Markers":\[{"Time":4,' || fail "the marker added from the keyboard is not at 4 s"
sleep 0.5
expect_title "Beach day — e2e.vodcut — vodcut"
import -window root "$OUT/05-saved.png"

# Produce: Ctrl+Enter opens the billed-production confirmation with Cancel focused;
# Shift+Tab focuses its Produce button and Enter presses it.
# (Generous pauses: the modal fades in, and a debug build on a busy machine is slow.)
xdotool key ctrl+Return; sleep 3
xdotool key Return; sleep 1.5     # Continue past the unknown-media warning
import -window root "$OUT/06-confirm.png"
xdotool key shift+Tab; sleep 0.8; xdotool key Return
MEDIA=""
for _ in $(seq 100); do
  MEDIA=$( (cat "$VODCUT_DATA_DIR"/jobs/*.json 2>/dev/null || true) | sed -n 's/.*"MediaId": "\([0-9a-f]*\)".*/\1/p' | head -1)
  [ -n "$MEDIA" ] && break; sleep 0.1
done
[ -n "$MEDIA" ] || fail "no MediaId in the job history ($(cat "$VODCUT_DATA_DIR"/jobs/*.json 2>/dev/null))"
grep -q '"State": "Submitted"' "$VODCUT_DATA_DIR"/jobs/*.json || fail "the job is not recorded as submitted"
sleep 0.8
import -window root "$OUT/07-produced.png"
# The ProjectId came back into the project: unsaved again, so the title has the marker.
expect_title "*Beach day — e2e.vodcut — vodcut"
xdotool key Escape; sleep 1.5

# A clip's context menu, and the markers list.
xdotool mousemove 290 548; sleep 0.3; xdotool click 3; sleep 1.5
import -window root "$OUT/08-context-menu.png"
xdotool key Escape; sleep 1
xdotool mousemove 1175 45; sleep 0.2; xdotool click 1; sleep 0.6
import -window root "$OUT/09-markers.png"
echo "e2e: passed; produced MediaId $MEDIA (screenshots in $OUT)"
