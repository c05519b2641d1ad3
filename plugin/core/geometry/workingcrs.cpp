// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/workingcrs.h"
#include "error.h"

#include <QStringList>

#include <proj.h>

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

  bool knownToProj( const QString &crs )
  {
    const QStringList parts = crs.split( QLatin1Char( ':' ) );
    if ( parts.size() != 2 || parts[0].compare( QLatin1String( "USER" ), Qt::CaseInsensitive ) == 0 ) // QGIS's own user CRSs
      return true;
    PJ_CONTEXT *context = proj_context_create();
    proj_log_level( context, PJ_LOG_NONE );
    PJ *found = proj_create_from_database( context, parts[0].toUtf8().constData(), parts[1].toUtf8().constData(), PJ_CATEGORY_CRS, false, nullptr );
    const bool known = found != nullptr;
    proj_destroy( found );
    proj_context_destroy( context );
    return known;
  }
}
