#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The Debian package as a cartographer meets it: built with CPack from BUILD, installed with
# apt, then `limes` from /usr/bin and the plugin from QGIS's own plugin directory, through the
# real desktop under Xvfb; removed again at the end. Installs into the system it runs on, so
# scripts/test-qgis.sh runs it inside its throwaway chroot only.
#   tests/package/test_package.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$1
SRC=$2
pass=0 fail=0
ok() { echo "ok    $1"; pass=$((pass + 1)); }
bad() { echo "FAIL  $1"; fail=$((fail + 1)); }
finish() { echo "package: $pass passed, $fail failed"; [ $fail -eq 0 ]; exit $?; }

rm -rf "$BUILD/packages"
(cd "$BUILD" && cpack -G DEB >"$BUILD/cpack.log" 2>&1) || { tail -20 "$BUILD/cpack.log"; bad "cpack builds the package"; finish; }
deb=$(ls "$BUILD"/packages/qgis-plugin-limes_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { bad "a qgis-plugin-limes_*.deb in $BUILD/packages"; finish; }
qgis_version=$(sed -n 's/^set(QGIS_VERSION[^"]*"\{0,1\}\([0-9.]*\).*/\1/p' "$BUILD/CMakeCache.txt" | head -1)
[ -n "$qgis_version" ] || qgis_version=$(dpkg-query -W -f '${Version}' libqgis-dev | sed 's/[+~-].*//')
mm=${qgis_version%.*}
case "$(basename "$deb")" in
  qgis-plugin-limes_*-1+qgis${mm}_amd64.deb) ok "file name names the QGIS release: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)" ;;
  *) bad "file name $(basename "$deb") does not end in -1+qgis${mm}_amd64.deb" ;;
esac
depends=$(dpkg-deb -f "$deb" Depends)
echo "$depends" | grep -q "libqgis-core${qgis_version}" && ok "depends on libqgis-core${qgis_version}" || bad "Depends lacks libqgis-core${qgis_version}: $depends"

DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$BUILD/package-install.log" 2>&1 \
  && ok "apt installs it" || { tail -20 "$BUILD/package-install.log"; bad "apt installs it"; finish; }
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -q qgis-plugin-limes >/dev/null 2>&1' EXIT
plugin_dir=$(dpkg -L qgis-plugin-limes | grep '/liblimesplugin.so$')
[ "$plugin_dir" = /usr/lib/qgis/plugins/liblimesplugin.so ] && ok "plugin in /usr/lib/qgis/plugins" || bad "plugin installed as '$plugin_dir'"
[ -x /usr/bin/limes ] && ok "/usr/bin/limes" || bad "no /usr/bin/limes"
/usr/bin/limes --version | grep -q "QGIS $qgis_version" && ok "installed limes names QGIS $qgis_version" || bad "limes --version: $(/usr/bin/limes --version 2>&1 | tr '\n' ' ')"

# the installed CLI gives the build tree's numbers
out=$(mktemp -d)
L="$SRC/sampledata/fergana.gpkg|layername="
for run in "installed /usr/bin/limes" "built $BUILD/output/bin/limes"; do
  set -- $run
  HOME="$out" "$2" change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ \
    --max-end-gap 5000 --output "$out/$1.gpkg" --summary "$out/$1.json" >/dev/null 2>"$out/$1.err" || cat "$out/$1.err"
done
# the same numbers, provenance aside (it names the binary's build)
python3 - "$out/installed.json" "$out/built.json" <<'PY' && ok "/usr/bin/limes change gives the build tree's summary" || bad "/usr/bin/limes change differs from the build tree's"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for x in (a, b):
    x.pop('provenance')
sys.exit(0 if a == b and a['transfers'] else 1)
PY
rm -rf "$out"

# the real desktop loads Limes from the system plugin directory (no plugin search path set)
if bash "$SRC/tests/e2e/run_e2e.sh" system "$BUILD/e2e-package" "$SRC/sampledata/fergana.qgs" >"$BUILD/e2e-package.log" 2>&1; then
  ok "QGIS loads Limes from /usr/lib/qgis/plugins (e2e, screenshot $BUILD/e2e-package/qgis-e2e.png)"
else
  tail -30 "$BUILD/e2e-package.log"; bad "e2e against the installed package"
fi
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q qgis-plugin-limes >/dev/null 2>&1
trap - EXIT
[ ! -e /usr/bin/limes ] && [ ! -e /usr/lib/qgis/plugins/liblimesplugin.so ] && ok "removal leaves no file behind" || bad "files left after removal"
finish
