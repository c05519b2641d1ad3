#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Adds the SPDX licence line to every source, build and script file of Limes that lacks one
# (`scripts/spdx.sh --check` only lists them, exit 1 when any; a ctest runs the check).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
check=0
[ "${1:-}" = --check ] && check=1
missing=0
while IFS= read -r f; do
  head -n 3 "$f" | grep -q 'SPDX-License-Identifier:' && continue
  missing=$((missing + 1))
  if [ $check -eq 1 ]; then echo "no SPDX line: $f"; continue; fi
  case "$f" in
    *.cpp|*.h) line='// SPDX-License-Identifier: GPL-2.0-or-later' ;;
    *.sql) line='-- SPDX-License-Identifier: GPL-2.0-or-later' ;;
    *.map) line='/* SPDX-License-Identifier: GPL-2.0-or-later */' ;;
    *.ui|*.qrc|*.svg|*.ts) line='<!-- SPDX-License-Identifier: GPL-2.0-or-later -->' ;;
    *) line='# SPDX-License-Identifier: GPL-2.0-or-later' ;;
  esac
  if head -n 1 "$f" | grep -q '^#!'; then
    sed -i "1a $line" "$f"
  elif head -n 1 "$f" | grep -q '^<?xml'; then
    sed -i "1a $line" "$f"
  else
    sed -i "1i $line" "$f"
  fi
done < <(git ls-files --cached --others --exclude-standard -- \
  '*.cpp' '*.h' '*.sh' '*.py' '*.sql' '*.cmake' 'CMakeLists.txt' '*/CMakeLists.txt' '*.map' '.ci/run' '*.ui' '*.qrc' |
  grep -v '^sampledata/' || true)
if [ $check -eq 1 ]; then
  echo "spdx: $([ $missing -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed")"
  [ $missing -eq 0 ]
else
  echo "spdx: added the line to $missing files"
fi
