// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SPLITACTION_H
#define LIMES_SPLITACTION_H

// `limes workspace split TARGET SEGMENT --at PILLAR|LON,LAT [--codes A,B]` (splitaction.cpp),
// an action of WorkspaceCommand. --at is the option `survey` takes too (surveyactions.h).

#include <QCommandLineParser>
#include <QTextStream>

namespace limes::cli
{
  //! --codes (split also takes --at, --author, --key).
  QList<QCommandLineOption> splitOptions();
  //! Splits a segment in two at a pillar or a vertex: two new segments and a signed entry; the old one stays, retired.
  int splitSegment( const QCommandLineParser &parser, const QStringList &args, QTextStream &out );
}

#endif
