#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds and runs the whole test suite against the QGIS of another Debian release, in a
# chroot made with debootstrap (cached between runs) — exactly what scripts/test.sh does on
# that release's own machine.
#   scripts/test-qgis.sh bookworm|trixie|sid [ctest arguments...]
#     bookworm: QGIS 3.22   trixie: QGIS 3.40 LTR   sid: QGIS 3.44
#   scripts/test-qgis.sh --prepare RELEASE   only make the chroot and install its packages
# Environment: LIMES_CHROOT_DIR (default /var/cache/limes/chroots) holds the chroots;
# LIMES_CHROOT_MIRROR overrides the Debian mirror (default: the one this machine's apt uses).
# The build tree is build/qgis-RELEASE in this checkout; the Debian package is built there
# (build/qgis-RELEASE/packages/) and tested installed in the chroot (tests/package).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prepare_only=0
[ "${1:-}" = --prepare ] && { prepare_only=1; shift; }
release=${1:-}
case "$release" in
  bookworm|trixie|sid) shift ;;
  -h|--help) sed -n '3,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "usage: scripts/test-qgis.sh bookworm|trixie|sid [ctest arguments...]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "limes: scripts/test-qgis.sh needs root (debootstrap, chroot, mounts)" >&2; exit 2; }

source "$ROOT/scripts/lib/chroot.sh"
chroot_prepare "$release"
chroot_mount "$release" "$ROOT"
trap 'chroot_umount "$release"' EXIT
if [ $prepare_only -eq 1 ]; then
  chroot_run "$release" bash -c 'source /limes/scripts/lib/common.sh &&
    ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}"'
  exit
fi

# Inside, the checkout is /limes and the build tree build/qgis-RELEASE: the same command as
# on a real machine of that release, then the Debian package built, installed and tested
# there (the chroot is throwaway, so installing into it is fine).
build="/limes/build/qgis-$release"
status=0
# the Qt 6 readiness check does not depend on the QGIS release: the native suite runs it
chroot_run "$release" env LIMES_BUILD_DIR="$build" bash /limes/scripts/test.sh -LE qt6 "$@" || status=1
chroot_run "$release" bash -c "source /limes/scripts/lib/common.sh && ensure_packages \"\${PACKAGE_PACKAGES[@]}\" >/dev/null &&
  bash /limes/tests/package/test_package.sh $build /limes" || status=1
echo "limes: QGIS $(chroot_run "$release" dpkg-query -W -f '${Version}' libqgis-dev) ($release): $([ $status -eq 0 ] && echo passed || echo FAILED)"
exit $status
