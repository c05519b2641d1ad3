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

  /**
   * False for "AUTH:CODE" that PROJ's database does not know, asked in a context of our own
   * with logging off: QGIS 3.40 lets PROJ print "crs not found" on stderr for an unknown
   * code, and the error must be one line. Other spellings are for QGIS to judge. Ask before
   * building a QgsCoordinateReferenceSystem from a user's text.
   */
  bool knownToProj( const QString &crs );
}

#endif
