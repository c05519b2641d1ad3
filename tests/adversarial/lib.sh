# SPDX-License-Identifier: GPL-2.0-or-later
# What the adversarial scripts share (sourced, with the `limes` binary and the source tree as
# $1 and $2): a scratch directory, expect/check, fixtures written as a broken tool would
# write them, and proof that a refused run touched nothing.
set -u
LIMES=$(readlink -f "$1")
SRC=$(readlink -f "$2")
GPKG="$SRC/sampledata/fergana.gpkg"
HERE="$SRC/tests/adversarial"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a home of our own: tests run in parallel, and QGIS writes its settings under $HOME at every
# start; shared, their lock files and rewrites change the system calls the fault injection counts
export HOME="$tmp/home"
mkdir -p "$HOME"
failures=0 passes=0

pass() { passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# expect NAME EXPECTED_RC STDOUT_RE STDERR_RE -- ARGS...: the exit code, never an abort, and on
# failure exactly one line on stderr
expect() {
  local name=$1 rc=$2 out_re=$3 err_re=$4
  shift 5
  timeout 120 "$LIMES" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$? ok=1
  [ "$got" -eq "$rc" ] || { echo "FAIL $name: exit $got, expected $rc"; ok=0; }
  if [ -n "$out_re" ] && ! grep -Eq -- "$out_re" "$tmp/out"; then echo "FAIL $name: stdout lacks /$out_re/"; ok=0; fi
  if [ -n "$err_re" ]; then
    grep -Eq -- "$err_re" "$tmp/err" || { echo "FAIL $name: stderr lacks /$err_re/"; ok=0; }
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "FAIL $name: stderr is not one line"; ok=0; }
  elif [ -s "$tmp/err" ]; then
    echo "FAIL $name: unexpected stderr"; ok=0
  fi
  if [ $ok -eq 1 ]; then pass; else failures=$((failures + 1)); sed 's/^/  out: /' "$tmp/out" | head -10; sed 's/^/  err: /' "$tmp/err" | head -5; fi
}

check() { # NAME COMMAND...
  local name=$1; shift
  if "$@"; then pass; else fail "$name"; fi
}

# layer FILE LAYER CRS TYPE HEADER ROW...: a layer from CSV rows, WKT first ("WKT,code" and
# '"LINESTRING (...)",S-001'); numbers become numbers
layer() {
  local file=$1 name=$2 crs=$3 type=$4 header=$5; shift 5
  # a leading row number: the CSV driver does not take a file of one WKT column
  { echo "n,$header"; local i=0 row; for row in "$@"; do i=$((i + 1)); echo "$i,$row"; done; } >"$tmp/$name.csv"
  local update=()
  [ -e "$file" ] && update=(-update)
  ogr2ogr -f GPKG "${update[@]}" "$file" "$tmp/$name.csv" -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
    -oo AUTODETECT_TYPE=YES -a_srs "$crs" -nlt "$type" -nln "$name" || { echo "cannot write fixture $name"; exit 1; }
}

# patch FILE LAYER SENTINEL VALUE: coordinates no WKT carries (nan, inf), written into the file
patch() { /usr/bin/python3 "$HERE/patchgeometry.py" "$@" || exit 1; }

# Two line versions 1 km long near Isfara (UTM 42N), the new one bulging north: land moves.
versions() { # FILE [SENTINEL_VERTEX]: the new version's middle vertex (default 600500 4430100)
  local file=$1 mid=${2:-600500 4430100}
  layer "$file" old EPSG:32642 LINESTRING WKT '"LINESTRING (600000 4430000, 601000 4430000)"'
  layer "$file" new EPSG:32642 LINESTRING WKT "\"LINESTRING (600000 4430000, $mid, 601000 4430000)\""
}

# A line with two segments and two pillars near Isfara, for validate.
boundary() { # FILE
  local file=$1
  layer "$file" line EPSG:32642 LINESTRING WKT '"LINESTRING (600000 4430000, 601000 4430000, 602000 4430300)"'
  layer "$file" segments EPSG:32642 LINESTRING WKT,code '"LINESTRING (600000 4430000, 601000 4430000)",S-001' \
    '"LINESTRING (601000 4430000, 602000 4430300)",S-002'
  layer "$file" pillars EPSG:32642 POINT WKT,number,surveyed_x,surveyed_y '"POINT (600000 4430000)",1,600000.1,4430000' \
    '"POINT (601000 4430000)",2,601000,4430000.1'
}

# workspace WS [INIT OPTIONS...]: a GeoPackage workspace of KG and TJ whose writes are signed:
# TJ's, KG's and the secretariat's test keys registered (tests/support/keys.sh), the
# secretariat's the default signer
workspace() {
  local ws=$1; shift
  source "$SRC/tests/support/keys.sh"
  test_keys "$tmp/keys" "$LIMES"
  "$LIMES" workspace init "$ws" --party KG=Kyrgyzstan --party TJ=Tajikistan "$@" >/dev/null || { echo "cannot make workspace $ws"; exit 1; }
  register_keys "$ws"
}

# fingerprint FILE...: what a refused run must leave as it was (content, or absence)
fingerprint() {
  local f
  for f in "$@"; do
    if [ -e "$f" ]; then sha256sum <"$f"; else echo "absent $f"; fi
  done
}

# no_temporaries DIR: nothing of Limes' temporary naming left behind
no_temporaries() {
  ! ls -A "$1" | grep -Eq '\.(tmp|old)\.[a-z]+(-journal|-wal|-shm)?$'
}

finish() {
  echo "$(basename "$0" .sh): $passes passed, $failures failed"
  [ $failures -eq 0 ]
}
