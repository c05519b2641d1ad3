// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_SUMMARY_H
#define LIMES_CHANGE_SUMMARY_H

#include "change/changeresult.h"

#include <QByteArray>
#include <QJsonObject>

namespace limes
{
  /**
   * The change summary both delegations compare: totals per direction, per segment and per
   * resource layer, net change per party, and provenance. Deterministic: keys sorted,
   * numbers rounded to millimetres (m, m²), no timestamps, so identical inputs give
   * byte-identical files.
   */
  QJsonObject changeSummary( const ChangeResult &result );
  QByteArray changeSummaryJson( const ChangeResult &result );

  //! "point", "line", "polygon" or "unknown", as the summary and the outputs name geometry types.
  QString geometryTypeName( limes::GeometryType type );
}

#endif
