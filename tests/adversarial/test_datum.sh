#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: an input whose datum PROJ can take to WGS 84 in several ways (Pulkovo 1942: metres
# apart), which one being the commission's call. `validate` once skipped the check when the
# line itself was in Pulkovo 1942 (and for any input in the line's CRS); `change` had none.
# Every input of both commands is refused, naming it, until reprojected with the agreed way.
source "$(dirname "$0")/lib.sh"

P="$tmp/pulkovo.gpkg|layername="
layer "$tmp/pulkovo.gpkg" line EPSG:4284 LINESTRING WKT '"LINESTRING (70.50 40.00, 70.51 40.00, 70.52 40.003)"'
layer "$tmp/pulkovo.gpkg" bulge EPSG:4284 LINESTRING WKT '"LINESTRING (70.50 40.00, 70.505 40.002, 70.51 40.00, 70.52 40.003)"'
layer "$tmp/pulkovo.gpkg" segments EPSG:4284 LINESTRING WKT,code '"LINESTRING (70.50 40.00, 70.51 40.00)",S-001'
layer "$tmp/pulkovo.gpkg" pillars EPSG:4284 POINT WKT,number '"POINT (70.50 40.00)",1'
layer "$tmp/pulkovo.gpkg" rivers EPSG:4284 LINESTRING WKT '"LINESTRING (70.505 39.99, 70.505 40.01)"'
layer "$tmp/w.gpkg" line EPSG:4326 LINESTRING WKT '"LINESTRING (70.50 40.00, 70.51 40.00, 70.52 40.003)"'
layer "$tmp/w.gpkg" bulge EPSG:4326 LINESTRING WKT '"LINESTRING (70.50 40.00, 70.505 40.002, 70.51 40.00, 70.52 40.003)"'
W="$tmp/w.gpkg|layername="
ambiguous="the transformation from EPSG:4284 to EPSG:32642 is ambiguous \([0-9]+ datum transformations\); reproject the layer with the one the commission agreed$"

expect validate-line-pulkovo 2 "" "^limes validate: line \(.*pulkovo\.gpkg\|layername=line\): $ambiguous" -- validate --line "${P}line" --output "$tmp/v.gpkg"
expect validate-segments-in-line-crs 2 "" "line \(.*layername=line\): $ambiguous" -- validate --line "${P}line" --segments "${P}segments" --output "$tmp/v.gpkg"
expect validate-pillars-pulkovo 2 "" "^limes validate: pillars \(.*layername=pillars\): $ambiguous" -- validate --line "${W}line" --pillars "${P}pillars" --output "$tmp/v.gpkg"
expect validate-segments-pulkovo 2 "" "^limes validate: segments \(.*layername=segments\): $ambiguous" -- validate --line "${W}line" --segments "${P}segments" --output "$tmp/v.gpkg"
check validate-wrote-nothing test ! -e "$tmp/v.gpkg"

lines=(--left KG --right TJ)
expect change-versions-pulkovo 2 "" "^limes change: old version \(.*layername=line\): $ambiguous" -- change --old "${P}line" --new "${P}bulge" "${lines[@]}" --output "$tmp/c.gpkg"
expect change-new-pulkovo 2 "" "^limes change: new version \(.*layername=bulge\): $ambiguous" -- change --old "${W}line" --new "${P}bulge" "${lines[@]}" --output "$tmp/c.gpkg"
expect change-water-pulkovo 2 "" "^limes change: resource layer \(.*layername=rivers\): $ambiguous" -- change --old "${W}line" --new "${W}bulge" "${lines[@]}" --water "${P}rivers" --output "$tmp/c.gpkg"
expect change-segments-pulkovo 2 "" "^limes change: segments \(.*layername=segments\): $ambiguous" -- change --old "${W}line" --new "${W}bulge" "${lines[@]}" --segments "${P}segments" --output "$tmp/c.gpkg"
check change-wrote-nothing test ! -e "$tmp/c.gpkg"

# one way to WGS 84: accepted
expect change-wgs84 0 "^  KG +TJ +1 " "" -- change --old "${W}line" --new "${W}bulge" "${lines[@]}" --output "$tmp/c.gpkg"
expect validate-wgs84 0 "" "" -- validate --line "${W}line" --output "$tmp/v.gpkg"

finish
