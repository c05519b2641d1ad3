#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: a single-valued option given twice (`--output a --output b`), which each option once
# resolved its own way (the first, the last, or both). Every command refuses the repeat with one
# line, before it reads or writes anything; options meant to repeat still do.
source "$(dirname "$0")/lib.sh"

L="$GPKG|layername="
boundary "$tmp/b.gpkg"
B="$tmp/b.gpkg|layername="
expect change-output-twice 2 "" "^limes change: --output is given 2 times \('$tmp/a\.gpkg', '$tmp/b2\.gpkg'\); give it once$" -- \
  change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --max-end-gap 5000 --output "$tmp/a.gpkg" --output "$tmp/b2.gpkg"
check change-output-twice-wrote-nothing test ! -e "$tmp/a.gpkg" -a ! -e "$tmp/b2.gpkg"
expect change-old-twice 2 "" "^limes change: --old is given 2 times" -- \
  change --old "${L}boundary_dcw" --old "${L}boundary_wdbii" --new "${L}boundary_wdbii" --left KG --right TJ --output "$tmp/a.gpkg"
expect change-left-twice 2 "" "^limes change: --left is given 2 times \('KG', 'TJ'\)" -- \
  change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --left TJ --right TJ --output "$tmp/a.gpkg"
expect change-grid-twice 2 "" "^limes change: --grid is given 3 times" -- \
  change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --grid 1 --grid 0.5 --grid 0.001 --output "$tmp/a.gpkg"
expect change-summary-twice-equals 2 "" "^limes change: --summary is given 2 times" -- \
  change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --output "$tmp/a.gpkg" --summary="$tmp/s.json" --summary "$tmp/s.json"
expect validate-line-twice 2 "" "^limes validate: --line is given 2 times" -- validate --line "${B}line" --line "${L}boundary_dcw" --output "$tmp/v.gpkg"
expect validate-tolerance-twice 2 "" "^limes validate: --tolerance is given 2 times \('1', '2'\)" -- \
  validate --line "${B}line" --tolerance 1 --tolerance 2 --output "$tmp/v.gpkg"
check validate-twice-wrote-nothing test ! -e "$tmp/v.gpkg"
expect ledger-segment-twice 2 "" "^limes ledger: --segment is given 2 times" -- ledger list "$tmp/ws.gpkg" --segment S-001 --segment S-002
expect workspace-name-twice 2 "" "^limes workspace: --name is given 2 times" -- \
  workspace import-version "$tmp/ws.gpkg" --name A --name B --kind draft --source "${B}line" --left KG --right TJ
expect workspace-init-segments-twice 2 "" "^limes workspace: --segments is given 2 times" -- \
  workspace init "$tmp/ws.gpkg" --segments "${B}segments" --segments "${L}segments"
check workspace-twice-wrote-nothing test ! -e "$tmp/ws.gpkg"

# what repeats by design still does
expect change-water-repeats 0 "^Wrote " "" -- change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ \
  --max-end-gap 5000 --water "${L}rivers" --resource "${L}synthetic_canals" --output "$tmp/a.gpkg"
check change-water-repeats-both grep -q "synthetic_canals" "$tmp/out"
expect workspace-party-repeats 0 "\(2 parties, 0 segments\)" "" -- workspace init "$tmp/ws.gpkg" --party KG=Kyrgyzstan --party TJ=Tajikistan

finish
