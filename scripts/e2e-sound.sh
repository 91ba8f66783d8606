#!/usr/bin/env bash
# Real-window check of the sound (issue 22): a private PulseAudio daemon (its own runtime and
# home folders, a null sink), the editor under Xvfb against the loopback VOD server, Space
# plays 3 s, the sink's monitor is recorded with parec, and scripts/e2e-sound.py checks the
# tone and its level and the offset between each tone burst and the flash frame shown with it
# (a clip made here with ffmpeg whose flashes and bursts coincide every half second).
# Screenshots of the waveforms land in target/e2e-sound/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/vodcut}
SERVER_BIN=${SERVER_BIN:-target/debug/examples/loopback_vod}
OUT=target/e2e-sound
rm -rf "$OUT"; mkdir -p "$OUT"
[ -x "$BIN" ] || cargo build --locked --bin vodcut
[ -x "$SERVER_BIN" ] || cargo build --locked --example loopback_vod
BIN=$(realpath "$BIN")
OUT_ABS=$(realpath "$OUT")
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
export HOME=$(mktemp -d)
export VODCUT_CACHE_DIR="$OUT_ABS/cache"

# The sync clip: black, with a white frame and a 1 kHz burst (40 ms) every half second.
ffmpeg -hide_banner -loglevel error -nostdin -y \
  -f lavfi -i "color=c=black:s=160x90:r=25:d=6,drawbox=c=white:t=fill:enable='lt(mod(t\,0.5)\,0.04)'" \
  -f lavfi -i "aevalsrc='if(lt(mod(t\,0.5)\,0.04)\,0.5*sin(2*PI*1000*t)\,0)':s=48000:d=6" \
  -c:v libx264 -preset ultrafast -g 25 -pix_fmt yuv420p -c:a aac -b:a 192k -shortest -movflags +faststart \
  "$OUT_ABS/sync.mp4"

# V1: the sync clip; A1: the test video's loud tone (440 Hz, -20 dBFS) from 10 s on.
cat > "$OUT/sound.json" <<'JSON'
{"VideoTracks":[{"VideoTrackClips":[{"MediaId":"e0000000000000000000000000000001","In":0,"Out":6,"TimelineIn":0}]}],
 "AudioTracks":[{"AudioTrackClips":[{"MediaId":"c0000000000000000000000000000001","In":10,"Out":16,"TimelineIn":0}]}]}
JSON
"$BIN" import "$OUT/sound.json" -o "$OUT/sound.vodcut" 2>/dev/null
sed -i 's/"Width": null/"Width": 320/; s/"Height": null/"Height": 180/' "$OUT/sound.vodcut"

# A private sound server: nothing of the machine's, a null sink as the only output.
pulseaudio --daemonize=no --exit-idle-time=-1 -n --load=module-native-protocol-unix \
  --load="module-null-sink sink_name=vodcut_null" > "$OUT/pulseaudio.log" 2>&1 &
PA_PID=$!

source scripts/e2e-lib.sh
SERVER_ARGS="--video e0000000000000000000000000000001=$OUT_ABS/sync.mp4"
start_loopback e2e-sound
start_xvfb
APP_PID=""
cleanup() { stop_all; kill "$PA_PID" 2>/dev/null || true; wait "$PA_PID" 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "e2e-sound: $*" >&2; import -window root "$OUT/failure.png" || true; exit 1; }
# Ready when the null sink is there (a cold machine under load can take seconds).
sink_up() { pactl list short sinks 2>/dev/null | grep -q vodcut_null; }
for _ in $(seq 300); do sink_up && break; sleep 0.1; done
sink_up || fail "the private pulseaudio did not start in 30 s (see $OUT/pulseaudio.log)"

VODCUT_AV_LOG="$OUT_ABS/av.log" RUST_LOG="${RUST_LOG:-info,vodcut::sound=debug}" "$BIN" "$OUT/sound.vodcut" > "$OUT/app.out" 2> "$OUT/app.err" &
APP_PID=$!
WIN=$(timeout 30 xdotool search --sync --onlyvisible --name 'vodcut' | head -1) || fail "no window"
# The waveforms: light green on the audio clip, light blue under the video clip's pictures,
# counted over the tracks' area right of the clips' words (the colours tell the two apart, so
# rows moving under a new tool bar do not move the check off them).
count_colour() { # $1 file, $2 colour
  convert "$1" -crop 760x220+450+480 +repage -fuzz 10% -fill white -opaque "rgb($2)" -fill black +opaque white \
    -format "%[fx:mean*w*h]" info:
}
n=0; m=0
for _ in $(seq 120); do
  sleep 0.5
  import -window root "$OUT/waveforms.png"
  n=$(count_colour "$OUT/waveforms.png" "201,254,211")
  m=$(count_colour "$OUT/waveforms.png" "150,230,255")
  [ "${n%.*}" -gt 8000 ] && [ "${m%.*}" -gt 500 ] && break
done
[ "${n%.*}" -gt 8000 ] || fail "no waveform on the audio clip (${n%.*} px); see $OUT/waveforms.png"
[ "${m%.*}" -gt 500 ] || fail "no waveform on the video clip (${m%.*} px); see $OUT/waveforms.png"
echo "e2e-sound: waveforms shown (${n%.*} px on the audio clip, ${m%.*} px on the video clip)"

# The recorder runs until told to stop; Space is pressed only once parec delivers (on a loaded
# machine parec itself took 2 s to start, and sound before that would be lost).
python3 scripts/e2e-sound.py record "$OUT_ABS/monitor" 120 &
REC_PID=$!
for _ in $(seq 300); do [ -s "$OUT_ABS/monitor.times" ] && break; sleep 0.1; done
[ -s "$OUT_ABS/monitor.times" ] || fail "parec recorded nothing from the null sink's monitor in 30 s"
xdotool windowfocus --sync "$WIN"
date +%s.%N > "$OUT_ABS/space.txt"
xdotool key space
# Three seconds of sound heard, by the editor's clock (the frames of mix the sink has played),
# not three seconds of the wall clock from Space: under load, starting (the decoders' first
# sound) took 2.6 s, and a fixed sleep stopped the play after a fraction of a second of sound.
clock() { awk '$1 == "clock" { a = $3 } END { print a + 0 }' "$OUT_ABS/av.log" 2>/dev/null || echo 0; }
heard() { python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$(clock)" "$1"; }
shot=""
for _ in $(seq 600); do
  heard 3.0 && break
  if [ -z "$shot" ] && heard 1.5; then import -window root "$OUT/playing.png"; shot=1; fi
  sleep 0.1
done
heard 3.0 || fail "3 s of sound not heard within 60 s of Space (the clock stands at $(clock) s)"
xdotool key space
touch "$OUT_ABS/monitor.stop"
wait "$REC_PID"
[ -s "$OUT_ABS/av.log" ] || fail "the editor showed no playback pictures"
python3 scripts/e2e-sound.py analyse "$OUT_ABS/monitor" "$OUT_ABS/av.log" "$OUT_ABS/space.txt" || fail "see $OUT"
# The playhead rested long before Space: the play took decoders started ahead for both clips.
warm=$(grep -o "[0-9]* of [0-9]* decoders started ahead" "$OUT/app.err" | head -1)
[ "$warm" = "2 of 2 decoders started ahead" ] || fail "Space did not take the warm decoders (${warm:-no line in $OUT/app.err})"
echo "e2e-sound: $warm of Space"
echo "e2e-sound: passed (recording and screenshots in $OUT)"
