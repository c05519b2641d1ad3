# SPDX-License-Identifier: GPL-2.0-or-later
# Translations, included by plugin/core/CMakeLists.txt: i18n/limes_LANG.ts (lupdate sources, in
# the repository) -> .qm (lrelease, at build time) -> compiled into limes_core as
# :/limes/i18n/limes_LANG.qm, once for the desktop (installed for QGIS's locale) and the
# report (any language, the CLI's too). limes::initTranslations() registers them.
find_package(Qt${LIMES_QT_MAJOR} REQUIRED COMPONENTS LinguistTools)
file(GLOB _limes_ts CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/i18n/limes_*.ts")
set_source_files_properties(${_limes_ts} PROPERTIES OUTPUT_LOCATION "${CMAKE_CURRENT_BINARY_DIR}/i18n")
if(LIMES_QT_MAJOR EQUAL 6)
  qt_add_translation(_limes_qm ${_limes_ts})
else()
  qt5_add_translation(_limes_qm ${_limes_ts})
endif()
set(_limes_qrc "<!DOCTYPE RCC><RCC version=\"1.0\"><qresource prefix=\"/limes/i18n\">")
foreach(_qm ${_limes_qm})
  get_filename_component(_name "${_qm}" NAME)
  string(APPEND _limes_qrc "<file alias=\"${_name}\">${_qm}</file>")
endforeach()
string(APPEND _limes_qrc "</qresource></RCC>")
# written at configure time (only when it changes), so that rcc learns it depends on the .qm files
file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/limes_i18n.qrc" CONTENT "${_limes_qrc}")
set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/limes_i18n.qrc" PROPERTIES SKIP_AUTORCC ON)
if(LIMES_QT_MAJOR EQUAL 6)
  qt_add_resources(_limes_i18n_rcc "${CMAKE_CURRENT_BINARY_DIR}/limes_i18n.qrc")
else()
  qt5_add_resources(_limes_i18n_rcc "${CMAKE_CURRENT_BINARY_DIR}/limes_i18n.qrc")
endif()
set_source_files_properties(${_limes_i18n_rcc} PROPERTIES SKIP_AUTOMOC ON SKIP_AUTOUIC ON)
target_sources(limes_core PRIVATE translations.cpp translations.h ${_limes_i18n_rcc} ${_limes_qm})
