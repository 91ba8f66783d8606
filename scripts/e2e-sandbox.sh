#!/usr/bin/env bash
# Real-window sandbox test under Xvfb, driven with xdotool, with no account and no server of
# the tests: an ordinary window's welcome screen opens the sandbox (Try the sandbox starts
# `vodcut --sandbox` as a second window), which opens on its welcome screen
# (title and menu bar say Sandbox), Esc starts an empty project (a calm hint, no error), the
# library lists the seeded media, a library video is dragged onto the V1 track, and
# Ctrl+Enter produces it; the job lands in the sandbox's own history, and the CLI follows it
# to Normal. Screenshots land in target/e2e-sandbox/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
OUT=target/e2e-sandbox
rm -rf "$OUT"; mkdir -p "$OUT"
[ -x "$BIN" ] || cargo build --locked --bin vodcut
BIN=$(realpath "$BIN")
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export HOME=$(mktemp -d)
unset DBUS_SESSION_BUS_ADDRESS ALIBABA_CLOUD_ACCESS_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET VODCUT_ENDPOINT VODCUT_DATA_DIR
export VODCUT_SANDBOX_DIR="$PWD/$OUT/sandbox"
JOBS="$VODCUT_SANDBOX_DIR/data/jobs"

source scripts/e2e-lib.sh
SERVER_PID=""
start_xvfb
# An ordinary window first (no account): its welcome screen's "Try the sandbox" opens the
# sandbox in a second window, a child process of the first.
"$BIN" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
SANDBOX_PID=""
stop_sandbox() { [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; stop_all; }
trap stop_sandbox EXIT
fail() { echo "e2e-sandbox: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }

FIRST=$(timeout 60 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xdotool windowfocus --sync "$FIRST"
sleep 2
import -window root "$OUT/00-welcome.png"
xdotool mousemove 640 422; sleep 0.4; xdotool click 1   # Try the sandbox (the welcome window is centred)
WID=$(timeout 60 xdotool search --sync --onlyvisible --name 'Sandbox' | head -1) || fail "no sandbox window"
SANDBOX_PID=$(pgrep -P "$APP_PID" | head -1)
[ "$(xdotool getwindowname "$FIRST")" = "Untitled — vodcut" ] || fail "the first window changed"
xdotool windowfocus --sync "$WID"
sleep 2
title=$(xdotool getwindowname "$WID")
[ "$title" = "Untitled — vodcut — Sandbox" ] || fail "window title is '$title'"
import -window root "$OUT/01-welcome.png"
xdotool key Escape; sleep 1.5    # the welcome screen's Esc: an empty new project
import -window root "$OUT/02-empty-project.png"

# Drag the first library video (left panel) onto the V1 track, as a hand does it.
drag() {
  xdotool mousemove "$1" "$2"; sleep 0.4
  xdotool mousedown 1; sleep 0.3
  for i in 1 2 3 4 5 6 7 8; do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 8 )) $(( $2 + ($4 - $2) * i / 8 )); sleep 0.12
  done
  sleep 0.4; xdotool mouseup 1; sleep 1
}
# The first row of the library (left panel, under the filter and paging rows, which wrap in
# its width) to V1 (the second lane, below I1: a new project has no subtitle track), 1 s in.
drag 150 340 280 601
import -window root "$OUT/03-dropped.png"

xdotool key ctrl+Return; sleep 3
import -window root "$OUT/04-confirm.png"
xdotool key shift+Tab; sleep 0.8
import -window root "$OUT/04b-focus.png"
xdotool key Return
MEDIA=""
for _ in $(seq 100); do
  MEDIA=$( (cat "$JOBS"/*.json 2>/dev/null || true) | sed -n 's/.*"MediaId": "\([0-9a-f]*\)".*/\1/p' | head -1)
  [ -n "$MEDIA" ] && break; sleep 0.1
done
[ -n "$MEDIA" ] || fail "no MediaId in the sandbox's job history"
grep -q '"Sandbox": true' "$JOBS"/*.json || fail "the job is not marked Sandbox"
sleep 1
import -window root "$OUT/05-produced.png"
# The production takes a few seconds in the sandbox; the CLI (same sandbox folder) follows it.
STATUS=""
for _ in $(seq 40); do
  STATUS=$("$BIN" --sandbox status "$MEDIA" --json 2>/dev/null | sed -n 's/.*"VideoStatus": "\([A-Za-z]*\)".*/\1/p')
  [ "$STATUS" = "Normal" ] && break; sleep 0.5
done
[ "$STATUS" = "Normal" ] || fail "the produced video is '$STATUS', not Normal"
# The real history (no --sandbox) has no job.
[ "$("$BIN" jobs --json 2>/dev/null | tr -d ' \n')" = "[]" ] || fail "a sandbox job reached the real history"
xdotool key Escape; sleep 1.5
xdotool mousemove 429 514; sleep 0.3; xdotool click 1; sleep 3   # the ruler at 5 s: the preview
import -window root "$OUT/06-preview.png"
xdotool mousemove 1067 60; sleep 0.3; xdotool click 1; sleep 2   # the Jobs tab
import -window root "$OUT/07-jobs.png"
echo "e2e-sandbox: passed; produced MediaId $MEDIA in the sandbox (screenshots in $OUT)"
