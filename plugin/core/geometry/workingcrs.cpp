// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/workingcrs.h"
#include "error.h"

#include <cmath>

namespace limes
{
  QgsCoordinateReferenceSystem workingCrsFor( const QgsRectangle &wgs84Extent )
  {
    if ( wgs84Extent.isNull() || !std::isfinite( wgs84Extent.xMinimum() ) )
      throw Error( QStringLiteral( "inputs have no extent to choose a working CRS for" ) );
    const QgsPointXY c = wgs84Extent.center();
    const int zone = std::clamp( static_cast<int>( std::floor( ( c.x() + 180.0 ) / 6.0 ) ) + 1, 1, 60 );
    const int epsg = ( c.y() >= 0 ? 32600 : 32700 ) + zone;
    return QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:%1" ).arg( epsg ) );
  }
}
