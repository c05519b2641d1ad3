#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: a run that fails or is killed while it replaces its outputs. The GeoPackage was
# renamed before the summary, so a failure between them left a new geometry with a stale
# summary; kill -9 left hidden temporaries behind for good. Now the outputs are replaced
# together or not at all (old files kept aside until every rename succeeded), the summary's
# old file is removed before the first rename and the new one renamed last (a kill between
# the renames leaves no summary rather than a stale one), and a later run writing the same
# output removes what a killed run left. Faults are injected with strace (a
# rename that fails, a rename held while the process is killed) and a full disk (a 64 KiB tmpfs).
source "$(dirname "$0")/lib.sh"

L="$GPKG|layername="
run=(change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --max-end-gap 5000 --water "${L}rivers")
OUT="$tmp/outputs"
mkdir -p "$OUT" "$tmp/dry"
"$LIMES" "${run[@]}" --min-area 1000 --output "$OUT/c.gpkg" --summary "$OUT/c.json" >/dev/null || fail "first run"
old=$(fingerprint "$OUT/c.gpkg" "$OUT/c.json")

# the rename(2) calls of a run, in order: Qt's settings file may be written first
"$LIMES" "${run[@]}" --output "$tmp/dry/c.gpkg" --summary "$tmp/dry/c.json" >/dev/null 2>&1 # the outputs exist, as in $OUT
strace -f -qq -o "$tmp/renames" -e trace=rename "$LIMES" "${run[@]}" --output "$tmp/dry/c.gpkg" --summary "$tmp/dry/c.json" >/dev/null 2>&1
gpkg_rename=$(grep -n 'rename(' "$tmp/renames" | grep -m1 'c\.gpkg")' | cut -d: -f1)
json_rename=$(grep -n 'rename(' "$tmp/renames" | grep -m1 'c\.json")' | cut -d: -f1)
check renames-found test -n "$gpkg_rename" -a -n "$json_rename"

# the summary's rename fails after the GeoPackage's succeeded: neither output is replaced
strace -f -qq -o /dev/null -e trace=rename -e inject=rename:error=EIO:when="$json_rename" \
  "$LIMES" "${run[@]}" --output "$OUT/c.gpkg" --summary "$OUT/c.json" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" -eq 2 ] && pass || fail "second-rename-fails: exit $rc"
grep -Eq "^limes change: $OUT/c\.json: cannot write: Input/output error; no output was replaced$" "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ] && pass || fail "second-rename-fails-message: $(cat "$tmp/err")"
check second-rename-fails-old-outputs-kept test "$(fingerprint "$OUT/c.gpkg" "$OUT/c.json")" = "$old"
check second-rename-fails-no-temporaries no_temporaries "$OUT"

# the first rename fails: the same
strace -f -qq -o /dev/null -e trace=rename -e inject=rename:error=EIO:when="$gpkg_rename" \
  "$LIMES" "${run[@]}" --output "$OUT/c.gpkg" --summary "$OUT/c.json" >/dev/null 2>"$tmp/err"
check first-rename-fails-exit test $? -eq 2
check first-rename-fails-old-outputs-kept test "$(fingerprint "$OUT/c.gpkg" "$OUT/c.json")" = "$old"
check first-rename-fails-no-temporaries no_temporaries "$OUT"

# killed (kill -9) while its first rename is held: the old GeoPackage stays, the old summary
# was taken away first (kept aside beside it) so nothing pairs them wrongly; its temporaries are left...
strace -f -qq -o /dev/null -e trace=rename -e inject=rename:delay_enter=20000000:when="$gpkg_rename" \
  "$LIMES" "${run[@]}" --output "$OUT/c.gpkg" --summary "$OUT/c.json" >/dev/null 2>&1 &
tracer=$!
for _ in $(seq 600); do ls -A "$OUT" | grep -q '\.old\.json$' && break; sleep 0.1; done
victim=$(pgrep -P "$tracer" -x limes)
if [ -n "$victim" ]; then kill -9 "$victim"; fi
wait "$tracer" 2>/dev/null
check killed-old-geopackage-kept test "$(fingerprint "$OUT/c.gpkg")" = "$(head -1 <<<"$old")"
check killed-old-summary-aside bash -c "test ! -e '$OUT/c.json' && ls -A '$OUT' | grep -Eq '^\.c\.[0-9]+-[0-9a-f]{8}\.old\.json$'"
check killed-left-temporaries bash -c "ls -A '$OUT' | grep -Eq '^\.c\.[0-9]+-[0-9a-f]{8}\.tmp\.gpkg$'"
# ... and a temporary of a process still alive is not a stale one
touch "$OUT/.c.$$-0badf00d.tmp.gpkg"
# ... until a run writes the same outputs again
expect rerun-after-kill 0 "^Wrote " "" -- "${run[@]}" --output "$OUT/c.gpkg" --summary "$OUT/c.json"
check rerun-removed-stale bash -c "! ls -A '$OUT' | grep -Ev '^\.c\.$$-0badf00d\.tmp\.gpkg$' | grep -Eq '\.(tmp|old)\.'"
check rerun-kept-live-temporary test -e "$OUT/.c.$$-0badf00d.tmp.gpkg"
rm -f "$OUT/.c.$$-0badf00d.tmp.gpkg"
check rerun-replaced-both bash -c "test '$(fingerprint "$OUT/c.gpkg" "$OUT/c.json")' != '$old'"

# killed while the summary's rename is held, after the GeoPackage's: the summary is written
# last and its old file removed first, so the new GeoPackage is never paired with the old
# summary (it stands without one); the next run writes both
strace -f -qq -o /dev/null -e trace=rename -e inject=rename:delay_enter=20000000:when="$json_rename" \
  "$LIMES" "${run[@]}" --min-area 1000 --output "$OUT/c.gpkg" --summary "$OUT/c.json" >/dev/null 2>&1 &
tracer=$!
before_kill=$(fingerprint "$OUT/c.gpkg")
for _ in $(seq 600); do [ ! -e "$OUT/c.json" ] && [ "$(fingerprint "$OUT/c.gpkg")" != "$before_kill" ] && break; sleep 0.1; done
victim=$(pgrep -P "$tracer" -x limes)
if [ -n "$victim" ]; then kill -9 "$victim"; fi
wait "$tracer" 2>/dev/null
check killed-between-renames-no-stale-summary test ! -e "$OUT/c.json"
check killed-between-renames-new-geopackage test "$(fingerprint "$OUT/c.gpkg")" != "$before_kill"
expect rerun-after-kill-between 0 "^Wrote " "" -- "${run[@]}" --min-area 1000 --output "$OUT/c.gpkg" --summary "$OUT/c.json"
check rerun-after-kill-between-pair bash -c "test -s '$OUT/c.json' && ! ls -A '$OUT' | grep -Eq '\.(tmp|old)\.'"

# a full disk: the GeoPackage cannot be written; the old outputs stay, nothing is left behind
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP full-disk: not root, cannot mount a tmpfs"
else
  FULL="$tmp/full"
  mkdir -p "$FULL"
  if mount -t tmpfs -o size=64k limes-full "$FULL"; then
    printf 'old geometry' >"$FULL/c.gpkg"
    printf '{"old": "summary"}' >"$FULL/c.json"
    full_old=$(fingerprint "$FULL/c.gpkg" "$FULL/c.json")
    expect full-disk 2 "" "^limes change: $FULL/c\.(gpkg|json): " -- "${run[@]}" --output "$FULL/c.gpkg" --summary "$FULL/c.json"
    check full-disk-old-outputs-kept test "$(fingerprint "$FULL/c.gpkg" "$FULL/c.json")" = "$full_old"
    check full-disk-no-temporaries no_temporaries "$FULL"
    expect full-disk-validate 2 "" "^limes validate: $FULL/v\.gpkg: " -- validate --line "${L}boundary_dcw" --pillars "${L}pillars" \
      --output "$FULL/v.gpkg" --summary "$FULL/v.json"
    check full-disk-validate-nothing test ! -e "$FULL/v.gpkg" -a ! -e "$FULL/v.json"
    check full-disk-validate-no-temporaries no_temporaries "$FULL"
    umount "$FULL"
  else
    fail "full-disk: cannot mount a tmpfs as root"
  fi
fi

finish
