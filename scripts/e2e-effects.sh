#!/usr/bin/env bash
# Effects seen in a real window under Xvfb, against the loopback VOD server (its video shows a
# colour naming each second), in English and in Chinese (the saved language setting): the
# preview at the middle of a 1 s cross-dissolve must show the two sources' mean colour, and
# the Effects tab, clicked as a hand does it, lists the transitions with their thumbnails
# (made by the compositor off the UI thread). Screenshots in target/e2e-effects/ (look at
# them: a thumbnail is what the preview and the draft draw).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-effects
source scripts/e2e-lib.sh
prepare_run

# A 320x180 output, the playhead at 1.5 s: the middle of a fade from source second 3
# (rgb 180,20,200) into source second 15 (rgb 0,200,200), whose mean is rgb 90,110,200.
cat > "$OUT/film.json" <<'JSON'
{"VideoTracks":[{"VideoTrackClips":[
  {"MediaId":"c0000000000000000000000000000001","In":2,"Out":4,"Effects":[{"Type":"Transition","SubType":"fade","Duration":1}]},
  {"MediaId":"c0000000000000000000000000000001","In":15,"Out":17}]}]}
JSON
"$BIN" import "$OUT/film.json" -o "$OUT/film.vodcut" 2>/dev/null
python3 - "$OUT/film.vodcut" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["ProduceConfig"]["Width"], p["ProduceConfig"]["Height"], p["Playhead"] = 320, 180, 1.5
json.dump(p, open(sys.argv[1], "w"), indent=2)
PY

start_loopback e2e-effects
start_xvfb
APP_PID=""
trap stop_all EXIT
fail() { echo "e2e-effects: $*" >&2; import -window root "$OUT/failure.png" || true; cat "$OUT"/app-*.err >&2; exit 1; }

click() { xdotool mousemove "$1" "$2"; sleep 0.4; xdotool click 1; sleep 1.5; }
# Screenshots to $OUT/$1.png until more than $3 pixels are rgb($2) ($4 says what that shows).
wait_colour() {
  local n=0
  for _ in $(seq 60); do
    sleep 0.5
    import -window root "$OUT/$1.png"
    n=$(count_colour "$OUT/$1.png" "$2")
    [ "${n%.*}" -gt "$3" ] && { echo "e2e-effects: $lang: $4 (${n%.*} pixels)"; return 0; }
  done
  fail "$lang: no sign of $4 (${n%.*} pixels of rgb($2))"
}

for lang in en-US zh-CN; do
  export VODCUT_DATA_DIR="$PWD/$OUT/data-$lang"
  mkdir -p "$VODCUT_DATA_DIR"
  echo "{\"language\": \"$lang\"}" > "$VODCUT_DATA_DIR/settings.json"
  "$BIN" "$OUT/film.vodcut" > "$OUT/app-$lang.out" 2> "$OUT/app-$lang.err" &
  APP_PID=$!
  WID=$(timeout 60 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window ($lang)"
  xdotool windowfocus --sync "$WID"
  wait_colour "$lang-00-dissolve" "90,110,200" 20000 "the preview showing the dissolve's mean"
  # Places in each language: the Effects tab (beside Media bin and VOD library), the search
  # field, the filter and visual effect families.
  if [ "$lang" = en-US ]; then TAB="208 188" SEARCH="168 279" FILTER="110 211" VFX="182 211"
  else TAB="206 189" SEARCH="135 256" FILTER="79 212" VFX="129 212"; fi
  click $TAB
  # The first rows are placeholders in the draft: their thumbnails have its yellow outline.
  wait_colour "$lang-01-transitions" "255,214,0" 600 "the Effects panel's thumbnails"
  search() { click $SEARCH; xdotool key ctrl+a; xdotool type --delay 80 "$1"; sleep 2.5; }
  search fade
  import -window root "$OUT/$lang-02-fades.png"
  search wipe
  import -window root "$OUT/$lang-03-wipes.png"
  click $FILTER
  search p
  import -window root "$OUT/$lang-04-filters.png"
  click $VFX
  search blur
  import -window root "$OUT/$lang-05-vfx-blur.png"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
done
echo "e2e-effects: screenshots in $OUT"
