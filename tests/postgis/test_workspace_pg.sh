#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The shared PostGIS workspace: what the database itself lets each delegation do.
set -u
LIMES=$1
SRC=$2
STATE=$3
CONN=$(cat "$STATE/conninfo")
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
HOST=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$CONN")
PORT=$(sed -n 's/.*port=\([^ ]*\).*/\1/p' <<<"$CONN")
DB=limes_ws_$$
passes=0 failures=0
ok() { passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
psql_as() { local user=$1; shift; "$BIN/psql" -h "$HOST" -p "$PORT" -U "$user" -d "$DB" -qAtX -v ON_ERROR_STOP=1 "$@"; }
"$BIN/createdb" -h "$HOST" -p "$PORT" -U postgres "$DB" || { echo "cannot create $DB"; exit 1; }
trap '"$BIN/dropdb" -h "$HOST" -p "$PORT" -U postgres --if-exists "$DB" >/dev/null 2>&1; for r in tj_user kg_user admin_user; do "$BIN/psql" -h "$HOST" -p "$PORT" -U postgres -d postgres -qAtX -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done' EXIT
TARGET="host=$HOST port=$PORT dbname=$DB user=postgres"
GPKG="$SRC/sampledata/fergana.gpkg"
# every write that records a ledger entry is signed: the secretariat's key unless a command names another
SNAP0=$(mktemp -d)/x
SNAP=$(dirname "$SNAP0")/snapshot.gpkg
source "$SRC/tests/support/keys.sh"
test_keys "$(dirname "$SNAP0")/keys" "$LIMES"
export LIMES_AUTHOR="PostGIS test"

out=$("$LIMES" workspace init "$TARGET" --party "TJ=Tajikistan" --party "KG=Kyrgyzstan" --segments "$GPKG|layername=segments" 2>&1)
grep -q "^Created workspace in PostgreSQL .* (2 parties with their delegation roles, 34 segments)$" <<<"$out" && ok || fail "init: $out"
[ "$(psql_as postgres -c "SELECT chainage_from_m = 0 AND chainage_to_m > 10000 FROM limes.segments WHERE code = 'S-001'")" = t ] && ok || fail "segment chainage"
out=$("$LIMES" workspace init "$TARGET" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "already holds a Limes workspace" <<<"$out" && ok || fail "re-init: $rc $out"
psql_as postgres -c "CREATE ROLE tj_user LOGIN IN ROLE limes_party_tj; CREATE ROLE kg_user LOGIN IN ROLE limes_party_kg; CREATE ROLE admin_user LOGIN IN ROLE limes_admin"

# TJ writes its claim; KG can read it but neither change, delete nor forge it
psql_as tj_user -c "INSERT INTO limes.line_versions (name, kind, owner_party, left_party, right_party) VALUES ('TJ claim S-003', 'claim', 'TJ', 'KG', 'TJ')" && ok || fail "TJ inserts its claim"
psql_as tj_user -c "INSERT INTO limes.version_lines (version_id, segment, part, geom) SELECT id, 'S-003', 1, ST_GeomFromText('LINESTRING(70.5 39.9, 70.6 39.95)', 4326) FROM limes.line_versions WHERE name = 'TJ claim S-003'" && ok || fail "TJ inserts its claim's line"
[ "$(psql_as kg_user -c "SELECT count(*) FROM limes.line_versions WHERE owner_party = 'TJ'")" = 1 ] && ok || fail "KG reads TJ's claim"
[ "$(psql_as kg_user -c "UPDATE limes.line_versions SET notes = 'moved' WHERE name = 'TJ claim S-003' RETURNING id" | wc -l)" = 0 ] && ok || fail "KG updates TJ's claim"
[ "$(psql_as kg_user -c "DELETE FROM limes.version_lines RETURNING id" | wc -l)" = 0 ] && ok || fail "KG deletes TJ's claim line"
psql_as kg_user -c "INSERT INTO limes.line_versions (name, kind, owner_party) VALUES ('forged', 'claim', 'TJ')" 2>"$STATE/err" && fail "KG forges a TJ claim" || { grep -q "row-level security" "$STATE/err" && ok || fail "forge error: $(cat "$STATE/err")"; }
[ "$(psql_as postgres -c "SELECT notes IS NULL FROM limes.line_versions WHERE name = 'TJ claim S-003'")" = t ] && ok || fail "TJ's claim changed"

# a delegation inserts only entries its own party signs, recording its own position, each
# following the last entry; the ledger is append-only for everyone
ROW="INSERT INTO limes.ledger (id, kind, segment, protocol, meeting_date, decision, positions, signatories, attachments, author, recorded_utc, previous_hash, hash, signer_party) VALUES"
psql_as kg_user -c "$ROW (1, 'decision', 'S-003', '17', '2024-05-14', 'disputed', '{\"KG\":\"along the ridge\"}', '{}', '{}', 'kg', 'x', repeat('0', 64), repeat('a', 64), 'KG')" && ok || fail "KG records its position"
psql_as tj_user -c "$ROW (2, 'decision', 'S-003', '17', '2024-05-14', 'disputed', '{\"KG\":\"forged\"}', '{}', '{}', 'tj', 'x', repeat('a', 64), repeat('b', 64), 'TJ')" 2>"$STATE/err" && fail "TJ records KG's position" || { grep -q "row-level security" "$STATE/err" && ok || fail "position error: $(cat "$STATE/err")"; }
psql_as kg_user -c "$ROW (2, 'decision', 'S-003', '17', '2024-05-14', 'disputed', '{}', '{}', '{}', 'kg', 'x', repeat('a', 64), repeat('b', 64), 'TJ')" 2>"$STATE/err" && fail "KG inserts an entry signed for TJ" || { grep -q "row-level security" "$STATE/err" && ok || fail "signer error: $(cat "$STATE/err")"; }
psql_as kg_user -c "$ROW (2, 'decision', 'S-003', '17', '2024-05-14', 'disputed', '{}', '{}', '{}', 'kg', 'x', repeat('0', 64), repeat('b', 64), 'KG')" 2>"$STATE/err" && fail "an entry that does not follow the last" || { grep -q "does not follow entry 1 of the chain" "$STATE/err" && ok || fail "chain error: $(cat "$STATE/err")"; }
# nobody but a migrating administrator changes limes.meta (the schema version, the head)
psql_as kg_user -c "UPDATE limes.meta SET value = '9' WHERE key = 'schema_version'" 2>"$STATE/err" && fail "KG changes the schema version" || { grep -q "permission denied" "$STATE/err" && ok || fail "meta error: $(cat "$STATE/err")"; }
psql_as admin_user -c "UPDATE limes.meta SET value = '9' WHERE key = 'schema_version'" 2>"$STATE/err" && fail "the administrator changes the schema version" || { grep -q "limes.meta changes only in a schema migration" "$STATE/err" && ok || fail "admin meta error: $(cat "$STATE/err")"; }
[ "$(psql_as postgres -c "SELECT value FROM limes.meta WHERE key = 'schema_version'")" = 7 ] && ok || fail "schema version changed"
psql_as kg_user -c "UPDATE limes.ledger SET decision = 'agreed'" 2>"$STATE/err" && fail "KG updates the ledger" || { grep -q "permission denied" "$STATE/err" && ok || fail "ledger update error: $(cat "$STATE/err")"; }
psql_as admin_user -c "UPDATE limes.ledger SET decision = 'agreed'" 2>"$STATE/err" && fail "admin updates the ledger" || { grep -q "append-only" "$STATE/err" && ok || fail "admin ledger error: $(cat "$STATE/err")"; }
psql_as postgres -c "DELETE FROM limes.ledger" 2>"$STATE/err" && fail "the owner deletes the ledger" || { grep -q "append-only" "$STATE/err" && ok || fail "owner ledger error: $(cat "$STATE/err")"; }
# the designated administrator, and only while migrating the schema, may rewrite a row
[ "$(psql_as admin_user -c "SET limes.migration = 'on'; UPDATE limes.ledger SET place = place WHERE id = 1 RETURNING id")" = 1 ] && ok || fail "administrator migrating"
psql_as kg_user -c "SET limes.migration = 'on'; UPDATE limes.ledger SET place = place WHERE id = 1" 2>/dev/null && fail "a delegation claiming to migrate" || ok
psql_as postgres -c "$ROW (2, 'decision', 'S-004', '18', '2099-01-01', 'disputed', '{}', '{}', '{}', 'x', 'x', repeat('a', 64), repeat('c', 64), 'SECRETARIAT')" 2>"$STATE/err" && fail "a protocol dated in the future" || { grep -q "check constraint" "$STATE/err" && ok || fail "future date error: $(cat "$STATE/err")"; }

# two writers of the same row: the second learns of the conflict, nothing is lost
v=$(psql_as tj_user -c "SELECT row_version FROM limes.line_versions WHERE name = 'TJ claim S-003'")
[ "$(psql_as tj_user -c "UPDATE limes.line_versions SET notes = 'first' WHERE name = 'TJ claim S-003' AND row_version = $v RETURNING row_version")" = $((v + 1)) ] && ok || fail "first writer"
[ -z "$(psql_as tj_user -c "UPDATE limes.line_versions SET notes = 'second' WHERE name = 'TJ claim S-003' AND row_version = $v RETURNING row_version")" ] && ok || fail "second writer not stopped"
[ "$(psql_as tj_user -c "SELECT notes FROM limes.line_versions WHERE name = 'TJ claim S-003'")" = first ] && ok || fail "lost update"

# a claim put in with SQL, not through Limes: no ledger entry covers it, and verify says so
out=$("$LIMES" workspace verify "$TARGET" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "^TAMPERED: version TJ claim S-003 is in no ledger entry: added outside Limes$" <<<"$out" && ok || fail "uncovered claim: $rc $out"
psql_as postgres -c "DELETE FROM limes.line_versions WHERE name = 'TJ claim S-003'"

# a server that is down: one line, exit 2, and the password never shown
out=$("$LIMES" workspace init "host=$HOST port=1 dbname=x user=postgres password=s3cret-pw" 2>&1); rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <<<"$out")" = 1 ] && grep -q "cannot connect" <<<"$out" && ! grep -q "s3cret" <<<"$out" && ok || fail "server down: $rc $out"
out=$("$LIMES" workspace add-segments "$TARGET" --segments "$GPKG|layername=segments" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "duplicate segment code S-001" <<<"$out" && ok || fail "duplicate segments on PostgreSQL: $rc $out"
out=$("$LIMES" workspace accept-finding "$TARGET" --rule no_such_rule --layer x --fid 1 --reason r --author test 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "unknown rule 'no_such_rule'" <<<"$out" && ok || fail "unknown rule on PostgreSQL: $rc $out"

# the ledger through limes, as each delegation with its own key: chained, signed, listed, verified; tampering found
psql_as postgres -c "ALTER TABLE limes.ledger DISABLE TRIGGER append_only; DELETE FROM limes.ledger; ALTER TABLE limes.ledger ENABLE TRIGGER append_only"
AS_KG="host=$HOST port=$PORT dbname=$DB user=kg_user"
AS_TJ="host=$HOST port=$PORT dbname=$DB user=tj_user"
AS_ADMIN="host=$HOST port=$PORT dbname=$DB user=postgres"
out=$("$LIMES" workspace register-key "$AS_KG" --party TJ --key "$MALLORY_KEY" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "row-level security" <<<"$out" && ok || fail "KG registers a key for TJ: $rc $out"
"$LIMES" workspace register-key "$AS_TJ" --party TJ --key "$TJ_KEY" --holder "TJ delegation" >/dev/null && ok || fail "TJ registers its key"
"$LIMES" workspace register-key "$AS_KG" --party KG --key "$KG_KEY" --holder "KG delegation" >/dev/null && ok || fail "KG registers its key"
"$LIMES" workspace register-key "$AS_ADMIN" --party SECRETARIAT --key "$SEC_KEY" --holder "Secretariat" >/dev/null && ok || fail "the secretariat registers its key"
out=$("$LIMES" ledger add "$AS_KG" --segment S-003 --protocol 17 --date 2024-05-14 --decision disputed --position "KG=along the ridge" --author "KG delegation" --key "$KG_KEY" 2>&1)
grep -q "^Recorded entry 4: S-003 disputed .*, signed by KG$" <<<"$out" && ok || fail "KG records through limes: $out"
out=$("$LIMES" ledger add "$AS_KG" --segment S-003 --protocol 17 --date 2024-05-14 --decision disputed --position "TJ=forged" --author "KG delegation" --key "$KG_KEY" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "row-level security" <<<"$out" && ok || fail "KG records TJ's position through limes: $rc $out"
# a KG login with TJ's key file: the database refuses an entry signed for the other party
out=$("$LIMES" ledger add "$AS_KG" --segment S-003 --protocol 17 --date 2024-05-14 --decision disputed --author "KG delegation" --key "$TJ_KEY" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "row-level security" <<<"$out" && [ "$(psql_as postgres -c "SELECT count(*) FROM limes.ledger")" = 4 ] && ok || fail "KG signs for TJ: $rc $out"
out=$("$LIMES" ledger add "$AS_ADMIN" --segment S-003 --protocol 21 --date 2025-02-03 --decision agreed --signatory "TJ=N. Rahimov" --signatory "KG=A. Toktogulov" --supersedes 4 --author secretariat --key "$SEC_KEY" 2>&1)
grep -q "^Recorded entry 5: S-003 agreed .*, signed by SECRETARIAT$" <<<"$out" && ok || fail "the secretariat records the agreement: $out"
out=$("$LIMES" workspace info "$AS_KG" 2>&1)
grep -Eq "^  S-003 +agreed \(awaiting KG, TJ\)$" <<<"$out" && ok || fail "awaiting both delegations: $out"
out=$("$LIMES" ledger sign "$AS_KG" --entry 5 --key "$TJ_KEY" --author "KG delegation" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "row-level security" <<<"$out" && ok || fail "KG countersigns with TJ's key: $rc $out"
"$LIMES" ledger sign "$AS_TJ" --entry 5 --key "$TJ_KEY" --author "TJ delegation" >/dev/null && ok || fail "TJ countersigns"
out=$("$LIMES" workspace info "$AS_KG" 2>&1)
grep -Eq "^  S-003 +agreed \(awaiting KG\)$" <<<"$out" && ok || fail "awaiting KG: $out"
"$LIMES" ledger sign "$AS_KG" --entry 5 --key "$KG_KEY" --author "KG delegation" >/dev/null && ok || fail "KG countersigns"
out=$("$LIMES" ledger list "$AS_KG" 2>&1)
grep -Eq "^   5 S-003 +2025-02-03 21 +agreed \(supersedes 4\)" <<<"$out" && ok || fail "list: $out"
out=$("$LIMES" workspace verify "$AS_KG" "${TRUST[@]}" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "7 ledger entries, chain intact" <<<"$out" && ok || fail "verify: $rc $out"
# versions, accepted findings and change through limes on the database
L="$GPKG|layername="
out=$("$LIMES" workspace import-version "$AS_ADMIN" --name DCW --kind historical --source "${L}boundary_dcw" --left KG --right TJ --author secretariat 2>&1)
grep -q "^Imported version DCW (historical, 2 lines" <<<"$out" && ok || fail "import DCW: $out"
"$LIMES" workspace import-version "$AS_ADMIN" --name WDBII --kind draft --source "${L}boundary_wdbii" --left KG --right TJ --author secretariat >/dev/null 2>&1 && ok || fail "import WDBII"
out=$("$LIMES" workspace import-version "$AS_TJ" --key "$TJ_KEY" --name "TJ claim sample" --kind claim --source "${L}synthetic_claims|subset=segment = 'S-008' AND party = 'TJ'" --left KG --right TJ --author "TJ delegation" 2>&1)
grep -q "^Imported version TJ claim sample (claim, 1 lines" <<<"$out" && ok || fail "TJ imports its claim: $out"
[ "$(psql_as postgres -c "SELECT owner_party FROM limes.line_versions WHERE name = 'TJ claim sample'")" = TJ ] && ok || fail "the claim is TJ's"
out=$("$LIMES" workspace import-version "$AS_KG" --key "$KG_KEY" --name "forged claim" --kind claim --owner TJ --source "${L}synthetic_claims|subset=segment = 'S-008' AND party = 'TJ'" --left KG --right TJ --author "KG delegation" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "row-level security" <<<"$out" && [ "$(psql_as postgres -c "SELECT count(*) FROM limes.line_versions WHERE name = 'forged claim'")" = 0 ] && ok || fail "KG imports a TJ claim: $rc $out"
out=$("$LIMES" change --workspace "$AS_KG" --key "$KG_KEY" --old DCW --new WDBII --max-end-gap 5000 --output "$(dirname "$SNAP0")/pgc.gpkg" --store --author "KG delegation" 2>&1)
# the same numbers as from the files, to the digit (this Limes, these GEOS and PROJ), and the summary stored byte for byte
files=$("$LIMES" change --old "${L}boundary_dcw" --new "${L}boundary_wdbii" --left KG --right TJ --max-end-gap 5000 --output "$(dirname "$SNAP0")/fc.gpkg" --summary "$(dirname "$SNAP0")/fc.json" 2>&1)
line=$(grep -E "^  KG +TJ +28 +[0-9.]+ m²" <<<"$files")
[ -n "$line" ] && grep -qxF "$line" <<<"$out" && ok || fail "change on the database: $out"
"$LIMES" change --workspace "$AS_KG" --old DCW --new WDBII --max-end-gap 5000 --output "$(dirname "$SNAP0")/pgc2.gpkg" --summary "$(dirname "$SNAP0")/pgc2.json" >/dev/null 2>&1
# byte for byte but the ledger head it was computed at: storing it added an entry
stored=$(psql_as postgres -c "SELECT summary FROM limes.change_results")
python3 - "$stored" "$(dirname "$SNAP0")/pgc2.json" <<'PY' && ok || fail "stored change"
import json, sys
stored, again = json.loads(sys.argv[1]), json.load(open(sys.argv[2]))
s, a = stored['provenance'].pop('workspace'), again['provenance'].pop('workspace')
count = lambda head: int(head['ledger_head'].split(':')[0])
sys.exit(not (stored == again and count(a) == count(s) + 1 and s['name'] == a['name']))
PY
[ "$(psql_as postgres -c "SELECT summary::jsonb->'transfers'->0->>'area_m2' FROM limes.change_results")" = "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['transfers'][0]['area_m2'])" "$(dirname "$SNAP0")/fc.json")" ] && ok || fail "stored change's area"
"$LIMES" workspace accept-finding "$AS_KG" --key "$KG_KEY" --rule pillar_off_line --layer pillars --fid 1 --reason "tripoint pillar" --author "KG delegation" >/dev/null && ok || fail "accept a finding"
out=$("$LIMES" validate --line "${L}boundary_wdbii" --pillars "${L}pillars" --rules pillar_off_line --workspace "$AS_KG" --output "$(dirname "$SNAP0")/pgv.gpkg" 2>&1)
grep -q "\[accepted: tripoint pillar\]" <<<"$out" && ok || fail "validate with the database's findings: $out"
out=$("$LIMES" workspace info "$AS_KG" 2>&1)
grep -Eq "^  S-003 +agreed$" <<<"$out" && grep -Eq "^  TJ claim sample +claim +1 lines" <<<"$out" && grep -Eq "^  DCW -> WDBII \(.*, KG delegation\)$" <<<"$out" && ok || fail "info on the database: $out"

# the secretariat adds a party and the pillars; delegations cannot
out=$("$LIMES" workspace add-party "$AS_ADMIN" --code UZ --name Uzbekistan 2>&1)
grep -q "^Added party UZ (role limes_party_uz)$" <<<"$out" && ok || fail "add a party: $out"
out=$("$LIMES" workspace import-pillars "$AS_ADMIN" --source "${L}pillars" --author secretariat 2>&1)
grep -q "^Imported 267 pillars (267 in the workspace)$" <<<"$out" && ok || fail "import pillars: $out"
out=$("$LIMES" workspace import-pillars "$AS_KG" --key "$KG_KEY" --source "${L}pillars" --author "KG delegation" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "pillar number 1 exists already$" <<<"$out" && [ "$(psql_as postgres -c "SELECT count(*) FROM limes.pillars")" = 267 ] && ok || fail "pillars imported twice: $rc $out"
# a new pillar, checked and accepted by Limes, is still the database's to refuse to a delegation
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"number":"KG-1"},"geometry":{"type":"Point","coordinates":[70.6,39.95]}}]}' >"$STATE/kg-pillar.geojson"
out=$("$LIMES" workspace import-pillars "$AS_KG" --key "$KG_KEY" --source "$STATE/kg-pillar.geojson" --author "KG delegation" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "permission denied" <<<"$out" && [ "$(psql_as postgres -c "SELECT count(*) FROM limes.pillars")" = 267 ] && ok || fail "a delegation imports a pillar: $rc $out"

# two writers of the same version through limes: both read row version n, the second is told
n=$("$LIMES" workspace info "$AS_TJ" | sed -n 's/^  TJ claim sample .*(row version \([0-9]*\))$/\1/p')
[ -n "$n" ] && ok || fail "row version shown"
out=$("$LIMES" workspace set-notes "$AS_TJ" --name "TJ claim sample" --notes "canal head moved 40 m east" --row-version "$n" 2>&1)
grep -q "notes changed (row version $((n + 1)))" <<<"$out" && ok || fail "first writer: $out"
out=$("$LIMES" workspace set-notes "$AS_TJ" --name "TJ claim sample" --notes "canal head unchanged" --row-version "$n" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "conflict: version 'TJ claim sample' was changed by someone else since you read it" <<<"$out" && ok || fail "second writer: $rc $out"
[ "$(psql_as postgres -c "SELECT notes FROM limes.line_versions WHERE name = 'TJ claim sample'")" = "canal head moved 40 m east" ] && ok || fail "lost update through limes"

# passwords stay out of command lines: a libpq service file names the connection
printf '[limes_ws]\nhost=%s\nport=%s\ndbname=%s\nuser=kg_user\n' "$HOST" "$PORT" "$DB" >"$(dirname "$SNAP0")/pg_service.conf"
out=$(PGSERVICEFILE="$(dirname "$SNAP0")/pg_service.conf" "$LIMES" workspace verify "service=limes_ws" 2>&1)
grep -q "ledger entries, chain intact$" <<<"$out" && ok || fail "service file: $out"

# a GeoPackage snapshot for e-mail: everything, and the ledger chain checked again
out=$("$LIMES" workspace export "$AS_KG" "$SNAP" 2>&1)
grep -q "(3 versions, 267 pillars, 13 ledger entries; chain intact)$" <<<"$out" && ok || fail "export: $out"
out=$("$LIMES" workspace info "$SNAP" 2>&1)
grep -Eq "^  S-003 +agreed$" <<<"$out" && grep -Eq "^  TJ claim sample +claim +1 lines" <<<"$out" && ok || fail "snapshot info: $out"
"$LIMES" workspace verify "$SNAP" "${TRUST[@]}" >/dev/null && ok || fail "snapshot verify"
# an export never replaces a file: not the snapshot written before, not a GeoPackage workspace
before=$(sha256sum <"$SNAP")
out=$("$LIMES" workspace export "$AS_KG" "$SNAP" 2>&1); rc=$?
[ $rc -eq 2 ] && [ "$out" = "limes workspace: $SNAP: already exists: an export never replaces a file (a workspace or an earlier snapshot); give a new file name" ] \
  && [ "$(sha256sum <"$SNAP")" = "$before" ] && ok || fail "export onto an existing file: $rc $out"
ln -s "$SNAP" "$SNAP.link.gpkg"
out=$("$LIMES" workspace export "$AS_KG" "$SNAP.link.gpkg" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "already exists" <<<"$out" && [ "$(sha256sum <"$SNAP")" = "$before" ] && ok || fail "export onto a symlink: $rc $out"
rm -f "$SNAP.link.gpkg"
out=$("$LIMES" workspace compare "$AS_KG" "$SNAP" 2>&1); rc=$?
[ $rc -eq 0 ] && grep -q "^identical: both hold the same 13 entries" <<<"$out" && ok || fail "the snapshot's ledger is the database's: $rc $out"
psql_as postgres -c "ALTER TABLE limes.ledger DISABLE TRIGGER append_only; UPDATE limes.ledger SET decision = 'deferred' WHERE id = 5; ALTER TABLE limes.ledger ENABLE TRIGGER append_only"
out=$("$LIMES" workspace export "$AS_KG" "$SNAP.2.gpkg" 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "the ledger does not verify: entry 5" <<<"$out" && [ ! -e "$SNAP.2.gpkg" ] && ! ls "$(dirname "$SNAP")" | grep -q '^\.' && ok || fail "export of a tampered ledger: $rc $out"
out=$("$LIMES" workspace verify "$AS_KG" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "^TAMPERED: entry 5 (protocol 21, segment S-003) was changed outside Limes: column decision is not what was sealed$" <<<"$out" && ok || fail "tamper: $rc $out"

# a version's edges on the database: recorded, followed by change --workspace, sealed
out=$("$LIMES" workspace import-version "$AS_ADMIN" --name "WDBII rhumb" --kind draft --source "${L}boundary_wdbii" --left KG --right TJ --edges rhumb --author secretariat 2>&1)
grep -q "; edges rhumb)$" <<<"$out" && ok || fail "import with edges: $out"
out=$("$LIMES" workspace info "$AS_KG" 2>&1)
grep -Eq "^  WDBII rhumb +draft +[0-9]+ lines, KG left, TJ right( \(row version [0-9]+\))?, edges rhumb$" <<<"$out" && ok || fail "info with edges: $out"
"$LIMES" change --workspace "$AS_KG" --old DCW --new "WDBII rhumb" --max-end-gap 5000 --output "$(dirname "$SNAP0")/pge.gpkg" --summary "$(dirname "$SNAP0")/pge.json" >/dev/null 2>&1
[ "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['provenance']['edges']['interpretation'])" "$(dirname "$SNAP0")/pge.json")" = rhumb ] && ok || fail "change follows the version's edges"
psql_as postgres -c "UPDATE limes.line_versions SET edges = 'geodesic' WHERE name = 'WDBII rhumb'"
out=$("$LIMES" workspace verify "$AS_KG" 2>&1)
grep -Eq "^TAMPERED: version WDBII rhumb: edges changed after it was recorded \(entry [0-9]+\)$" <<<"$out" && ok || fail "edges changed on the database: $out"

echo "postgis workspace: $passes passed, $failures failed"
[ $failures -eq 0 ]
