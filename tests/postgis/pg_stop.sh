#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# ctest fixture cleanup: stops the throwaway cluster and removes it, also after failures.
set -u
STATE=$1
[ -f "$STATE/datadir" ] || exit 0
DATA=$(cat "$STATE/datadir")
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
[ -d "$DATA/db" ] && "${run[@]}" "$BIN/pg_ctl" -D "$DATA/db" -m immediate -w stop >/dev/null 2>&1
rm -rf "$DATA" "$STATE/datadir" "$STATE/conninfo"
echo "postgis: stopped"
