#!/usr/bin/env bash
# Real-window test of Go to timecode under Xvfb, driven with xdotool (issue 21): opens a
# project, presses Ctrl+G, types 00:00:05:12 and Enter, and checks that the playhead is at
# 5.48 s (frame-exact at 25 fps) in the file Ctrl+S writes; then a click on the preview's time
# display and "+10" (ten frames on, as in Premiere) puts it at 5.88 s; Ctrl+click on the
# display shows seconds. Screenshots land in target/e2e-timecode/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
OUT=target/e2e-timecode
rm -rf "$OUT"; mkdir -p "$OUT"
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
# Build before HOME changes below: cargo and rustup live in the real HOME.
[ -x "$BIN" ] || cargo build --locked --bin vodcut
[ -x "$SERVER_BIN" ] || cargo build --locked --example loopback_vod
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export HOME=$(mktemp -d)
unset DBUS_SESSION_BUS_ADDRESS

PROJECT="$OUT/tc.vodcut"
"$BIN" import assets/samples/timelines/cut-and-merge.json -o "$PROJECT"

source scripts/e2e-lib.sh
start_loopback e2e-timecode
start_xvfb
"$BIN" "$PROJECT" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
trap stop_all EXIT
fail() { echo "e2e-timecode: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }

WID=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xdotool windowfocus --sync "$WID"
for _ in $(seq 50); do [ "$(xdotool getwindowname "$WID")" = "Untitled — tc.vodcut — vodcut" ] && break; sleep 0.1; done
sleep 1.5
import -window root "$OUT/00-opened.png"

# The playhead as Ctrl+S writes it into the project file.
playhead() {
  rm -f "$OUT/saved"
  xdotool key ctrl+s
  for _ in $(seq 50); do
    tr -d ' \n' < "$PROJECT" | sed -n 's/.*"Playhead":\([0-9.]*\).*/\1/p' > "$OUT/saved"
    [ "$(cat "$OUT/saved")" = "$1" ] && return 0
    sleep 0.1
  done
  fail "the saved playhead is '$(cat "$OUT/saved")', expected $1"
}

# Ctrl+G, the timecode, Enter.
xdotool key ctrl+g; sleep 0.6
import -window root "$OUT/01-go-to-field.png"
xdotool type --delay 40 "00:00:05:12"; sleep 1
import -window root "$OUT/02-typed.png"
xdotool key Return; sleep 0.8
import -window root "$OUT/03-at-5.48.png"
playhead 5.48

# A click on the time display under the preview opens the same field: +10 is ten frames on.
# The display is the first thing under the picture, at its left edge.
xdotool mousemove "${DISPLAY_X:-330}" "${DISPLAY_Y:-417}"; sleep 0.4; xdotool click 1; sleep 0.6
import -window root "$OUT/04-display-clicked.png"
xdotool type --delay 40 "+10"; xdotool key Return; sleep 0.8
playhead 5.88
import -window root "$OUT/05-at-5.88.png"

# Ctrl+click on the display: times in seconds (View > Times in seconds), and back.
xdotool keydown ctrl; sleep 0.2; xdotool click 1; sleep 0.2; xdotool keyup ctrl; sleep 1
import -window root "$OUT/06-seconds.png"
for _ in $(seq 30); do grep -q '"time_unit": "Seconds"' "$VODCUT_DATA_DIR/settings.json" && break; sleep 0.1; done
grep -q '"time_unit": "Seconds"' "$VODCUT_DATA_DIR/settings.json" || fail "the unit was not saved in the settings"
xdotool keydown ctrl; sleep 0.2; xdotool click 1; sleep 0.2; xdotool keyup ctrl; sleep 1
echo "e2e-timecode: passed (screenshots in $OUT)"
