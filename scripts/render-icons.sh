#!/usr/bin/env bash
# Renders assets/icon/vodcut.svg to the PNG sizes desktops and packages use. Run it after
# changing the SVG and commit the PNGs (the build and the packages never render anything).
# Needs rsvg-convert (apt: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" vodcut.svg -o "vodcut-$s.png"
done
