// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SURVEYACTIONS_H
#define LIMES_SURVEYACTIONS_H

// `limes workspace survey TARGET PILLAR` and `limes workspace pillars TARGET [PILLAR]`
// (surveyactions.cpp), actions of WorkspaceCommand.

#include <QCommandLineParser>
#include <QTextStream>

namespace limes::cli
{
  //! --at, --crs, --accuracy (survey also takes --date, --author, --key).
  QList<QCommandLineOption> surveyOptions();
  //! Records a pillar's surveyed position: a signed entry; the designed position stays.
  int surveyPillar( const QCommandLineParser &parser, const QStringList &args, QTextStream &out );
  //! Every pillar with its designed and latest surveyed position and deviation; with PILLAR, its surveys one by one.
  int listPillars( const QCommandLineParser &parser, const QStringList &args, QTextStream &out );
}

#endif
