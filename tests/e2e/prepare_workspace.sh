#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the sample commission workspace for the desktop end-to-end test, with the CLI, the way
# scripts/demo.sh does (plus one version whose lines carry their segment codes, so that the
# Segments dock can show where each segment runs), and the CLI's own answers the test
# compares the desktop with: `workspace info` and `change --workspace` summaries.
#   prepare_workspace.sh OUTDIR     (run_e2e.sh runs it as LIMES_E2E_PREPARE; the CLI is
#                                    LIMES_E2E_CLI, the sample next to LIMES_E2E_PROJECT)
set -euo pipefail
OUT=$1
LIMES=${LIMES_E2E_CLI:?the limes CLI}
SAMPLE=${LIMES_E2E_PROJECT%.qgs}.gpkg
DATA="$OUT/data"
mkdir -p "$DATA"
WS="$DATA/fergana-workspace.gpkg"
L="$SAMPLE|layername="
export LIMES_AUTHOR="Limes e2e"
run() { "$LIMES" "$@" >>"$DATA/prepare.log" 2>&1 || { echo "prepare: limes $* failed"; tail -5 "$DATA/prepare.log"; exit 1; }; }
# entry N as the `Recorded entry N:` line says it
recorded() { local out; out=$("$LIMES" "$@" 2>>"$DATA/prepare.log") || { echo "prepare: limes $* failed" >&2; exit 1; }; sed -n 's/^Recorded entry \([0-9]*\):.*/\1/p' <<<"$out"; }

# each delegation's key and the secretariat's, as scripts/demo.sh makes them; the desktop test
# types the passphrase into Limes' key dialog
KEYS="$DATA/keys"
mkdir -p "$KEYS"
export LIMES_KEY_PASSPHRASE="limes e2e passphrase"
printf '%s' "$LIMES_KEY_PASSPHRASE" >"$KEYS/passphrase.txt"
for who in tj kg secretariat; do run key generate --out "$KEYS/$who.key"; done

# the sample's segment lines with their code as `segment`: a version that names its segments
ogr2ogr -f GPKG "$DATA/dcw-by-segment.gpkg" "$SAMPLE" -nln dcw_by_segment \
  -sql "SELECT geom, code AS segment FROM segments ORDER BY seq" >>"$DATA/prepare.log" 2>&1

claims="${L}synthetic_claims|subset=segment = 'S-003' AND party = "
run workspace init "$WS" --party "TJ=Tajikistan" --party "KG=Kyrgyzstan" --segments "${L}segments"
run workspace register-key "$WS" --party TJ --key "$KEYS/tj.key" --holder "TJ delegation (synthetic)"
run workspace register-key "$WS" --party KG --key "$KEYS/kg.key" --holder "KG delegation (synthetic)"
run workspace register-key "$WS" --party SECRETARIAT --key "$KEYS/secretariat.key" --holder "Secretariat (synthetic)"
export LIMES_KEY="$KEYS/secretariat.key"   # the secretariat records what is joint; each delegation signs its own
run workspace import-version "$WS" --name DCW --kind historical --source "${L}boundary_dcw" --left KG --right TJ
run workspace import-version "$WS" --name WDBII --kind draft --source "${L}boundary_wdbii" --left KG --right TJ
run workspace import-version "$WS" --name "DCW by segment" --kind agreed --source "$DATA/dcw-by-segment.gpkg|layername=dcw_by_segment" --left KG --right TJ
run workspace import-version "$WS" --name "TJ claim S-003" --kind claim --source "${claims}'TJ'" --left KG --right TJ --key "$KEYS/tj.key"
run workspace import-version "$WS" --name "KG claim S-003" --kind claim --source "${claims}'KG'" --left KG --right TJ --key "$KEYS/kg.key"
run workspace import-pillars "$WS" --source "${L}pillars"
echo "Protocol 21, Batken, 3 February 2025 (synthetic)" >"$DATA/protocol-21.txt"
dispute=$(recorded ledger add "$WS" --segment S-003 --protocol 17 --date 2024-05-14 --place Isfara --decision disputed \
  --position "TJ=the line of the TJ claim (canal head on the Tajik side)" --position "KG=the line of the KG claim")
agreed=$(recorded ledger add "$WS" --segment S-001 --protocol 17 --date 2024-05-14 --place Isfara --decision agreed --agreed-version "DCW by segment" \
  --signatory "TJ=N. Rahimov (synthetic)" --signatory "KG=A. Toktogulov (synthetic)" --key "$KEYS/tj.key")
run ledger sign "$WS" --entry "$agreed" --key "$KEYS/kg.key"
referred=$(recorded ledger add "$WS" --segment S-003 --protocol 21 --date 2025-02-03 --place Batken --decision referred --supersedes "$dispute" \
  --attachment "$DATA/protocol-21.txt")
echo "$dispute $agreed $referred" >"$DATA/entries.txt"
"$LIMES" workspace info "$WS" >"$DATA/info-before.txt"
# what the Compare dialog must reproduce: DCW -> WDBII with the sample's segments and water points
"$LIMES" change --workspace "$WS" --old DCW --new WDBII --segments "${L}segments" --water "${L}synthetic_water_points" \
  --max-end-gap 5000 --min-area 1000 --output "$DATA/cli-change.gpkg" --summary "$DATA/cli-change.json" >>"$DATA/prepare.log" 2>&1
echo "prepared $WS"
