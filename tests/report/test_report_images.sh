#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The sample report's pages rendered (pdftoppm) and compared with control images, so that a
# layout regression shows: the summary map and tables, the per-segment table, and S-003's page
# (map, key, tables, ledger, pillars), in English and Russian. Within a tolerance: fonts'
# anti-aliasing and a QGIS release's rendering differ a little, a moved or missing item does not.
#   test_report_images.sh LIMES SRC              compare
#   test_report_images.sh LIMES SRC --regenerate  write the controls (deliberately, never automatically)
set -u
LIMES=$1
SRC=$2
MODE=${3:-}
GPKG="$SRC/sampledata/fergana.gpkg"
L="$GPKG|layername="
# one set of controls per QGIS release: its layout engine places table rows and labels a few
# pixels differently (3.40's tables differ from 3.22's by 0.09-0.12), each set made and looked
# at deliberately on its release (scripts/test-qgis.sh's chroot for 3.40 and 3.44)
QGIS_RELEASE=$("$LIMES" --version | sed -n 's/^QGIS \([0-9]*\.[0-9]*\).*/\1/p')
CONTROLS="$SRC/tests/report/controls/qgis-$QGIS_RELEASE"
[ "$MODE" = --regenerate ] && mkdir -p "$CONTROLS"
# normalized RMSE (0..1) a page may differ by: the same page in the other language differs by
# 0.07, another page by more than 0.25 (measured on the controls)
TOLERANCE=0.03
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1717200000 LIMES_AUTHOR="report test"
source "$SRC/tests/support/keys.sh"
for tool in pdftoppm compare; do command -v $tool >/dev/null || { echo "$tool not found (Debian: poppler-utils, imagemagick)"; exit 1; }; done

# the workspace of test_report.sh, so that S-003's page has its ledger and pillars
test_keys "$tmp/keys" "$LIMES"
WS="$tmp/ws.gpkg"
{
  "$LIMES" workspace init "$WS" --party "TJ=Tajikistan" --party "KG=Kyrgyzstan" --segments "${L}segments" &&
    register_keys "$WS" &&
    "$LIMES" workspace import-version "$WS" --name DCW --kind historical --source "${L}boundary_dcw" --left KG --right TJ &&
    "$LIMES" workspace import-version "$WS" --name WDBII --kind draft --source "${L}boundary_wdbii" --left KG --right TJ &&
    "$LIMES" workspace import-pillars "$WS" --source "${L}pillars" &&
    "$LIMES" ledger add "$WS" --segment S-003 --protocol 17 --date 2024-05-14 --place "Исфара" --decision disputed \
      --position "TJ=the line of the TJ claim" --position "KG=the line of the KG claim"
} >"$tmp/setup.log" 2>&1 || { cat "$tmp/setup.log"; echo "FAIL setup"; exit 1; }

failures=0 passes=0
# pages: 2 summary (map), 3 summary (tables), 4 per-segment table continued, 7 segment S-003
PAGES=(2 3 4 7)
for lang in en ru; do
  "$LIMES" report --workspace "$WS" --old DCW --new WDBII --segments "${L}segments" --water "${L}rivers" \
    --water "${L}synthetic_water_points" --water "${L}synthetic_canals" --water "${L}synthetic_reservoirs" \
    --max-end-gap 5000 --min-area 1000 --lang "$lang" --output "$tmp/$lang.pdf" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
  for page in "${PAGES[@]}"; do
    pdftoppm -r 40 -png -singlefile -f "$page" -l "$page" "$tmp/$lang.pdf" "$tmp/$lang-p$page"
    control="$CONTROLS/$lang-p$page.png"
    if [ "$MODE" = --regenerate ]; then
      cp "$tmp/$lang-p$page.png" "$control"
      echo "wrote $control"
      continue
    fi
    [ -f "$control" ] || { echo "FAIL $lang page $page: no control image $control (run with --regenerate, and look at it)"; failures=$((failures + 1)); continue; }
    # compare prints the normalized RMSE in parentheses on stderr
    rmse=$(compare -metric RMSE "$tmp/$lang-p$page.png" "$control" "$tmp/diff-$lang-p$page.png" 2>&1 | sed -n 's/.*(\([0-9.e-]*\)).*/\1/p')
    if [ -n "$rmse" ] && python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)' "$rmse" "$TOLERANCE"; then
      passes=$((passes + 1))
    else
      failures=$((failures + 1))
      mkdir -p "${LIMES_REPORT_IMAGES_OUT:-$PWD}/report-images"
      cp "$tmp/$lang-p$page.png" "$tmp/diff-$lang-p$page.png" "${LIMES_REPORT_IMAGES_OUT:-$PWD}/report-images/" 2>/dev/null
      echo "FAIL $lang page $page: differs from its control by ${rmse:-?} (tolerance $TOLERANCE); rendering and difference in ${LIMES_REPORT_IMAGES_OUT:-$PWD}/report-images/"
    fi
  done
done
[ "$MODE" = --regenerate ] && exit 0
echo "report images: $passes passed, $failures failed"
[ $failures -eq 0 ]
