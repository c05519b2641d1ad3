#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: coordinates that cannot be (NaN, infinity, 1e300, UTM numbers in a WGS 84 layer's
# survey fields, a point PROJ cannot take to the working CRS) in every input of `change` and
# `validate`. A NaN in a version once hung `limes change` (memory growing fast); 1e300 in a line
# gave a finding about nowhere; survey fields that cannot be transformed aborted `validate`
# (exit 134). Each must be refused: exit 2, one line naming the layer and the feature, no output.
source "$(dirname "$0")/lib.sh"

SENTINEL=600777.5
# fixture FILE LAYER VALUE: the versions and boundary, with the sentinel vertex of LAYER set to VALUE
fixture() {
  local file=$1 target=$2 value=$3
  versions "$file" "$SENTINEL 4430100"
  boundary "$file"
  layer "$file" water EPSG:32642 LINESTRING WKT "\"LINESTRING (600400 4429900, $SENTINEL 4430200)\""
  layer "$file" badline EPSG:32642 LINESTRING WKT "\"LINESTRING (600000 4430000, $SENTINEL 4430000, 602000 4430300)\""
  layer "$file" badsegments EPSG:32642 LINESTRING WKT,code "\"LINESTRING (600000 4430000, $SENTINEL 4430000)\",S-001"
  layer "$file" badpillars EPSG:32642 POINT WKT,number "\"POINT ($SENTINEL 4430000)\",1"
  layer "$file" badtripoints EPSG:32642 POINT WKT "\"POINT ($SENTINEL 4430000)\""
  layer "$file" territories EPSG:32642 POLYGON WKT,party "\"POLYGON ((600000 4430000, $SENTINEL 4430000, 601000 4431000, 600000 4431000, 600000 4430000))\",KG"
  [ -n "$target" ] && patch "$file" "$target" "$SENTINEL" "$value"
}

# refused NAME VALUE LAYER STDERR_RE ARGS...: exit 2 within the time limit (a hang fails), nothing written
refused() {
  local name=$1 value=$2 target=$3 re=$4; shift 4
  rm -f "$tmp/c.gpkg" "$tmp/out.gpkg" "$tmp/out.json"
  fixture "$tmp/c.gpkg" "$target" "$value"
  C="$tmp/c.gpkg|layername="
  local args=("$@")
  args=("${args[@]//@/$C}")
  expect "$name" 2 "" "$re" -- "${args[@]}" --output "$tmp/out.gpkg" --summary "$tmp/out.json"
  check "$name-wrote-nothing" test ! -e "$tmp/out.gpkg" -a ! -e "$tmp/out.json"
  check "$name-no-temporaries" no_temporaries "$tmp"
}

change=(change --old @old --left KG --right TJ)
for value in nan inf -inf 1e300; do
  refused "change-new-$value" $value new "new version \(.*layername=new\): feature 1: coordinate \(.*\) (is not finite|cannot be a position)" \
    "${change[@]}" --new @new
  refused "change-segments-$value" $value badsegments "segments \(.*layername=badsegments\): feature 1: coordinate" \
    "${change[@]}" --new @new --segments @badsegments --segment-field code
  refused "change-water-$value" $value water "resource layer \(.*layername=water\): feature 1: coordinate" \
    "${change[@]}" --new @new --water @water
  refused "change-territories-$value" $value territories "old version \(.*layername=territories\): feature 1: coordinate" \
    change --old @territories --new @territories --party-field party
  refused "validate-line-$value" $value badline "line \(.*layername=badline\): feature 1: coordinate" validate --line @badline
  refused "validate-segments-$value" $value badsegments "segments \(.*layername=badsegments\): feature 1: coordinate" \
    validate --line @line --segments @badsegments
  refused "validate-pillars-$value" $value badpillars "pillars \(.*layername=badpillars\): feature 1: coordinate" \
    validate --line @line --pillars @badpillars
  refused "validate-territories-$value" $value territories "territories \(.*layername=territories\): feature 1: coordinate" \
    validate --line @line --territories @territories --party-field party
  refused "validate-tripoints-$value" $value badtripoints "tripoints \(.*layername=badtripoints\): feature 1: coordinate" \
    validate --line @line --tripoints @badtripoints
done

# survey fields in UTM metres in a WGS 84 layer: once a QgsCsException and exit 134
layer "$tmp/s.gpkg" pillars EPSG:4326 POINT WKT,number,surveyed_x,surveyed_y '"POINT (70.1 40.0)",1,70.1,40.0' '"POINT (70.2 40.0)",2,591000,4428000'
layer "$tmp/s.gpkg" line EPSG:4326 LINESTRING WKT '"LINESTRING (70.1 40.0, 70.2 40.0)"'
expect validate-survey-in-metres 2 "" "pillars \(.*layername=pillars\): feature 2 \(pillar 2\): surveyed position: coordinate \(591000, 4428000\) is not a longitude and latitude in EPSG:4326" -- \
  validate --line "$tmp/s.gpkg|layername=line" --pillars "$tmp/s.gpkg|layername=pillars" --output "$tmp/out.gpkg"
check validate-survey-in-metres-wrote-nothing test ! -e "$tmp/out.gpkg"

# a resource feature PROJ cannot take to the working CRS (90 degrees from UTM 42N's meridian, on
# the equator): once dropped without a word, its water silently missing from the totals
versions "$tmp/r.gpkg"
layer "$tmp/r.gpkg" springs EPSG:4326 POINT WKT '"POINT (70.5 40.0)"' '"POINT (159 0)"'
expect change-untransformable-resource 2 "" "resource layer \(.*layername=springs\): feature 2 cannot be transformed to the working CRS \(EPSG:32642\)$" -- \
  change --old "$tmp/r.gpkg|layername=old" --new "$tmp/r.gpkg|layername=new" --left KG --right TJ --water "$tmp/r.gpkg|layername=springs" --output "$tmp/out.gpkg"
layer "$tmp/r.gpkg" farline EPSG:4326 LINESTRING WKT '"LINESTRING (70.1 40.0, 70.2 40.0)"'
layer "$tmp/r.gpkg" farpillars EPSG:4326 POINT WKT,number '"POINT (70.1 40.0)",1' '"POINT (159 0)",2'
expect validate-untransformable-pillar 2 "" "pillars \(.*layername=farpillars\): feature 2 cannot be transformed to the working CRS \(EPSG:32642\)$" -- \
  validate --line "$tmp/r.gpkg|layername=farline" --pillars "$tmp/r.gpkg|layername=farpillars" --output "$tmp/out.gpkg"
check untransformable-wrote-nothing test ! -e "$tmp/out.gpkg"

# degrees that are metres: a layer's extent that cannot be in its CRS
layer "$tmp/m.gpkg" line EPSG:4326 LINESTRING WKT '"LINESTRING (600000 4430000, 601000 4430000)"'
expect validate-metres-as-degrees 2 "" "cannot be degrees: the layer's CRS \(EPSG:4326\) is wrong$" -- validate --line "$tmp/m.gpkg|layername=line" --output "$tmp/out.gpkg"
expect change-metres-as-degrees 2 "" "cannot be degrees: the layer's CRS \(EPSG:4326\) is wrong$" -- \
  change --old "$tmp/m.gpkg|layername=line" --new "$tmp/m.gpkg|layername=line" --left KG --right TJ --output "$tmp/out.gpkg"

finish
