// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_PAGES_H
#define LIMES_REPORT_PAGES_H

#include "report/reportinput.h"
#include "report/reporttables.h"

#include <QJsonObject>

#include <memory>

class QgsPrintLayout;

namespace limes::report
{
  class ReportLayers;
  class ReportText;

  //! What every part of the report is built from.
  struct ReportContext
  {
    const ReportInput &input;
    const QJsonObject &summary;   //!< changeSummary( *input.result ): the numbers
    const ReportTables &tables;
    const ReportLayers &layers;
    const ReportText &text;
    QStringList changed;          //!< the segments that get a page
  };

  //! Cover (coverpage.cpp): the commission, the versions, the parties, the date, the record.
  std::unique_ptr<QgsPrintLayout> coverLayout( const ReportContext &report );
  //! Summary (summarypages.cpp): totals, per party, resources, per segment, overview map.
  std::unique_ptr<QgsPrintLayout> summaryLayout( const ReportContext &report );
  //! The segment pages (segmentpages.cpp): an atlas over the changed segments.
  std::unique_ptr<QgsPrintLayout> segmentLayout( const ReportContext &report );
  //! Points the segment layout's atlas, maps and tables at this report's layers (Limes' or a template's).
  void bindSegmentLayout( QgsPrintLayout &layout, const ReportContext &report );
  /**
   * Binds a template's cover, summary or annex to this report (reportbinding.cpp): tables
   * tagged limes:table get this report's headings and rows, the overview map (limes:map) this
   * report's layers. Labels and everything else are the template's.
   */
  void bindLayout( QgsPrintLayout &layout, const ReportContext &report );
  //! Annex (provenanceannex.cpp): what the figures were computed from.
  std::unique_ptr<QgsPrintLayout> provenanceLayout( const ReportContext &report );

  //! The footer line of every page: the report's title and date.
  QString footerText( const ReportContext &report );
}

#endif
