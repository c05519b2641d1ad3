# SPDX-License-Identifier: GPL-2.0-or-later
# The change report (plugin/core/report/), included by plugin/core/CMakeLists.txt: its sources,
# and its own copy of the compiled translations, so that the CLI (which has no plugin
# resources) writes reports in every language too.
target_sources(limes_core PRIVATE
  report/reporttext.cpp report/reporttext.h
  report/reportinput.cpp report/reportinput.h
  report/reporttables.cpp report/reporttables.h
  report/reportlayers.cpp report/reportlayers.h
  report/layoutkit.cpp report/layoutkit.h
  report/pages.h report/coverpage.cpp report/summarypages.cpp report/segmentpages.cpp report/provenanceannex.cpp
  report/reportsequence.cpp report/reportsequence.h
  report/reporttemplate.cpp report/reporttemplate.h
  report/changereport.cpp report/changereport.h)
# layouts print through QtPrintSupport; qgslayoutitempicture.h includes QSvgRenderer
target_link_libraries(limes_core PUBLIC Qt${LIMES_QT_MAJOR}::PrintSupport Qt${LIMES_QT_MAJOR}::Svg)

find_package(Qt${LIMES_QT_MAJOR} REQUIRED COMPONENTS LinguistTools)
file(GLOB _limes_report_ts CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/i18n/limes_*.ts")
set_source_files_properties(${_limes_report_ts} PROPERTIES OUTPUT_LOCATION "${CMAKE_CURRENT_BINARY_DIR}/report-i18n")
if(LIMES_QT_MAJOR EQUAL 6)
  qt_add_translation(_limes_report_qm ${_limes_report_ts})
else()
  qt5_add_translation(_limes_report_qm ${_limes_report_ts})
endif()
set(_limes_report_qrc "<!DOCTYPE RCC><RCC version=\"1.0\"><qresource prefix=\"/limes/report-i18n\">")
foreach(_qm ${_limes_report_qm})
  get_filename_component(_name "${_qm}" NAME)
  string(APPEND _limes_report_qrc "<file alias=\"${_name}\">${_qm}</file>")
endforeach()
string(APPEND _limes_report_qrc "</qresource></RCC>")
file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/limes_report_i18n.qrc" CONTENT "${_limes_report_qrc}")
set_source_files_properties("${CMAKE_CURRENT_BINARY_DIR}/limes_report_i18n.qrc" PROPERTIES SKIP_AUTORCC ON)
if(LIMES_QT_MAJOR EQUAL 6)
  qt_add_resources(_limes_report_rcc "${CMAKE_CURRENT_BINARY_DIR}/limes_report_i18n.qrc")
else()
  qt5_add_resources(_limes_report_rcc "${CMAKE_CURRENT_BINARY_DIR}/limes_report_i18n.qrc")
endif()
set_source_files_properties(${_limes_report_rcc} PROPERTIES SKIP_AUTOMOC ON SKIP_AUTOUIC ON)
target_sources(limes_core PRIVATE ${_limes_report_rcc} ${_limes_report_qm})

# qgslayoutitemlabel.h includes qgswebpage.h, which includes qgswebframe.h, and
# qgslayoutitemscalebar.h includes "scalebar/…": Debian's libqgis-dev 3.22 lacks the one and
# flattens the other. Where QGIS's include directory lacks them, qgisstubs/ stands in.
get_target_property(_limes_qgis_includes QGIS::core INTERFACE_INCLUDE_DIRECTORIES)
set(_limes_have_webframe FALSE)
foreach(_dir ${_limes_qgis_includes})
  if(EXISTS "${_dir}/qgswebframe.h")
    set(_limes_have_webframe TRUE)
  endif()
endforeach()
if(NOT _limes_have_webframe)
  target_include_directories(limes_core SYSTEM PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/report/qgisstubs")
endif()
