#!/usr/bin/env bash
# The `limes` tool as a user meets it: output, exit codes and one-line errors.
set -u
LIMES=$1
SRC=$2
GPKG="$SRC/sampledata/fergana.gpkg"
failures=0 passes=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME EXPECTED_RC PATTERN(stdout) STDERR_PATTERN -- ARGS...
expect() {
  local name=$1 rc=$2 out_re=$3 err_re=$4
  shift 5
  "$LIMES" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local ok=1
  [ "$got" -eq "$rc" ] || { echo "FAIL $name: exit $got, expected $rc"; ok=0; }
  if [ -n "$out_re" ] && ! grep -Eq -- "$out_re" "$tmp/out"; then echo "FAIL $name: stdout lacks /$out_re/"; ok=0; fi
  if [ -n "$err_re" ]; then
    grep -Eq -- "$err_re" "$tmp/err" || { echo "FAIL $name: stderr lacks /$err_re/"; ok=0; }
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "FAIL $name: stderr is not one line:"; ok=0; }
  elif [ -s "$tmp/err" ]; then
    echo "FAIL $name: unexpected stderr"; ok=0
  fi
  if [ $ok -eq 1 ]; then passes=$((passes + 1)); else failures=$((failures + 1)); sed 's/^/  out: /' "$tmp/out" | head -20; sed 's/^/  err: /' "$tmp/err" | head -20; fi
}

qgis_version=$(sed -n 's/^#define _QGIS_VERSION "\([0-9.]*\)-.*/\1/p' /usr/include/qgis/qgsconfig.h)
geos_version=$(geos-config --version 2>/dev/null)
proj_version=$(pkg-config --modversion proj 2>/dev/null)

expect version 0 "^Limes [0-9]+\.[0-9]+\.[0-9]+$" "" -- --version
expect version-qgis 0 "^QGIS ${qgis_version:-3}" "" -- --version
expect version-geos 0 "^GEOS ${geos_version:-3}$" "" -- --version
expect version-proj 0 "^PROJ ${proj_version:-[0-9]}$" "" -- --version
expect help 0 "^  info +List the layers" "" -- --help
expect help-exit-codes 0 "Exit codes: 0 success" "" -- --help
expect no-args 2 "^Usage: limes COMMAND" "" --
expect unknown-command 2 "" "^limes: unknown command 'frobnicate' \(see limes --help\)$" -- frobnicate
expect info-help 0 "^Usage: limes info \[options\] SRC" "" -- info --help
expect info-unknown-option 2 "" "^limes info: Unknown option 'bogus'\.$" -- info --bogus
expect info-no-source 2 "" "^limes info: missing argument" -- info
expect info-sample 0 "^  pillars +Point +EPSG:4326 +[0-9]{3} " "" -- info "$GPKG"
expect info-sample-boundary 0 "^  boundary_wdbii +LineString +EPSG:4326 +2 " "" -- info "$GPKG"
expect info-one-layer 0 "^  segments +LineString" "" -- info "$GPKG|layername=segments"
expect info-missing-file 2 "" "^limes info: /nonexistent/a\.gpkg: no such file$" -- info /nonexistent/a.gpkg
expect info-missing-layer 2 "" "^limes info: .*fergana\.gpkg: no layer named 'rivrs' \(layers: territories, " -- info "$GPKG|layername=rivrs"
printf 'not a geopackage' >"$tmp/broken.gpkg"
expect info-corrupt 2 "" "broken\.gpkg: not a vector data source GDAL can read$" -- info "$tmp/broken.gpkg"

# one layer only when a layername is given
"$LIMES" info "$GPKG|layername=segments" >"$tmp/one"
[ "$(grep -c '^  [a-z_]' "$tmp/one")" -eq 2 ] && passes=$((passes + 1)) || { echo "FAIL info-one-layer-count"; failures=$((failures + 1)); }

echo "cli: $passes passed, $failures failed"
[ $failures -eq 0 ]
