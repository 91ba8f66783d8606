#!/usr/bin/env bash
# Real-window upload test: the binary under Xvfb against the loopback VOD + OSS server.
# File > Upload media…, a typed path, Upload; then waits until VOD (the loopback) says the
# media is Normal and checks the editor's bin shows it. Screenshots land in target/e2e-upload/.
# (Dropping files from a desktop is not possible with xdotool; tests/ui_upload.rs drops them
# through egui_kittest.)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-upload
rm -rf "$OUT"; mkdir -p "$OUT"
[ -x "$BIN" ] || cargo build --locked --bin vodcut
[ -x "$SERVER_BIN" ] || cargo build --locked --example loopback_vod
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export HOME=$(mktemp -d)

CLIP="$OUT/e2e-harbour.mp4"
head -c 60000000 /dev/urandom > "$CLIP"
cp assets/samples/demo.vodcut "$OUT/demo.vodcut"

source scripts/e2e-lib.sh
start_loopback e2e-upload

start_xvfb
"$BIN" "$OUT/demo.vodcut" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
trap stop_all EXIT
fail() { echo "e2e-upload: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }
click() { xdotool mousemove "$1" "$2"; sleep 0.4; xdotool click 1; sleep 0.8; }

WID=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xdotool windowfocus --sync "$WID"
sleep 1.5
click 19 12          # File
import -window root "$OUT/01-file-menu.png"
click 60 255         # Upload media… (below File > Import edit… and Export)
xdotool mousemove 640 300; sleep 0.5   # a frame drawn after the click
import -window root "$OUT/01-uploads-window.png"
click 296 100        # the paths field of the Uploads window (it opens below the menu bar)
xdotool type --delay 30 "$PWD/$CLIP"
sleep 0.5
click 433 100        # Upload
sleep 1.5
import -window root "$OUT/02-uploading.png"

# The loopback server says Normal once the upload completed and its transcode ran.
STATUS=""
for _ in $(seq 240); do
  STATUS=$("$BIN" media search e2e-harbour --json 2>/dev/null | sed -n 's/.*"Status": "\([A-Za-z]*\)".*/\1/p' | head -1)
  [ "$STATUS" = "Normal" ] && break; sleep 0.5
done
[ "$STATUS" = "Normal" ] || fail "the uploaded media is '$STATUS', not Normal"
# The editor follows it every few seconds: give it a turn, then look.
sleep 5
xdotool mousemove 600 330; sleep 1
import -window root "$OUT/03-ready.png"
echo "e2e-upload: passed (screenshots in $OUT)"
