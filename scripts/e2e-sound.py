#!/usr/bin/env python3
"""Helpers of scripts/e2e-sound.sh (stdlib only).

record OUT SECONDS: records the null sink's monitor with parec into OUT.raw (s16le mono 48 kHz)
  until the file OUT.stop appears (at most SECONDS), and notes, as the file grows, the wall
  time and the samples so far in OUT.times (so a sample's wall time is known to a few ms).
analyse OUT AVLOG SPACE: checks the tone and its level, and where the editor's playhead (the
  clock the picture follows) was when each tone burst came out of the sink (AVLOG, from
  VODCUT_AV_LOG); says how far the pictures shown trail it, and how long after Space (the wall
  time in the file SPACE) the first sound came out.
"""
import math
import os
import struct
import subprocess
import sys
import time

RATE = 48000


def record(out, seconds):
    # parec writes the file itself (a starved reader here must not make it drop sound); this
    # side only notes the file's size against the wall clock as it grows.
    with open(out + ".raw", "wb") as raw:
        p = subprocess.Popen(
            ["parec", "--raw", "--format=s16le", f"--rate={RATE}", "--channels=1", "--latency-msec=5",
             "-d", "vodcut_null.monitor"],
            stdout=raw,
        )
        end = time.time() + seconds
        with open(out + ".times", "w") as times:
            last = 0
            while time.time() < end and not os.path.exists(out + ".stop"):
                size = os.path.getsize(out + ".raw")
                if size != last:
                    times.write(f"{time.time():.6f} {size // 2}\n")
                    last = size
                time.sleep(0.002)
        p.kill()
        p.wait()


def goertzel(s, hz):
    w = 2 * math.pi * hz / RATE
    c = 2 * math.cos(w)
    a = b = 0.0
    for x in s:
        a, b = x + c * a - b, a
    power = a * a + b * b - c * a * b
    return 2 * math.sqrt(max(power, 0.0)) / max(len(s), 1)


def analyse(out, avlog, space):
    data = open(out + ".raw", "rb").read()
    s = [v / 32768 for v in struct.unpack(f"<{len(data) // 2}h", data)]
    # Sample n arrived at the wall time of its chunk at the latest: the earliest
    # (time - n / RATE) over all chunks is when sample 0 played, less the least delay.
    t0 = min(float(t) - int(n) / RATE for t, n in (l.split() for l in open(out + ".times")))
    # The 440 Hz tone of the audio clip (the test video's loud half, -20 dBFS).
    steady = []
    for k in range(0, len(s) - RATE // 10, RATE // 10):
        a = goertzel(s[k:k + RATE // 10], 440)
        if a > 0.01:
            steady.append(a)
    if len(steady) < 10:
        sys.exit(f"e2e-sound: no 440 Hz tone in the recording ({len(steady)} windows)")
    level = 20 * math.log10(sorted(steady)[len(steady) // 2])
    print(f"e2e-sound: 440 Hz tone at {level:.1f} dBFS in {len(steady)} windows of 0.1 s")
    if not -23.0 < level < -17.0:
        sys.exit(f"e2e-sound: the tone's level is {level:.1f} dBFS, expected about -20")
    first = next((k for k, x in enumerate(s) if abs(x) > 0.01), None)
    pressed = float(open(space).read())
    if first is not None:
        # Informative: under Xvfb the key reaches the editor at its next frame (a software
        # renderer under load draws a few a second); the benchmark measures the player itself.
        print(f"e2e-sound: the first sound came out {(t0 + first / RATE - pressed) * 1000:.0f} ms after Space")
    # Burst onsets of the 1000 Hz tone, in 5 ms steps.
    step = RATE // 200
    onsets = []
    on = False
    for k in range(0, len(s) - step, step):
        loud = goertzel(s[k:k + step * 2], 1000) > 0.1
        if loud and not on:
            onsets.append(t0 + k / RATE)
        on = loud
    clock, pictures = [], []
    for line in open(avlog):
        what, wall, at = line.split()
        (clock if what == "clock" else pictures).append((float(wall), float(at)))
    if len(clock) < 2:
        sys.exit("e2e-sound: the editor logged no playback clock")

    def playhead_at(wall):
        """The editor's playhead at a wall time, between the two frames around it."""
        for (w0, a0), (w1, a1) in zip(clock, clock[1:]):
            # Not across the start, where the clock stands until the first sound is heard.
            if w0 <= wall <= w1 and w1 > w0 and a0 > 0:
                return a0 + (a1 - a0) * (wall - w0) / (w1 - w0)
        return None

    # Each burst is at a half second of the timeline (the clip starts at 0): where was the
    # playhead (the clock the picture follows) when that burst came out of the sink?
    offsets = []
    for wall in onsets:
        at = playhead_at(wall)
        if at is None:
            continue
        k = round(at / 0.5)
        if k > 0:
            # (The burst at 0 s is the start, where the clock stands until sound is heard.)
            offsets.append((k * 0.5, at - k * 0.5))
    for t, o in offsets:
        print(f"e2e-sound: burst of {t:.1f} s heard with the playhead at {o * 1000:+.0f} ms from it")
    if len(offsets) < 3:
        sys.exit(f"e2e-sound: too few bursts heard while playing ({len(onsets)} bursts, {len(offsets)} in play)")
    worst = max(abs(o) for _, o in offsets)
    gaps = sorted(b[0] - a[0] for a, b in zip(clock, clock[1:]))
    print(f"e2e-sound: the editor drew a frame every {gaps[len(gaps) // 2] * 1000:.0f} ms (median) while playing")
    if pictures:
        lag = [a - pa for w, pa in pictures if (a := playhead_at(w)) is not None]
        if lag:
            print(f"e2e-sound: the picture shown trails the playhead by {max(lag) * 1000:.0f} ms at most "
                  f"(frames decoded and composed in time; on a loaded machine this grows)")
    if worst > 0.040:
        sys.exit(f"e2e-sound: the playhead is {worst * 1000:.0f} ms from the sound: more than a frame (40 ms)")
    print(f"e2e-sound: playhead and sound within {worst * 1000:.0f} ms over {len(offsets)} bursts")


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(sys.argv[2], float(sys.argv[3]))
    else:
        analyse(sys.argv[2], sys.argv[3], sys.argv[4])
