#!/usr/bin/env bash
# Installs what is missing, builds, and runs Limes on the Fergana sample data.
#   scripts/demo.sh          headless: prints the tool's versions and what the sample holds
#   scripts/demo.sh --gui    opens the real QGIS desktop with Limes enabled and the sample
#                            project loaded, in a throwaway profile (yours is never touched)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

gui=0
case "${1:-}" in
  --gui) gui=1 ;;
  "") ;;
  -h|--help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
  *) echo "usage: scripts/demo.sh [--gui]" >&2; exit 2 ;;
esac

ensure_packages "${BUILD_PACKAGES[@]}"
[ $gui -eq 1 ] && ensure_packages "${TEST_PACKAGES[@]}"
configure_and_build

LIMES="$BUILD_DIR/output/bin/limes"
SAMPLE="$LIMES_ROOT/sampledata/fergana.gpkg"

if [ $gui -eq 0 ]; then
  echo
  echo "== limes --version"
  "$LIMES" --version
  echo
  echo "== limes info sampledata/fergana.gpkg"
  "$LIMES" info "$SAMPLE"
  echo
  echo "Built: $BUILD_DIR/output/bin/limes and $BUILD_DIR/output/plugins/liblimesplugin.so"
  echo "Sample data: $SAMPLE (project: $LIMES_ROOT/sampledata/fergana.qgs)"
  echo "Desktop: scripts/demo.sh --gui"
  exit 0
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "limes: no display to open QGIS on (DISPLAY is not set)" >&2
  exit 2
fi
profile=$(mktemp -d -t limes-qgis-profile.XXXXXX)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/profiles/default/QGIS"
cat >"$profile/profiles/default/QGIS/QGIS3.ini" <<INI
[plugins]
searchPathsForPlugins=$BUILD_DIR/output/plugins

[Plugins]
liblimesplugin=true

[qgis]
checkVersion=false
INI
echo "limes: QGIS with a throwaway profile in $profile"
qgis.bin --profiles-path "$profile" --noversioncheck --project "$LIMES_ROOT/sampledata/fergana.qgs"
