#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `cmake --install` must put the module where QGIS looks for C++ plugins and `limes` on PATH.
set -u
BUILD=$1
PLUGIN_DIR=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
DESTDIR="$dest" cmake --install "$BUILD" --prefix /usr/local >/dev/null || { echo "install: 0 passed, 1 failed"; exit 1; }
status=0
[ -f "$dest$PLUGIN_DIR/liblimesplugin.so" ] || { echo "FAIL no $PLUGIN_DIR/liblimesplugin.so"; status=1; }
[ -x "$dest/usr/local/bin/limes" ] || { echo "FAIL no /usr/local/bin/limes"; status=1; }
"$dest/usr/local/bin/limes" --version | grep -q '^Limes ' || { echo "FAIL installed limes does not run"; status=1; }
[ $status -eq 0 ] && echo "install: 1 passed, 0 failed" || echo "install: 0 passed, 1 failed"
exit $status
