// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/ellipsoidmeasure.h"
#include "error.h"

#include <qgsgeometry.h>

namespace limes
{
  Ellipsoid Ellipsoid::checked( const QgsCoordinateReferenceSystem &sourceCrs, const QString &id, const QgsCoordinateTransformContext &context )
  {
    QgsDistanceArea da;
    da.setSourceCrs( sourceCrs, context );
    if ( !da.setEllipsoid( id ) || !da.willUseEllipsoid() )
      throw Error( QStringLiteral( "unknown ellipsoid '%1'" ).arg( id ) );
    return Ellipsoid{ da.sourceCrs(), da.ellipsoidCrs(), da.ellipsoid(), context };
  }

  EllipsoidMeasure::EllipsoidMeasure( const Ellipsoid &ellipsoid )
    : mToEllipsoid( ellipsoid.sourceCrs, ellipsoid.geographicCrs, ellipsoid.transformContext )
  {
    mOnEllipsoid.setSourceCrs( ellipsoid.geographicCrs, ellipsoid.transformContext );
    mOnEllipsoid.setEllipsoid( ellipsoid.id );
  }

  double EllipsoidMeasure::area( const QgsGeometry &g ) const
  {
    return mOnEllipsoid.measureArea( geographic( g ) );
  }

  double EllipsoidMeasure::perimeter( const QgsGeometry &g ) const
  {
    return mOnEllipsoid.measurePerimeter( geographic( g ) );
  }

  double EllipsoidMeasure::length( const QgsGeometry &g ) const
  {
    return mOnEllipsoid.measureLength( geographic( g ) );
  }

  QgsGeometry EllipsoidMeasure::geographic( QgsGeometry g ) const
  {
    g.transform( mToEllipsoid );
    return g;
  }
}
