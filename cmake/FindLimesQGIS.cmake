# SPDX-License-Identifier: GPL-2.0-or-later
# Wraps QGIS's own FindQGIS.cmake (installed under /usr/share/qgis) and gives imported
# targets, so that QGIS headers are SYSTEM includes and warnings stay about our code.
find_package(QGIS REQUIRED)
if(NOT QGIS_FOUND)
  message(FATAL_ERROR "QGIS development files not found (Debian: apt-get install libqgis-dev)")
endif()

# qgsconfig.h tells whether this QGIS 3.x was built with Qt 6.
set(QGIS_BUILT_WITH_QT6 OFF)
find_file(_limes_qgsconfig qgsconfig.h PATHS ${QGIS_INCLUDE_DIR} NO_DEFAULT_PATH)
if(_limes_qgsconfig)
  file(STRINGS "${_limes_qgsconfig}" _limes_qt6 REGEX "^#define +QT6_BUILD|^#define +BUILD_WITH_QT6")
  if(_limes_qt6)
    set(QGIS_BUILT_WITH_QT6 ON)
  endif()
endif()

# merged /usr makes FindQGIS pick /lib/qgis/plugins; prefer the canonical path when it exists
if(QGIS_PLUGIN_DIR MATCHES "^/lib/" AND EXISTS "/usr${QGIS_PLUGIN_DIR}")
  set(QGIS_PLUGIN_DIR "/usr${QGIS_PLUGIN_DIR}" CACHE PATH "QGIS plugin directory" FORCE)
endif()
get_filename_component(QGIS_PREFIX_DIR "${QGIS_INCLUDE_DIR}/../.." ABSOLUTE)

foreach(_part core gui analysis)
  string(TOUPPER ${_part} _PART)
  if(QGIS_${_PART}_LIBRARY AND NOT TARGET QGIS::${_part})
    add_library(QGIS::${_part} UNKNOWN IMPORTED)
    set_target_properties(QGIS::${_part} PROPERTIES
      IMPORTED_LOCATION "${QGIS_${_PART}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR}")
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LimesQGIS REQUIRED_VARS QGIS_CORE_LIBRARY QGIS_GUI_LIBRARY
  QGIS_ANALYSIS_LIBRARY QGIS_INCLUDE_DIR VERSION_VAR QGIS_VERSION)
