#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# liblimesplugin.so must export exactly the QGIS entry points as unmangled symbols: nothing of
# ours (or of the static libraries and templates inside it) may clash with QGIS or another plugin.
set -u
MODULE=$1
expected="category classFactory description icon name type unload version"
exported=$(nm -D --defined-only "$MODULE" | awk '{print $3}' | grep -v '^_Z' | sort | tr '\n' ' ' | sed 's/ $//')
mangled=$(nm -D --defined-only "$MODULE" | awk '{print $3}' | grep -c '^_Z')
status=0
if [ "$exported" != "$expected" ]; then
  echo "FAIL unmangled exports: '$exported', expected '$expected'"; status=1
fi
if [ "$mangled" -ne 0 ]; then
  echo "FAIL $mangled mangled C++ symbols exported"; status=1
fi
for sym in $expected; do
  nm -D --defined-only "$MODULE" | grep -q " T $sym$" || { echo "FAIL $sym is not a text symbol"; status=1; }
done
# every library it needs is resolvable
if ldd "$MODULE" | grep -q 'not found'; then echo "FAIL unresolved libraries"; ldd "$MODULE" | grep 'not found'; status=1; fi
[ $status -eq 0 ] && echo "plugin exports: 1 passed, 0 failed" || echo "plugin exports: 0 passed, 1 failed"
exit $status
