#!/usr/bin/env bash
# Real-window check of the footage: the editor under Xvfb against the loopback VOD server
# (examples/loopback_vod, which serves a generated MP4 whose every second is a colour), once
# with ffmpeg (the preview must show the exact source frame) and once with ffmpeg absent from
# PATH (the preview must show the nearest snapshot). Screenshots land in target/e2e-frames/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-frames
source scripts/e2e-lib.sh
prepare_run

# A 320x180 output: clip In 7 at 0 s (source second 7 shows at the playhead).
cat > "$OUT/frames.json" <<'EOF'
{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"c0000000000000000000000000000001","In":7,"Out":15}]}]}
EOF
"$BIN" import "$OUT/frames.json" -o "$OUT/frames.vodcut" 2>/dev/null
sed -i 's/"Width": null/"Width": 320/; s/"Height": null/"Height": 180/' "$OUT/frames.vodcut"

start_loopback e2e-frames

start_xvfb
APP_PID=""
trap stop_all EXIT
fail() { echo "e2e-frames: $*" >&2; import -window root "$OUT/failure.png" || true; exit 1; }

run_app() { # $1: name, $2: PATH for the app, $3: colour expected, $4: what it is
  local name=$1
  PATH="$2" "$BIN" "$OUT/frames.vodcut" > "$OUT/$name.out" 2> "$OUT/$name.err" &
  APP_PID=$!
  timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' > /dev/null || fail "no window ($name)"
  local n=0
  for _ in $(seq 60); do
    sleep 0.5
    import -window root "$OUT/$name.png"
    n=$(count_colour "$OUT/$name.png" "$3")
    [ "${n%.*}" -gt 20000 ] && break
  done
  [ "${n%.*}" -gt 20000 ] || fail "$name: the preview does not show $4 (only ${n%.*} pixels of rgb($3)); see $OUT/$name.png"
  echo "e2e-frames: $name: $4 shown (${n%.*} pixels)"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

# Second 7 is rgb(120,80,200); without ffmpeg the nearest snapshot (at 5 s) is rgb(0,80,200).
run_app with-ffmpeg "$PATH" "120,80,200" "source second 7"
NOFF=$(mktemp -d)
run_app without-ffmpeg "$NOFF" "0,80,200" "the snapshot at 5 s"
echo "e2e-frames: passed (screenshots in $OUT)"
