#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what is missing, builds, and runs Limes on the Fergana sample data.
#   scripts/demo.sh          headless: runs `limes change` on the sample data and prints the summary,
#                            and ends by writing the sample change report in English and Russian
#   scripts/demo.sh --gui    opens the real QGIS desktop with Limes enabled and the sample
#                            project loaded, in a throwaway profile (yours is never touched)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

gui=0
case "${1:-}" in
  --gui) gui=1 ;;
  "") ;;
  -h|--help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "usage: scripts/demo.sh [--gui]" >&2; exit 2 ;;
esac

ensure_packages "${BUILD_PACKAGES[@]}"
[ $gui -eq 1 ] && ensure_packages "${TEST_PACKAGES[@]}"
configure_and_build

LIMES="$BUILD_DIR/output/bin/limes"
SAMPLE="$LIMES_ROOT/sampledata/fergana.gpkg"

if [ $gui -eq 0 ]; then
  OUT="$BUILD_DIR/demo"
  mkdir -p "$OUT"
  L="$SAMPLE|layername="
  echo
  echo "== limes --version"
  "$LIMES" --version
  echo
  echo "== limes change: the DCW version of the TJ-KG line against the WDBII version, with water"
  "$LIMES" change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ \
    --water "${L}rivers" --water "${L}synthetic_water_points" --water "${L}synthetic_canals" \
    --water "${L}synthetic_reservoirs" --segments "${L}segments" \
    --max-end-gap 5000 --min-area 1000 \
    --output "$OUT/dcw-vs-wdbii.gpkg" --summary "$OUT/dcw-vs-wdbii.json"
  echo
  echo "== limes change: TJ's claim line against KG's claim line for segment S-003 (synthetic claims)"
  claims="${L}synthetic_claims|subset=segment = 'S-003' AND party = "
  "$LIMES" change --old "${claims}'TJ'" --new "${claims}'KG'" --left KG --right TJ \
    --water "${L}synthetic_water_points" --water "${L}synthetic_canals" --water "${L}synthetic_reservoirs" \
    --segments "${L}segments" --output "$OUT/claims-S-003.gpkg" --summary "$OUT/claims-S-003.json"
  echo
  echo "== limes validate: the DCW line with its segments and pillars (tolerance 0.5 m)"
  "$LIMES" validate --line "${L}boundary_dcw" --segments "${L}segments" --pillars "${L}pillars" \
    --output "$OUT/validate-dcw.gpkg" --summary "$OUT/validate-dcw.json"
  echo
  echo "== the sample as a commission workspace: signed ledger, versions, pillars, a stored change"
  WS="$OUT/fergana-workspace.gpkg"
  KEYS="$OUT/keys"
  rm -f "$WS" "$WS".schema*-backup-*.gpkg
  rm -rf "$KEYS" # key files are never overwritten: the demo makes new ones each run
  mkdir -p "$KEYS"
  export LIMES_AUTHOR="${LIMES_AUTHOR:-Limes demo}"
  # a demo passphrase in the environment: real delegations type theirs, or keep it in a file of their own
  export LIMES_KEY_PASSPHRASE="${LIMES_KEY_PASSPHRASE:-limes demo passphrase}"
  # entry N as the last `Recorded entry N:` line says it
  recorded() { local out; out=$("$@") || exit 1; echo "$out" >&2; sed -n 's/^Recorded entry \([0-9]*\):.*/\1/p' <<<"$out"; }
  TJ_FP=$("$LIMES" key generate --out "$KEYS/tj.key")
  KG_FP=$("$LIMES" key generate --out "$KEYS/kg.key")
  SEC_FP=$("$LIMES" key generate --out "$KEYS/secretariat.key")
  echo "keys (read out and written into the protocol): TJ $TJ_FP, KG $KG_FP, secretariat $SEC_FP"
  claims="${L}synthetic_claims|subset=segment = 'S-003' AND party = "
  "$LIMES" workspace init "$WS" --party "TJ=Tajikistan" --party "KG=Kyrgyzstan" --segments "${L}segments"
  "$LIMES" workspace register-key "$WS" --party TJ --key "$KEYS/tj.key" --holder "TJ delegation (synthetic)"
  "$LIMES" workspace register-key "$WS" --party KG --key "$KEYS/kg.key" --holder "KG delegation (synthetic)"
  "$LIMES" workspace register-key "$WS" --party SECRETARIAT --key "$KEYS/secretariat.key" --holder "Secretariat (synthetic)"
  export LIMES_KEY="$KEYS/secretariat.key" # the secretariat records what is joint; each delegation signs its own
  "$LIMES" workspace import-version "$WS" --name DCW --kind historical --source "${L}boundary_dcw" --left KG --right TJ
  "$LIMES" workspace import-version "$WS" --name WDBII --kind draft --source "${L}boundary_wdbii" --left KG --right TJ
  "$LIMES" workspace import-version "$WS" --name "TJ claim S-003" --kind claim --source "${claims}'TJ'" --left KG --right TJ --key "$KEYS/tj.key"
  "$LIMES" workspace import-version "$WS" --name "KG claim S-003" --kind claim --source "${claims}'KG'" --left KG --right TJ --key "$KEYS/kg.key"
  "$LIMES" workspace import-pillars "$WS" --source "${L}pillars"
  dispute=$(recorded "$LIMES" ledger add "$WS" --segment S-003 --protocol 17 --date 2024-05-14 --place Isfara --decision disputed \
    --position "TJ=the line of the TJ claim (canal head on the Tajik side)" --position "KG=the line of the KG claim")
  agreed=$(recorded "$LIMES" ledger add "$WS" --segment S-001 --protocol 17 --date 2024-05-14 --place Isfara --decision agreed --agreed-version DCW \
    --signatory "TJ=N. Rahimov (synthetic)" --signatory "KG=A. Toktogulov (synthetic)" --key "$KEYS/tj.key")
  "$LIMES" workspace info "$WS" | grep -E '^  S-001 '
  "$LIMES" ledger sign "$WS" --entry "$agreed" --key "$KEYS/kg.key"
  "$LIMES" ledger add "$WS" --segment S-003 --protocol 21 --date 2025-02-03 --place Batken --decision referred --supersedes "$dispute"
  "$LIMES" change --workspace "$WS" --old "TJ claim S-003" --new "KG claim S-003" --water "${L}synthetic_water_points" \
    --output "$OUT/ws-claims-S-003.gpkg" --store >/dev/null
  "$LIMES" workspace info "$WS" | grep -Ev '^  S-0(0[4-9]|[1-3][0-9]) +no decision yet$'
  "$LIMES" workspace verify "$WS" --trust "TJ=$TJ_FP" --trust "KG=$KG_FP" --trust "SECRETARIAT=$SEC_FP"
  echo "head (write it down; verify --expect-head takes it): $("$LIMES" workspace head "$WS")"
  echo
  echo "== limes report: DCW -> WDBII from the workspace as the commission's report, in English and Russian"
  for lang in en ru; do
    "$LIMES" report --workspace "$WS" --old DCW --new WDBII --segments "${L}segments" \
      --water "${L}rivers" --water "${L}synthetic_water_points" --water "${L}synthetic_canals" --water "${L}synthetic_reservoirs" \
      --max-end-gap 5000 --min-area 1000 --lang "$lang" --output "$OUT/report-dcw-wdbii-$lang.pdf"
  done
  echo
  echo "Outputs in $OUT:"
  echo "  dcw-vs-wdbii.gpkg   layers transfers, resource_changes, noise, end_connectors (open in QGIS)"
  echo "  dcw-vs-wdbii.json   the deterministic summary with provenance"
  echo "  claims-S-003.gpkg/.json   the disputed area of S-003 and the water in it"
  echo "  validate-dcw.gpkg/.json   validation findings (layer errors)"
  echo "  fergana-workspace.gpkg    the sample as a commission workspace (open it in QGIS)"
  echo "  keys/                     the demo's signing keys of TJ, KG and the secretariat (passphrase: \$LIMES_KEY_PASSPHRASE)"
  echo "  report-dcw-wdbii-en.pdf   the sample report (English): cover, summary, a page per changed segment, provenance"
  echo "  report-dcw-wdbii-ru.pdf   the same in Russian; beside each: its tables as CSV (report-dcw-wdbii-LANG-*.csv) and a GeoPackage"
  echo "Built: $BUILD_DIR/output/bin/limes and $BUILD_DIR/output/plugins/liblimesplugin.so"
  echo "Desktop: scripts/demo.sh --gui"
  echo "Sample report: $OUT/report-dcw-wdbii-en.pdf and $OUT/report-dcw-wdbii-ru.pdf"
  exit 0
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "limes: no display to open QGIS on (DISPLAY is not set)" >&2
  exit 2
fi
profile=$(mktemp -d -t limes-qgis-profile.XXXXXX)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/profiles/default/QGIS"
cat >"$profile/profiles/default/QGIS/QGIS3.ini" <<INI
[plugins]
searchPathsForPlugins=$BUILD_DIR/output/plugins

[Plugins]
liblimesplugin=true

[qgis]
checkVersion=false
INI
echo "limes: QGIS with a throwaway profile in $profile"
qgis.bin --profiles-path "$profile" --noversioncheck --project "$LIMES_ROOT/sampledata/fergana.qgs"
