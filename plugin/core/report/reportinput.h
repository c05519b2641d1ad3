// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_REPORTINPUT_H
#define LIMES_REPORT_REPORTINPUT_H

#include "change/changerequest.h"
#include "change/changeresult.h"
#include "workspace/model.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

class QgsFeatureSource;

namespace limes
{
  class WorkspaceStore;
}

namespace limes::report
{
  //! One of the two versions compared, as the cover names it.
  struct ReportVersion
  {
    QString name;
    QString kind;       //!< workspace versions: historical, claim, …; empty for a file
    QDate date;
    QString author;
    QString source;     //!< as given, or the workspace's source note
  };

  /**
   * Everything a report shows: the change engine's request and result (the same numbers as
   * `limes change`, through its summary), and, when the versions come from a workspace, what
   * the workspace records about them (versions, parties, per-segment ledger, pillars, head).
   * The request's layers must stay open while the report is built (the maps draw them).
   */
  struct ReportInput
  {
    const ChangeRequest *request = nullptr;
    const ChangeResult *result = nullptr;
    QString title;                          //!< the commission, as the cover names it
    ReportVersion oldVersion;
    ReportVersion newVersion;
    QList<Party> parties;                   //!< workspace: codes and names; otherwise the codes only
    QString workspace;                      //!< workspace: how it is named; empty for files
    QString ledgerHead;                     //!< "COUNT:HASH"
    QMap<QString, QList<LedgerEntry>> ledger; //!< per segment code: its decisions, in order
    QList<Pillar> pillars;                  //!< every pillar (WGS 84): the workspace's, or those of pillarsSource
    QString pillarsSource;                  //!< files: the pillar layer given (empty: none given, the pages say so)
    QDateTime created;                      //!< the report's date (UTC)
  };

  //! The report's layouts, in order, as templates name them.
  QStringList reportParts();

  //! How a report is written.
  struct ReportOptions
  {
    QString language = QStringLiteral( "en" );
    /**
     * Layout templates (.qpt, QgsLayout::loadFromTemplate) by the part of the report they
     * replace: cover, summary, segment (the atlas of segment pages), annex; a part without
     * one is Limes' own layout.
     */
    QMap<QString, QString> templates;
    //! Changed segments to give pages to; empty: all of them.
    QStringList segments;
  };

  /**
   * The report's input for a comparison already run. With `workspace` (and the two versions
   * as it records them), what the workspace says about them: versions, parties, the ledger of
   * each segment, the pillars and the head. The report's date is now, or $SOURCE_DATE_EPOCH.
   */
  ReportInput reportInput( const ChangeRequest &request, const ChangeResult &result, const WorkspaceStore *workspace = nullptr,
                           const LineVersion *oldRecord = nullptr, const LineVersion *newRecord = nullptr );

  /**
   * A report of files takes its pillars from a point layer, read as `limes workspace
   * import-pillars` reads them: field `numberField` (unique), `segment` when the layer has it
   * (a code of the request's segment lines), any CRS. Sets `pillars` and `pillarsSource`;
   * limes::Error for a layer the workspace would refuse.
   */
  void readReportPillars( ReportInput &input, QgsFeatureSource *source, const QString &sourceName, const QString &numberField );
}

#endif
