// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rules/geometry.h"
#include "validation/context.h"
#include "validation/rulesupport.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace limes::validation
{
  namespace
  {
    const RuleInfo SelfIntersection{ "self_intersection", Severity::Error, Family::Geometry, Line,
                                     QT_TRANSLATE_NOOP( "limes::validation", "Two edges of the line that are not neighbours cross or touch: the line crosses itself, or one part "
                                         "crosses another (parts of a multi-part line may meet end to end). Each place is reported once, at the "
                                         "crossing, naming the two edges." ) };
    const RuleInfo SelfOverlap{ "self_overlap", Severity::Error, Family::Geometry, Line,
                                QT_TRANSLATE_NOOP( "limes::validation", "Two edges of the line lie along each other: the line runs back over itself or over another part. "
                                    "Reported as the shared stretch, with its length on the ellipsoid." ) };

    /**
     * Tests pairs of edges of the line, each pair once, found through the line's grid: only
     * edges whose boxes meet are ever compared, so a million-vertex line stays linear.
     */
    class EdgePairs
    {
      public:
        explicit EdgePairs( RunContext &context )
          : mContext( context )
          , mParts( context.line().parts() )
          , mLayer( context.request().line.name )
        {}

        //! Edge i of part pi against edge j of part qj.
        void test( size_t pi, size_t i, int qj, int j );

      private:
        bool adjacent( size_t pi, size_t i, int qj, int j ) const;
        //! Collinear edges: true when the pair is settled (an overlap reported, or nothing).
        bool collinear( size_t pi, size_t i, int qj, const QgsPointXY &c, const QgsPointXY &d, bool adjacent );
        //! A place not reported yet, to the millimetre: self_overlap and self_intersection share it.
        bool first( const QgsPointXY &p ) { return mReported.insert( { std::llround( p.x() * 1000 ), std::llround( p.y() * 1000 ) } ).second; }

        RunContext &mContext;
        const std::vector<LineReference::Part> &mParts;
        const QString mLayer;
        std::set<std::pair<long long, long long>> mReported;
    };

    bool EdgePairs::adjacent( size_t pi, size_t i, int qj, int j ) const
    {
      const LineReference::Part &p = mParts[pi];
      if ( qj != static_cast<int>( pi ) )
        return false;
      const bool closed = p.points.size() > 3 && p.points.front() == p.points.back();
      // neighbours: next to each other, or with only repeated vertices between them
      if ( j == static_cast<int>( i ) + 1 || ( closed && i == 0 && static_cast<size_t>( j ) + 2 == p.points.size() ) )
        return true;
      if ( j <= static_cast<int>( i ) + 1 )
        return false;
      for ( size_t k = i + 2; k <= static_cast<size_t>( j ); ++k )
        if ( p.points[k] != p.points[i + 1] )
          return false;
      return true;
    }

    bool EdgePairs::collinear( size_t pi, size_t i, int qj, const QgsPointXY &c, const QgsPointXY &d, bool adjacent )
    {
      const LineReference::Part &p = mParts[pi];
      const QgsPointXY &a = p.points[i], &b = p.points[i + 1];
      const double rx = b.x() - a.x(), ry = b.y() - a.y(), sx = d.x() - c.x(), sy = d.y() - c.y();
      const double qpx = c.x() - a.x(), qpy = c.y() - a.y();
      if ( qpx * ry - qpy * rx != 0 )
        return true; // parallel, apart
      const double len2 = rx * rx + ry * ry;
      const double t0 = ( qpx * rx + qpy * ry ) / len2, t1 = t0 + ( sx * rx + sy * ry ) / len2;
      const double lo = std::max( 0.0, std::min( t0, t1 ) ), hi = std::min( 1.0, std::max( t0, t1 ) );
      if ( hi - lo <= 1e-12 )
        return adjacent || hi < lo; // otherwise collinear edges touching end to end: an intersection unless neighbours
      const QgsPointXY s( a.x() + lo * rx, a.y() + lo * ry ), e( a.x() + hi * rx, a.y() + hi * ry );
      if ( first( s ) )
        mContext.add( SelfOverlap, mLayer, p.fid, QStringLiteral( "%1 runs back over %2 for %3" ).arg( p.origin, mParts[static_cast<size_t>( qj )].origin, metres( mContext.distance( s, e ) ) ),
                      mContext.distance( s, e ), 0, QgsGeometry::fromPolylineXY( { s, e } ) );
      return true;
    }

    void EdgePairs::test( size_t pi, size_t i, int qj, int j )
    {
      if ( std::make_pair( static_cast<int>( pi ), static_cast<int>( i ) ) >= std::make_pair( qj, j ) )
        return; // each pair once
      const LineReference::Part &p = mParts[pi], &q = mParts[static_cast<size_t>( qj )];
      const QgsPointXY &a = p.points[i], &b = p.points[i + 1];
      const QgsPointXY &c = q.points[static_cast<size_t>( j )], &d = q.points[static_cast<size_t>( j ) + 1];
      if ( c == d )
        return;
      const bool samePart = qj == static_cast<int>( pi );
      const bool neighbours = adjacent( pi, i, qj, j );
      const double rx = b.x() - a.x(), ry = b.y() - a.y(), sx = d.x() - c.x(), sy = d.y() - c.y();
      const double denom = rx * sy - ry * sx;
      if ( denom == 0 && collinear( pi, i, qj, c, d, neighbours ) )
        return;
      const double qpx = c.x() - a.x(), qpy = c.y() - a.y();
      const double t = denom == 0 ? 0 : ( qpx * sy - qpy * sx ) / denom;
      const double u = denom == 0 ? 0 : ( qpx * ry - qpy * rx ) / denom;
      if ( t < 0 || t > 1 || u < 0 || u > 1 )
        return;
      const QgsPointXY x( a.x() + t * rx, a.y() + t * ry );
      if ( neighbours && ( x == b || x == a ) )
        return; // neighbours share their vertex
      if ( !samePart )
      {
        // parts of a multi-part line may meet end to end
        const bool atEndP = ( i == 0 && t == 0 ) || ( i + 2 == p.points.size() && t == 1 );
        const bool atEndQ = ( j == 0 && u == 0 ) || ( static_cast<size_t>( j ) + 2 == q.points.size() && u == 1 );
        if ( atEndP && atEndQ )
          return;
      }
      if ( first( x ) )
        mContext.add( SelfIntersection, mLayer, p.fid, QStringLiteral( "%1 crosses %2 (edges %3 and %4)" ).arg( p.origin, samePart ? QStringLiteral( "itself" ) : q.origin ).arg( i ).arg( j ),
                      0, 0, QgsGeometry::fromPointXY( x ) );
    }
  }

  SelfIntersectionCheck::SelfIntersectionCheck()
    : Check( { SelfIntersection, SelfOverlap } )
  {}

  void SelfIntersectionCheck::run( RunContext &context ) const
  {
    EdgePairs pairs( context );
    const LineReference &line = context.line();
    for ( size_t pi = 0; pi < line.parts().size(); ++pi )
    {
      context.checkCanceled();
      const std::vector<QgsPointXY> &v = line.parts()[pi].points;
      for ( size_t i = 0; i + 1 < v.size(); ++i )
      {
        if ( v[i] == v[i + 1] )
          continue;
        line.segmentsNear( v[i], v[i + 1], 0, [&]( int qj, int j ) { pairs.test( pi, i, qj, j ); } );
      }
    }
  }
}
