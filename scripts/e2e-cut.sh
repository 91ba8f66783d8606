#!/usr/bin/env bash
# Real-window check of cutting like an editor: the editor under Xvfb, driven with xdotool.
# A Ctrl-drop from the media bin inserts (the clip it lands in is split, later clips move
# right), a click in a gap picks it and Delete closes it, W ripple-trims the next edit to the
# playhead, and Ctrl+Shift+V pastes inserting at the playhead. After each step the project is
# saved (Ctrl+S) and the clips' places in the file are checked. Screenshots land in
# target/e2e-cut/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-cut
source scripts/e2e-lib.sh
prepare_run

# V1: Beach [0,4), Waves [6,9); A1: Theme [0,5). The bin also holds Gulls, 3 s.
PROJECT="$OUT/cut.vodcut"
cat > "$PROJECT" <<'EOF'
{
  "FormatVersion": 1,
  "Title": "Cut",
  "Tracks": [
    {"Kind": "Video", "Name": "V1", "Clips": [
      {"MediaId": "c0000000000000000000000000000001", "In": 0, "Out": 4},
      {"MediaId": "c0000000000000000000000000000002", "In": 0, "Out": 3, "TimelineIn": 6}]},
    {"Kind": "Audio", "Name": "A1", "Clips": [
      {"MediaId": "c0000000000000000000000000000003", "In": 0, "Out": 5}]}
  ],
  "Bin": [
    {"MediaId": "c0000000000000000000000000000001", "Title": "Beach", "Duration": 20, "Kind": "Video"},
    {"MediaId": "c0000000000000000000000000000002", "Title": "Waves", "Duration": 20, "Kind": "Video"},
    {"MediaId": "c0000000000000000000000000000003", "Title": "Theme", "Duration": 20, "Kind": "Audio"},
    {"MediaId": "c0000000000000000000000000000004", "Title": "Gulls", "Duration": 3, "Kind": "Video"}
  ],
  "Zoom": 50
}
EOF

start_loopback e2e-cut
start_xvfb
open_editor e2e-cut "$PROJECT"
sleep 2
import -window root "$OUT/00-start.png"

# Where things are in the 1280x800 window: the timeline opens fitted to the project's 9 s,
# so time t is at x = 178 + 115.5 t; the ruler is at y 519, V1's row at 555. The bin's Gulls
# is its fourth entry.
x_at() { awk -v t="$1" 'BEGIN { printf "%d", 178 + 115.5 * t + 0.5 }'; }
V1=555
RULER=519
GULLS_X=90
GULLS_Y=302

drag() { # from x y, to x y, with the keys in $5 held (or none)
  [ -n "${5:-}" ] && xdotool keydown "$5"
  # Slow, with a pause after the press and a small first move: a debug build on a busy
  # machine batches events into one frame, and a press seen only with the pointer already
  # moved on lands on whatever is there.
  xdotool mousemove "$1" "$2"; sleep 0.8
  xdotool mousedown 1; sleep 1
  xdotool mousemove_relative 4 0; sleep 0.8
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 8 )) $(( $2 + ($4 - $2) * i / 8 )); sleep 0.3
  done
  sleep 0.8
  xdotool mousemove_relative 1 0; sleep 0.8
  import -window root "$OUT/$6-before-release.png"
  xdotool mouseup 1; sleep 0.3
  [ -n "${5:-}" ] && xdotool keyup "$5"
  sleep 1
}
click() { xdotool mousemove "$1" "$2"; sleep 0.6; xdotool click 1; sleep 1; }

# 1. Ctrl-drop Gulls (3 s) on V1 at 2 s: Beach is split there and its rest follows Gulls,
#    Waves moves right by 3 s; A1 stays (Insert on all tracks is off).
drag $GULLS_X $GULLS_Y "$(x_at 2)" $V1 ctrl 01-ctrl-drop
expect 0 "0-2 2-5 5-7 9-12" "Ctrl-drop"
expect 1 "0-5" "Ctrl-drop (A1)"
import -window root "$OUT/01-ctrl-drop.png"

# 2. A click in the gap between Beach's rest and Waves (8 s) picks it; Delete closes it.
click "$(x_at 8)" $V1; sleep 1
import -window root "$OUT/02-gap-picked.png"
xdotool key Delete; sleep 0.8
expect 0 "0-2 2-5 5-7 7-10" "gap + Delete"
import -window root "$OUT/02-gap-closed.png"

# 3. Playhead to 8 s (inside Waves), W: Waves' last 2 s go (the next edit is its end).
click "$(x_at 8)" $RULER
xdotool key w; sleep 0.8
expect 0 "0-2 2-5 5-7 7-8" "W"
import -window root "$OUT/03-w.png"

# 4. Gulls copied, playhead to 0 (Home), Ctrl+Shift+V: a copy goes in at 0, the rest of V1
#    moves right by 3 s.
click "$(x_at 3)" $V1
xdotool key ctrl+c; sleep 0.5
xdotool key Home; sleep 0.3
xdotool key ctrl+shift+v; sleep 0.8
expect 0 "0-3 3-5 5-8 8-10 10-11" "Ctrl+Shift+V"
expect 1 "0-5" "Ctrl+Shift+V (A1)"
import -window root "$OUT/04-paste-insert.png"
echo "e2e-cut: passed (screenshots in $OUT)"
