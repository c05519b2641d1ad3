#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs what is missing, builds, and runs every test (unit, CLI, plugin module, real
# QGIS desktop under Xvfb). Exit status is ctest's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
configure_and_build
cd "$BUILD_DIR"
ctest --output-on-failure --parallel "$(nproc)" "$@"
