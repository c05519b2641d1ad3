// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_REPORTSEQUENCE_H
#define LIMES_REPORT_REPORTSEQUENCE_H

#include <QList>

#include <qgsabstractlayoutiterator.h>

class QgsPrintLayout;

namespace limes::report
{
  /**
   * The report's layouts in order for QgsLayoutExporter::exportToPdf( iterator, … ), which
   * prints each step's layout into one PDF (as QGIS prints its QgsReport): a layout once, or,
   * for one whose atlas is enabled, once per atlas feature. Layouts are not owned.
   */
  class ReportSequence : public QgsAbstractLayoutIterator
  {
    public:
      explicit ReportSequence( const QList<QgsPrintLayout *> &layouts );

      QgsLayout *layout() override;
      bool beginRender() override;
      bool endRender() override;
      int count() const override;
      bool next() override;
      QString filePath( const QString &baseFilePath, const QString &extension ) override;
      //! Pages the whole report prints (after beginRender(): atlas pages counted per feature).
      int pageCount() const;

    private:
      bool isAtlas( int part ) const;
      QList<QgsPrintLayout *> mLayouts;
      int mPart = -1;
      bool mInAtlas = false;
  };
}

#endif
