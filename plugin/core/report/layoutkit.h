// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_LAYOUTKIT_H
#define LIMES_REPORT_LAYOUTKIT_H

// The few ways the report's pages place QGIS layout items: A4 landscape, millimetres from the
// page's top left, one type face (DejaVu Sans: Latin and Cyrillic, embedded in the PDF).

#include <QRectF>
#include <QString>

#include <memory>

#include <qgstextformat.h>

class QgsLayout;
class QgsLayoutItemLabel;
class QgsLayoutItemMap;
class QgsLayoutItemScaleBar;
class QgsLayoutItemManualTable;
class QgsLayoutItemAttributeTable;
class QgsLayoutMultiFrame;
class QgsPrintLayout;
class QgsProject;
class QgsVectorLayer;

namespace limes::report
{
  class ReportText;
  struct Table;

  constexpr double PageWidth = 297;
  constexpr double PageHeight = 210;
  constexpr double Margin = 12;

  QString fontFamily();
  /**
   * The report's font: without ligatures, so that what a reader copies or pdftotext reads
   * back is what was written ("ff" in a hash stays two letters, not U+FB00).
   */
  QFont reportFont( double points, bool bold = false );
  QgsTextFormat textFormat( double points, bool bold = false );

  //! A layout of `pages` A4 landscape pages in `project`.
  std::unique_ptr<QgsPrintLayout> newLayout( QgsProject *project, const QString &name, int pages );
  //! A label; its text may hold QGIS expressions in [% %] (the atlas' segment, the page number).
  QgsLayoutItemLabel *addLabel( QgsLayout *layout, int page, const QRectF &mm, const QString &text, double points, bool bold = false );
  //! `text` in lines of at most `width` characters, broken after a path's separators (/ | & space) where it can be; 0: as is.
  QString brokenLines( const QString &text, int width );
  //! Sets a table's headings and rows to `table`'s, tagged with the custom property limes:table = its id.
  void fillTable( QgsLayoutItemManualTable *item, const Table &table, const ReportText &text );
  //! A table of fixed content (fillTable); with `extend`, it goes on to new pages as long as it needs.
  QgsLayoutItemManualTable *addTable( QgsLayout *layout, int page, const QRectF &mm, const Table &table, const ReportText &text, bool extend = false );
  //! One more frame of `table` at `mm` on `page`, which is added to the layout when it has not that many.
  void addTableFrame( QgsLayoutMultiFrame *table, int page, const QRectF &mm );
  /**
   * A table of a table layer filtered to the atlas' segment and part (fields `segment` and
   * `part`, see ReportLayers::coverage()), without those columns; at most `rows` rows. Tagged with the custom property limes:table = its id, so that
   * a template's table is bound to this report's layer again.
   */
  QgsLayoutItemAttributeTable *addAtlasTable( QgsLayout *layout, const QRectF &mm, QgsVectorLayer *layer, const Table &table, const ReportText &text, int rows );
  //! A scale bar in kilometres ("km" in the report's language) linked to `map`, in the report's type face.
  QgsLayoutItemScaleBar *addScaleBar( QgsLayout *layout, QgsLayoutItemMap *map, const ReportText &text );
  //! The heading and footer every page has: the report's title, its date, "page N".
  void addPageFrame( QgsLayout *layout, int page, const QString &heading, const QString &footer );
}

#endif
