#!/usr/bin/env bash
# Real-window check of placing a layer by hand: the editor under Xvfb against the loopback VOD
# server (its image d0…1 is a magenta 64x32 logo), driven with xdotool. The logo is found on
# screen by its colour, clicked (outline and handles appear), dragged 100 output pixels right
# and 50 down, saved (Ctrl+S), and the saved X/Y checked; then Right (the picture has the
# keyboard) moves it one output pixel, checked the same way. Screenshots in target/e2e-palette/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-palette
source scripts/e2e-lib.sh
prepare_run

# A 1280x720 output: V1 the colour-seconds video, the logo at 640,180, 320 wide (its height
# follows the image: 160), in ratios.
PROJECT="$OUT/logo.vodcut"
cat > "$PROJECT" <<'EOF'
{
  "FormatVersion": 1,
  "Title": "Logo",
  "Tracks": [
    {"Kind": "Video", "Name": "V1", "Clips": [{"MediaId": "c0000000000000000000000000000001", "In": 0, "Out": 4}]},
    {"Kind": "Image", "Name": "I1", "Clips": [
      {"ImageId": "d0000000000000000000000000000001", "X": 0.5, "Y": 0.25, "Width": 0.25, "TimelineIn": 0, "TimelineOut": 4}]}
  ],
  "ProduceConfig": {"Width": 1280, "Height": 720},
  "Zoom": 50
}
EOF

start_loopback e2e-palette
start_xvfb
open_editor e2e-palette "$PROJECT"

# The bounding box ("W H X Y") of the magenta pixels of screenshot $1 in the preview's part
# of the 1280x800 window (x 270-950, y 60-470: the timeline's thumbnails are magenta too).
logo_box() {
  convert "$1" -crop 680x410+270+60 +repage -fuzz 8% -fill black +opaque "rgb(230,0,230)" \
    -fill white -opaque "rgb(230,0,230)" -format "%@\n" info: | tr 'x+' '  ' | awk '{ print $1, $2, $3 + 270, $4 + 60 }'
}
for _ in $(seq 60); do
  sleep 0.5
  import -window root "$OUT/00-start.png"
  n=$(count_colour "$OUT/00-start.png" "230,0,230")
  [ "${n%.*}" -gt 3000 ] && break
done
sleep 1
import -window root "$OUT/00-start.png"
n=$(count_colour "$OUT/00-start.png" "230,0,230")
[ "${n%.*}" -gt 3000 ] || fail "the logo never showed in the preview"
read -r LW LH LX LY < <(logo_box "$OUT/00-start.png")
# Screen pixels per output pixel: the logo is 320 output pixels wide.
S=$(awk -v w="$LW" 'BEGIN { print w / 320 }')
echo "e2e-palette: the logo at ${LX},${LY}, ${LW}x${LH} on screen (scale $S)"
CX=$(( LX + LW / 2 )); CY=$(( LY + LH / 2 ))

# The logo's X and Y as saved.
saved() {
  python3 - "$PROJECT" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
c = [t for t in p["Tracks"] if t["Kind"] == "Image"][0]["Clips"][0]
print(c.get("X"), c.get("Y"))
PY
}
# Saves, then checks the logo's X/Y are within $3 output pixels of $1,$2 ($4 names the step).
expect_at() {
  xdotool key ctrl+s
  local got=""
  for _ in $(seq 50); do
    sleep 0.2
    got=$(saved)
    awk -v got="$got" -v x="$1" -v y="$2" -v tol="$3" 'BEGIN {
      split(got, v, " "); dx = v[1] * 1280 - x; dy = v[2] * 720 - y
      exit !(dx * dx <= tol * tol && dy * dy <= tol * tol && v[1] <= 1 && v[2] <= 1) }' && { echo "e2e-palette: $4: X Y = $got"; return 0; }
  done
  fail "$4: the logo's X Y are '$got', expected near $1,$2 (ratios of 1280x720)"
}

# 1. A click selects it: outline and handles drawn.
xdotool mousemove "$CX" "$CY"; sleep 0.6; xdotool click 1; sleep 1.5
import -window root "$OUT/01-selected.png"

# 2. A slow drag 100 output pixels right and 50 down (whole screen pixels: within a pixel of
#    the screen, so 2 output pixels at this scale). Nothing to snap to near 740,230.
DX=$(awk -v s="$S" 'BEGIN { printf "%d", 100 * s + 0.5 }')
DY=$(awk -v s="$S" 'BEGIN { printf "%d", 50 * s + 0.5 }')
xdotool mousedown 1; sleep 1
xdotool mousemove_relative 4 0; sleep 0.8
for i in 1 2 3 4 5 6 7 8; do
  xdotool mousemove $(( CX + DX * i / 8 )) $(( CY + DY * i / 8 )); sleep 0.3
done
sleep 0.8
import -window root "$OUT/02-before-release.png"
xdotool mouseup 1; sleep 1.5
WANT_X=$(awk -v s="$S" -v d="$DX" 'BEGIN { print 640 + d / s }')
WANT_Y=$(awk -v s="$S" -v d="$DY" 'BEGIN { print 180 + d / s }')
expect_at "$WANT_X" "$WANT_Y" 1.5 "dragged"
import -window root "$OUT/02-dragged.png"

# 3. The picture has the keyboard since the click: Right moves the logo one output pixel.
BEFORE=$(saved)
xdotool key Right; sleep 1
X1=$(awk -v got="$BEFORE" 'BEGIN { split(got, v, " "); print v[1] * 1280 + 1 }')
Y1=$(awk -v got="$BEFORE" 'BEGIN { split(got, v, " "); print v[2] * 720 }')
expect_at "$X1" "$Y1" 0.01 "Right"
import -window root "$OUT/03-nudged.png"
echo "e2e-palette: passed (screenshots in $OUT)"
