// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/edges.h"
#include "error.h"
#include "geometry/ellipsoidmeasure.h"
#include "geometry/ellipsoidparameters.h"
#include "geometry/workingcrs.h"
#include "qgiscompat.h"

#include <qgscoordinatetransform.h>
#include <qgsellipsoidutils.h>
#include <qgsexception.h>
#include <qgsgeometry.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/Rhumb.hpp>

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace limes
{
  EdgeInterpretation EdgeInterpretation::parse( const QString &text )
  {
    const QString t = text.trimmed();
    EdgeInterpretation e;
    if ( t.compare( QLatin1String( "geodesic" ), Qt::CaseInsensitive ) == 0 )
      e.kind = Kind::Geodesic;
    else if ( t.compare( QLatin1String( "rhumb" ), Qt::CaseInsensitive ) == 0 )
      e.kind = Kind::Rhumb;
    else if ( t.compare( QLatin1String( "projected" ), Qt::CaseInsensitive ) == 0 )
      e.kind = Kind::Projected;
    else if ( t.startsWith( QLatin1String( "projected:" ), Qt::CaseInsensitive ) )
    {
      e.kind = Kind::Projected;
      e.crs = t.mid( 10 ).trimmed();
      if ( !e.crs.contains( ':' ) )
        e.crs.prepend( QLatin1String( "EPSG:" ) );
      if ( !knownToProj( e.crs ) )
        throw Error( QStringLiteral( "edges: '%1' is not a known CRS" ).arg( e.crs ) );
      const QgsCoordinateReferenceSystem crs( e.crs );
      // a geographic CRS is allowed: straight in degrees (plate carrée), as some old maps drew lines
      if ( !crs.isValid() )
        throw Error( QStringLiteral( "edges: '%1' is not a known CRS" ).arg( e.crs ) );
      e.crs = crs.authid().isEmpty() ? e.crs : crs.authid();
    }
    else
      throw Error( QStringLiteral( "edges must be geodesic, rhumb, projected or projected:EPSG:CODE (got '%1')" ).arg( text ) );
    return e;
  }

  QString EdgeInterpretation::name() const
  {
    switch ( kind )
    {
      case Kind::Geodesic:
        return QStringLiteral( "geodesic" );
      case Kind::Rhumb:
        return QStringLiteral( "rhumb" );
      case Kind::Projected:
        break;
    }
    return crs.isEmpty() ? QStringLiteral( "projected" ) : QStringLiteral( "projected:%1" ).arg( crs );
  }

  /**
   * One edge's curve, set up from its working-CRS ends; point(t) is the working-CRS point a
   * share t of the way along it.
   */
  class EdgeDensifier::Curve
  {
    public:
      Curve( const QgsCoordinateReferenceSystem &working, const QgsCoordinateReferenceSystem &on, const QgsCoordinateTransformContext &context )
        : mToCurve( working, on, context )
        , mFromCurve( on, working, context )
      {}
      virtual ~Curve() = default;

      void start( double ax, double ay, double bx, double by )
      {
        mToCurve.transformInPlace( ax, ay, mZ );
        mToCurve.transformInPlace( bx, by, mZ );
        startOn( ax, ay, bx, by );
      }

      void point( double t, double &x, double &y ) const
      {
        pointOn( t, x, y );
        double z = 0;
        mFromCurve.transformInPlace( x, y, z );
      }

    protected:
      //! The ends in the curve's own CRS (longitude, latitude for the ellipsoid's).
      virtual void startOn( double ax, double ay, double bx, double by ) = 0;
      virtual void pointOn( double t, double &x, double &y ) const = 0;

    private:
      QgsCoordinateTransform mToCurve;
      QgsCoordinateTransform mFromCurve;
      double mZ = 0;
  };

  namespace
  {
    class GeodesicCurve : public EdgeDensifier::Curve
    {
      public:
        GeodesicCurve( const Ellipsoid &e, double a, double f )
          : Curve( e.sourceCrs, e.geographicCrs, e.transformContext )
          , mGeodesic( a, f )
        {}

      protected:
        void startOn( double ax, double ay, double bx, double by ) override
        {
          mLine = mGeodesic.InverseLine( ay, ax, by, bx );
          mLength = mLine->Distance();
        }
        void pointOn( double t, double &x, double &y ) const override { mLine->Position( t * mLength, y, x ); }

      private:
        GeographicLib::Geodesic mGeodesic;
        std::optional<GeographicLib::GeodesicLine> mLine;
        double mLength = 0;
    };

    class RhumbCurve : public EdgeDensifier::Curve
    {
      public:
        RhumbCurve( const Ellipsoid &e, double a, double f )
          : Curve( e.sourceCrs, e.geographicCrs, e.transformContext )
          , mRhumb( a, f )
        {}

      protected:
        void startOn( double ax, double ay, double bx, double by ) override
        {
          double azimuth = 0;
          mRhumb.Inverse( ay, ax, by, bx, mLength, azimuth );
          mLine.emplace( mRhumb.Line( ay, ax, azimuth ) );
        }
        void pointOn( double t, double &x, double &y ) const override { mLine->Position( t * mLength, y, x ); }

      private:
        GeographicLib::Rhumb mRhumb;
        std::optional<GeographicLib::RhumbLine> mLine;
        double mLength = 0;
    };

    class ProjectedCurve : public EdgeDensifier::Curve
    {
      public:
        ProjectedCurve( const Ellipsoid &e, const QgsCoordinateReferenceSystem &projection )
          : Curve( e.sourceCrs, projection, e.transformContext )
        {}

      protected:
        void startOn( double ax, double ay, double bx, double by ) override
        {
          mAx = ax;
          mAy = ay;
          mBx = bx;
          mBy = by;
        }
        void pointOn( double t, double &x, double &y ) const override
        {
          x = mAx + t * ( mBx - mAx );
          y = mAy + t * ( mBy - mAy );
        }

      private:
        double mAx = 0, mAy = 0, mBx = 0, mBy = 0;
    };

    //! Distance of (px, py) from the segment a..b.
    double offChord( double px, double py, double ax, double ay, double bx, double by )
    {
      const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp( ( ( px - ax ) * dx + ( py - ay ) * dy ) / len2, 0.0, 1.0 ) : 0.0;
      return std::hypot( px - ( ax + t * dx ), py - ( ay + t * dy ) );
    }

    struct Node
    {
      double t, x, y;
    };
  }

  EdgeDensifier::EdgeDensifier( const EdgeInterpretation &edges, const Ellipsoid &ellipsoid, double tolerance )
    : mTolerance( tolerance )
  {
    if ( edges.kind == EdgeInterpretation::Kind::Projected )
    {
      if ( edges.crs.isEmpty() )
        return;
      const QgsCoordinateReferenceSystem projection( edges.crs );
      if ( !projection.isValid() )
        throw Error( QStringLiteral( "edges: unknown CRS '%1'" ).arg( edges.crs ) );
      if ( projection == ellipsoid.sourceCrs )
        return;
      mCurve = std::make_unique<ProjectedCurve>( ellipsoid, projection );
      return;
    }
    const QgsEllipsoidUtils::EllipsoidParameters p = ellipsoidParameters( ellipsoid.id );
    if ( !p.valid || !( p.semiMajor > 0 ) )
      throw Error( QStringLiteral( "unknown ellipsoid '%1'" ).arg( ellipsoid.id ) );
    const double f = p.inverseFlattening > 0 ? 1 / p.inverseFlattening : 1 - p.semiMinor / p.semiMajor;
    if ( edges.kind == EdgeInterpretation::Kind::Geodesic )
      mCurve = std::make_unique<GeodesicCurve>( ellipsoid, p.semiMajor, f );
    else
      mCurve = std::make_unique<RhumbCurve>( ellipsoid, p.semiMajor, f );
  }

  EdgeDensifier::~EdgeDensifier() = default;

  void EdgeDensifier::densifyEdge( double ax, double ay, double bx, double by, std::vector<double> &out ) const
  {
    try
    {
      mCurve->start( ax, ay, bx, by );
      // pieces split at their middle until the chord stays within the tolerance at a
      // quarter, the middle and three quarters (a curve may turn both ways along one edge)
      std::vector<Node> stack{ { 1, bx, by } };
      Node from{ 0, ax, ay };
      while ( !stack.empty() )
      {
        const Node to = stack.back();
        bool fine = to.t - from.t < 1e-9;
        Node middle{ ( from.t + to.t ) / 2, 0, 0 };
        if ( !fine )
        {
          mCurve->point( middle.t, middle.x, middle.y );
          double worst = offChord( middle.x, middle.y, from.x, from.y, to.x, to.y );
          for ( double share : { 0.25, 0.75 } )
          {
            double x = 0, y = 0;
            mCurve->point( from.t + share * ( to.t - from.t ), x, y );
            worst = std::max( worst, offChord( x, y, from.x, from.y, to.x, to.y ) );
          }
          fine = worst <= mTolerance;
        }
        if ( fine )
        {
          stack.pop_back();
          if ( !stack.empty() || to.t < 1 )
          {
            out.push_back( to.x );
            out.push_back( to.y );
            ++mAdded;
          }
          from = to;
        }
        else
          stack.push_back( middle );
      }
    }
    catch ( const QgsCsException &e )
    {
      throw Error( QStringLiteral( "cannot follow the edge from %1, %2 to %3, %4 (working CRS) along its curve: %5" )
                   .arg( ax, 0, 'f', 3 ).arg( ay, 0, 'f', 3 ).arg( bx, 0, 'f', 3 ).arg( by, 0, 'f', 3 ).arg( e.what() ) );
    }
  }

  void EdgeDensifier::densify( std::vector<double> &xy ) const
  {
    if ( !mCurve || xy.size() < 4 )
      return;
    // most edges of a real line are short: copy only once a long one turns up
    size_t i = 0;
    for ( ; i + 3 < xy.size(); i += 2 )
      if ( std::hypot( xy[i + 2] - xy[i], xy[i + 3] - xy[i + 1] ) > SHORT_EDGE )
        break;
    if ( i + 3 >= xy.size() )
      return;
    std::vector<double> out( xy.begin(), xy.begin() + static_cast<std::ptrdiff_t>( i + 2 ) );
    for ( ; i + 3 < xy.size(); i += 2 )
    {
      if ( std::hypot( xy[i + 2] - xy[i], xy[i + 3] - xy[i + 1] ) > SHORT_EDGE )
        densifyEdge( xy[i], xy[i + 1], xy[i + 2], xy[i + 3], out );
      out.push_back( xy[i + 2] );
      out.push_back( xy[i + 3] );
    }
    xy = std::move( out );
  }

  QgsGeometry EdgeDensifier::densified( const QgsGeometry &g ) const
  {
    if ( !mCurve || g.isNull() )
      return g;
    auto ring = [&]( const QgsPolylineXY &line ) {
      std::vector<double> xy;
      xy.reserve( 2 * static_cast<size_t>( line.size() ) );
      for ( const QgsPointXY &p : line )
      {
        xy.push_back( p.x() );
        xy.push_back( p.y() );
      }
      densify( xy );
      QgsPolylineXY out;
      out.reserve( static_cast<int>( xy.size() / 2 ) );
      for ( size_t i = 0; i + 1 < xy.size(); i += 2 )
        out << QgsPointXY( xy[i], xy[i + 1] );
      return out;
    };
    if ( g.type() == limes::geometrytype::Polygon )
    {
      QgsMultiPolygonXY polygons = g.isMultipart() ? g.asMultiPolygon() : QgsMultiPolygonXY{ g.asPolygon() };
      for ( QgsPolygonXY &polygon : polygons )
        for ( QgsPolylineXY &r : polygon )
          r = ring( r );
      return g.isMultipart() ? QgsGeometry::fromMultiPolygonXY( polygons ) : QgsGeometry::fromPolygonXY( polygons.value( 0 ) );
    }
    QgsMultiPolylineXY lines = g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{ g.asPolyline() };
    for ( QgsPolylineXY &l : lines )
      l = ring( l );
    return g.isMultipart() ? QgsGeometry::fromMultiPolylineXY( lines ) : QgsGeometry::fromPolylineXY( lines.value( 0 ) );
  }
}
