// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_REPORTTABLES_H
#define LIMES_REPORT_REPORTTABLES_H

#include "report/reportinput.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

namespace limes::report
{
  class ReportText;

  //! A column: its heading (a QT_TRANSLATE_NOOP literal), and how its numbers are written.
  struct Column
  {
    const char *heading = "";
    QString csvName;       //!< the CSV header: stable, English, snake_case
    int decimals = -1;     //!< -1: text (or an integer)
    double scale = 1;      //!< the value is divided by it (m² -> ha: 10000)
    bool csvOnly = false;  //!< a stable key for the CSV, not shown on the page
    int wrap = 0;          //!< on the page, lines of at most this many characters (paths break after / | &), 0: as is
  };

  /**
   * One of the report's tables, with raw values: the layout writes them in the report's
   * language, the CSV beside the PDF with a dot and the same decimals, so that both say the
   * same figures. Every number comes from the change summary (summary.h) or the workspace.
   */
  struct Table
  {
    QString id;            //!< the CSV's name: REPORT-ID.csv
    QList<Column> columns;
    QList<QVariantList> rows;

    QString cell( int row, int column, const ReportText &text ) const;
    QByteArray csv() const;
  };

  //! The tables of a report, built once from its input.
  struct ReportTables
  {
    Table versions;        //!< cover: the two versions
    Table parties;         //!< cover
    Table transfers;       //!< per direction
    Table net;             //!< per party
    Table resources;       //!< per resource layer and direction
    Table crossings;
    Table segments;        //!< per segment and direction
    Table segmentResources;//!< per segment: each resource feature that changes side
    Table ledger;          //!< per segment: its decisions
    Table pillars;         //!< per segment: its pillars, with distance and azimuth to the next
    Table provenance;      //!< annex: what the figures were computed from

    //! The tables written next to the PDF, in this order.
    QList<const Table *> csvTables() const;
  };

  //! The change summary's numbers, by table. `text` translates the cells that are words (kinds, decisions).
  ReportTables buildTables( const ReportInput &input, const QJsonObject &summary, const QStringList &changed, const ReportText &text );

  //! The codes of the segments with a transfer, in summary order (filtered by `only` when given).
  QStringList changedSegments( const QJsonObject &summary, const QStringList &only );
}

#endif
