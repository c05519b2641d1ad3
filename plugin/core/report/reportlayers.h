// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_REPORTLAYERS_H
#define LIMES_REPORT_REPORTLAYERS_H

#include "report/reportinput.h"
#include "report/reporttables.h"

#include <QList>
#include <QMap>

#include <memory>

class QgsMapLayer;
class QgsProject;
class QgsVectorLayer;

namespace limes::report
{
  class ReportText;

  //! Rows of a segment's table on its page (the first part); the frames there are sized for them.
  int firstPartRows( const QString &table );
  //! The heading of a segment table on its page (a QT_TRANSLATE_NOOP literal).
  const char *segmentTableHeading( const QString &table );
  //! Rows of one table on a continuation page of its segment.
  constexpr int ContinuedRows = 30;
  //! The segment tables in the order their rows continue: segments, segment-resources, ledger, pillars.
  QList<const Table *> segmentTables( const ReportTables &tables );

  /**
   * The layers the report's maps and tables draw, as memory layers in a project of the
   * report's own (never QgsProject::instance()), all in the working CRS: both versions, the
   * transfers styled by direction and labelled with their area, the resource features that
   * change side, the pillars, the changed segments (the atlas' coverage layer), and the
   * per-segment tables the atlas filters.
   */
  class ReportLayers
  {
    public:
      ReportLayers( const ReportInput &input, const ReportTables &tables, const QStringList &changed, const ReportText &text );
      ~ReportLayers();
      ReportLayers( const ReportLayers & ) = delete;
      ReportLayers &operator=( const ReportLayers & ) = delete;

      QgsProject *project() const { return mProject.get(); }
      //! What a map shows, top first.
      QList<QgsMapLayer *> mapLayers() const;
      //! The changed segments as the maps draw them, field `code`.
      QgsVectorLayer *changedSegments() const { return mCoverage; }
      /**
       * The segment pages, the atlas' coverage: fields `code`, `title` and `part`. Part 0 is a
       * segment's page (map and the first rows of its tables); a segment whose table has more
       * rows goes on over parts 1, 2, … (ContinuedRows of one table each), never truncated.
       */
      QgsVectorLayer *coverage() const { return mPages; }
      /**
       * The table layer of `table` (ledger, pillars, segment-resources, segments): every cell
       * as written, and field `part`, the segment page (coverage() part) that shows the row.
       */
      QgsVectorLayer *tableLayer( const QString &table ) const { return mTables.value( table ); }
      //! The extent of everything changed.
      QgsRectangle changedExtent() const;

    private:
      std::unique_ptr<QgsProject> mProject;
      QList<QgsMapLayer *> mMapLayers;
      QgsVectorLayer *mCoverage = nullptr;
      QgsVectorLayer *mPages = nullptr;
      QgsVectorLayer *mTransfers = nullptr;
      QMap<QString, QgsVectorLayer *> mTables;
  };
}

#endif
