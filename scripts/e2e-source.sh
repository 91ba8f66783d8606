#!/usr/bin/env bash
# Real-window check of the source viewer and three-point editing: the editor under Xvfb
# against the loopback VOD server (its "Colour seconds" video: every second a colour), driven
# with xdotool. A double-click on a media bin item opens it in the source viewer, which must
# show the real frame; Right steps to 2 s, I marks In there, Right to the last frame before
# 4 s, O marks Out; a click on the ruler puts the timeline playhead at 2 s and ',' inserts the
# 2 s marked there; then the playhead to 8 s and '.' overwrites. After each edit the project
# is saved (Ctrl+S) and the clips' places in the file are checked. Screenshots land in
# target/e2e-source/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-source
source scripts/e2e-lib.sh
prepare_run

# V1: Beach [0,4), Waves [6,9); A1: Theme [0,5) (as e2e-cut.sh, so the timeline is laid out
# the same). Beach is the loopback server's colour-seconds video, 20 s, first in the bin.
PROJECT="$OUT/source.vodcut"
cat > "$PROJECT" <<'EOF'
{
  "FormatVersion": 1,
  "Title": "Source",
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
    {"MediaId": "c0000000000000000000000000000003", "Title": "Theme", "Duration": 20, "Kind": "Audio"}
  ],
  "Zoom": 50
}
EOF

start_loopback e2e-source
start_xvfb
open_editor e2e-source "$PROJECT"
sleep 2
import -window root "$OUT/00-start.png"

# Where things are in the 1280x800 window (as in e2e-cut.sh): the timeline opens fitted to
# the project's 9 s, so time t is at x = 178 + 115.5 t; the ruler is at y 519. The bin's
# Beach is its first entry; the source viewer's picture is in the middle of the preview area.
x_at() { awk -v t="$1" 'BEGIN { printf "%d", 178 + 115.5 * t + 0.5 }'; }
RULER=519
BEACH_X=70
BEACH_Y=233

# Waits until the screen shows more than 20 000 pixels of colour $1 ($2 says what it is).
expect_colour() {
  local n=0
  for _ in $(seq 60); do
    sleep 0.5
    import -window root "$OUT/$3.png"
    n=$(count_colour "$OUT/$3.png" "$1")
    [ "${n%.*}" -gt 20000 ] && { echo "e2e-source: $2 (${n%.*} pixels)"; return 0; }
  done
  fail "$2: only ${n%.*} pixels of rgb($1); see $OUT/$3.png"
}

click() { xdotool mousemove "$1" "$2"; sleep 0.6; xdotool click 1; sleep 1; }
# Presses a key $2 times, a little apart (a debug build on a busy machine batches events).
press() { for _ in $(seq "$2"); do xdotool key "$1"; sleep 0.05; done; sleep 0.8; }

# 1. A double-click on Beach opens it in the source viewer: its first second, rgb(0,20,200).
xdotool mousemove $BEACH_X $BEACH_Y; sleep 0.6
xdotool click --repeat 2 --delay 80 1; sleep 1
expect_colour "0,20,200" "the source viewer shows Beach's first second" 01-opened

# 2. Two seconds on (50 frames at 25 fps) and In; the picture is source second 2,
#    rgb(120,20,200). Then to the last frame before 4 s and Out: 2 s marked.
press Right 50
press i 1
expect_colour "120,20,200" "the source viewer shows second 2 at the In" 02-in
press Right 49
press o 1
import -window root "$OUT/03-marked.png"

# 3. The timeline playhead to 2 s with a click on the ruler, then ',': Beach is split at 2 s,
#    the 2 s marked go in, what follows on V1 moves right by 2 s; A1 stays.
click "$(x_at 2)" $RULER
xdotool key comma; sleep 1
expect 0 "0-2 2-4 4-6 8-11" "Insert"
expect 1 "0-5" "Insert (A1)"
import -window root "$OUT/04-inserted.png"

# 4. The playhead to 8 s (Waves' start), '.': the same 2 s replace Waves' first 2 s.
click "$(x_at 8)" $RULER
xdotool key period; sleep 1
expect 0 "0-2 2-4 4-6 8-10 10-11" "Overwrite"
import -window root "$OUT/05-overwritten.png"
echo "e2e-source: passed (screenshots in $OUT)"
