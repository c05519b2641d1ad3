#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `limes workspace split` as a user meets it, on a workspace of the sample's segments: a split at
# a vertex records the chainage GeographicLib's Planimeter measures along the line to it, a split
# at a pillar names the pillar; info lists the new segments with the status they inherit, the
# ledger of a new segment shows its parent's decisions and the split, verify stays clean; bad
# input is one line (exit 2) and writes nothing; a split's row changed behind Limes' back is named.
set -u
LIMES=$1
SRC=$2
GPKG="$SRC/sampledata/fergana.gpkg"
failures=0 passes=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME EXPECTED_RC PATTERN(stdout) STDERR_PATTERN -- ARGS...
expect() {
  local name=$1 rc=$2 out_re=$3 err_re=$4
  shift 5
  "$LIMES" "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  local ok=1
  [ "$got" -eq "$rc" ] || { echo "FAIL $name: exit $got, expected $rc"; ok=0; }
  if [ -n "$out_re" ] && ! grep -Eq -- "$out_re" "$tmp/out"; then echo "FAIL $name: stdout lacks /$out_re/"; ok=0; fi
  if [ -n "$err_re" ]; then
    grep -Eq -- "$err_re" "$tmp/err" || { echo "FAIL $name: stderr lacks /$err_re/"; ok=0; }
    [ "$(wc -l <"$tmp/err")" -eq 1 ] || { echo "FAIL $name: stderr is not one line:"; ok=0; }
  elif [ -s "$tmp/err" ]; then
    echo "FAIL $name: unexpected stderr"; ok=0
  fi
  if [ $ok -eq 1 ]; then passes=$((passes + 1)); else failures=$((failures + 1)); sed 's/^/  out: /' "$tmp/out" | head -20; sed 's/^/  err: /' "$tmp/err" | head -20; fi
}
check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then passes=$((passes + 1)); else echo "FAIL $name"; failures=$((failures + 1)); fi
}
# |a - b| <= tol
not() { ! "$@"; }
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }

WS="$tmp/ws.gpkg"
export LIMES_KEY_PASSPHRASE="split test passphrase" LIMES_AUTHOR="split test"
for who in tj secretariat; do "$LIMES" key generate --out "$tmp/$who.key" >/dev/null || exit 1; done
ogr2ogr -f GPKG "$tmp/by-segment.gpkg" "$GPKG" -nln by_segment -sql "SELECT geom, code AS segment FROM segments ORDER BY seq" || exit 1
"$LIMES" workspace init "$WS" --party TJ=Tajikistan --party KG=Kyrgyzstan --segments "$GPKG|layername=segments" >/dev/null || exit 1
"$LIMES" workspace register-key "$WS" --party TJ --key "$tmp/tj.key" >/dev/null || exit 1
"$LIMES" workspace register-key "$WS" --party SECRETARIAT --key "$tmp/secretariat.key" >/dev/null || exit 1
export LIMES_KEY="$tmp/secretariat.key"
"$LIMES" workspace import-version "$WS" --name "DCW by segment" --kind agreed --source "$tmp/by-segment.gpkg|layername=by_segment" --left KG --right TJ >/dev/null || exit 1
"$LIMES" workspace import-pillars "$WS" --source "$GPKG|layername=pillars" >/dev/null || exit 1
"$LIMES" ledger add "$WS" --segment S-004 --protocol 17 --date 2024-05-14 --decision disputed --key "$tmp/tj.key" >/dev/null || exit 1 # entry 5
segments() { sqlite3 "$WS" "SELECT code || ' ' || seq || ' ' || ifnull(chainage_from_m, '') || ' ' || ifnull(chainage_to_m, '') || ' ' || ifnull(from_point, '') || ' ' || ifnull(to_point, '') FROM segments ORDER BY rowid"; }

# S-004's line as stored, and its 9th vertex (in the middle; neither end)
# (ogrinfo writes 15 significant digits: 1e-8 m here)
wkt=$(ogrinfo -ro -q "$WS" version_lines -where "segment = 'S-004'" | grep -o 'LINESTRING (.*)')
vertices=$(sed 's/LINESTRING (\(.*\))/\1/' <<<"$wkt" | tr ',' '\n')
check s004-has-vertices [ "$(wc -l <<<"$vertices")" -gt 10 ]
read -r vlon vlat < <(sed -n 9p <<<"$vertices")
from=$(sqlite3 "$WS" "SELECT chainage_from_m FROM segments WHERE code = 'S-004'")
# Planimeter -l: the geodesic length of the polyline through vertices 1..9 ("lat lon" a line)
read -r _ length < <(head -9 <<<"$vertices" | awk '{ print $2, $1 }' | Planimeter -l -p 9)

before=$(segments)
head_before=$("$LIMES" workspace head "$WS")
expect bad-no-at 2 "" "--at is required|--at" -- workspace split "$WS" S-004
expect bad-at 2 "" "--at takes a pillar number or LON,LAT in WGS 84 degrees \(got '1,2,3'\)" -- workspace split "$WS" S-004 --at 1,2,3
expect bad-at-range 2 "" "--at 200,40: not a longitude,latitude" -- workspace split "$WS" S-004 --at 200,40
expect bad-codes 2 "" "--codes takes the two new codes, A,B \(got 'S-004x'\)" -- workspace split "$WS" S-004 --at "$vlon,$vlat" --codes S-004x
expect code-taken 2 "" ": duplicate segment code S-005$" -- workspace split "$WS" S-004 --at "$vlon,$vlat" --codes S-004x,S-005
expect unknown-segment 2 "" ": unknown segment 'S-099'$" -- workspace split "$WS" S-099 --at "$vlon,$vlat"
expect no-segment 2 "" "split takes the segment to split" -- workspace split "$WS"
expect off-vertex 2 "" "from the nearest vertex of S-004's line \(tolerance 0.50 m\): split at a vertex or a pillar$" -- workspace split "$WS" S-004 --at 70.5,39.95
expect pillar-elsewhere 2 "" ": pillar 19 is [0-9]+ m from the line of S-004 \(tolerance 0.50 m\)" -- workspace split "$WS" S-004 --at 19
(unset LIMES_KEY; expect no-key 2 "" "limes key generate" -- workspace split "$WS" S-004 --at "$vlon,$vlat")
check refused-wrote-nothing [ "$(segments)" = "$before" ]
check refused-no-entry [ "$("$LIMES" workspace head "$WS")" = "$head_before" ]

expect split-vertex 0 "^Split S-004 at a vertex \($(printf '%.9f' "$vlon"), $(printf '%.9f' "$vlat")\) into S-004a and S-004b \(entry 6\)$" "" -- workspace split "$WS" S-004 --at "$vlon,$vlat"
read -r _ _ a_from a_to a_fp a_tp < <(segments | grep '^S-004a ')
read -r _ _ b_from b_to _ < <(segments | grep '^S-004b ')
check chainage-is-planimeter near "$a_to" "$(awk -v f="$from" -v l="$length" 'BEGIN { printf "%.9f", f + l }')" 1e-6
check chainage-continues [ "$b_from" = "$a_to" ]
check chainage-ends-where-s004-ended [ "$b_to" = "$(sqlite3 "$WS" "SELECT chainage_to_m FROM segments WHERE code = 'S-004'")" ]
check old-row-kept [ "$(segments | head -n "$(wc -l <<<"$before")")" = "$before" ]
check entry-kind [ "$(sqlite3 "$WS" "SELECT kind || ' ' || json_extract(payload, '$.segment') || ' ' || json_extract(payload, '$.segments[1].code') FROM ledger WHERE id = 6")" = "segment_split S-004 S-004b" ]

expect split-pillar 0 "^Split S-003 at pillar 19 \(70\.[0-9]{9}, 40\.[0-9]{9}\) into S-003 north and S-003 south \(entry 7\)$" "" -- workspace split "$WS" S-003 --at 19 --codes "S-003 north,S-003 south"
check pillar-ends-the-first [ "$(sqlite3 "$WS" "SELECT to_point FROM segments WHERE code = 'S-003 north'")" = 19 ]
expect again 2 "" "segment S-004 was split already, into S-004a and S-004b \(entry 6\)$" -- workspace split "$WS" S-004 --at "$vlon,$vlat" --codes S-004x,S-004y

expect info 0 "^  S-004a +disputed$" "" -- workspace info "$WS"
check info-second grep -Eq "^  S-004b +disputed$" "$tmp/out"
check info-no-old not grep -Eq "^  S-004 " "$tmp/out"
check info-order [ "$(sed -n '/^Segments/,/^$/p' "$tmp/out" | sed -n 4,8p | awk '{ print $1, $2 }' | tr '\n' '|')" = "S-003 north|S-003 south|S-004a disputed|S-004b disputed|S-005 no|" ]
expect ledger-history 0 "^ +5 S-004 +2024-05-14 17 +disputed" "" -- ledger list "$WS" --segment S-004b
check ledger-history-split grep -Eq "^ +6 segment_split S-004 split into S-004a, S-004b signed by SECRETARIAT$" "$tmp/out"
check ledger-history-two [ "$(wc -l <"$tmp/out")" -eq 2 ]
expect decision-on-old 2 "" "unknown segment 'S-004'" -- ledger add "$WS" --segment S-004 --protocol 18 --date 2024-05-15 --decision deferred
expect verify 0 "3 signed|chain intact" "" -- workspace verify "$WS"

# a split's row changed behind Limes' back
sqlite3 "$WS" "UPDATE segments SET chainage_to_m = chainage_to_m + 1 WHERE code = 'S-004a'"
expect tampered 1 "^TAMPERED: segment S-004a changed after it was recorded \(entry 6\)$" "" -- workspace verify "$WS"

echo "split: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
