# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by demo.sh and test.sh: install the Debian packages that are missing, then
# configure and build incrementally into build/. Sourced, not run.
LIMES_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${LIMES_BUILD_DIR:-$LIMES_ROOT/build}

# What the build needs (libqgis-dev brings Qt 5, GDAL, GEOS and PROJ headers with it; the
# test programs, configured with everything else, link libpq and GeographicLib; QGIS's
# qgsauthmanager.h includes QtKeychain's header, which libqgis-dev does not pull in).
BUILD_PACKAGES=(cmake ninja-build g++ pkg-config libqgis-dev libgeos-dev libproj-dev libgdal-dev
  qtbase5-dev qtbase5-dev-tools libqt5svg5-dev qgis-providers fonts-dejavu-core
  libpq-dev libgeographiclib-dev qtkeychain-qt5-dev libssl-dev)
# PostgreSQL's major version is part of the package names and differs per Debian release.
debian_codename() {
  local c
  c=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
  # sid's os-release names no codename (or trixie's successor while it is being prepared)
  [ -n "$c" ] || c=sid
  echo "$c"
}
case "$(debian_codename)" in
  bookworm) PG_MAJOR=15 ;;
  trixie) PG_MAJOR=17 ;;
  *) PG_MAJOR=18 ;;     # sid (forky)
esac
# What the tests and `demo.sh --gui` need: the real QGIS desktop under Xvfb, its Python
# bindings to drive it, ImageMagick's `import` for screenshots, binutils' `nm`, and
# PostgreSQL + PostGIS for the throwaway oracle cluster, sqlite3 to tamper with a ledger, strace to inject disk faults, ogr2ogr (gdal-bin) to write the adversarial fixtures,
# clazy for the Qt 6 readiness check; Open Sans, which QGIS 3.40+ otherwise tries to download;
# pdftotext/pdftoppm (poppler-utils) and GeodSolve (geographiclib-tools) to read the reports back.
TEST_PACKAGES=(qgis python3-qgis xvfb xauth x11-utils imagemagick binutils sqlite3 strace gdal-bin clazy
  fonts-open-sans poppler-utils geographiclib-tools
  "postgresql-$PG_MAJOR" "postgresql-$PG_MAJOR-postgis-3")
# What building the Debian package needs (CPack's dpkg-shlibdeps step).
PACKAGE_PACKAGES=(dpkg-dev file)

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "limes: installing missing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q || return 1
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$LIMES_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DQGIS_PLUGIN_DIR=/usr/lib/qgis/plugins || return 1
  fi
  cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}
