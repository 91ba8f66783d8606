#!/usr/bin/env bash
# Installs the Debian packages vodcut's tests need (idempotent; a no-op when all are present).
# Building needs none: eframe, wgpu and rfd load their system libraries at run time.
#   xvfb xdotool imagemagick   - the real-window end-to-end test (X server, input, screenshots)
#   mesa-vulkan-drivers libvulkan1 - lavapipe, the software Vulkan that snapshot tests render with
#   fonts-noto-cjk             - Chinese text in the editor (e2e-cjk.sh hides it to test the bundled font)
#   fontconfig                 - fc-list, to check that e2e-cjk.sh really hides every CJK font
#   ffmpeg                     - test media (generated in the tests) and the frame source
#   tzdata                     - time zones (job times are shown in local time; a test uses named zones)
#   desktop-file-utils shared-mime-info - the installed package's desktop entry and MIME type
#                                (scripts/deb-test.sh: desktop-file-validate, the MIME database)
#   dbus gnome-keyring         - a real Secret Service for the keychain test (scripts/keychain-test.sh)
#   pulseaudio pulseaudio-utils python3 - the sound test (scripts/e2e-sound.sh): a private sound
#                                server with a null sink, parec to record it, the analysis
set -euo pipefail
PKGS=(xvfb xdotool imagemagick xauth x11-utils mesa-vulkan-drivers libvulkan1 libgl1-mesa-dri libegl1
      libegl-mesa0 libxkbcommon-x11-0 libfontconfig1 fontconfig fonts-noto-cjk ffmpeg tzdata
      desktop-file-utils shared-mime-info dbus gnome-keyring pulseaudio pulseaudio-utils python3)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
