// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_REPORTTEMPLATE_H
#define LIMES_REPORT_REPORTTEMPLATE_H

#include <QDomDocument>
#include <QString>

class QgsPrintLayout;

namespace limes::report
{
  /**
   * A layout template (.qpt, QGIS's own format): the segment pages as a cartographer adapts
   * them in QGIS's layout designer. Read and checked before anything is computed: limes::Error
   * when the file is missing, is not XML, or holds no layout.
   */
  QDomDocument readTemplate( const QString &path );
  //! Replaces `layout`'s items and settings with the template's (QgsLayout::loadFromTemplate).
  void applyTemplate( QgsPrintLayout &layout, const QDomDocument &document, const QString &path );
  //! Writes `layout` as a .qpt (QgsLayout::saveAsTemplate) at `path` (an AtomicOutputs' temporary name).
  void saveTemplate( const QgsPrintLayout &layout, const QString &path );
}

#endif
