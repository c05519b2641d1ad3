#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Writes the sample data's change and validation summaries into OUT, for comparing the
# numbers across QGIS releases (tests/releases/compare_releases.py, run by .ci/run after
# every release's suite). Asserts each command's exit status.
#   tests/releases/sample_results.sh LIMES SOURCE_DIR OUT
set -u
LIMES=$1
SRC=$2
OUT=$3
rm -rf "$OUT"
mkdir -p "$OUT"
L="$SRC/sampledata/fergana.gpkg|layername="
pass=0 fail=0
run() {  # expected-status name command...
  local want=$1 name=$2
  shift 2
  "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  local rc=$?
  if [ $rc -eq "$want" ] && [ -s "$OUT/$name.json" ]; then pass=$((pass + 1)); else
    echo "FAIL $name: exit $rc (expected $want)"; cat "$OUT/$name.err"; fail=$((fail + 1)); fi
}
run 0 change-dcw-wdbii "$LIMES" change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ \
  --water "${L}rivers" --water "${L}synthetic_water_points" --water "${L}synthetic_canals" \
  --water "${L}synthetic_reservoirs" --segments "${L}segments" --max-end-gap 5000 --min-area 1000 \
  --output "$OUT/change-dcw-wdbii.gpkg" --summary "$OUT/change-dcw-wdbii.json"
claims="${L}synthetic_claims|subset=segment = 'S-003' AND party = "
run 0 change-claims-S-003 "$LIMES" change --old "${claims}'TJ'" --new "${claims}'KG'" --left KG --right TJ \
  --water "${L}synthetic_water_points" --water "${L}synthetic_canals" --water "${L}synthetic_reservoirs" \
  --segments "${L}segments" --output "$OUT/change-claims-S-003.gpkg" --summary "$OUT/change-claims-S-003.json"
# the sample's DCW territories overlap and leave gaps (real data): findings, exit 1
run 1 validate-dcw "$LIMES" validate --line "${L}boundary_dcw" --segments "${L}segments" --pillars "${L}pillars" \
  --territories "${L}territories" --party-field party --output "$OUT/validate-dcw.gpkg" --summary "$OUT/validate-dcw.json"
"$LIMES" --version >"$OUT/version.txt"
echo "sample_results: $pass passed, $fail failed"
[ $fail -eq 0 ]
