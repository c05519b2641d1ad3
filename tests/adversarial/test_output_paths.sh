#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: an output path that names an input (or the other output), however it is spelled
# (the same path, ./ and .., a symlink, a hard link), or the workspace itself. Each run must be
# refused (exit 2, one line naming the output) and leave every file exactly as it was.
source "$(dirname "$0")/lib.sh"

cp "$GPKG" "$tmp/in.gpkg"
L="$tmp/in.gpkg|layername="
ln -s "$tmp/in.gpkg" "$tmp/link.gpkg"
ln "$tmp/in.gpkg" "$tmp/hard.gpkg"
mkdir "$tmp/sub"
before=$(fingerprint "$tmp/in.gpkg")

# refused NAME STDERR_RE ARGS...: exit 2 and the input untouched
refused() {
  local name=$1 re=$2; shift 2
  expect "$name" 2 "" "$re" -- "$@"
  check "$name-input-untouched" test "$(fingerprint "$tmp/in.gpkg")" = "$before"
  check "$name-no-temporaries" no_temporaries "$tmp"
}

change=(change --new "${L}boundary_wdbii" --left KG --right TJ --max-end-gap 5000)
refused change-output-is-old "^limes change: $tmp/in\.gpkg: --output is the same file as the --old input" \
  "${change[@]}" --old "${L}boundary_dcw" --output "$tmp/in.gpkg"
refused change-output-is-new "--output is the same file as the --new input" \
  change --old "$GPKG|layername=boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --max-end-gap 5000 --output "$tmp/in.gpkg"
refused change-output-is-water "--output is the same file as the --water input" \
  change --old "$GPKG|layername=boundary_dcw" --new "$GPKG|layername=boundary_wdbii" --left KG --right TJ --max-end-gap 5000 \
  --water "$GPKG|layername=rivers" --water "${L}synthetic_canals" --output "$tmp/in.gpkg"
refused change-output-is-segments "--output is the same file as the --segments input" \
  change --old "$GPKG|layername=boundary_dcw" --new "$GPKG|layername=boundary_wdbii" --left KG --right TJ --max-end-gap 5000 \
  --segments "${L}segments" --output "$tmp/in.gpkg"
refused change-output-dot-dot "--output is the same file as the --old input" \
  "${change[@]}" --old "${L}boundary_dcw" --output "$tmp/sub/../././in.gpkg"
refused change-output-symlink "--output is the same file as the --old input" \
  "${change[@]}" --old "${L}boundary_dcw" --output "$tmp/link.gpkg"
refused change-output-hard-link "--output is the same file as the --old input" \
  "${change[@]}" --old "${L}boundary_dcw" --output "$tmp/hard.gpkg"
refused change-input-through-symlink "--output is the same file as the --old input" \
  "${change[@]}" --old "$tmp/link.gpkg|layername=boundary_dcw" --output "$tmp/in.gpkg"
refused change-summary-is-input "--summary is the same file as the --old input" \
  "${change[@]}" --old "${L}boundary_dcw" --output "$tmp/c.gpkg" --summary "$tmp/in.gpkg"
check change-summary-is-input-wrote-nothing test ! -e "$tmp/c.gpkg"
cd "$tmp" # ./same.gpkg: the same file, spelled relative to here
expect change-summary-is-output 2 "" "--output and --summary are the same file" -- \
  change --old "$GPKG|layername=boundary_dcw" --new "$GPKG|layername=boundary_wdbii" --left KG --right TJ --max-end-gap 5000 \
  --output "$tmp/same.gpkg" --summary ./same.gpkg
cd - >/dev/null
check change-summary-is-output-wrote-nothing test ! -e "$tmp/same.gpkg"

# the workspace: `change --workspace W --output W --store` once left W "not a Limes workspace"
export LIMES_AUTHOR="adversary"
WS="$tmp/ws.gpkg"
workspace "$WS" --segments "$GPKG|layername=segments"
"$LIMES" workspace import-version "$WS" --name DCW --kind historical --source "$GPKG|layername=boundary_dcw" --left KG --right TJ >/dev/null
"$LIMES" workspace import-version "$WS" --name WDBII --kind draft --source "$GPKG|layername=boundary_wdbii" --left KG --right TJ >/dev/null
"$LIMES" ledger add "$WS" --segment S-003 --protocol 17 --date 2024-05-14 --decision disputed --position "TJ=canal" --key "$TJ_KEY" >/dev/null
ws_before=$(fingerprint "$WS")
verified=$("$LIMES" workspace verify "$WS")
check workspace-made grep -Eq "[1-9][0-9]* ledger entries, chain intact$" <<<"$verified"
expect change-output-is-workspace 2 "" "ws\.gpkg: --output is the same file as the --workspace input" -- \
  change --workspace "$WS" --old DCW --new WDBII --max-end-gap 5000 --output "$WS" --store
check change-output-is-workspace-untouched test "$(fingerprint "$WS")" = "$ws_before"
expect change-output-is-workspace-still-verifies 0 "chain intact$" "" -- workspace verify "$WS"
check change-output-is-workspace-same-ledger test "$(cat "$tmp/out")" = "$verified"

# validate: the line, every other input, the exceptions, the workspace
boundary "$tmp/b.gpkg"
B="$tmp/b.gpkg|layername="
printf '[]' >"$tmp/exc.gpkg"
vbefore=$(fingerprint "$tmp/b.gpkg" "$tmp/exc.gpkg" "$WS")
vrefused() {
  local name=$1 re=$2; shift 2
  expect "$name" 2 "" "$re" -- validate "$@"
  check "$name-inputs-untouched" test "$(fingerprint "$tmp/b.gpkg" "$tmp/exc.gpkg" "$WS")" = "$vbefore"
}
vrefused validate-output-is-line "^limes validate: $tmp/b\.gpkg: --output is the same file as the --line input" \
  --line "${B}line" --output "$tmp/b.gpkg"
vrefused validate-output-is-segments "--output is the same file as the --segments input" \
  --line "$GPKG|layername=boundary_dcw" --segments "${B}segments" --output "$tmp/b.gpkg"
vrefused validate-output-is-pillars "--output is the same file as the --pillars input" \
  --line "$GPKG|layername=boundary_dcw" --pillars "${B}pillars" --output "$tmp/sub/../b.gpkg"
vrefused validate-output-is-exceptions "--output is the same file as the --exceptions input" \
  --line "${B}line" --exceptions "$tmp/exc.gpkg" --output "$tmp/exc.gpkg"
vrefused validate-output-is-workspace "--output is the same file as the --workspace input" \
  --line "${B}line" --workspace "$WS" --output "$WS"
vrefused validate-summary-is-line "--summary is the same file as the --line input" \
  --line "${B}line" --output "$tmp/v.gpkg" --summary "$tmp/b.gpkg"
vrefused validate-summary-is-output "--output and --summary are the same file" \
  --line "${B}line" --output "$tmp/v.gpkg" --summary "$tmp/v.gpkg"
check validate-refusals-wrote-nothing test ! -e "$tmp/v.gpkg"

# and a run that names distinct files still works
expect validate-distinct-files 0 "Wrote .*v\.gpkg \(layer errors\) and .*v\.json" "" -- validate --line "${B}line" --output "$tmp/v.gpkg" --summary "$tmp/v.json"

finish
