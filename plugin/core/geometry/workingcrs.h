// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKINGCRS_H
#define LIMES_WORKINGCRS_H

#include <qgscoordinatereferencesystem.h>
#include <qgsrectangle.h>

namespace limes
{
  /**
   * The metric CRS overlays run in: the WGS 84 / UTM zone of the extent's centre. Areas and
   * lengths are measured on the ellipsoid afterwards, so the CRS only has to be conformal and
   * metric for the grid; a named EPSG code lets both delegations reproduce the run.
   */
  QgsCoordinateReferenceSystem workingCrsFor( const QgsRectangle &wgs84Extent );
}

#endif
