#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture: a throwaway PostgreSQL 15 + PostGIS cluster on a Unix socket, for the
# oracle and shared-workspace tests. Writes a libpq conninfo to $1/conninfo.
set -eu
STATE=$1
PORT=${LIMES_PG_PORT:-55433}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$STATE"
"$(dirname "$0")/pg_stop.sh" "$STATE" >/dev/null 2>&1 || true
# the cluster lives under /tmp: the build tree may sit where the postgres user cannot reach
DATA=$(mktemp -d -t limes-pg.XXXXXX)
echo "$DATA" >"$STATE/datadir"
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$DATA"
  run=(runuser -u postgres --)
fi
"${run[@]}" "$BIN/initdb" -D "$DATA/db" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1
"${run[@]}" "$BIN/pg_ctl" -D "$DATA/db" -l "$DATA/server.log" -w -t 60 \
  -o "-k $DATA -p $PORT -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >"$STATE/pg_ctl.log"
"${run[@]}" "$BIN/createdb" -h "$DATA" -p "$PORT" -U postgres limes_test
"${run[@]}" "$BIN/psql" -h "$DATA" -p "$PORT" -U postgres -d limes_test -qAt -c "CREATE EXTENSION postgis" >/dev/null
echo "host=$DATA port=$PORT dbname=limes_test user=postgres" >"$STATE/conninfo"
echo "postgis: started on $DATA port $PORT ($("${run[@]}" "$BIN/psql" -h "$DATA" -p "$PORT" -U postgres -d limes_test -qAt -c 'SELECT postgis_lib_version()'))"
