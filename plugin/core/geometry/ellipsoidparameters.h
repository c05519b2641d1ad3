// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ELLIPSOIDPARAMETERS_H
#define LIMES_ELLIPSOIDPARAMETERS_H

#include <QString>

#include <qgsellipsoidutils.h>

namespace limes
{
  /**
   * An ellipsoid's axes and its own geographic CRS, the same as
   * QgsEllipsoidUtils::ellipsoidParameters gives. An EPSG:CODE id is read straight from PROJ's
   * database: QGIS 3.22 lists every ellipsoid of that database, building a CRS for each, on
   * its first call, a twelfth of a small comparison. Other ids (acronyms, ESRI:, IGNF:,
   * PARAMETER:a:b) are QGIS's to resolve. Cached; safe from any thread.
   */
  QgsEllipsoidUtils::EllipsoidParameters ellipsoidParameters( const QString &id );
}

#endif
