#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: numbers that give wrong answers without a word. `--grid 1e-15` once reported no
# transfers and `1e-10` a hundredth of the area, both with exit 0: a grid finer than double
# precision allows at the data's coordinates is refused, naming the smallest allowed; so are
# NaN, infinite, negative and absurd values of every numeric option.
source "$(dirname "$0")/lib.sh"

L="$GPKG|layername="
sample=(change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --max-end-gap 5000)
bad() { # NAME STDERR_RE ARGS...
  local name=$1 re=$2; shift 2
  expect "$name" 2 "" "$re" -- "$@" --output "$tmp/out.gpkg"
  check "$name-wrote-nothing" test ! -e "$tmp/out.gpkg"
}
bad grid-1e-15 "^limes change: grid must be between 1e-06 and 10 m \(got 1e-15\)$" "${sample[@]}" --grid 1e-15
bad grid-1e-10 "^limes change: grid must be between 1e-06 and 10 m \(got 1e-10\)$" "${sample[@]}" --grid 1e-10
# coordinates up to 4.5e6 m in UTM 42N: double precision allows about 4.5e-6 m
bad grid-below-precision "^limes change: grid 2e-06 m is finer than double precision allows for this data \(coordinates up to [0-9]+ m in EPSG:32642\): the smallest grid allowed is 4\.[0-9]e-06 m$" \
  "${sample[@]}" --grid 2e-6
bad grid-huge "grid must be between 1e-06 and 10 m \(got 1000\)$" "${sample[@]}" --grid 1000
bad grid-nan "^limes change: --grid: not a number: 'nan'$" "${sample[@]}" --grid nan
bad grid-inf "^limes change: --grid: not a number: 'inf'$" "${sample[@]}" --grid inf
bad grid-negative "^limes change: --grid: must be at least 0 \(got -0.001\)$" "${sample[@]}" --grid -0.001
bad min-area-nan "^limes change: --min-area: not a number: 'nan'$" "${sample[@]}" --min-area nan
bad min-area-negative "^limes change: --min-area: must be at least 0" "${sample[@]}" --min-area -1
bad min-area-absurd "^limes change: minimum area must be between 0 and 5.1e\+14 m² \(got 1e\+300\)$" "${sample[@]}" --min-area 1e300
gap=(change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ)
bad max-end-gap-inf "^limes change: --max-end-gap: not a number: 'inf'$" "${gap[@]}" --max-end-gap inf
bad max-end-gap-absurd "^limes change: maximum end gap must be between 0 and 2e\+07 m \(got 1e\+300\)$" "${gap[@]}" --max-end-gap 1e300

# the smallest grid allowed still gives the area the default grid gives
expect grid-fine-allowed 0 "" "" -- "${sample[@]}" --grid 1e-5 --output "$tmp/fine.gpkg" --summary "$tmp/fine.json"
"$LIMES" "${sample[@]}" --output "$tmp/default.gpkg" --summary "$tmp/default.json" >/dev/null 2>&1
/usr/bin/python3 - "$tmp/fine.json" "$tmp/default.json" <<'PY' && pass || fail "grid-fine-same-area"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
area = lambda s: {(t['from'], t['to']): t['area_m2'] for t in s['transfers']}
fa, fb = area(a), area(b)
assert fa.keys() == fb.keys() and fa, (fa, fb)
for k in fa:
    assert abs(fa[k] - fb[k]) <= 1e-6 * fb[k] + 1, (k, fa[k], fb[k])
PY

boundary "$tmp/b.gpkg"
V=(validate --line "$tmp/b.gpkg|layername=line" --pillars "$tmp/b.gpkg|layername=pillars")
bad tolerance-zero "^limes validate: tolerance must be between 1e-06 and 2e\+07 m \(got 0\)$" "${V[@]}" --tolerance 0
bad tolerance-nan "^limes validate: --tolerance: not a number: 'nan'$" "${V[@]}" --tolerance nan
bad tolerance-absurd "^limes validate: tolerance must be between 1e-06 and 2e\+07 m \(got 1e\+300\)$" "${V[@]}" --tolerance 1e300
bad spike-angle "^limes validate: spike angle must be between 0 and 180 degrees \(got 200\)$" "${V[@]}" --spike-angle 200
bad turning-angle "^limes validate: --turning-angle: must be at least 0 \(got -5\)$" "${V[@]}" --turning-angle -5
bad pillar-spacing-absurd "^limes validate: maximum pillar spacing must be between 0 and 2e\+07 m \(got 1e\+300\)$" "${V[@]}" --max-pillar-spacing 1e300
bad pillar-spacings-crossed "^limes validate: minimum pillar spacing \(100 m\) is above the maximum \(10 m\)$" "${V[@]}" --min-pillar-spacing 100 --max-pillar-spacing 10

finish
