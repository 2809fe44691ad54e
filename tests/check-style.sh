#!/usr/bin/env bash
# The house style that a machine can check (STYLE.md, .editorconfig): every
# C file opens with an SPDX line and a copyright line, and no C, header or
# .ui file has tabs or trailing white space.
set -u
cd "${1:-.}" || exit 2
status=0
while IFS= read -r -d '' f; do
  case "$f" in
    *.c|*.h)
      head -n 1 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' ||
        { echo "$f:1: missing the SPDX line"; status=1; }
      head -n 3 "$f" | grep -q 'Copyright' ||
        { echo "$f:2: missing the copyright line"; status=1; }
      ;;
  esac
  if grep -nP '\t' "$f" >/dev/null; then
    echo "$f:$(grep -nP '\t' "$f" | head -n 1 | cut -d: -f1): a tab (indent with spaces)"; status=1
  fi
  if grep -nP '[ \t]+$' "$f" >/dev/null; then
    echo "$f:$(grep -nP '[ \t]+$' "$f" | head -n 1 | cut -d: -f1): trailing white space"; status=1
  fi
done < <(find src tests ui bench -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -print0 2>/dev/null)
exit $status
