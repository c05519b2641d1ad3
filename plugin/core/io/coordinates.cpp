// SPDX-License-Identifier: GPL-2.0-or-later
#include "io/coordinates.h"
#include "error.h"

#include <qgsabstractgeometry.h>
#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgscurvepolygon.h>
#include <qgsexception.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsgeometry.h>
#include <qgsgeometrycollection.h>
#include <qgslinestring.h>
#include <qgspoint.h>

#include <cmath>

namespace limes::io
{
  namespace
  {
    const double PROJECTED_LIMIT = 1e9;
    const double DEGREES_SLACK = 1e-6; // longitudes at 180 that a reprojection rounded

    //! Calls `visit( x, y )` for each vertex until it returns a problem.
    template<typename Visit> QString firstProblem( const QgsAbstractGeometry *g, const Visit &visit )
    {
      if ( !g )
        return QString();
      if ( const QgsLineString *line = qgsgeometry_cast<const QgsLineString *>( g ) )
      {
        const double *x = line->xData(), *y = line->yData();
        for ( int i = 0; i < line->numPoints(); ++i )
          if ( const QString p = visit( x[i], y[i] ); !p.isEmpty() )
            return p;
        return QString();
      }
      if ( const QgsPoint *point = qgsgeometry_cast<const QgsPoint *>( g ) )
        return visit( point->x(), point->y() );
      if ( const QgsCurvePolygon *polygon = qgsgeometry_cast<const QgsCurvePolygon *>( g ) )
      {
        QString p = firstProblem( polygon->exteriorRing(), visit );
        for ( int i = 0; p.isEmpty() && i < polygon->numInteriorRings(); ++i )
          p = firstProblem( polygon->interiorRing( i ), visit );
        return p;
      }
      if ( const QgsGeometryCollection *collection = qgsgeometry_cast<const QgsGeometryCollection *>( g ) )
      {
        QString p;
        for ( int i = 0; p.isEmpty() && i < collection->numGeometries(); ++i )
          p = firstProblem( collection->geometryN( i ), visit );
        return p;
      }
      // curves other than line strings: their vertices
      for ( auto it = g->vertices_begin(); it != g->vertices_end(); ++it )
        if ( const QString p = visit( ( *it ).x(), ( *it ).y() ); !p.isEmpty() )
          return p;
      return QString();
    }

    QString number( double v )
    {
      return QString::number( v, 'g', 12 );
    }

    /**
     * A layer whose extent cannot be: the first feature with a coordinate that cannot be is
     * named (limes::Error), or, when none has one, the extent the file records is wrong.
     */
    void nameImpossibleFeature( QgsFeatureSource *source, const QString &sourceName, const QgsRectangle &extent )
    {
      const CoordinateLimits limits( source->sourceCrs() );
      QgsFeatureIterator it = source->getFeatures( QgsFeatureRequest().setNoAttributes() );
      QgsFeature f;
      while ( it.nextFeature( f ) )
        if ( f.hasGeometry() )
          limits.check( f.geometry(), f.id(), sourceName );
      throw Error( QStringLiteral( "the layer's recorded extent%1 cannot be, though no feature's coordinates are wrong: rewrite the file" )
                   .arg( extent.isNull() ? QString() : QStringLiteral( " (%1)" ).arg( extent.toString( 1 ) ) ), sourceName );
    }
  }

  CoordinateLimits::CoordinateLimits( const QgsCoordinateReferenceSystem &crs )
    : mCrs( crs.authid().isEmpty() ? crs.description() : crs.authid() )
    , mGeographic( crs.isGeographic() )
  {}

  CoordinateLimits::CoordinateLimits( Kind kind, const QString &crsName )
    : mCrs( crsName )
    , mGeographic( kind == Geographic )
  {}

  QString CoordinateLimits::problem( double x, double y ) const
  {
    const bool finite = std::isfinite( x ) && std::isfinite( y );
    // longitudes from -180 to 180 or from 0 to 360: both conventions are in use, and PROJ takes both
    const bool inRange = mGeographic ? x >= -180 - DEGREES_SLACK && x <= 360 + DEGREES_SLACK && std::fabs( y ) <= 90 + DEGREES_SLACK
                         : std::fabs( x ) <= PROJECTED_LIMIT && std::fabs( y ) <= PROJECTED_LIMIT;
    if ( finite && inRange )
      return QString(); // called for every vertex read: the text is made only for a wrong one
    const QString at = QStringLiteral( "coordinate (%1, %2)" ).arg( number( x ), number( y ) );
    if ( !finite )
      return QStringLiteral( "%1 is not finite" ).arg( at );
    if ( mGeographic )
      return QStringLiteral( "%1 is not a longitude and latitude in %2 (longitude -180 to 180 or 0 to 360, latitude -90 to 90)" ).arg( at, mCrs );
    return QStringLiteral( "%1 cannot be a position in %2 (more than 1e9 from its origin)" ).arg( at, mCrs );
  }

  QString CoordinateLimits::problem( const QgsGeometry &geometry ) const
  {
    return firstProblem( geometry.constGet(), [this]( double x, double y ) { return problem( x, y ); } );
  }

  void CoordinateLimits::check( const QgsGeometry &geometry, QgsFeatureId fid, const QString &where ) const
  {
    const QString p = problem( geometry );
    if ( !p.isEmpty() )
      throw Error( QStringLiteral( "feature %1: %2" ).arg( fid ).arg( p ), where );
  }

  void checkCoordinatesFitCrs( QgsFeatureSource *source, const QString &sourceName, const QgsCoordinateTransformContext &context )
  {
    const QgsCoordinateReferenceSystem crs = source->sourceCrs();
    QgsRectangle extent;
    try
    {
      extent = source->sourceExtent();
    }
    catch ( const std::exception & )
    {
      // QGIS 3.22 fails (std::length_error) on an infinite extent as it caches it in WGS 84
      nameImpossibleFeature( source, sourceName, QgsRectangle() );
    }
    if ( extent.isNull() )
      return;
    // NaN, infinity or 1e300 somewhere: the extent can say no more, and transforming it would
    // not end well; the feature is named instead
    const bool finite = std::isfinite( extent.xMinimum() ) && std::isfinite( extent.xMaximum() ) && std::isfinite( extent.yMinimum() ) && std::isfinite( extent.yMaximum() );
    if ( !finite || ( !crs.isGeographic() && ( std::fabs( extent.xMinimum() ) > PROJECTED_LIMIT || std::fabs( extent.xMaximum() ) > PROJECTED_LIMIT
                      || std::fabs( extent.yMinimum() ) > PROJECTED_LIMIT || std::fabs( extent.yMaximum() ) > PROJECTED_LIMIT ) ) )
      nameImpossibleFeature( source, sourceName, extent );
    QgsRectangle valid = crs.bounds(); // the CRS's area of use, in WGS 84
    if ( crs.isGeographic() )
    {
      if ( std::fabs( extent.xMinimum() ) > 360 || std::fabs( extent.xMaximum() ) > 360 || std::fabs( extent.yMinimum() ) > 90 || std::fabs( extent.yMaximum() ) > 90 )
        throw Error( QStringLiteral( "coordinates up to %1, %2 cannot be degrees: the layer's CRS (%3) is wrong" )
                     .arg( extent.xMaximum(), 0, 'f', 1 ).arg( extent.yMaximum(), 0, 'f', 1 ).arg( crs.authid() ), sourceName );
      return;
    }
    if ( valid.isNull() )
      return;
    try
    {
      const QgsCoordinateTransform toWgs84( crs, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), context );
      const QgsRectangle where = toWgs84.transformBoundingBox( extent );
      valid.grow( 5 ); // degrees: data just outside the nominal area of use is common
      if ( !valid.contains( where ) )
        throw Error( QStringLiteral( "the data lies outside the area where %1 is defined: is the layer's CRS right?" ).arg( crs.authid() ), sourceName );
    }
    catch ( const QgsCsException & )
    {
      throw Error( QStringLiteral( "the data cannot be transformed from %1 to WGS 84: is the layer's CRS right?" ).arg( crs.authid() ), sourceName );
    }
  }

  std::function<void( const QgsFeature & )> throwTransformFailure( const QString &destinationCrs )
  {
    return [destinationCrs]( const QgsFeature & f ) { throw TransformFailure{ f.id(), destinationCrs }; };
  }

  QString describe( const TransformFailure &failure )
  {
    return QStringLiteral( "feature %1 cannot be transformed to the working CRS%2" )
           .arg( failure.fid ).arg( failure.crs.isEmpty() ? QString() : QStringLiteral( " (%1)" ).arg( failure.crs ) );
  }
}
