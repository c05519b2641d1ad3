#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Qt 6 readiness: clazy's qt6-* checks over every Limes source in the build's
# compile_commands.json (generated moc/uic/rcc files and QGIS's own headers are not ours).
# Any finding fails: it names an API that Qt 6 removed or changed.
#   tests/qt6/check_qt6.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
SRC=$(cd "$2" && pwd -P)
CHECKS=qt6-deprecated-api-fixes,qt6-header-fixes,qt6-qhash-signature,qt6-fwd-fixes
files=$(python3 - "$BUILD/compile_commands.json" "$SRC" <<'PY'
import json, os, sys
src = sys.argv[2]
for e in json.load(open(sys.argv[1])):
    f = os.path.realpath(os.path.join(e['directory'], e['file']))
    if f.startswith(src + '/') and '_autogen' not in f and '/build' not in f[len(src):]:
        print(f)
PY
)
[ -n "$files" ] || { echo "qt6: no sources found in $BUILD/compile_commands.json"; echo "qt6: 0 passed, 1 failed"; exit 1; }
out=$(echo "$files" | sort -u | xargs -P "$(nproc)" -n 4 clazy-standalone -p "$BUILD" --checks="$CHECKS" \
  --header-filter="^$SRC/(plugin|tests|bench)/" --extra-arg=-Wno-unknown-warning-option 2>&1)
findings=$(echo "$out" | grep -E 'warning:|error:' | sort -u)
n=$(echo "$files" | sort -u | wc -l)
if [ -n "$findings" ]; then
  echo "$findings"
  echo "qt6: $((n)) files checked, $(echo "$findings" | wc -l) findings"
  echo "qt6: 0 passed, 1 failed"
  exit 1
fi
echo "qt6: $n files checked with $CHECKS, no finding"
echo "qt6: 1 passed, 0 failed"
