// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/ellipsoidmeasure.h"
#include "geometry/ellipsoidparameters.h"
#include "geometry/geodesicrings.h"
#include "error.h"

#include <qgsabstractgeometry.h>
#include <qgscurvepolygon.h>
#include <qgsellipsoidutils.h>
#include <qgsgeometry.h>
#include <qgsgeometrycollection.h>
#include <qgslinestring.h>

#include <cmath>
#include <vector>

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
    std::shared_ptr<const GeodesicRings> ringsOf( const QString &id )
    {
      const QgsEllipsoidUtils::EllipsoidParameters p = ellipsoidParameters( id );
      if ( !p.valid || !( p.semiMajor > 0 ) )
        throw Error( QStringLiteral( "unknown ellipsoid '%1'" ).arg( id ) );
      const double f = p.inverseFlattening > 0 ? 1 / p.inverseFlattening : 1 - p.semiMinor / p.semiMajor;
      return std::make_shared<GeodesicRings>( p.semiMajor, f );
    }

    enum class Role
    {
      Exterior,
      Interior,
      Line,
    };

    //! Every line string of `g` (rings included), in order, with its role.
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
          visit( *exterior, Role::Exterior );
        for ( int i = 0; i < polygon->numInteriorRings(); ++i )
          if ( const auto *interior = dynamic_cast<const QgsLineString *>( polygon->interiorRing( i ) ) )
            visit( *interior, Role::Interior );
      }
      else if ( const auto *line = dynamic_cast<const QgsLineString *>( g ) )
        visit( *line, Role::Line );
    }
  }

  Ellipsoid Ellipsoid::checked( const QgsCoordinateReferenceSystem &sourceCrs, const QString &id, const QgsCoordinateTransformContext &context )
  {
    const QgsEllipsoidUtils::EllipsoidParameters p = ellipsoidParameters( id );
    if ( p.valid && !p.useCustomParameters && p.crs.isValid() )
      return Ellipsoid{ sourceCrs, p.crs, id, context };
    // PARAMETER:a:b and NONE as QgsDistanceArea takes them
    QgsDistanceArea da;
    da.setSourceCrs( sourceCrs, context );
    if ( !da.setEllipsoid( id ) || !da.willUseEllipsoid() )
      throw Error( QStringLiteral( "unknown ellipsoid '%1'" ).arg( id ) );
    return Ellipsoid{ da.sourceCrs(), da.ellipsoidCrs(), da.ellipsoid(), context };
  }

  EllipsoidMeasure::EllipsoidMeasure( const Ellipsoid &ellipsoid )
    : mToEllipsoid( ellipsoid.sourceCrs, ellipsoid.geographicCrs, ellipsoid.transformContext )
    , mRings( ringsOf( ellipsoid.id ) )
  {
  }

  AreaAndPerimeter EllipsoidMeasure::areaAndPerimeter( const QgsGeometry &g ) const
  {
    return measure( g, true );
  }

  double EllipsoidMeasure::area( const QgsGeometry &g ) const
  {
    return measure( g, true ).areaM2;
  }

  double EllipsoidMeasure::perimeter( const QgsGeometry &g ) const
  {
    return measure( g, true ).perimeterM;
  }

  double EllipsoidMeasure::length( const QgsGeometry &g ) const
  {
    return measure( g, false ).perimeterM;
  }

  AreaAndPerimeter EllipsoidMeasure::measure( const QgsGeometry &g, bool withArea ) const
  {
    const QgsAbstractGeometry *geometry = g.constGet();
    if ( !geometry )
      return {};
    std::unique_ptr<QgsAbstractGeometry> segmentized;
    if ( QgsWkbTypes::isCurvedType( g.wkbType() ) )
    {
      segmentized.reset( geometry->segmentize() );
      geometry = segmentized.get();
    }
    // every string's coordinates in one buffer and one PROJ call: no clone of the geometry
    struct Span
    {
      size_t first;
      int count;
      Role role;
    };
    thread_local std::vector<double> x, y, z;
    thread_local std::vector<Span> spans;
    x.clear();
    y.clear();
    spans.clear();
    forEachString( geometry, [&]( const QgsLineString &s, Role role ) {
      spans.push_back( Span{ x.size(), s.numPoints(), role } );
      x.insert( x.end(), s.xData(), s.xData() + s.numPoints() );
      y.insert( y.end(), s.yData(), s.yData() + s.numPoints() );
    } );
    if ( !x.empty() && !mToEllipsoid.isShortCircuited() )
    {
      z.assign( x.size(), 0 );
      mToEllipsoid.transformCoords( static_cast<int>( x.size() ), x.data(), y.data(), z.data() );
    }

    AreaAndPerimeter result;
    double area = 0;
    for ( const Span &s : spans )
    {
      const double *lon = x.data() + s.first, *lat = y.data() + s.first;
      if ( withArea && s.role != Role::Line )
      {
        double ringArea = 0, ringPerimeter = 0;
        mRings->ring( lon, lat, s.count, ringArea, ringPerimeter );
        area += s.role == Role::Exterior ? ringArea : -ringArea;
        result.perimeterM += ringPerimeter;
      }
      else
        result.perimeterM += mRings->length( lon, lat, s.count );
    }
    result.areaM2 = std::fabs( area );
    return result;
  }
}
