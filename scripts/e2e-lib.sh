# Shared by the real-window end-to-end scripts (sourced, not run): the loopback VOD server,
# an Xvfb display, and cleaning both up with the app. Each script sets OUT and SERVER_BIN first.

# Prepares a run of a script that sets BIN, SERVER_BIN and OUT: OUT emptied, the app and the
# loopback server built if missing, BIN made absolute, and a home, runtime folder and cache of
# the run's own (nothing of this machine's vodcut state is read or written).
prepare_run() {
  rm -rf "$OUT"; mkdir -p "$OUT"
  [ -x "$BIN" ] || cargo build --locked --bin vodcut
  [ -x "$SERVER_BIN" ] || cargo build --locked --example loopback_vod
  BIN=$(realpath "$BIN")
  XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"; export XDG_RUNTIME_DIR
  HOME=$(mktemp -d); export HOME
  export VODCUT_CACHE_DIR="$OUT/cache"
  unset DBUS_SESSION_BUS_ADDRESS
}

# Starts the loopback VOD server and points vodcut at it with its keys; $1 names the script
# in messages.
start_loopback() {
  # SERVER_ARGS: more media to serve (e2e-sound.sh); unquoted so it splits into words.
  "$SERVER_BIN" ${SERVER_ARGS:-} > "$OUT/server.out" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 200); do grep -q "^loopback VOD server at" "$OUT/server.out" && break; sleep 0.05; done
  VODCUT_ENDPOINT=$(sed -n 's/^loopback VOD server at //p' "$OUT/server.out")
  export VODCUT_ENDPOINT
  export $(grep '^ALIBABA_CLOUD_ACCESS_KEY' "$OUT/server.out" | xargs)
  export VODCUT_DATA_DIR="$OUT/data"
  [ -n "$VODCUT_ENDPOINT" ] || { echo "$1: the loopback server did not start" >&2; exit 1; }
}

# Starts Xvfb on a free display and exports DISPLAY.
start_xvfb() {
  exec 3> "$OUT/display.txt"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp > "$OUT/xvfb.log" 2>&1 &
  XVFB_PID=$!
  exec 3>&-
  for _ in $(seq 100); do [ -s "$OUT/display.txt" ] && break; sleep 0.05; done
  export DISPLAY=":$(cat "$OUT/display.txt")"
}

# Starts the editor on the project $2 ($1 names the script in messages), stops everything on
# exit, and waits for its window: WID is the window, fail() says what went wrong with a
# screenshot and the app's errors.
open_editor() {
  NAME=$1
  "$BIN" "$2" > "$OUT/app.out" 2> "$OUT/app.err" &
  APP_PID=$!
  trap stop_all EXIT
  WID=$(timeout 60 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
  xdotool windowfocus --sync "$WID"
}

fail() { echo "${NAME:-e2e}: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT/app.err" >&2; exit 1; }

# Stops the app (APP_PID, when set), Xvfb and the server.
stop_all() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true
}

# The clips of track $1 of the project file $PROJECT as "start-end" in seconds, sorted, laid
# out as the service does (a clip without TimelineIn follows the previous one).
spans() {
  python3 - "$PROJECT" "$1" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
t = p["Tracks"][int(sys.argv[2])]
out, cursor = [], 0
for c in t["Clips"]:
    s = c.get("TimelineIn", cursor)
    e = s + (c["Out"] - c.get("In", 0))
    out.append((s, e))
    cursor = e
print(" ".join(f"{s:g}-{e:g}" for s, e in sorted(out)))
PY
}

# Saves (Ctrl+S), then checks track $1 holds exactly the spans $2 ($3 names the step for
# `fail`, which the script defines).
expect() {
  xdotool key ctrl+s
  local got=""
  for _ in $(seq 50); do
    sleep 0.2
    got=$(spans "$1")
    [ "$got" = "$2" ] && return 0
  done
  fail "$3: track $1 is '$got', expected '$2'"
}

# How many pixels of the screenshot $1 are within 8% of the RGB colour $2 ("120,80,200").
count_colour() {
  convert "$1" -fuzz 8% -fill white -opaque "rgb($2)" -fill black +opaque white -format "%[fx:mean*w*h]" info:
}
