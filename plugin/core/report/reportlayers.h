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
      //! The changed segments, field `code`: one atlas page each.
      QgsVectorLayer *coverage() const { return mCoverage; }
      //! The table layer of `table` (ledger, pillars, segment-resources, segments).
      QgsVectorLayer *tableLayer( const QString &table ) const { return mTables.value( table ); }
      //! The extent of everything changed.
      QgsRectangle changedExtent() const;

    private:
      std::unique_ptr<QgsProject> mProject;
      QList<QgsMapLayer *> mMapLayers;
      QgsVectorLayer *mCoverage = nullptr;
      QgsVectorLayer *mTransfers = nullptr;
      QMap<QString, QgsVectorLayer *> mTables;
  };
}

#endif
