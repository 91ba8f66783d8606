#!/usr/bin/env bash
# Rebuilds assets/fonts/NotoSansSC-vodcut.otf, the bundled fallback for machines without a
# CJK system font: Noto Sans CJK SC (OFL 1.1, from Debian's fonts-noto-cjk) cut down to the
# 6 763 characters of GB 2312 (the common Simplified Chinese set), CJK and full-width
# punctuation, and every character of the Chinese message catalog. Not run by the tests or CI;
# run it after adding Chinese text to the catalog that uses a character outside GB 2312.
# No OpenType layout tables: they are vertical forms and proportional punctuation, which
# horizontal text does not use, and would double the size.
# Needs: fonts-noto-cjk (apt), fonttools (pip install fonttools).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
CHARS=$(mktemp)
python3 - "$CHARS" <<'PY'
import sys, glob
chars = set()
# GB 2312: rows 0xB0-0xF7 (hanzi) and 0xA1-0xA9 (symbols, kana, full-width forms).
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x3000, 0x3040))   # CJK punctuation
chars.update(chr(c) for c in range(0xFF00, 0xFFF0))   # full-width forms
for f in glob.glob('locales/zh-CN/*.ftl') + ['locales/glossary.md']:
    chars.update(open(f, encoding='utf-8').read())
chars = {c for c in chars if ord(c) > 0x7F}
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
pyftsubset "$SRC" --font-number=2 --text-file="$CHARS" --layout-features='' \
  --no-hinting --output-file=assets/fonts/NotoSansSC-vodcut.otf
rm -f "$CHARS"
ls -l assets/fonts/NotoSansSC-vodcut.otf
