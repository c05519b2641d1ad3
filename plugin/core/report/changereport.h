// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORT_CHANGEREPORT_H
#define LIMES_REPORT_CHANGEREPORT_H

#include "report/reportinput.h"

#include <QMap>
#include <QStringList>

class QgsFeedback;

namespace limes::report
{
  //! What a report wrote.
  struct ReportFiles
  {
    QString pdf;
    QString geoPackage;     //!< the change engine's layers, as `limes change --output` writes them
    QStringList csv;        //!< one per table
    int pages = 0;
    int segments = 0;       //!< segments with a page
  };

  //! The files a report at `pdf` writes: the PDF, REPORT.gpkg and REPORT-TABLE.csv beside it.
  QStringList reportOutputs( const QString &pdf );

  /**
   * Writes the change report of `input` as a PDF built with QGIS's layout engine (cover,
   * summary, an atlas page per changed segment, provenance annex), its tables as CSV and its
   * geometry as a GeoPackage, all under temporary names renamed together at the end: all or
   * nothing. `saveTemplates` (part -> path, see reportParts()) also writes those layouts as .qpt.
   *
   * Layouts are not thread-safe: call it on the main thread (QGIS's own atlas export does the
   * same). limes::Error for bad input (a language, a template, nothing changed, a segment
   * without change) before anything is written; `feedback` reports progress and cancels.
   */
  ReportFiles writeChangeReport( const ReportInput &input, const ReportOptions &options, const QString &pdf, QgsFeedback *feedback = nullptr,
                                 const QMap<QString, QString> &saveTemplates = {} );
}

#endif
