#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds and runs the whole test suite against the QGIS of another Debian release, in a
# chroot made with debootstrap (cached between runs) — exactly what scripts/test.sh does on
# that release's own machine.
#   scripts/test-qgis.sh bookworm|trixie|sid [ctest arguments...]
#     bookworm: QGIS 3.22   trixie: QGIS 3.40 LTR   sid: QGIS 3.44
# Environment: LIMES_CHROOT_DIR (default /var/cache/limes/chroots) holds the chroots;
# LIMES_CHROOT_MIRROR overrides the Debian mirror (default: the one this machine's apt uses).
# The build tree is build/qgis-RELEASE in this checkout; the package is built there too
# (scripts/package.sh), and the installed package is tested in the chroot (tests/package).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
release=${1:-}
case "$release" in
  bookworm|trixie|sid) shift ;;
  -h|--help) sed -n '3,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "usage: scripts/test-qgis.sh bookworm|trixie|sid [ctest arguments...]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "limes: scripts/test-qgis.sh needs root (debootstrap, chroot, mounts)" >&2; exit 2; }

source "$ROOT/scripts/lib/chroot.sh"
chroot_prepare "$release"
chroot_mount "$release" "$ROOT"
trap 'chroot_umount "$release"' EXIT

# Inside, the checkout is /limes and the build tree build/qgis-RELEASE: the same two
# commands as on a real machine of that release.
chroot_run "$release" env LIMES_BUILD_DIR="/limes/build/qgis-$release" LIMES_PACKAGE_TEST=1 \
  bash /limes/scripts/test.sh "$@"
