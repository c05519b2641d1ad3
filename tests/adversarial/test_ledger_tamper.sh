#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Attack: an insider rewrites the signed ledger and what it covers behind Limes' back, with
# sqlite3 on a GeoPackage and as the database's superuser on PostgreSQL: an edited entry, a
# deleted one, two swapped, one re-sealed with its hash and the head recomputed, a forged
# agreement, the ledger truncated and its head rewound, the whole chain re-signed with keys of
# his own, version vertices moved, a pillar moved, an accepted finding and a stored summary
# changed, non-JSON in a JSON column, a key swapped. Each must be named by `limes workspace
# verify` (exit 1), one line per problem and no other, and verify must change nothing.
# (test_ledger_forge.py computes what the forger writes, from the specification alone.)
# Arguments: the limes binary, the source tree, the PostGIS fixture's state directory.
set -u
LIMES=$1
SRC=$2
PG_STATE=${3:-}
GPKG="$SRC/sampledata/fergana.gpkg"
L="$GPKG|layername="
FORGE=(/usr/bin/python3 "$SRC/tests/adversarial/test_ledger_forge.py")
tmp=$(mktemp -d)
PG_CLEANUP=
trap 'rm -rf "$tmp"; [ -n "$PG_CLEANUP" ] && eval "$PG_CLEANUP"' EXIT
passes=0 failures=0
ok() { passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
source "$SRC/tests/support/keys.sh"
test_keys "$tmp/keys" "$LIMES"
export LIMES_AUTHOR="tamper test"
short() { echo "${1:0:19}…"; }

# the forger's own keys, one per party, made with openssl
mkdir -p "$tmp/attacker"
declare -A ATTACKER
for p in TJ KG SECRETARIAT; do
  openssl genpkey -algorithm ed25519 -out "$tmp/attacker/$p.pem" 2>/dev/null || { echo "cannot make the attacker's keys"; exit 1; }
  ATTACKER[$p]="SHA256:$(openssl pkey -in "$tmp/attacker/$p.pem" -pubout -outform DER | tail -c 32 | sha256sum | cut -d' ' -f1)"
done
KG_PUB=$(openssl pkey -in "$tmp/attacker/KG.pem" -pubout -outform DER | tail -c 32 | od -An -tx1 | tr -d ' \n')
REAL_KG_PUB=$(openssl pkey -in "$KG_KEY" -passin env:LIMES_KEY_PASSPHRASE -pubout -outform DER | tail -c 32 | od -An -tx1 | tr -d ' \n')

# a workspace as the commission keeps it: 1-3 keys, 4 DCW, 5 WDBII, 6 pillars, 7 a dispute,
# 8 TJ's agreement on DCW, 9 KG's countersignature, 10 an accepted finding, 11 a stored change
build() { # TARGET
  local w=$1
  "$LIMES" workspace init "$w" --party "TJ=Tajikistan" --party "KG=Kyrgyzstan" --segments "${L}segments" >/dev/null &&
    register_keys "$w" &&
    "$LIMES" workspace import-version "$w" --name DCW --kind historical --source "${L}boundary_dcw" --left KG --right TJ >/dev/null &&
    "$LIMES" workspace import-version "$w" --name WDBII --kind draft --source "${L}boundary_wdbii" --left KG --right TJ >/dev/null &&
    "$LIMES" workspace import-pillars "$w" --source "${L}pillars" >/dev/null &&
    "$LIMES" ledger add "$w" --segment S-003 --protocol 17 --date 2024-05-14 --decision disputed --position "TJ=along the canal" --position "KG=along the ridge" --key "$TJ_KEY" >/dev/null &&
    "$LIMES" ledger add "$w" --segment S-001 --protocol 21 --date 2025-02-03 --decision agreed --agreed-version DCW --signatory "TJ=N. Rahimov" --signatory "KG=A. Toktogulov" --key "$TJ_KEY" >/dev/null &&
    "$LIMES" ledger sign "$w" --entry 8 --key "$KG_KEY" >/dev/null &&
    "$LIMES" workspace accept-finding "$w" --rule pillar_off_line --layer pillars --fid 1 --reason "tripoint pillar" --key "$KG_KEY" >/dev/null &&
    "$LIMES" change --workspace "$w" --old DCW --new WDBII --max-end-gap 5000 --output "$tmp/change-$RANDOM.gpkg" --store --key "$KG_KEY" >/dev/null ||
    { echo "cannot build the workspace in $w"; exit 1; }
}

# The two storages behind one set of verbs: fresh (a copy of the base), sql (as the insider,
# triggers out of the way), rows (the ledger as JSON), state (everything, for before/after)
gpkg_setup() {
  BASE="$tmp/base.gpkg"
  build "$BASE"
  LEDGER=ledger META=limes_meta
}
gpkg_fresh() { TARGET="$tmp/w.gpkg"; rm -f "$TARGET"; cp "$BASE" "$TARGET"; }
gpkg_sql() {
  sqlite3 "$TARGET" "DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete; $1;
    CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;
    CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;"
}
gpkg_rows() { sqlite3 -json "$TARGET" "SELECT * FROM ledger ORDER BY id"; }
gpkg_state() { sha256sum <"$TARGET"; ls -A "$tmp" | grep -c '^w\.gpkg'; }
gpkg_move_lines() { "${FORGE[@]}" shift-gpkg "$TARGET" version_lines "version_id = (SELECT id FROM line_versions WHERE name = 'DCW')" 0.01; }
gpkg_move_pillar() { "${FORGE[@]}" shift-gpkg "$TARGET" pillars "number = '1'" 0.00001; }

pg_setup() {
  CONN=$(cat "$PG_STATE/conninfo")
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  HOST=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$CONN")
  PORT=$(sed -n 's/.*port=\([^ ]*\).*/\1/p' <<<"$CONN")
  PGBASE=limes_tamper_base_$$ PGW=limes_tamper_w_$$
  PG_CLEANUP='for d in $PGW $PGBASE; do "$BIN/dropdb" -h "$HOST" -p "$PORT" -U postgres --if-exists $d >/dev/null 2>&1; done'
  "$BIN/createdb" -h "$HOST" -p "$PORT" -U postgres "$PGBASE" || { echo "cannot create $PGBASE"; exit 1; }
  build "host=$HOST port=$PORT dbname=$PGBASE user=postgres"
  LEDGER=limes.ledger META=limes.meta
}
pg_psql() { "$BIN/psql" -h "$HOST" -p "$PORT" -U postgres -d "$PGW" -qAtX -v ON_ERROR_STOP=1 "$@"; }
pg_fresh() {
  "$BIN/dropdb" -h "$HOST" -p "$PORT" -U postgres --if-exists "$PGW" >/dev/null
  "$BIN/createdb" -h "$HOST" -p "$PORT" -U postgres -T "$PGBASE" "$PGW" || { echo "cannot copy $PGBASE"; exit 1; }
  TARGET="host=$HOST port=$PORT dbname=$PGW user=postgres"
}
# the superuser needs no trigger to be dropped: replication mode fires none
pg_sql() { pg_psql -c "SET session_replication_role = replica; $1"; }
pg_rows() { pg_psql -c "SELECT COALESCE(json_agg(l ORDER BY l.id), '[]') FROM limes.ledger l"; }
# (newer pg_dump puts a random \restrict token in each dump)
pg_state() { "$BIN/pg_dump" -h "$HOST" -p "$PORT" -U postgres -d "$PGW" --schema=limes | grep -Ev '^(--|\\restrict |\\unrestrict )' | sha256sum; }
pg_move_lines() { pg_sql "UPDATE limes.version_lines SET geom = ST_Translate(geom, 0.01, 0) WHERE version_id = (SELECT id FROM limes.line_versions WHERE name = 'DCW')"; }
pg_move_pillar() { pg_sql "UPDATE limes.pillars SET geom = ST_Translate(geom, 0.00001, 0) WHERE number = '1'"; }

forge() { # ATTACK ARGS...: the forger's SQL, run as the insider
  local attack=$1; shift
  ${S}_rows >"$tmp/rows.json" && "${FORGE[@]}" "$attack" "$tmp/rows.json" "$S" "$@" >"$tmp/forged.sql" &&
    ${S}_sql "$(cat "$tmp/forged.sql")" || fail "$S: the forger's $attack failed"
}

# verified NAME RC MODE [LINE...] -- [VERIFY ARGS...]: verify's exit code; its TAMPERED lines
# exactly LINE... (MODE exact), or containing every LINE (MODE N+: at least N lines in all);
# and the workspace exactly as it was before verify
verified() {
  local name="$S: $1" rc=$2 mode=$3; shift 3
  local expected=()
  while [ "$1" != -- ]; do expected+=("$1"); shift; done
  shift
  local before after got
  before=$(${S}_state)
  timeout 300 "$LIMES" workspace verify "$TARGET" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  after=$(${S}_state)
  grep '^TAMPERED: ' "$tmp/out" | sed 's/^TAMPERED: //' >"$tmp/lines"
  local good=1 line
  [ "$got" -eq "$rc" ] || { echo "  exit $got, expected $rc"; good=0; }
  [ -s "$tmp/err" ] && { echo "  stderr: $(cat "$tmp/err")"; good=0; }
  [ "$before" = "$after" ] || { echo "  verify changed the workspace"; good=0; }
  for line in "${expected[@]}"; do grep -qxF -- "$line" "$tmp/lines" || { echo "  missing: $line"; good=0; }; done
  if [ "$mode" = exact ]; then
    [ "$(wc -l <"$tmp/lines")" -eq ${#expected[@]} ] || { echo "  $(wc -l <"$tmp/lines") lines, expected ${#expected[@]}"; good=0; }
  else
    [ "$(wc -l <"$tmp/lines")" -ge "${mode%+}" ] || { echo "  $(wc -l <"$tmp/lines") lines, expected at least ${mode%+}"; good=0; }
  fi
  if [ $good -eq 1 ]; then ok; else fail "$name"; sed 's/^/  out: /' "$tmp/out" | head -20; fi
}

attacks() {
  ${S}_setup
  ${S}_fresh
  local head
  head=$("$LIMES" workspace head "$TARGET")
  verified "untouched" 0 exact -- "${TRUST[@]}" --expect-head "$head"

  ${S}_fresh
  ${S}_sql "UPDATE $LEDGER SET decision = 'disputed' WHERE id = 8"
  verified "edited entry" 1 exact "entry 8 (protocol 21, segment S-001) was changed outside Limes: column decision is not what was sealed" --

  ${S}_fresh
  ${S}_sql "DELETE FROM $LEDGER WHERE id = 7"
  verified "deleted entry" 1 exact "entries 7 to 7 are missing before entry 8 (protocol 21, segment S-001)" \
    "entry 8 (protocol 21, segment S-001) does not follow the entry before it: the chain was changed" \
    "the ledger should hold 11 entries ending in ${head:3:12}…; it holds 10: entries were removed or added outside Limes" --

  ${S}_fresh
  ${S}_sql "UPDATE $LEDGER SET id = 70 WHERE id = 7; UPDATE $LEDGER SET id = 7 WHERE id = 8; UPDATE $LEDGER SET id = 8 WHERE id = 70"
  verified "reordered entries" 1 4+ "entry 7 (protocol 21, segment S-001) was changed outside Limes: id is not what was sealed" \
    "entry 8 (protocol 17, segment S-003) was changed outside Limes: id is not what was sealed" \
    "entry 7 (protocol 21, segment S-001) does not follow the entry before it: the chain was changed" \
    "entry 8 (protocol 17, segment S-003) does not follow the entry before it: the chain was changed" --

  # the agreement turned into a dispute, every hash after it and the head recomputed: the
  # signatures cannot be, and nothing else gives it away
  ${S}_fresh
  forge reseal 8 decision '"disputed"'
  local sealed_as now
  sealed_as=$(${S}_rows | /usr/bin/python3 -c 'import json, sys; print(json.loads(json.load(sys.stdin)[8]["payload"])["entry_hash"][:12])')
  now=$(${S}_rows | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[7]["hash"][:12])')
  verified "re-sealed entry" 1 exact "entry 8 (protocol 21, segment S-001) is not validly signed: its signature does not verify under key $(short "$TJ_FP") of TJ" \
    "entry 9 (KG countersigns entry 8) is not validly signed: its signature does not verify under key $(short "$KG_FP") of KG" \
    "entry 9 (KG countersigns entry 8) is not validly signed: countersigns entry 8 as $sealed_as…, but that entry's hash is $now…" \
    "entry 10 (finding pillar_off_line on pillars feature 1) is not validly signed: its signature does not verify under key $(short "$KG_FP") of KG" \
    "entry 11 (change DCW -> WDBII) is not validly signed: its signature does not verify under key $(short "$KG_FP") of KG" --

  ${S}_fresh
  forge forge-agreed S-003 TJ
  verified "forged agreement" 1 exact "entry 12 (protocol 99, segment S-003) is not validly signed: its signature does not verify under key $(short "$TJ_FP") of TJ" --

  # the last entry removed with the content it recorded, the head rewound: only the head written down knows
  ${S}_fresh
  ${S}_sql "DELETE FROM $LEDGER WHERE id = 11; DELETE FROM ${LEDGER%ledger}change_results; UPDATE $META SET value = '10' WHERE key = 'ledger_entries';
    UPDATE $META SET value = (SELECT hash FROM $LEDGER WHERE id = 10) WHERE key = 'ledger_head'"
  verified "truncated, without the head written down" 0 exact -- "${TRUST[@]}"
  verified "truncated, head rewound" 1 exact "the ledger holds 10 entries, 1 fewer than the 11 expected: entries were removed (truncated, head rewound)" -- --expect-head "$head"

  # every entry rewritten and signed with keys of the forger's own (KG's position changed on the way)
  ${S}_fresh
  forge resign-all "$tmp/attacker"
  verified "re-signed with the forger's keys, no keys known out of band" 0 exact --
  verified "re-signed with the forger's keys" 1 exact "key ${ATTACKER[TJ]} registered for TJ in entry 1 is not one you trust for TJ ($TJ_FP)" \
    "key ${ATTACKER[KG]} registered for KG in entry 2 is not one you trust for KG ($KG_FP)" \
    "key ${ATTACKER[SECRETARIAT]} registered for SECRETARIAT in entry 3 is not one you trust for SECRETARIAT ($SEC_FP)" -- "${TRUST[@]}"

  ${S}_fresh
  ${S}_move_lines
  verified "version vertices moved" 1 exact "version DCW, line 1, changed after it was recorded (entry 4)" "version DCW, line 2, changed after it was recorded (entry 4)" \
    "version DCW changed after entry 8 agreed it" --

  ${S}_fresh
  ${S}_move_pillar
  verified "pillar moved" 1 exact "pillar 1 changed after it was recorded (entry 6)" --

  ${S}_fresh
  ${S}_sql "UPDATE ${LEDGER%ledger}validation_exceptions SET reason = 'approved by both delegations'"
  verified "accepted finding changed" 1 exact "accepted finding pillar_off_line on pillars feature 1 changed after it was recorded (entry 10)" --

  ${S}_fresh
  ${S}_sql "UPDATE ${LEDGER%ledger}change_results SET summary = summary || ' '"
  verified "stored summary changed" 1 exact "stored change DCW -> WDBII changed after it was recorded (entry 11)" --

  ${S}_fresh
  ${S}_sql "UPDATE $LEDGER SET positions = 'KG withdraws its signature' WHERE id = 7"
  verified "non-JSON text in positions" 1 exact "entry 7 (protocol 17, segment S-003) was changed outside Limes: positions is not JSON: 'KG withdraws its signature'" --

  ${S}_fresh
  ${S}_sql "UPDATE $LEDGER SET payload = replace(payload, '$REAL_KG_PUB', '$KG_PUB') WHERE id = 2"
  verified "public key swapped" 1 exact "entry 2 (key of KG ${KG_FP:0:19}) was changed outside Limes: payload.public_key is not what was sealed" --

  ${S}_fresh
  forge swap-key 2 "$tmp/attacker/KG.pem"
  verified "public key swapped and re-sealed" 1 4+ "entry 2 (key of KG ${ATTACKER[KG]:0:19}) is not validly signed: its signature does not verify under key $(short "${ATTACKER[KG]}") of KG" \
    "entry 9 (KG countersigns entry 8) is not validly signed: signed by key $(short "$KG_FP"), which is not registered" --
}

S=gpkg
attacks
if [ -n "$PG_STATE" ] && [ -f "$PG_STATE/conninfo" ]; then
  S=pg
  attacks
else
  fail "no PostGIS fixture (give its state directory): the PostgreSQL attacks did not run"
fi

echo "$(basename "$0" .sh): $passes passed, $failures failed"
[ $failures -eq 0 ]
