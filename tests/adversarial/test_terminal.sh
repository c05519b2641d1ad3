#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: control characters in what users type and what files hold (a ledger entry's place,
# protocol and signatories, a version's name, a segment code, a layer name) that would move the
# cursor, retitle the window or hide text when `limes` prints them. Output must show them
# escaped (\x1b, \u202e), and never carry a raw control character other than newline.
source "$(dirname "$0")/lib.sh"

ESC=$'\e'
export LIMES_AUTHOR="adversary"
WS="$tmp/ws.gpkg"
workspace "$WS" --segments "$GPKG|layername=segments"

# raw NAME FILE: no control character but newline and tab in the file
raw() { if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$2"; then fail "$1: raw control characters: $(od -c "$2" | head -3)"; else pass; fi; }

expect ledger-add-controls 0 'Recorded entry [0-9]+: S-003 disputed \(protocol 17\\x1b\[2J' "" -- \
  ledger add "$WS" --key "$TJ_KEY" --segment S-003 --protocol "17${ESC}[2J" --date 2024-05-14 --decision disputed \
  --place "Isfara${ESC}]0;owned"$'\a' --position "TJ=canal${ESC}[8m hidden" --signatory "KG=A. T.${ESC}[1A"
raw ledger-add-controls-raw "$tmp/out"
expect ledger-list-controls 0 'at Isfara\\x1b\]0;owned\\x07$' "" -- ledger list "$WS"
raw ledger-list-controls-raw "$tmp/out"
check ledger-list-controls-signatory grep -q 'KG: A. T.\\x1b\[1A' "$tmp/out"
# a direction override would show "gninraw" as "warning"
expect ledger-list-bidi 0 '' "" -- ledger list "$WS" --segment S-003
"$LIMES" ledger add "$WS" --key "$TJ_KEY" --segment S-004 --protocol 18 --date 2024-05-14 --decision disputed --place $'Osh\u202egninraw' >/dev/null
expect ledger-list-bidi-escaped 0 'at Osh\\u202egninraw$' "" -- ledger list "$WS" --segment S-004

expect ws-import-controls 0 'Imported version DCW\\x1b\[31m ' "" -- workspace import-version "$WS" --name "DCW${ESC}[31m" \
  --kind historical --source "$GPKG|layername=boundary_dcw" --left KG --right TJ
raw ws-import-controls-raw "$tmp/out"
expect ws-info-controls 0 '^  DCW\\x1b\[31m ' "" -- workspace info "$WS"
raw ws-info-controls-raw "$tmp/out"

# data: a segment code and a layer name with controls, printed by validate and change
boundary "$tmp/b.gpkg"
layer "$tmp/b.gpkg" "evil${ESC}[2Jline" EPSG:32642 LINESTRING WKT '"LINESTRING (600000 4430000, 601000 4430000, 602000 4430300)"'
layer "$tmp/b.gpkg" badsegments EPSG:32642 LINESTRING WKT,code "\"LINESTRING (600000 4430000, 601000 4430000)\",S-002${ESC}[5m" \
  '"LINESTRING (601000 4430000, 602000 4430300)",S-001'
expect validate-controls 1 'segment S-001 comes after S-002\\x1b\[5m' "" -- validate --line "$tmp/b.gpkg|layername=evil${ESC}[2Jline" \
  --segments "$tmp/b.gpkg|layername=badsegments" --rules segment_order --output "$tmp/v.gpkg"
raw validate-controls-raw "$tmp/out"
check validate-controls-name grep -q '^Limes validate: evil\\x1b\[2Jline ' "$tmp/out"
expect info-controls 0 '^  evil\\x1b\[2Jline ' "" -- info "$tmp/b.gpkg"
raw info-controls-raw "$tmp/out"

# an error line quotes what the user typed: escaped too, and still one line
expect error-controls 2 "" "unknown command 'x\\\\x1b\]0;t\\\\x07'" -- "x${ESC}]0;t"$'\a'
raw error-controls-raw "$tmp/err"
expect error-newline 2 "" "no such file$" -- info $'/nonexistent/a\nb.gpkg'
raw error-newline-raw "$tmp/err"

finish
