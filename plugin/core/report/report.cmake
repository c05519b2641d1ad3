# SPDX-License-Identifier: GPL-2.0-or-later
# The change report (plugin/core/report/), included by plugin/core/CMakeLists.txt: its sources
# (its languages are the core's compiled-in translations, i18n.cmake).
target_sources(limes_core PRIVATE
  report/reporttext.cpp report/reporttext.h
  report/reportinput.cpp report/reportinput.h
  report/reporttables.cpp report/reporttables.h
  report/reportlayers.cpp report/reportlayers.h
  report/layoutkit.cpp report/layoutkit.h
  report/pages.h report/reportbinding.cpp report/coverpage.cpp report/summarypages.cpp report/segmentpages.cpp report/provenanceannex.cpp
  report/reportsequence.cpp report/reportsequence.h
  report/reporttemplate.cpp report/reporttemplate.h
  report/changereport.cpp report/changereport.h)
# layouts print through QtPrintSupport; qgslayoutitempicture.h includes QSvgRenderer
target_link_libraries(limes_core PUBLIC Qt${LIMES_QT_MAJOR}::PrintSupport Qt${LIMES_QT_MAJOR}::Svg)


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
