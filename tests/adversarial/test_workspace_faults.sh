#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Faults around a workspace (issue 10): init killed part-way, another process's lock, a
# damaged file, no workspace at all, a bad colour, a disk failing or full while writing or
# while taking the migration backup. Every failure must be one line on stderr, exit 2, and
# leave every input and workspace as it was.
# Arguments: the limes binary, the source tree, and (optional) the PostGIS fixture's state
# directory for the PostgreSQL cases. Disk faults are injected with strace; a full disk is a
# small tmpfs, which needs root (skipped, and said so, otherwise).
set -u
LIMES=$1
SRC=$2
PG_STATE=${3:-}
GPKG="$SRC/sampledata/fergana.gpkg"
tmp=$(mktemp -d)
# a home of our own: tests run in parallel, and QGIS writes its settings under $HOME at every
# start; shared, their lock files and rewrites change the system calls the fault injection counts
export HOME="$tmp/home"
mkdir -p "$HOME"
mounts=()
cleanup() {
  local m
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null
  rm -rf "$tmp"
  [ -n "${PG_CLEANUP:-}" ] && eval "$PG_CLEANUP"
}
trap cleanup EXIT
passes=0 failures=0
ok() { echo "ok $1"; passes=$((passes + 1)); }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

# limes ARGS...: runs the CLI, keeping stdout, stderr and the exit code in $out, $err, $rc
limes() {
  timeout 300 "$LIMES" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}
# refused NAME STDERR_RE ARGS...: exit 2, and exactly one line on stderr matching
refused() {
  local name=$1 re=$2; shift 2
  limes "$@"
  if [ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -Eq -- "$re" "$tmp/err"; then
    ok "$name"
  else
    fail "$name: exit $rc, stderr: $err"
  fi
}
# state WORKSPACE: what must not change: what Limes shows of it, its SQL content (the ledger's
# entries among it), its bytes, and the files beside it (a journal left behind would be a change too)
state() {
  local ws=$1
  "$LIMES" workspace info "$ws" 2>&1
  sqlite3 "$ws" .dump
  sha256sum <"$ws"
  ls -A "$(dirname "$ws")" | grep -F "$(basename "$ws")"
}
# unchanged NAME WORKSPACE BEFORE: the state now is the state before
unchanged() {
  local now
  now=$(state "$2")
  if [ "$now" = "$3" ]; then ok "$1"; else fail "$1: $(diff <(echo "$3") <(echo "$now") | head -5)"; fi
}
no_temporaries() { ! ls -A "$1" | grep -Eq '\.tmp\.gpkg'; }

export LIMES_AUTHOR=faults
SEGMENTS="$GPKG|layername=segments"
# a version and a ledger entry, less the name and the protocol number
VERSION=(--kind historical --source "$GPKG|layername=boundary_dcw" --left KG --right TJ)
ENTRY=(--segment S-003 --date 2024-05-14 --decision disputed --position "KG=along the ridge")

# Where writes are signed (limes key), one key for every write, registered with the workspace
if "$LIMES" key --help >/dev/null 2>&1; then
  export LIMES_KEY="$tmp/faults.key" LIMES_KEY_PASSPHRASE=faults-passphrase
  "$LIMES" key generate --out "$LIMES_KEY" >/dev/null || { echo "FAIL cannot make a signing key"; exit 1; }
  register() { "$LIMES" workspace register-key "$1" --party SECRETARIAT --holder faults >/dev/null; }
else
  register() { :; }
fi

# One workspace with a version and a ledger entry; each case works on a copy.
mkdir "$tmp/base"
BASE="$tmp/base/ws.gpkg"
"$LIMES" workspace init "$BASE" --party TJ=Tajikistan --party KG=Kyrgyzstan --segments "$SEGMENTS" >/dev/null && register "$BASE" &&
  "$LIMES" workspace import-version "$BASE" "${VERSION[@]}" --name DCW >/dev/null &&
  "$LIMES" ledger add "$BASE" "${ENTRY[@]}" --protocol 17 >/dev/null || { echo "FAIL cannot build the base workspace"; exit 1; }
# copy NAME [DIR]: a fresh copy of the base workspace, its path on stdout
copy() {
  local dir=${2:-$tmp/$1}
  mkdir -p "$dir"
  cp "$BASE" "$dir/ws.gpkg"
  echo "$dir/ws.gpkg"
}

# --- 1. workspace init is atomic --------------------------------------------------------
# paused_init TARGET ARGS...: starts init with LIMES_TEST_PAUSE_INIT=1 and waits for its marker
paused_init() {
  LIMES_TEST_PAUSE_INIT=1 "$LIMES" workspace init "$@" >"$tmp/init.out" 2>"$tmp/init.err" &
  init_pid=$!
  local i
  for i in $(seq 1 600); do
    grep -q "limes: test pause: workspace written, not yet in place" "$tmp/init.err" && return 0
    kill -0 "$init_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "init did not pause: $(cat "$tmp/init.err")"
  return 1
}
mkdir "$tmp/init"
NEW="$tmp/init/new.gpkg"
if paused_init "$NEW" --party TJ=Tajikistan --party KG=Kyrgyzstan --segments "$SEGMENTS"; then
  check init-paused-nothing-at-target test ! -e "$NEW"
  check init-paused-under-temporary-name bash -c "ls -A '$tmp/init' | grep -Eq '^\.new\.[0-9]+-[0-9a-f]{8}\.tmp\.gpkg$'"
  kill -9 "$init_pid"; wait "$init_pid" 2>/dev/null
  check init-killed-nothing-at-target test ! -e "$NEW"
  limes workspace init "$NEW" --party TJ=Tajikistan --party KG=Kyrgyzstan --segments "$SEGMENTS"
  [ $rc -eq 0 ] && grep -q "^Created workspace" <<<"$out" && ok init-after-kill-succeeds || fail "init-after-kill-succeeds: $rc $err"
  limes workspace verify "$NEW"
  [ $rc -eq 0 ] && ok init-after-kill-verifies || fail "init-after-kill-verifies: $rc $out $err"
  check init-after-kill-stale-temporary-removed no_temporaries "$tmp/init"
else
  fail init-paused
fi
# a file put in the way while init was writing is never replaced
OTHER="$tmp/init/other.gpkg"
if paused_init "$OTHER" --party TJ=Tajikistan --party KG=Kyrgyzstan; then
  echo "someone else's file" >"$OTHER"
  kill -USR1 "$init_pid"; wait "$init_pid"; rc=$?
  [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/init.err")" -eq 2 ] && grep -q "other.gpkg: already exists; a workspace is never overwritten$" "$tmp/init.err" &&
    ok init-raced-refused || fail "init-raced-refused: $rc $(cat "$tmp/init.err")"
  check init-raced-file-kept test "$(cat "$OTHER")" = "someone else's file"
  check init-raced-no-temporaries no_temporaries "$tmp/init"
else
  fail init-raced-paused
fi

# --- 2. locked, damaged, not a workspace --------------------------------------------------
# hold_lock WORKSPACE SECONDS: another process ($holder) holds the write lock (BEGIN EXCLUSIVE) that long
hold_lock() {
  (echo "BEGIN EXCLUSIVE;"; sleep "$2"; echo "COMMIT;") | sqlite3 "$1" &
  holder=$!
  local i
  for i in $(seq 1 100); do # until it really holds it
    sqlite3 -cmd ".timeout 0" "$1" "SELECT 1 FROM limes_meta LIMIT 1" >/dev/null 2>&1 || return 0
    sleep 0.05
  done
  echo "could not take the lock"
}
WS=$(copy locked)
before=$(state "$WS")
hold_lock "$WS" 3
LIMES_LOCK_TIMEOUT_MS=5000 limes ledger add "$WS" "${ENTRY[@]}" --protocol 18
[ $rc -eq 0 ] && ok locked-briefly-waited-for || fail "locked-briefly-waited-for: $rc $err"
wait "$holder"; holder=
hold_lock "$WS" 3
LIMES_LOCK_TIMEOUT_MS=5000 limes workspace info "$WS"
[ $rc -eq 0 ] && grep -q "^Ledger: " <<<"$out" && ok locked-briefly-read || fail "locked-briefly-read: $rc $err"
check locked-briefly-entry-recorded bash -c "'$LIMES' ledger list '$WS' | grep -Eq ' 18 +disputed'"
wait "$holder"; holder=
before=$(state "$WS")
hold_lock "$WS" 120 # released below: as long as the three commands take, however loaded the machine
LIMES_LOCK_TIMEOUT_MS=2000 refused locked-info "ws.gpkg: is locked by another process \(waited 2 s\)$" workspace info "$WS"
LIMES_LOCK_TIMEOUT_MS=2000 refused locked-ledger-add "ws.gpkg: is locked by another process \(waited 2 s\)$" ledger add "$WS" "${ENTRY[@]}" --protocol 19
LIMES_LOCK_TIMEOUT_MS=2000 refused locked-import "ws.gpkg: is locked by another process \(waited 2 s\)$" workspace import-version "$WS" "${VERSION[@]}" --name other
kill "$holder"; wait "$holder" 2>/dev/null; holder=
unchanged locked-unchanged "$WS" "$before"

# truncated to half its size
WS=$(copy truncated)
truncate -s $(($(stat -c %s "$WS") / 2)) "$WS"
before=$(state "$WS")
DAMAGED="ws.gpkg: is damaged: .*; restore it from a copy$"
refused truncated-info "$DAMAGED" workspace info "$WS"
refused truncated-ledger-add "$DAMAGED" ledger add "$WS" "${ENTRY[@]}" --protocol 19
refused truncated-verify "$DAMAGED" workspace verify "$WS"
unchanged truncated-unchanged "$WS" "$before"

# one page in the middle (the root of version_lines) overwritten with garbage: the ledger still
# reads as intact, so verify must look at the file itself, and no write may go into it (info,
# which counts the lines by their index, may still read)
WS=$(copy garbage)
page=$(sqlite3 "$WS" "SELECT rootpage FROM sqlite_master WHERE name = 'version_lines'")
size=$(sqlite3 "$WS" "PRAGMA page_size")
head -c "$size" /dev/zero | tr '\0' '\252' | dd of="$WS" bs="$size" seek=$((page - 1)) conv=notrunc status=none
before=$(state "$WS")
limes workspace verify "$WS"
[ $rc -eq 1 ] && grep -q "the file is damaged (SQLite integrity check: .*); restore it from a copy" <<<"$out" && ok garbage-verify-reports ||
  fail "garbage-verify-reports: $rc $out $err"
refused garbage-ledger-add "$DAMAGED" ledger add "$WS" "${ENTRY[@]}" --protocol 19
refused garbage-import "$DAMAGED" workspace import-version "$WS" "${VERSION[@]}" --name other
unchanged garbage-unchanged "$WS" "$before"

# a GeoPackage without Limes' tables, a text file, an empty file
mkdir "$tmp/none"
cp "$GPKG" "$tmp/none/plain.gpkg"
echo "not a database" >"$tmp/none/text.gpkg"
: >"$tmp/none/empty.gpkg"
for f in plain text empty; do
  sum=$(sha256sum <"$tmp/none/$f.gpkg")
  refused "$f-info" "$f.gpkg: is not a Limes workspace" workspace info "$tmp/none/$f.gpkg"
  refused "$f-ledger-add" "$f.gpkg: is not a Limes workspace" ledger add "$tmp/none/$f.gpkg" "${ENTRY[@]}" --protocol 19
  check "$f-unchanged" test "$(sha256sum <"$tmp/none/$f.gpkg")" = "$sum"
done

# --- 3. party colours ----------------------------------------------------------------------
WS=$(copy colour)
before=$(state "$WS")
refused colour-refused "ws.gpkg: colour: 'notacolour' is not a colour #RRGGBB" workspace add-party "$WS" --code UZ --name Uzbekistan --colour notacolour
refused colour-short-refused "colour: '#12345' is not a colour" workspace add-party "$WS" --code UZ --name Uzbekistan --colour '#12345'
unchanged colour-refused-unchanged "$WS" "$before"
limes workspace add-party "$WS" --code UZ --name Uzbekistan --colour '#1A9850'
[ $rc -eq 0 ] && [ "$(sqlite3 "$WS" "SELECT colour FROM parties WHERE code = 'UZ'")" = "#1A9850" ] && ok colour-accepted || fail "colour-accepted: $rc $err"

# --- 4. the disk fails while writing -------------------------------------------------------
# faulty NAME STDERR_RE STRACE_ARGS... -- LIMES_ARGS...: the command under strace's fault
# injection fails in one line and leaves the workspace as it was
faulty() {
  local name=$1 re=$2; shift 2
  local inject=()
  while [ "$1" != -- ]; do inject+=("$1"); shift; done
  shift
  local ws=$tmp/fault-$name/ws.gpkg
  copy "fault-$name" >/dev/null
  local before
  before=$(state "$ws")
  # {WS} in the strace arguments stands for the workspace's path
  inject=("${inject[@]//\{WS\}/$ws}")
  strace -f -qq -o "$tmp/strace-$name" "${inject[@]}" "$LIMES" "${@//\{WS\}/$ws}" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if ! grep -q INJECTED "$tmp/strace-$name"; then
    fail "$name: no fault was injected"
  elif [ $rc -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -Eq -- "$re" "$tmp/err"; then
    ok "$name"
  else
    fail "$name: exit $rc, stderr: $(cat "$tmp/err")"
  fi
  unchanged "$name-unchanged" "$ws" "$before"
}
EIO="ws.gpkg: the file system reported an error \(disk I/O error\); the change was not saved$"
FULL="ws.gpkg: the disk is full; the change was not saved$"
if command -v strace >/dev/null; then
  for cmd in import ledger; do
    if [ $cmd = import ]; then args=(workspace import-version {WS} "${VERSION[@]}" --name again); else args=(ledger add {WS} "${ENTRY[@]}" --protocol 19); fi
    # every flush to disk fails
    faulty "$cmd-fsync-eio" "$EIO" -e trace=fsync,fdatasync -e inject=fsync,fdatasync:error=EIO -- "${args[@]}"
    # the rollback journal's third write fails
    faulty "$cmd-journal-eio" "$EIO" -P "{WS}-journal" -e trace=pwrite64 -e inject=pwrite64:error=EIO:when=3 -- "${args[@]}"
    # the file's own writes fail from the second on: half-written, the journal restores it
    faulty "$cmd-file-eio" "$EIO" -P "{WS}" -e trace=pwrite64 -e inject=pwrite64:error=EIO:when=2+ -- "${args[@]}"
    # the journal finds no space
    faulty "$cmd-journal-enospc" "$FULL" -P "{WS}-journal" -e trace=pwrite64 -e inject=pwrite64:error=ENOSPC:when=2+ -- "${args[@]}"
  done
else
  fail "strace is not installed (scripts/lib/common.sh installs it)"
fi

# full_disk DIR SIZE_KB: a tmpfs of that size at DIR; false when it cannot be mounted
full_disk() {
  mkdir -p "$1"
  mount -t tmpfs -o "size=${2}k" tmpfs "$1" 2>/dev/null || return 1
  mounts+=("$1")
}
# fill DIR KB: leaves only KB free
fill() {
  dd if=/dev/zero of="$1/filler" bs=4k status=none 2>/dev/null
  local free=$(($2 / 4))
  [ $free -gt 0 ] && truncate -s -$((free * 4))k "$1/filler"
  sync
}
if [ "$(id -u)" -ne 0 ]; then
  echo "skip full-disk cases: mounting a small tmpfs needs root"
elif ! full_disk "$tmp/full" 4096; then
  echo "skip full-disk cases: cannot mount a tmpfs here"
else
  WS=$(copy full "$tmp/full")
  fill "$tmp/full" 0
  before=$(state "$WS")
  refused full-ledger-add "$FULL" ledger add "$WS" "${ENTRY[@]}" --protocol 19
  refused full-import "$FULL" workspace import-version "$WS" "${VERSION[@]}" --name again
  unchanged full-unchanged "$WS" "$before"
fi

# --- 5. the migration backup -----------------------------------------------------------------
# old WORKSPACE: a workspace as schema 1 wrote it (parties, segments, ledger, accepted findings:
# no line versions, pillars, change results or styles yet), in a GeoPackage GDAL lays down
old() {
  /usr/bin/python3 -c "import sys; from osgeo import gdal; gdal.GetDriverByName('GPKG').Create(sys.argv[1], 0, 0, 0, gdal.GDT_Unknown)" "$1" &&
    sqlite3 "$1" "BEGIN;
      CREATE TABLE limes_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE parties (code TEXT PRIMARY KEY, name TEXT NOT NULL, local_name TEXT, colour TEXT);
      CREATE TABLE segments (code TEXT PRIMARY KEY, seq INTEGER NOT NULL);
      CREATE TABLE ledger (id INTEGER PRIMARY KEY, segment TEXT NOT NULL REFERENCES segments(code), protocol TEXT NOT NULL,
        meeting_date TEXT NOT NULL, place TEXT, decision TEXT NOT NULL CHECK (decision IN ('agreed','disputed','deferred','referred')),
        agreed_version TEXT, positions TEXT NOT NULL, signatories TEXT NOT NULL, attachments TEXT NOT NULL,
        supersedes INTEGER REFERENCES ledger(id), author TEXT NOT NULL, recorded_utc TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
      CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;
      CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;
      CREATE TABLE validation_exceptions (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, layer TEXT NOT NULL, fid INTEGER NOT NULL,
        reason TEXT NOT NULL, author TEXT NOT NULL, recorded_utc TEXT NOT NULL);
      INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('parties', 'attributes', 'parties'), ('segments', 'attributes', 'segments'),
        ('ledger', 'attributes', 'ledger'), ('validation_exceptions', 'attributes', 'validation_exceptions');
      INSERT INTO limes_meta VALUES ('schema_version', '1'), ('ledger_entries', '0'), ('ledger_head', '$(printf '0%.0s' $(seq 64))');
      INSERT INTO parties VALUES ('TJ', 'Tajikistan', NULL, NULL), ('KG', 'Kyrgyzstan', NULL, NULL);
      INSERT INTO segments VALUES ('S-001', 1), ('S-002', 2), ('S-003', 3);
      COMMIT;"
}
mkdir "$tmp/migrate"
OLD="$tmp/migrate/ws.gpkg"
if old "$OLD"; then
  cp "$OLD" "$tmp/old.gpkg"
  limes workspace info "$OLD"
  backup=$(ls "$tmp/migrate" | grep -E '^ws\.gpkg\.schema1-backup-[0-9]{8}T[0-9]{6}\.gpkg$')
  [ $rc -eq 0 ] && [ -n "$backup" ] && ok migrate-with-backup || fail "migrate-with-backup: $rc $err $(ls "$tmp/migrate")"
  check migrate-backup-is-the-old-workspace test "$(sqlite3 "$tmp/migrate/$backup" .dump)" = "$(sqlite3 "$tmp/old.gpkg" .dump)"
  check migrate-backup-sound test "$(sqlite3 "$tmp/migrate/$backup" "PRAGMA integrity_check")" = ok
  check migrate-no-temporaries no_temporaries "$tmp/migrate"
  if [ "$(id -u)" -ne 0 ]; then
    echo "skip full-disk backup case: mounting a small tmpfs needs root"
  elif ! full_disk "$tmp/fullmigrate" 4096; then
    echo "skip full-disk backup case: cannot mount a tmpfs here"
  else
    cp "$tmp/old.gpkg" "$tmp/fullmigrate/ws.gpkg"
    # room for the journal of a migration, not for a copy of the whole file
    fill "$tmp/fullmigrate" $(($(stat -c %s "$tmp/old.gpkg") / 2048))
    sum=$(sha256sum <"$tmp/fullmigrate/ws.gpkg")
    refused migrate-full-refused "ws.gpkg: cannot write the backup copy ws\.gpkg\.schema1-backup-.*\.gpkg before migrating the workspace \(the disk is full\); the workspace was not changed$" \
      workspace info "$tmp/fullmigrate/ws.gpkg"
    check migrate-full-workspace-unchanged test "$(sha256sum <"$tmp/fullmigrate/ws.gpkg")" = "$sum"
    check migrate-full-still-schema-1 test "$(sqlite3 "$tmp/fullmigrate/ws.gpkg" "SELECT value FROM limes_meta WHERE key = 'schema_version'")" = 1
    check migrate-full-no-backup-left bash -c "! ls -A '$tmp/fullmigrate' | grep -q backup"
    check migrate-full-no-temporaries no_temporaries "$tmp/fullmigrate"
    # with room again, the same open migrates
    rm "$tmp/fullmigrate/filler"
    limes workspace info "$tmp/fullmigrate/ws.gpkg"
    [ $rc -eq 0 ] && ok migrate-after-full || fail "migrate-after-full: $rc $err"
  fi
else
  fail "cannot make a schema-1 workspace"
fi

# --- PostgreSQL: init killed inside its transaction; colours --------------------------------
if [ -n "$PG_STATE" ] && [ -r "$PG_STATE/conninfo" ]; then
  CONN=$(cat "$PG_STATE/conninfo")
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  HOST=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$CONN")
  PORT=$(sed -n 's/.*port=\([^ ]*\).*/\1/p' <<<"$CONN")
  DB=limes_faults_$$
  # party codes of our own: roles are per cluster, and other tests run beside us
  PARTIES=(--party FA=Faultland --party FB=Faultbury)
  psql() { "$BIN/psql" -h "$HOST" -p "$PORT" -U postgres -d "$DB" -qAtX "$@"; }
  PG_CLEANUP='"$BIN/dropdb" -h "$HOST" -p "$PORT" -U postgres --if-exists "$DB" >/dev/null 2>&1
    "$BIN/psql" -h "$HOST" -p "$PORT" -U postgres -d postgres -qAtX -c "DROP ROLE IF EXISTS limes_party_fa, limes_party_fb, limes_party_fc" >/dev/null 2>&1'
  "$BIN/createdb" -h "$HOST" -p "$PORT" -U postgres "$DB" || fail "cannot create $DB"
  TARGET="host=$HOST port=$PORT dbname=$DB user=postgres"
  if paused_init "$TARGET" "${PARTIES[@]}" --segments "$SEGMENTS"; then
    kill -9 "$init_pid"; wait "$init_pid" 2>/dev/null
    for i in $(seq 1 50); do # the server rolls back once it sees the connection gone
      [ "$(psql -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")" = 0 ] && break
      sleep 0.1
    done
    check pg-init-killed-nothing-left test "$(psql -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'limes'")" = 0
    limes workspace init "$TARGET" "${PARTIES[@]}" --segments "$SEGMENTS"
    [ $rc -eq 0 ] && ok pg-init-after-kill-succeeds || fail "pg-init-after-kill-succeeds: $rc $err"
    before=$(psql -c "SELECT code, colour FROM limes.parties ORDER BY code")
    refused pg-colour-refused "colour: 'notacolour' is not a colour #RRGGBB" workspace add-party "$TARGET" --code FC --name Faultcombe --colour notacolour
    check pg-colour-refused-unchanged test "$(psql -c "SELECT code, colour FROM limes.parties ORDER BY code")" = "$before"
  else
    fail pg-init-paused
  fi
else
  echo "skip PostgreSQL cases: no PostGIS fixture given"
fi

echo "$(basename "$0" .sh): $passes passed, $failures failed"
[ $failures -eq 0 ]
