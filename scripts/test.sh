#!/usr/bin/env bash
# The one test command: installs what the tests need, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
# Snapshot tests render with lavapipe; insist on it so a missing driver is an error rather
# than a silent switch to another backend.
export WGPU_BACKEND=vulkan
cargo test --all-targets --locked
# The real window under Xvfb, driven with xdotool (screenshots in target/e2e/).
bash scripts/e2e-xvfb.sh
# Uploading from the real window (screenshots in target/e2e-upload/).
bash scripts/e2e-upload.sh
# The real footage in the preview, with and without ffmpeg (screenshots in target/e2e-frames/).
bash scripts/e2e-frames.sh
# Cutting in the real window: a Ctrl-drop inserting, a gap click + Delete, W, Ctrl+Shift+V
# (screenshots in target/e2e-cut/).
bash scripts/e2e-cut.sh
# The source viewer: a bin item opened with a double-click, its frame, I/O, Insert (,) and
# Overwrite (.) at the timeline playhead (screenshots in target/e2e-source/).
bash scripts/e2e-source.sh
# The sound: a private pulseaudio with a null sink, Space plays 3 s of heard sound, parec
# records the monitor; the tone's level and the A/V offset are checked (target/e2e-sound/).
bash scripts/e2e-sound.sh
# Chinese drawn with the bundled font where fontconfig sees no CJK font (target/e2e-cjk/).
bash scripts/e2e-cjk.sh
# A forced crash of the real window: report, recovery, the notice at the next start
# (screenshots in target/e2e-crash/).
bash scripts/e2e-crash.sh
# The system keychain: gnome-keyring headless in a private D-Bus session, and no keychain at all.
bash scripts/keychain-test.sh
# The .deb: built from the debug binary, installed with dpkg -i, checked, removed.
bash scripts/deb-test.sh
# The editor in the sandbox, no account: welcome, drag from the library, produce (target/e2e-sandbox/).
bash scripts/e2e-sandbox.sh
# Go to timecode in the real window: Ctrl+G 00:00:05:12 Enter is 5.48 s (target/e2e-timecode/).
bash scripts/e2e-timecode.sh
# Effects seen: a cross-dissolve's mean colour in the preview, the Effects panel's thumbnails,
# in English and Chinese (target/e2e-effects/).
bash scripts/e2e-effects.sh
# Placing a layer by hand: the logo clicked, dragged in the preview and nudged with Right;
# the saved X/Y checked (target/e2e-palette/).
bash scripts/e2e-palette.sh
# Save to cloud from the real window, then the project in the cloud project browser
# (target/e2e-cloud/).
bash scripts/e2e-cloud.sh
