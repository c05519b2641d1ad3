#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `limes report` as a commission uses it: the sample report in English and Russian, read back
# with pdftotext, must say every figure of `limes change`'s summary on the same inputs; a
# template saved, edited and passed back shows the edit; bad input is one line, exit 2, and
# leaves no report (nor spoils an earlier one).
set -u
LIMES=$1
SRC=$2
GPKG="$SRC/sampledata/fergana.gpkg"
L="$GPKG|layername="
failures=0 passes=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1717200000 # 2024-06-01: the report's date, fixed
export LIMES_AUTHOR="report test"
source "$SRC/tests/support/keys.sh"
command -v pdftotext >/dev/null || { echo "pdftotext not found (Debian: poppler-utils)"; exit 1; }
command -v GeodSolve >/dev/null || { echo "GeodSolve not found (Debian: geographiclib-tools)"; exit 1; }

ok() { passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# the sample as a workspace: DCW and WDBII, the pillars, decisions on S-003 (a place in Cyrillic)
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

INPUTS=(--workspace "$WS" --old DCW --new WDBII --segments "${L}segments" --water "${L}rivers" --water "${L}synthetic_water_points"
  --water "${L}synthetic_canals" --water "${L}synthetic_reservoirs" --max-end-gap 5000 --min-area 1000)
"$LIMES" change "${INPUTS[@]}" --output "$tmp/change.gpkg" --summary "$tmp/summary.json" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }

# every figure of the summary, written as the report writes it in LANG (decimal comma in Russian)
expected() {
  python3 - "$tmp/summary.json" "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
comma = sys.argv[2] == "ru"
def f(v, d):
    t = "%.*f" % (d, v)
    if t.startswith("-") and float(t) == 0:
        t = t[1:]
    return t.replace(".", ",") if comma else t
for t in s["transfers"]:
    print("transfer %s>%s ha\t%s" % (t["from"], t["to"], f(t["area_m2"] / 1e4, 4)))
    print("transfer %s>%s km2\t%s" % (t["from"], t["to"], f(t["area_m2"] / 1e6, 6)))
for n in s["net"]:
    print("net %s ha\t%s" % (n["party"], f(n["net_m2"] / 1e4, 4)))
    print("net %s km2\t%s" % (n["party"], f(n["net_m2"] / 1e6, 6)))
    print("gained %s ha\t%s" % (n["party"], f(n["gained_m2"] / 1e4, 4)))
for g in s["segments"]:
    print("segment %s %s>%s ha\t%s" % (g["code"], g["from"], g["to"], f(g["area_m2"] / 1e4, 4)))
    print("segment %s %s>%s km2\t%s" % (g["code"], g["from"], g["to"], f(g["area_m2"] / 1e6, 6)))
for w in s["water"]:
    if w["geometry"] == "line":
        print("water %s %s>%s km\t%s" % (w["layer"], w["from"], w["to"], f(w["length_m"] / 1e3, 3)))
    if w["geometry"] == "polygon":
        print("water %s %s>%s ha\t%s" % (w["layer"], w["from"], w["to"], f(w["area_m2"] / 1e4, 4)))
for i in s["provenance"]["inputs"]:
    if i["sha256"]:
        print("sha256 %s\t%s" % (i["role"], i["sha256"]))
print("ledger head\t%s" % s["provenance"]["workspace"]["ledger_head"])
PY
}

# the figures, each as a whole word of the text: 12.3456 must not pass for 112.3456
check_figures() {
  local lang=$1 text=$2 name value missing=0 count=0
  while IFS=$'\t' read -r name value; do
    count=$((count + 1))
    grep -Eq -- "(^|[^0-9.,])${value//./\\.}([^0-9]|$)" "$text" || { fail "$lang: $name $value is not in the PDF's text"; missing=1; }
  done < <(expected "$lang")
  [ "$count" -gt 60 ] || fail "$lang: only $count figures to check"
  [ $missing -eq 0 ] && ok
}

for lang in en ru; do
  out="$tmp/report-$lang.pdf"
  if "$LIMES" report "${INPUTS[@]}" --lang "$lang" --output "$out" >"$tmp/out" 2>"$tmp/err"; then ok; else fail "report $lang: exit $?"; cat "$tmp/err"; continue; fi
  [ ! -s "$tmp/err" ] || { fail "report $lang: stderr"; cat "$tmp/err"; }
  pdftotext -layout "$out" "$tmp/$lang.txt"
  check_figures "$lang" "$tmp/$lang.txt"
  pages=$(pdfinfo "$out" | sed -n 's/^Pages: *//p')
  segments=$(python3 -c 'import json,sys; print(len({g["code"] for g in json.load(open(sys.argv[1]))["segments"]}))' "$tmp/summary.json")
  # cover, two summary pages and the rest of the per-segment table, a page per segment, the annex
  [ "$pages" -eq $((segments + 5)) ] && ok || fail "report $lang: $pages pages for $segments changed segments"
  grep -q "($pages pages, $segments segments, $lang)" "$tmp/out" && ok || fail "report $lang: stdout does not say the pages"
  # the fonts are embedded (Latin and Cyrillic both from DejaVu)
  pdffonts "$out" | awk 'NR > 2 && $0 !~ / yes +(yes|no) +yes /' | grep -q . && fail "report $lang: a font is not embedded" || ok
  # the CSV and the GeoPackage beside it
  for csv in versions transfers net resources crossings segments segment-resources ledger pillars provenance; do
    [ -s "$tmp/report-$lang-$csv.csv" ] || fail "report $lang: no $csv CSV"
  done
  [ -s "$tmp/report-$lang.gpkg" ] && ok || fail "report $lang: no GeoPackage"
done

# words that only a language has, and the place name as stored
grep -q "Boundary change report" "$tmp/en.txt" && ok || fail "en: title"
grep -q "Segment S-003" "$tmp/en.txt" && ok || fail "en: segment page"
grep -q "disputed" "$tmp/en.txt" && ok || fail "en: the ledger's decision"
grep -q "Отчёт об изменении линии границы" "$tmp/ru.txt" && ok || fail "ru: title"
grep -q "Участок S-003" "$tmp/ru.txt" && ok || fail "ru: segment page"
grep -q "спорный" "$tmp/ru.txt" && ok || fail "ru: the ledger's decision"
for lang in en ru; do grep -q "Исфара" "$tmp/$lang.txt" && ok || fail "$lang: the Cyrillic place name"; done
grep -q "Boundary change report" "$tmp/ru.txt" && fail "ru: English title left" || ok
# the CSV says the summary's figures with a dot whatever the language
for lang in en ru; do
  total=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["transfers"][0]; print("%s,%s,%d,%.4f,%.6f" % (t["from"], t["to"], t["parts"], t["area_m2"]/1e4, t["area_m2"]/1e6))' "$tmp/summary.json")
  grep -qx "$total" "$tmp/report-$lang-transfers.csv" && ok || fail "$lang: transfers CSV lacks $total"
done
# pillars: distance and azimuth to the next on the ellipsoid, against GeographicLib's own tool
read -r lat1 lon1 lat2 lon2 dist az <<<"$(python3 - "$tmp/report-en-pillars.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
a, b = rows[0], rows[1]
print(a["lat"], a["lon"], b["lat"], b["lon"], a["distance_next_m"], a["azimuth_next_deg"])
PY
)"
read -r az1 _ s12 <<<"$(echo "$lat1 $lon1 $lat2 $lon2" | GeodSolve -i -p 9)"
python3 -c 'import sys; d,a,s,z=map(float,sys.argv[1:]); sys.exit(0 if abs(d-s)<0.01 and abs(a-(z%360))<1e-4 else 1)' "$dist" "$az" "$s12" "$az1" && ok || fail "pillar distance $dist/$az vs GeodSolve $s12/$az1"

# template round trip: save the segment pages' layout, change a label in it, pass it back
"$LIMES" report "${INPUTS[@]}" --output "$tmp/t1.pdf" --save-template "$tmp/segment.qpt" >/dev/null 2>"$tmp/err" && ok || { fail "save template"; cat "$tmp/err"; }
grep -q '<Layout' "$tmp/segment.qpt" && ok || fail "the template is not a layout"
sed 's/labelText="Boundary commission ·/labelText="Signed copy for the archive ·/' "$tmp/segment.qpt" >"$tmp/edited.qpt"
cmp -s "$tmp/segment.qpt" "$tmp/edited.qpt" && fail "the template has no footer label to edit"
"$LIMES" report "${INPUTS[@]}" --template "$tmp/edited.qpt" --output "$tmp/t2.pdf" >/dev/null 2>"$tmp/err" && ok || { fail "report with template"; cat "$tmp/err"; }
pdftotext -layout "$tmp/t2.pdf" "$tmp/t2.txt"
n=$(grep -c "Signed copy for the archive" "$tmp/t2.txt")
[ "$n" -eq "$segments" ] && ok || fail "the edited label is on $n pages, expected one per segment ($segments)"
grep -q "Signed copy for the archive" "$tmp/en.txt" && fail "the edit leaked into the default layout" || ok
check_figures "template" "$tmp/t2.txt"

# bad input: one line, exit 2, nothing written, an earlier report left as it was
bad() {
  local name=$1 err_re=$2
  shift 2
  echo "an earlier report" >"$tmp/keep.pdf"
  "$LIMES" report "$@" --output "$tmp/keep.pdf" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  [ $rc -eq 2 ] || { fail "$name: exit $rc"; cat "$tmp/err"; return; }
  grep -Eq -- "$err_re" "$tmp/err" || { fail "$name: stderr lacks /$err_re/"; cat "$tmp/err"; return; }
  [ "$(wc -l <"$tmp/err")" -eq 1 ] || { fail "$name: stderr is not one line"; cat "$tmp/err"; return; }
  [ "$(cat "$tmp/keep.pdf")" = "an earlier report" ] || { fail "$name: the earlier report was touched"; return; }
  ls "$tmp" | grep -q '^keep-' && { fail "$name: CSV left beside"; return; }
  ls -a "$tmp" | grep -Eq '^\.?keep.*(tmp|~)' && { fail "$name: temporary file left"; return; }
  ok
}
echo "not a layout" >"$tmp/notalayout.qpt"
echo '<Layout name="x"></Layout>' >"$tmp/empty.qpt"
bad unknown-version "unknown|no version|not found|versions there are" --workspace "$WS" --old DCW --new NOPE --segments "${L}segments"
bad nothing-changed "nothing changed" --workspace "$WS" --old DCW --new DCW --segments "${L}segments"
bad template-missing "template not found" "${INPUTS[@]}" --template "$tmp/missing.qpt"
bad template-not-xml "not a layout template" "${INPUTS[@]}" --template "$tmp/notalayout.qpt"
bad template-empty "not a layout template" "${INPUTS[@]}" --template "$tmp/empty.qpt"
bad unknown-lang "--lang must be one of" "${INPUTS[@]}" --lang fr
bad unchanged-segment "segment 'S-010' has no change" "${INPUTS[@]}" --segments S-010
bad unknown-segment "unknown segment 'S-999'" "${INPUTS[@]}" --segments S-003,S-999
bad two-segment-sources "two sources of segment lines" "${INPUTS[@]}" --segments "${L}rivers"
bad template-part "no report part 'back'" "${INPUTS[@]}" --template "back=$tmp/segment.qpt"
bad pillars-with-workspace "a workspace gives its own pillars" "${INPUTS[@]}" --pillars "${L}pillars"
bad no-segments "--segments is required" --workspace "$WS" --old DCW --new WDBII
bad output-is-input "same file|is an input|names the input|input" "${INPUTS[@]}" --template "$tmp/keep.pdf"

"$LIMES" report "${INPUTS[@]}" --output "$tmp/x.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "must be a .pdf" "$tmp/err" && [ ! -e "$tmp/x.txt" ] && ok || fail "output-not-pdf: $(cat "$tmp/err")"

# --segments CODE,…: just those segments get a page
"$LIMES" report "${INPUTS[@]}" --segments S-003,S-007 --output "$tmp/only.pdf" >"$tmp/out" 2>"$tmp/err" && ok || { fail "--segments CODES"; cat "$tmp/err"; }
grep -q "(6 pages, 2 segments, en)" "$tmp/out" && ok || { fail "--segments CODES: $(cat "$tmp/out")"; }

# text reads back as written: no ligatures (a hash's "ff" must not come back as U+FB00)
"$LIMES" report "${INPUTS[@]}" --segments S-003 --title "Buffer staff office, fdffd26d" --output "$tmp/title.pdf" >/dev/null 2>"$tmp/err" || fail "--title: $(cat "$tmp/err")"
pdftotext "$tmp/title.pdf" "$tmp/title.txt"
grep -q "Buffer staff office, fdffd26d" "$tmp/title.txt" && ok || fail "the title does not read back as written: $(grep -a -m1 office "$tmp/title.txt")"
LC_ALL=C grep -q $'\xef\xac[\x80-\x86]' "$tmp/title.txt" && fail "ligatures in the PDF's text" || ok

# versions from files: without a pillar layer the pages say none were given; with --pillars
# (every sample pillar put on S-003: 267 rows) the pillar table goes on over further pages
# of S-003 until its last row, nothing cut
FILES=(--old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --segments "${L}segments" --max-end-gap 5000 --min-area 1000)
"$LIMES" report "${FILES[@]}" --segments S-003 --output "$tmp/files.pdf" >"$tmp/out" 2>"$tmp/err" && ok || { fail "files report"; cat "$tmp/err"; }
pdftotext "$tmp/files.pdf" "$tmp/files.txt"
grep -q "No pillars were given for this report" "$tmp/files.txt" && ok || fail "files report: the page does not say that no pillars were given"
ogr2ogr -f GPKG "$tmp/pillars-s003.gpkg" "$GPKG" -nln pillars -sql "SELECT geom, number, 'S-003' AS segment FROM pillars" 2>"$tmp/err" || { fail "ogr2ogr"; cat "$tmp/err"; }
"$LIMES" report "${FILES[@]}" --segments S-003 --pillars "$tmp/pillars-s003.gpkg" --output "$tmp/many.pdf" >"$tmp/out" 2>"$tmp/err" && ok || { fail "--pillars"; cat "$tmp/err"; }
# 10 rows on the segment page, 257 on 9 pages of 30: cover, summary (2), S-003 (1 + 9), annex
grep -q "(14 pages, 1 segments, en)" "$tmp/out" && ok || fail "--pillars: $(cat "$tmp/out")"
pdftotext -layout "$tmp/many.pdf" "$tmp/many.txt"
python3 - "$tmp/many.txt" "$tmp/many-pillars.csv" <<'PY' && ok || fail "a pillar of the 267 is not in the PDF"
import csv, re, sys
text = open(sys.argv[1]).read()
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == 267, len(rows)
missing = [r["pillar"] for r in rows if not re.search(r"(^|\s)%s\s" % re.escape(r["pillar"]), text)]
assert not missing, missing
# the last row, whole: its number and coordinates as the page writes them
last = rows[-1]
assert re.search(r"%s\s+%s\s+%s" % (re.escape(last["pillar"]), re.escape(last["x"]), re.escape(last["y"])), text), last
PY
grep -c "Segment S-003 (continued): Pillars" "$tmp/many.txt" | grep -qx 9 && ok || fail "continuation headings: $(grep -c 'continued' "$tmp/many.txt")"

# a template for another part: the cover saved, a label edited, passed back; the edit is on
# the cover and the cover's tables hold this report's rows (another comparison's)
"$LIMES" report "${INPUTS[@]}" --segments S-003 --output "$tmp/c1.pdf" --save-template "cover=$tmp/cover.qpt" >/dev/null 2>"$tmp/err" && ok || { fail "save cover template"; cat "$tmp/err"; }
sed 's/Protocol annex: land and resources/Annex 3 to protocol 17: land and resources/' "$tmp/cover.qpt" >"$tmp/cover-edited.qpt"
cmp -s "$tmp/cover.qpt" "$tmp/cover-edited.qpt" && fail "the cover template has no subtitle to edit"
"$LIMES" report "${FILES[@]}" --segments S-003 --template "cover=$tmp/cover-edited.qpt" --output "$tmp/c2.pdf" >/dev/null 2>"$tmp/err" && ok || { fail "cover template"; cat "$tmp/err"; }
pdftotext -f 1 -l 1 "$tmp/c2.pdf" "$tmp/c2.txt"
grep -q "Annex 3 to protocol 17" "$tmp/c2.txt" && ok || fail "the edited cover label is not in the PDF"
grep -q "boundary_dcw" "$tmp/c2.txt" && ok || fail "the cover's versions table is not this report's"
grep -q "historical" "$tmp/c2.txt" && fail "the cover kept the saved report's versions" || ok

# the summary saved as a template and passed back: its per-segment table goes on over the
# continuation frame the template placed, not over frames QGIS repeats (QGIS reflows a repeating
# table while a template's frames are read); the pages and their headings as without template
"$LIMES" report "${FILES[@]}" --output "$tmp/s1.pdf" --save-template "summary=$tmp/summary.qpt" >/dev/null 2>"$tmp/err" || { fail "save summary template"; cat "$tmp/err"; }
"$LIMES" report "${FILES[@]}" --output "$tmp/s2.pdf" --template "summary=$tmp/summary.qpt" >/dev/null 2>"$tmp/err" || { fail "summary template"; cat "$tmp/err"; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
[ "$(pages "$tmp/s2.pdf")" = "$(pages "$tmp/s1.pdf")" ] && ok || fail "summary template: $(pages "$tmp/s2.pdf") pages, $(pages "$tmp/s1.pdf") without it"
continued() { pdftotext "$1" - | grep -c "Summary: per segment (continued)"; }
[ "$(continued "$tmp/s2.pdf")" = "$(continued "$tmp/s1.pdf")" ] && ok || fail "summary template: continuation headings $(continued "$tmp/s2.pdf") vs $(continued "$tmp/s1.pdf")"
pdftotext "$tmp/s2.pdf" - | grep -q "^S-034$" && ok || fail "summary template: the last segment's row is missing"

# a segment split after its decisions: its ledger table names the split in the report's words
# (a row without protocol, the split as its decision), after the decision it inherits
cp "$WS" "$tmp/split.gpkg"
ogr2ogr -f GPKG "$tmp/by-segment.gpkg" "$GPKG" -nln by_segment -sql "SELECT geom, code AS segment FROM segments ORDER BY seq" &&
  "$LIMES" workspace import-version "$tmp/split.gpkg" --name "DCW by segment" --kind agreed --source "$tmp/by-segment.gpkg|layername=by_segment" \
    --left KG --right TJ --author "report test" >/dev/null 2>"$tmp/err" || { fail "a version by segment"; cat "$tmp/err"; }
"$LIMES" workspace split "$tmp/split.gpkg" S-003 --at 19 --author "report test" >/dev/null 2>"$tmp/err" || { fail "split S-003"; cat "$tmp/err"; }
for lang in en ru; do
  "$LIMES" report "${INPUTS[@]/$WS/$tmp/split.gpkg}" --segments S-003 --lang $lang --output "$tmp/split-$lang.pdf" >/dev/null 2>"$tmp/err" || { fail "report $lang after a split"; cat "$tmp/err"; }
  pdftotext "$tmp/split-$lang.pdf" - | tr -s ' \n' '  ' >"$tmp/split-$lang.txt"   # the narrow Decision column wraps the words
done
grep -q "S-003 split into S-003a and S-003b at pillar 19" "$tmp/split-en.txt" && ok || fail "en: the split is not in S-003's ledger"
grep -q "Участок S-003 разделён на" "$tmp/split-ru.txt" && grep -q "S-003a и S-003b у столба 19" "$tmp/split-ru.txt" && ok || fail "ru: the split is not in S-003's ledger"
awk -F, 'NR > 1 && $1 == "S-003" { print $6 }' "$tmp/split-en-ledger.csv" 2>/dev/null | tr '\n' '|' | grep -q "disputed|S-003 split into" && ok || fail "the ledger CSV: $(cat "$tmp/split-en-ledger.csv" 2>/dev/null | head -5)"

echo "report: $passes passed, $failures failed"
[ $failures -eq 0 ]
