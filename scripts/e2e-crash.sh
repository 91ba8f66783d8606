#!/usr/bin/env bash
# Real-window crash test: the binary under Xvfb with the hidden switch VODCUT_TEST_CRASH_AFTER,
# unsaved work typed in, then the forced panic. Checks the crash report (in the data folder,
# no secret), the recovery copy and the log file; checks the window carries the icon; then
# starts again: the recovery is offered, then where the report is, and Enter on each closes
# it (the report is noted as shown). Screenshots in target/e2e-crash/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
OUT=target/e2e-crash
rm -rf "$OUT"; mkdir -p "$OUT"
[ -x "$BIN" ] || cargo build --locked --bin vodcut
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export HOME=$(mktemp -d)
unset DBUS_SESSION_BUS_ADDRESS RUST_LOG
export VODCUT_DATA_DIR="$PWD/$OUT/data" VODCUT_CACHE_DIR="$PWD/$OUT/cache"
# A secret in the environment: it must not reach the report.
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tE2eCrash000001 ALIBABA_CLOUD_ACCESS_KEY_SECRET=e2e-crash-secret-value-42
PROJECT="$OUT/crash.vodcut"
"$BIN" import assets/samples/timelines/cut-and-merge.json -o "$PROJECT"
source scripts/e2e-lib.sh
SERVER_PID=""  # no VOD server in this test
start_xvfb
trap stop_all EXIT
fail() { echo "e2e-crash: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT"/app*.err >&2 || true; exit 1; }

VODCUT_TEST_CRASH_AFTER=8 "$BIN" "$PROJECT" > "$OUT/app1.out" 2> "$OUT/app1.err" &
APP_PID=$!
WID=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
xprop -id "$WID" _NET_WM_ICON | grep -q '_NET_WM_ICON(CARDINAL) = ' || fail "the window has no icon"
xdotool windowfocus --sync "$WID"; sleep 1.5
# Unsaved work: a title typed into the Title field.
xdotool mousemove 120 78; sleep 0.3; xdotool click 1; sleep 0.5
xdotool type --delay 30 "Crash day"
# The title follows within a frame or two; on a loaded machine a software-rendered frame can
# take a while, so look for up to 5 s.
for _ in $(seq 50); do [ "$(xdotool getwindowname "$WID")" = "*Crash day — crash.vodcut — vodcut" ] && break; sleep 0.1; done
[ "$(xdotool getwindowname "$WID")" = "*Crash day — crash.vodcut — vodcut" ] || fail "the title did not become unsaved"
import -window root "$OUT/01-unsaved.png"
code=0
timeout 30 tail --pid="$APP_PID" -f /dev/null || fail "the forced crash did not end the process"
wait "$APP_PID" || code=$?
APP_PID=""
[ "$code" -ne 0 ] || fail "the crashed process exited 0"
report=$(ls "$VODCUT_DATA_DIR"/crashes/crash-*.txt 2>/dev/null | head -1)
[ -n "$report" ] || fail "no crash report in $VODCUT_DATA_DIR/crashes"
grep -q "panic: forced crash for testing" "$report" || fail "the report does not say what panicked"
grep -q "^version: " "$report" && grep -q "^OS: " "$report" && grep -q "^backtrace:" "$report" || fail "the report lacks version, OS or backtrace"
grep -q "unsaved work: saved for recovery at" "$report" || fail "the report does not say where the work went"
grep -q "last log lines" "$report" || fail "no log lines in the report"
! grep -q "$ALIBABA_CLOUD_ACCESS_KEY_SECRET" "$report" || fail "the report holds the secret"
ls "$VODCUT_DATA_DIR"/recovery/*.json >/dev/null 2>&1 || fail "no recovery copy"
grep -q "Crash day" "$VODCUT_DATA_DIR"/recovery/*.json || fail "the recovery copy does not hold the typed title"
grep -q "vodcut .* starting" "$VODCUT_DATA_DIR/logs/vodcut.log" || fail "no log file in the data folder"
grep -q "stopped\|crash report was written" "$OUT/app1.err" || fail "stderr does not point at the report"

# The next start: the recovery offer, then the report's place.
"$BIN" > "$OUT/app2.out" 2> "$OUT/app2.err" &
APP_PID=$!
WID=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window at the restart"
xdotool windowfocus --sync "$WID"; sleep 2
import -window root "$OUT/02-recovery-offer.png"
xdotool key Return; sleep 1   # "Later" is the recovery window's default: keep the copy
import -window root "$OUT/03-crash-notice.png"
[ ! -e "$VODCUT_DATA_DIR/crashes/shown" ] || fail "the report was noted as shown before it was"
xdotool key Return; sleep 1   # OK
for _ in $(seq 30); do [ -e "$VODCUT_DATA_DIR/crashes/shown" ] && break; sleep 0.1; done
[ "$(cat "$VODCUT_DATA_DIR/crashes/shown" 2>/dev/null)" = "$(basename "$report")" ] || fail "the notice was not shown and closed"
import -window root "$OUT/04-after.png"
echo "e2e-crash: passed (report $report)"
