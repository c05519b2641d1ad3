#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds a shared commission workspace on the PostGIS fixture for the desktop end-to-end test
# (check_workspace_pg.py), with the CLI: a database of its own, the delegations' logins
# e2e_tj and e2e_kg (members of limes_party_tj / limes_party_kg) that must give a password
# (a pg_hba line for them alone; every other role keeps the fixture's trust), the keys
# registered by each delegation, versions, pillars and a few decisions; and the CLI's own
# answers the test compares the desktop with (`workspace info`, `change --workspace`).
#   prepare_workspace_pg.sh OUTDIR   (run_e2e.sh runs it as LIMES_E2E_PREPARE; the CLI is
#                                     LIMES_E2E_CLI, the fixture's state LIMES_E2E_PG_STATE)
# KG's login is a libpq service with its password in a pgpass file (OUTDIR/.pg_service.conf
# and OUTDIR/.pgpass: OUTDIR is QGIS's HOME in the test); TJ's password is only in
# data/pg.json, for the test to put into QGIS's authentication database.
set -euo pipefail
OUT=$1
LIMES=${LIMES_E2E_CLI:?the limes CLI}
STATE=${LIMES_E2E_PG_STATE:?the PostGIS fixture state directory}
SAMPLE=${LIMES_E2E_PROJECT%.qgs}.gpkg
DATA="$OUT/data"
mkdir -p "$DATA"
CONN=$(cat "$STATE/conninfo")
HOST=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$CONN")
PORT=$(sed -n 's/.*port=\([^ ]*\).*/\1/p' <<<"$CONN")
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DB=limes_e2e_desktop
L="$SAMPLE|layername="
export LIMES_AUTHOR="Limes e2e"
su_sql() { "$BIN/psql" -h "$HOST" -p "$PORT" -U postgres -qAtX -v ON_ERROR_STOP=1 "$@"; }
run() { "$LIMES" "$@" >>"$DATA/prepare.log" 2>&1 || { echo "prepare: limes $* failed"; tail -5 "$DATA/prepare.log"; exit 1; }; }
recorded() { local out; out=$("$LIMES" "$@" 2>>"$DATA/prepare.log") || { echo "prepare: limes $* failed" >&2; tail -3 "$DATA/prepare.log" >&2; exit 1; }; sed -n 's/^Recorded entry \([0-9]*\):.*/\1/p' <<<"$out"; }

# a fresh database and fresh logins (a previous run's are dropped)
"$BIN/dropdb" -h "$HOST" -p "$PORT" -U postgres --if-exists "$DB" 2>/dev/null
su_sql -d postgres -c "SET client_min_messages = warning" -c "DROP ROLE IF EXISTS e2e_tj" -c "DROP ROLE IF EXISTS e2e_kg"
"$BIN/createdb" -h "$HOST" -p "$PORT" -U postgres "$DB"
su_sql -d "$DB" -c "CREATE EXTENSION postgis" >/dev/null
ADMIN="host=$HOST port=$PORT dbname=$DB user=postgres"
run workspace init "$ADMIN" --party "TJ=Tajikistan" --party "KG=Kyrgyzstan" --segments "${L}segments"
TJ_PW=tj-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
KG_PW=kg-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
su_sql -d "$DB" -c "CREATE ROLE e2e_tj LOGIN PASSWORD '$TJ_PW' IN ROLE limes_party_tj" -c "CREATE ROLE e2e_kg LOGIN PASSWORD '$KG_PW' IN ROLE limes_party_kg"
HBA=$(su_sql -d postgres -c "SHOW hba_file")
grep -q '^local all e2e_tj,e2e_kg scram-sha-256$' "$HBA" || sed -i '1i local all e2e_tj,e2e_kg scram-sha-256' "$HBA"
su_sql -d postgres -c "SELECT pg_reload_conf()" >/dev/null
# without its password, the delegation's login is refused (once the server has reloaded
# pg_hba): the test's connections must bring it
refused=no
for _ in $(seq 50); do
  "$BIN/psql" -h "$HOST" -p "$PORT" -U e2e_tj -d "$DB" -w -c "SELECT 1" >/dev/null 2>&1 || { refused=yes; break; }
  sleep 0.2
done
[ $refused = yes ] || { echo "prepare: e2e_tj logs in without a password (pg_hba not in force)"; exit 1; }
umask 077
printf '%s:%s:%s:e2e_kg:%s\n' "$HOST" "$PORT" "$DB" "$KG_PW" >"$OUT/.pgpass"
printf '%s:%s:%s:e2e_tj:%s\n' "$HOST" "$PORT" "$DB" "$TJ_PW" >"$DATA/tj.pgpass"
umask 022
cat >"$OUT/.pg_service.conf" <<EOF
[limes-e2e-kg]
host=$HOST
port=$PORT
dbname=$DB
user=e2e_kg
EOF
export PGSERVICEFILE="$OUT/.pg_service.conf" PGPASSFILE="$OUT/.pgpass"
KG="service=limes-e2e-kg"
TJ="host=$HOST port=$PORT dbname=$DB user=e2e_tj passfile=$DATA/tj.pgpass"
python3 -c 'import json, sys; json.dump(dict(host=sys.argv[1], port=sys.argv[2], dbname=sys.argv[3], tj_user="e2e_tj", tj_password=sys.argv[4], kg=sys.argv[5]), open(sys.argv[6], "w"))' \
  "$HOST" "$PORT" "$DB" "$TJ_PW" "$KG" "$DATA/pg.json"

KEYS="$DATA/keys"
mkdir -p "$KEYS"
export LIMES_KEY_PASSPHRASE="limes e2e passphrase"
printf '%s' "$LIMES_KEY_PASSPHRASE" >"$KEYS/passphrase.txt"
for who in tj kg secretariat; do run key generate --out "$KEYS/$who.key"; done
ogr2ogr -f GPKG "$DATA/dcw-by-segment.gpkg" "$SAMPLE" -nln dcw_by_segment \
  -sql "SELECT geom, code AS segment FROM segments ORDER BY seq" >>"$DATA/prepare.log" 2>&1

# each delegation registers its own key from its own login; the secretariat its key as administrator
run workspace register-key "$TJ" --party TJ --key "$KEYS/tj.key" --holder "TJ delegation (synthetic)"
run workspace register-key "$KG" --party KG --key "$KEYS/kg.key" --holder "KG delegation (synthetic)"
run workspace register-key "$ADMIN" --party SECRETARIAT --key "$KEYS/secretariat.key" --holder "Secretariat (synthetic)"
export LIMES_KEY="$KEYS/secretariat.key"
run workspace import-version "$ADMIN" --name DCW --kind historical --source "${L}boundary_dcw" --left KG --right TJ
run workspace import-version "$ADMIN" --name WDBII --kind draft --source "${L}boundary_wdbii" --left KG --right TJ
run workspace import-version "$ADMIN" --name "DCW by segment" --kind agreed --source "$DATA/dcw-by-segment.gpkg|layername=dcw_by_segment" --left KG --right TJ
claims="${L}synthetic_claims|subset=segment = 'S-003' AND party = "
run workspace import-version "$TJ" --name "TJ claim S-003" --kind claim --source "${claims}'TJ'" --left KG --right TJ --key "$KEYS/tj.key"
run workspace import-version "$KG" --name "KG claim S-003" --kind claim --source "${claims}'KG'" --left KG --right TJ --key "$KEYS/kg.key"
run workspace import-pillars "$ADMIN" --source "${L}pillars"
# each delegation records its own position on S-003; the secretariat the joint protocol on S-001, signed by both
tj=$(recorded ledger add "$TJ" --segment S-003 --protocol 17 --date 2024-05-14 --place Isfara --decision disputed \
  --position "TJ=the line of the TJ claim" --key "$KEYS/tj.key")
kg=$(recorded ledger add "$KG" --segment S-003 --protocol 17 --date 2024-05-14 --place Isfara --decision disputed \
  --position "KG=the line of the KG claim" --key "$KEYS/kg.key")
agreed=$(recorded ledger add "$ADMIN" --segment S-001 --protocol 17 --date 2024-05-14 --place Isfara --decision agreed --agreed-version "DCW by segment" \
  --signatory "TJ=N. Rahimov (synthetic)" --signatory "KG=A. Toktogulov (synthetic)")
run ledger sign "$TJ" --entry "$agreed" --key "$KEYS/tj.key"
run ledger sign "$KG" --entry "$agreed" --key "$KEYS/kg.key"
deferred=$(recorded ledger add "$ADMIN" --segment S-004 --protocol 18 --date 2024-09-02 --place Osh --decision deferred)
echo "$tj $kg $agreed $deferred" >"$DATA/entries.txt"
"$LIMES" workspace info "$KG" >"$DATA/info-before.txt"
"$LIMES" change --workspace "$KG" --old DCW --new WDBII --segments "${L}segments" --water "${L}synthetic_water_points" \
  --max-end-gap 5000 --min-area 1000 --output "$DATA/cli-change.gpkg" --summary "$DATA/cli-change.json" >>"$DATA/prepare.log" 2>&1
echo "prepared $DB on $HOST:$PORT"
