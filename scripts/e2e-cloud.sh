#!/usr/bin/env bash
# Real-window check of cloud projects: the editor under Xvfb against the loopback VOD server,
# driven with xdotool. File > Save to cloud… shows the confirmation (not billed), Save to
# cloud adds the project (the CLI lists it: Status Normal, no production, no job), Ctrl+S
# keeps its ProjectId in the file; File > Cloud projects… lists it (the screenshot shows its
# title and cover). Screenshots in target/e2e-cloud/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-cloud
source scripts/e2e-lib.sh
prepare_run

PROJECT="$OUT/harbour.vodcut"
cat > "$PROJECT" <<'JSON'
{
  "FormatVersion": 1,
  "Title": "Harbour at dusk",
  "Tracks": [
    {"Kind": "Video", "Name": "V1", "Clips": [{"MediaId": "c0000000000000000000000000000001", "In": 0, "Out": 4}]}
  ],
  "Zoom": 50
}
JSON

start_loopback e2e-cloud
start_xvfb
"$BIN" "$PROJECT" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
trap stop_all EXIT
fail() { echo "e2e-cloud: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }

WID=$(timeout 60 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xdotool windowfocus --sync "$WID"
sleep 3
import -window root "$OUT/00-start.png"
click() { xdotool mousemove "$1" "$2"; sleep 0.4; xdotool click 1; sleep "${3:-1}"; }

# File > Save to cloud…
click 20 12
import -window root "$OUT/01-file-menu.png"
click 60 333 1.5
import -window root "$OUT/02-confirm.png"
# The confirmation's default button is Save to cloud.
xdotool key Return
ID=""
for _ in $(seq 100); do
  ID=$("$BIN" projects list --json 2>/dev/null | sed -n 's/.*"ProjectId": "\([0-9a-f]*\)".*/\1/p' | head -1)
  [ -n "$ID" ] && break; sleep 0.1
done
[ -n "$ID" ] || fail "no cloud project after Save to cloud"
sleep 1
import -window root "$OUT/03-saved.png"
LIST=$("$BIN" projects list --json)
echo "$LIST" | grep -q '"Title": "Harbour at dusk"' || fail "the cloud project's title: $LIST"
echo "$LIST" | grep -q '"Status": "Normal"' || fail "the cloud project is not Normal (not produced): $LIST"
[ "$("$BIN" jobs --json 2>/dev/null | tr -d ' \n')" = "[]" ] || fail "saving to the cloud made a production job"
# The document now names its cloud project: Ctrl+S keeps it in the file.
xdotool key ctrl+s
for _ in $(seq 50); do grep -q "\"ProjectId\": \"$ID\"" "$PROJECT" && break; sleep 0.2; done
grep -q "\"ProjectId\": \"$ID\"" "$PROJECT" || fail "the saved file does not name cloud project $ID"

# File > Cloud projects…: the browser lists it (title, ID, status, cover).
click 20 12
click 64 356 3
import -window root "$OUT/04-browser.png"
echo "e2e-cloud: passed; saved cloud project $ID, found in the browser (screenshots in $OUT)"
