#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `limes workspace survey` and `limes workspace pillars` as a user meets them, on a workspace
# of the sample's pillars: a survey typed in UTM is stored in WGS 84 as PROJ (gdaltransform)
# puts it, its deviation is GeographicLib's GeodSolve's, the designed position never changes,
# bad input is one line (exit 2) and writes nothing, verify stays clean, `validate
# --workspace-pillars` reports the deviation, and a survey changed behind Limes' back is named.
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
near() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= t) }'; }

WS="$tmp/ws.gpkg"
export LIMES_KEY_PASSPHRASE="survey test passphrase" LIMES_AUTHOR="survey test"
for who in tj secretariat; do "$LIMES" key generate --out "$tmp/$who.key" >/dev/null || exit 1; done
"$LIMES" workspace init "$WS" --party TJ=Tajikistan --party KG=Kyrgyzstan --segments "$GPKG|layername=segments" >/dev/null || exit 1
"$LIMES" workspace register-key "$WS" --party TJ --key "$tmp/tj.key" >/dev/null || exit 1
"$LIMES" workspace register-key "$WS" --party SECRETARIAT --key "$tmp/secretariat.key" >/dev/null || exit 1
"$LIMES" workspace import-pillars "$WS" --source "$GPKG|layername=pillars" --key "$tmp/secretariat.key" >/dev/null || exit 1
export LIMES_KEY="$tmp/tj.key"
designed() { sqlite3 "$WS" "SELECT number || ' ' || quote(geom) || ' ' || ifnull(surveyed_lon, '') || ' ' || ledger_entry FROM pillars ORDER BY fid"; }
designed >"$tmp/designed-before"
head_before=$("$LIMES" workspace head "$WS")

# pillar 17 (S-003) where the sample puts it, in UTM 42N as PROJ puts it; surveyed 3 m east and 4 m north of that in the grid
read -r lon17 lat17 < <(ogrinfo -ro -q "$GPKG" -sql "SELECT ST_X(geom), ST_Y(geom) FROM pillars WHERE number = '17'" | sed -n 's/.*= //p' | paste -sd' ')
read -r e17 n17 < <(echo "$lon17 $lat17" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32642 -output_xy)
e=$(awk -v v="$e17" 'BEGIN { printf "%.3f", v + 3 }'); n=$(awk -v v="$n17" 'BEGIN { printf "%.3f", v + 4 }')
read -r lon lat < <(echo "$e $n" | gdaltransform -s_srs EPSG:32642 -t_srs EPSG:4326 -output_xy)
read -r azi _ dist < <(echo "$lat17 $lon17 $lat $lon" | GeodSolve -i -p 9)

expect survey-utm 0 "^Recorded survey of pillar 17 \(entry 4, signed by TJ\): " "" -- workspace survey "$WS" 17 --at "$e,$n" --crs EPSG:32642 --accuracy 0.05 --date 2025-09-03
line=$(cat "$tmp/out")
got_lon=$(sed -n 's/.*signed by TJ): \([0-9.]*\) \([0-9.]*\) ±.*/\1/p' <<<"$line")
got_lat=$(sed -n 's/.*signed by TJ): \([0-9.]*\) \([0-9.]*\) ±.*/\2/p' <<<"$line")
got_dist=$(sed -n 's/.*; \([0-9.]*\) m at \([0-9.]*\)° from its designed.*/\1/p' <<<"$line")
got_azi=$(sed -n 's/.*; \([0-9.]*\) m at \([0-9.]*\)° from its designed.*/\2/p' <<<"$line")
check survey-lon-is-proj near "$got_lon" "$lon" 1e-8
check survey-lat-is-proj near "$got_lat" "$lat" 1e-8
check deviation-is-geodsolve near "$got_dist" "$dist" 0.0015
check azimuth-is-geodsolve near "$got_azi" "$azi" 0.051
check deviation-about-5m near "$got_dist" 5.0 0.01
check designed-unchanged cmp -s "$tmp/designed-before" <(designed)
check one-entry-appended [ "$(sqlite3 "$WS" "SELECT count(*) FROM ledger")" -eq "$(( ${head_before%%:*} + 1 ))" ]
check entry-kind-and-payload [ "$(sqlite3 "$WS" "SELECT kind || ' ' || json_extract(payload, '$.survey.pillar') || ' ' || json_extract(payload, '$.survey.accuracy_m') FROM ledger WHERE id = 4")" = "pillars 17 0.050000000" ]

# degrees (the default CRS), a second survey: the latest is the pillar's surveyed position, both are listed
expect survey-degrees 0 "^Recorded survey of pillar 17 \(entry 5, signed by TJ\): 70\.677370000 40\.086540000 ±0\.020 m on 2025-10-01" "" -- workspace survey "$WS" 17 --at 70.67737,40.08654 --accuracy 0.02 --date 2025-10-01
expect pillars-list 0 "^  17 +S-003 +designed 70\.677362759 40\.086538449; surveyed 70\.677370000 40\.086540000 ±0\.020 m on 2025-10-01 \(entry 5\): " "" -- workspace pillars "$WS"
check pillars-list-count grep -q "^267 pillars, 1 surveyed" "$tmp/out"
check pillars-list-unsurveyed grep -Eq "^  18 +S-003 +designed 70\.657122651 40\.071842108; not surveyed$" "$tmp/out"
expect pillar-history 0 "^  entry 4: .* ±0\.050 m on 2025-09-03: " "" -- workspace pillars "$WS" 17
check pillar-history-second grep -Eq "^  entry 5: 70\.677370000 40\.086540000 ±0\.020 m on 2025-10-01: [0-9.]+ m at [0-9.]+° \(recorded .* by survey test, TJ\)$" "$tmp/out"
check pillar-history-heading grep -q "^Pillar 17 (.*segment S-003): designed 70.677362759 40.086538449 (WGS 84)$" "$tmp/out"
expect verify-clean 0 "chain intact" "" -- workspace verify "$WS"
expect ledger-list-names-survey 0 "^ +5 pillars +survey of pillar 17 signed by TJ$" "" -- ledger list "$WS"

# bad input: one line, exit 2, nothing written
before=$("$LIMES" workspace head "$WS")
expect unknown-pillar 2 "" "unknown pillar '9999' \(267 pillars: " -- workspace survey "$WS" 9999 --at 70.6,40.1 --accuracy 0.05 --date 2025-09-03
expect accuracy-zero 2 "" "^limes workspace: the survey accuracy must be a number of metres above 0 \(got 0\)$" -- workspace survey "$WS" 17 --at 70.6,40.1 --accuracy 0 --date 2025-09-03
expect accuracy-negative 2 "" "above 0 \(got -0\.5\)$" -- workspace survey "$WS" 17 --at 70.6,40.1 --accuracy -0.5 --date 2025-09-03
expect accuracy-text 2 "" "^limes workspace: --accuracy: not a number of metres: 'good'$" -- workspace survey "$WS" 17 --at 70.6,40.1 --accuracy good --date 2025-09-03
expect date-bad 2 "" "^limes workspace: --date: not a date YYYY-MM-DD: '2025-13-01'$" -- workspace survey "$WS" 17 --at 70.6,40.1 --accuracy 0.05 --date 2025-13-01
expect date-future 2 "" "survey date 2999-01-01 is in the future$" -- workspace survey "$WS" 17 --at 70.6,40.1 --accuracy 0.05 --date 2999-01-01
expect at-bad 2 "" "^limes workspace: --at takes X,Y, two numbers in --crs \(got '70\.6'\)$" -- workspace survey "$WS" 17 --at 70.6 --accuracy 0.05 --date 2025-09-03
expect utm-as-degrees 2 "" "surveyed position \(643004\.8, 4438714\.3\) in EPSG:4326: " -- workspace survey "$WS" 17 --at 643004.8,4438714.3 --accuracy 0.05 --date 2025-09-03
expect crs-unknown 2 "" "^limes workspace: --crs: not a CRS QGIS knows: 'EPSG:999999'" -- workspace survey "$WS" 17 --at 1,2 --crs EPSG:999999 --accuracy 0.05 --date 2025-09-03
expect not-transformable 2 "" "cannot be transformed from EPSG:32642 to WGS 84$" -- workspace survey "$WS" 17 --at 9e8,9e8 --crs EPSG:32642 --accuracy 0.05 --date 2025-09-03
expect no-pillar 2 "" "^limes workspace: survey needs the pillar: " -- workspace survey "$WS" --at 70.6,40.1 --accuracy 0.05 --date 2025-09-03
check nothing-written [ "$("$LIMES" workspace head "$WS")" = "$before" ]

# validate: the deviation of the latest survey is reported by pillar_survey_deviation (0.9 m > 0.5 m)
expect validate-deviation 1 "pillar 17 was surveyed 0\.[0-9]+ m from its designed position \(tolerance 0\.50 m, survey accuracy 0\.02 m\)" "" -- \
  validate --line "$GPKG|layername=boundary_dcw" --workspace "$WS" --workspace-pillars --rules pillar_survey_deviation --output "$tmp/v.gpkg"
check validate-one-finding [ "$(grep -c "was surveyed" "$tmp/out")" -eq 1 ]
expect validate-pillars-twice 2 "" "^limes validate: --workspace-pillars goes with --workspace and instead of --pillars$" -- \
  validate --line "$GPKG|layername=boundary_dcw" --workspace-pillars --output "$tmp/v2.gpkg"

# a survey changed behind Limes' back is named
sqlite3 "$WS" "DROP TRIGGER ledger_no_update; UPDATE ledger SET payload = replace(payload, '\"lat\":\"40.086540000\"', '\"lat\":\"40.086640000\"') WHERE id = 5"
expect verify-tampered 1 "^TAMPERED: entry 5 \(survey of pillar 17\) was changed outside Limes: payload\.survey is not what was sealed$" "" -- workspace verify "$WS"
check verify-one-problem [ "$(grep -c '^TAMPERED' "$tmp/out")" -eq 1 ]

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
