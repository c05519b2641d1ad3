#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Starts the real QGIS desktop under Xvfb with a throwaway profile that enables the Limes
# plugin from the build tree, runs check_plugin.py (or the script given fourth) inside it and
# reads its verdict. LIMES_E2E_PREPARE names a script run first with OUT (test data);
# LIMES_E2E_TIMEOUT the seconds QGIS may take (240).
set -u
PLUGIN_DIR=$1
OUT=$2
PROJECT=${3:-}
SCRIPT=${4:-check_plugin.py}
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$OUT"
mkdir -p "$OUT/profiles/default/QGIS" "$OUT/runtime"
chmod 700 "$OUT/runtime"
export LIMES_E2E_PROJECT="$PROJECT"
if [ -n "${LIMES_E2E_PREPARE:-}" ] && ! bash "$LIMES_E2E_PREPARE" "$OUT"; then
  echo "e2e: 0 passed, 1 failed (preparing the test data)"
  exit 1
fi
# PLUGIN_DIR "system": no search path, so QGIS can only find Limes in its own plugin directory
# (the installed Debian package)
if [ "$PLUGIN_DIR" = system ]; then
  search=""
  export LIMES_E2E_EXPECT_MODULE_DIR=/usr/lib/qgis/plugins
else
  search="searchPathsForPlugins=$PLUGIN_DIR"
  LIMES_E2E_EXPECT_MODULE_DIR=$(cd "$PLUGIN_DIR" && pwd -P)
  export LIMES_E2E_EXPECT_MODULE_DIR
fi
cat >"$OUT/profiles/default/QGIS/QGIS3.ini" <<INI
[plugins]
$search

[Plugins]
liblimesplugin=true

[qgis]
checkVersion=false
INI

export LIMES_E2E_OUT="$OUT" LIMES_E2E_DIR="$HERE" LIMES_E2E_PROJECT="$PROJECT" XDG_RUNTIME_DIR="$OUT/runtime" HOME="$OUT"
unset QT_QPA_PLATFORM
# a hang must fail the test, never block CI: timeout kills QGIS and Xvfb with it
# LIMES_E2E_GDB=1: QGIS runs under gdb, which prints every thread's stack if it crashes
debugger=()
[ "${LIMES_E2E_GDB:-}" = 1 ] && debugger=(gdb -q -batch -return-child-result -ex run -ex "thread apply all bt 15" --args)
timeout --kill-after=15 "${LIMES_E2E_TIMEOUT:-240}" xvfb-run -a -s "-screen 0 1600x1000x24" \
  "${debugger[@]}" qgis.bin --profiles-path "$OUT" --nologo --noversioncheck --code "$HERE/$SCRIPT" >"$OUT/qgis.log" 2>&1
rc=$?
if [ ! -f "$OUT/result.json" ]; then
  echo "FAIL: QGIS exited with $rc and wrote no result (log: $OUT/qgis.log)"
  tail -30 "$OUT/qgis.log"
  echo "e2e: 0 passed, 1 failed"
  exit 1
fi
/usr/bin/python3 - "$OUT/result.json" "$rc" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for name, c in r['checks'].items():
    print('%-28s %s %s' % (name, 'ok  ' if c['ok'] else 'FAIL', '' if c['ok'] else c['detail']))
for name, detail in r.get('gaps', {}).items():
    print('%-28s KNOWN GAP %s' % (name, detail))
passed = sum(c['ok'] for c in r['checks'].values())
failed = len(r['checks']) - passed
if sys.argv[2] != '0' and failed == 0:
    print('QGIS exit status %s although every check passed' % sys.argv[2]); failed += 1
print('e2e: %d passed, %d failed' % (passed, failed))
import glob, os
shots = sorted(glob.glob(os.path.join(os.path.dirname(sys.argv[1]), '*.png')))
print('screenshots: %s' % ' '.join(shots))
sys.exit(1 if failed else 0)
PY
