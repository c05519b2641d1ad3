// SPDX-License-Identifier: GPL-2.0-or-later
#include "screendistance.h"

#include <qgsexception.h>
#include <qgsmapcanvas.h>
#include <qgsmaptopixel.h>
#include <qgsproject.h>

#include <cmath>
#include <limits>

namespace limes
{
  ScreenDistance::ScreenDistance( QgsMapCanvas *canvas, const QPoint &pixel )
    : mCanvas( canvas )
    , mPixel( pixel )
    , mToMap( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), canvas->mapSettings().destinationCrs(), QgsProject::instance() )
  {
  }

  double ScreenDistance::operator()( const QgsPointXY &wgs84 ) const
  {
    try
    {
      const QgsPointXY p = mCanvas->getCoordinateTransform()->transform( mToMap.transform( wgs84 ) );
      return std::hypot( p.x() - mPixel.x(), p.y() - mPixel.y() );
    }
    catch ( const QgsCsException & )
    {
      return std::numeric_limits<double>::infinity();
    }
  }
}
