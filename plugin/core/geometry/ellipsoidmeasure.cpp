// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/ellipsoidmeasure.h"
#include "error.h"

#include <qgsabstractgeometry.h>
#include <qgscurvepolygon.h>
#include <qgsellipsoidutils.h>
#include <qgsgeometry.h>
#include <qgsgeometrycollection.h>
#include <qgslinestring.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <cmath>

namespace limes
{
  const QgsDistanceArea &wgs84Distance()
  {
    thread_local QgsDistanceArea da = [] {
      QgsDistanceArea d;
      d.setSourceCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsCoordinateTransformContext() );
      d.setEllipsoid( QStringLiteral( "EPSG:7030" ) );
      return d;
    }();
    return da;
  }

  namespace
  {
    GeographicLib::Geodesic geodesicOf( const QString &id )
    {
      const QgsEllipsoidUtils::EllipsoidParameters p = QgsEllipsoidUtils::ellipsoidParameters( id );
      if ( !p.valid || !( p.semiMajor > 0 ) )
        throw Error( QStringLiteral( "unknown ellipsoid '%1'" ).arg( id ) );
      const double f = p.inverseFlattening > 0 ? 1 / p.inverseFlattening : 1 - p.semiMinor / p.semiMajor;
      return GeographicLib::Geodesic( p.semiMajor, f );
    }

    //! Every line string of `g` (rings included), in order, with whether it is a polygon's exterior.
    template<typename F> void forEachString( const QgsAbstractGeometry *g, F &&visit )
    {
      if ( const auto *collection = dynamic_cast<const QgsGeometryCollection *>( g ) )
      {
        for ( int i = 0; i < collection->numGeometries(); ++i )
          forEachString( collection->geometryN( i ), visit );
      }
      else if ( const auto *polygon = dynamic_cast<const QgsCurvePolygon *>( g ) )
      {
        if ( const auto *exterior = dynamic_cast<const QgsLineString *>( polygon->exteriorRing() ) )
          visit( *exterior, true );
        for ( int i = 0; i < polygon->numInteriorRings(); ++i )
          if ( const auto *interior = dynamic_cast<const QgsLineString *>( polygon->interiorRing( i ) ) )
            visit( *interior, false );
      }
      else if ( const auto *line = dynamic_cast<const QgsLineString *>( g ) )
        visit( *line, false );
    }
  }

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
    , mGeodesic( std::make_shared<GeographicLib::Geodesic>( geodesicOf( ellipsoid.id ) ) )
  {
  }

  double EllipsoidMeasure::area( const QgsGeometry &g ) const
  {
    // exact geodesic polygon areas (GeographicLib, as PostGIS's geography): edges are geodesics
    // between the vertices, which the versions' densification has made them
    const QgsGeometry onEllipsoid = geographic( g );
    double total = 0;
    forEachString( onEllipsoid.constGet(), [&]( const QgsLineString &ring, bool exterior ) {
      GeographicLib::PolygonArea polygon( *mGeodesic );
      const double *x = ring.xData(), *y = ring.yData();
      const int n = ring.numPoints() - ( ring.isClosed() ? 1 : 0 );
      for ( int i = 0; i < n; ++i )
        polygon.AddPoint( y[i], x[i] );
      double perimeter = 0, area = 0;
      polygon.Compute( false, true, perimeter, area );
      total += ( exterior ? 1 : -1 ) * std::fabs( area );
    } );
    return std::fabs( total );
  }

  double EllipsoidMeasure::perimeter( const QgsGeometry &g ) const
  {
    const QgsGeometry onEllipsoid = geographic( g );
    double total = 0;
    forEachString( onEllipsoid.constGet(), [&]( const QgsLineString &ring, bool ) { total += geodesicLength( ring ); } );
    return total;
  }

  double EllipsoidMeasure::length( const QgsGeometry &g ) const
  {
    return perimeter( g );
  }

  double EllipsoidMeasure::geodesicLength( const QgsLineString &line ) const
  {
    const double *x = line.xData(), *y = line.yData();
    double total = 0;
    for ( int i = 0; i + 1 < line.numPoints(); ++i )
    {
      double s12 = 0;
      mGeodesic->Inverse( y[i], x[i], y[i + 1], x[i + 1], s12 );
      total += s12;
    }
    return total;
  }

  QgsGeometry EllipsoidMeasure::geographic( QgsGeometry g ) const
  {
    if ( QgsWkbTypes::isCurvedType( g.wkbType() ) )
      g = QgsGeometry( g.constGet()->segmentize() );
    g.transform( mToEllipsoid );
    return g;
  }
}
