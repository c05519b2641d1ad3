// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/geos.h"
#include "geometry/inscribedcircle.h"
#include "error.h"

#include <qgsabstractgeometry.h>
#include <qgsgeometry.h>

namespace limes::geos
{
  Context::Context()
    : mHandle( GEOS_init_r() )
  {
    GEOSContext_setErrorMessageHandler_r( mHandle, &Context::onError, this );
  }

  Context::~Context()
  {
    GEOS_finish_r( mHandle );
  }

  void Context::onError( const char *message, void *userdata )
  {
    static_cast<Context *>( userdata )->mLastError = message ? message : "";
  }

  GeomPtr Context::check( GEOSGeometry *g, const char *operation ) const
  {
    if ( !g )
    {
      const QString detail = mLastError.empty() ? QStringLiteral( "failed" ) : QString::fromStdString( mLastError );
      mLastError.clear();
      throw Error( QStringLiteral( "GEOS %1: %2" ).arg( QLatin1String( operation ), detail ) );
    }
    return GeomPtr( g, Deleter{ mHandle } );
  }

  bool Context::checkBool( char result, const char *operation ) const
  {
    if ( result == 2 )
      throw Error( QStringLiteral( "GEOS %1: %2" ).arg( QLatin1String( operation ), QString::fromStdString( mLastError ) ) );
    return result == 1;
  }

  double Context::checkDouble( int ok, double value, const char *operation ) const
  {
    if ( !ok )
      throw Error( QStringLiteral( "GEOS %1: %2" ).arg( QLatin1String( operation ), QString::fromStdString( mLastError ) ) );
    return value;
  }

  GeomPtr Context::fromQgs( const QgsGeometry &geometry ) const
  {
    const QByteArray wkb = geometry.asWkb();
    return check( GEOSGeomFromWKB_buf_r( mHandle, reinterpret_cast<const unsigned char *>( wkb.constData() ), static_cast<size_t>( wkb.size() ) ), "read WKB" );
  }

  QgsGeometry Context::toQgs( const GEOSGeometry *geometry ) const
  {
    GEOSWKBWriter *writer = GEOSWKBWriter_create_r( mHandle );
    size_t size = 0;
    unsigned char *buffer = GEOSWKBWriter_write_r( mHandle, writer, geometry, &size );
    GEOSWKBWriter_destroy_r( mHandle, writer );
    if ( !buffer )
      throw Error( QStringLiteral( "GEOS write WKB: %1" ).arg( QString::fromStdString( mLastError ) ) );
    QgsGeometry result;
    result.fromWkb( QByteArray( reinterpret_cast<const char *>( buffer ), static_cast<int>( size ) ) );
    GEOSFree_r( mHandle, buffer );
    return result;
  }

  GeomPtr Context::lineString( const std::vector<double> &xy ) const
  {
    const unsigned int n = static_cast<unsigned int>( xy.size() / 2 );
    GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r( mHandle, xy.data(), n, 0, 0 );
    if ( !seq )
      throw Error( QStringLiteral( "GEOS coordinate sequence: %1" ).arg( QString::fromStdString( mLastError ) ) );
    return check( GEOSGeom_createLineString_r( mHandle, seq ), "create line" );
  }

  GeomPtr Context::point( double x, double y ) const
  {
    return check( GEOSGeom_createPointFromXY_r( mHandle, x, y ), "create point" );
  }

  GeomPtr Context::collection( int type, std::vector<GeomPtr> &parts ) const
  {
    std::vector<GEOSGeometry *> raw;
    raw.reserve( parts.size() );
    for ( GeomPtr &p : parts )
      raw.push_back( p.release() );
    parts.clear();
    return check( GEOSGeom_createCollection_r( mHandle, type, raw.data(), static_cast<unsigned int>( raw.size() ) ), "create collection" );
  }

  GeomPtr Context::clone( const GEOSGeometry *g ) const
  {
    return check( GEOSGeom_clone_r( mHandle, g ), "clone" );
  }

  GeomPtr Context::unaryUnion( const GEOSGeometry *g, double grid ) const
  {
    return check( GEOSUnaryUnionPrec_r( mHandle, g, grid ), "node (snap-rounding union)" );
  }

  GeomPtr Context::lineMerge( const GEOSGeometry *lines ) const
  {
    return check( GEOSLineMerge_r( mHandle, lines ), "line merge" );
  }

  GeomPtr Context::polygonize( const std::vector<const GEOSGeometry *> &edges ) const
  {
    return check( GEOSPolygonize_r( mHandle, edges.data(), static_cast<unsigned int>( edges.size() ) ), "polygonize" );
  }

  GeomPtr Context::intersection( const GEOSGeometry *a, const GEOSGeometry *b, double grid ) const
  {
    return check( GEOSIntersectionPrec_r( mHandle, a, b, grid ), "intersection" );
  }

  GeomPtr Context::difference( const GEOSGeometry *a, const GEOSGeometry *b, double grid ) const
  {
    return check( GEOSDifferencePrec_r( mHandle, a, b, grid ), "difference" );
  }

  GeomPtr Context::unionOf( const GEOSGeometry *a, const GEOSGeometry *b, double grid ) const
  {
    return check( GEOSUnionPrec_r( mHandle, a, b, grid ), "union" );
  }

  GeomPtr Context::setPrecision( const GEOSGeometry *g, double grid ) const
  {
    return check( GEOSGeom_setPrecision_r( mHandle, g, grid, 0 ), "snap to grid" );
  }

  GeomPtr Context::makeValid( const GEOSGeometry *g ) const
  {
    GEOSMakeValidParams *params = GEOSMakeValidParams_create_r( mHandle );
    GEOSMakeValidParams_setMethod_r( mHandle, params, GEOS_MAKE_VALID_STRUCTURE );
    GEOSMakeValidParams_setKeepCollapsed_r( mHandle, params, 0 );
    GEOSGeometry *result = GEOSMakeValidWithParams_r( mHandle, g, params );
    GEOSMakeValidParams_destroy_r( mHandle, params );
    return check( result, "make valid" );
  }

  GeomPtr Context::pointOnSurface( const GEOSGeometry *g ) const
  {
    return check( GEOSPointOnSurface_r( mHandle, g ), "point on surface" );
  }

  double Context::maximumInscribedDiameter( const GEOSGeometry *polygon, double tolerance ) const
  {
    // our own search on the coordinates (inscribedcircle.h): GEOS's grid search costs a long
    // sliver's length over the tolerance, and its result changed between GEOS releases
    std::vector<PolygonRings> polygons;
    const int type = typeId( polygon );
    const int parts = type == GEOS_POLYGON ? 1 : geometryCount( polygon );
    for ( int i = 0; i < parts; ++i )
    {
      const GEOSGeometry *part = type == GEOS_POLYGON ? polygon : geometryN( polygon, i );
      if ( typeId( part ) != GEOS_POLYGON || isEmpty( part ) )
        continue;
      PolygonRings rings{ coordinates( GEOSGetExteriorRing_r( mHandle, part ) ) };
      for ( int h = 0, holes = GEOSGetNumInteriorRings_r( mHandle, part ); h < holes; ++h )
        rings.push_back( coordinates( GEOSGetInteriorRingN_r( mHandle, part, h ) ) );
      polygons.push_back( std::move( rings ) );
    }
    return 2.0 * largestInscribedCircle( polygons, tolerance ).radius;
  }

  bool Context::isValid( const GEOSGeometry *g, QString *reason ) const
  {
    const bool valid = checkBool( GEOSisValid_r( mHandle, g ), "validity" );
    if ( !valid && reason )
    {
      char *text = GEOSisValidReason_r( mHandle, g );
      *reason = QString::fromUtf8( text );
      GEOSFree_r( mHandle, text );
    }
    return valid;
  }

  bool Context::isEmpty( const GEOSGeometry *g ) const
  {
    return checkBool( GEOSisEmpty_r( mHandle, g ), "is empty" );
  }

  double Context::area( const GEOSGeometry *g ) const
  {
    double a = 0;
    const int ok = GEOSArea_r( mHandle, g, &a ); // before reading a: argument order is unspecified
    return checkDouble( ok, a, "area" );
  }

  double Context::length( const GEOSGeometry *g ) const
  {
    double l = 0;
    const int ok = GEOSLength_r( mHandle, g, &l );
    return checkDouble( ok, l, "length" );
  }

  int Context::geometryCount( const GEOSGeometry *g ) const
  {
    return GEOSGetNumGeometries_r( mHandle, g );
  }

  const GEOSGeometry *Context::geometryN( const GEOSGeometry *g, int n ) const
  {
    return GEOSGetGeometryN_r( mHandle, g, n );
  }

  int Context::typeId( const GEOSGeometry *g ) const
  {
    return GEOSGeomTypeId_r( mHandle, g );
  }

  std::vector<double> Context::coordinates( const GEOSGeometry *curve ) const
  {
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r( mHandle, curve );
    unsigned int n = 0;
    if ( !seq || !GEOSCoordSeq_getSize_r( mHandle, seq, &n ) )
      throw Error( QStringLiteral( "GEOS coordinates: not a curve" ) );
    std::vector<double> xy( 2 * static_cast<size_t>( n ) );
    GEOSCoordSeq_copyToBuffer_r( mHandle, seq, xy.data(), 0, 0 );
    return xy;
  }
}
