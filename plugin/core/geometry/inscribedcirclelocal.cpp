// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/inscribedcirclesupport.h"

// Where sites (segment lines and end points) are equally far: on a rectangle's edge for two,
// anywhere for three. A point inside the polygons nearest to a segment's interior is on that
// segment's inner side, so a line's distance is taken signed (n.p - c = r), never mirrored.

namespace limes::inscribed
{
  namespace
  {
    //! Calls f with each real root of a u^2 + b u + c = 0 (a double root once).
    template<typename F> void roots( double a, double b, double c, F &&f )
    {
      const double scale = std::max( { std::fabs( a ), std::fabs( b ), std::fabs( c ) } );
      if ( scale == 0 )
        return;
      if ( std::fabs( a ) <= 1e-13 * scale )
      {
        if ( b != 0 )
          f( -c / b );
        return;
      }
      double discriminant = b * b - 4 * a * c;
      if ( discriminant < 0 )
      {
        if ( discriminant < -1e-9 * ( b * b + std::fabs( 4 * a * c ) ) )
          return;
        discriminant = 0; // a tangency lost to rounding
      }
      const double q = -0.5 * ( b + std::copysign( std::sqrt( discriminant ), b ) );
      if ( q == 0 )
      {
        f( 0.0 );
        return;
      }
      f( q / a );
      if ( discriminant > 0 )
        f( c / q );
    }
  }

  void LocalSolver::solve( const Rect &r, const std::vector<int> &segments, double upper )
  {
    mRect = r;
    mUpper = upper;
    mSegments = &segments;
    mMargin = 1e-9 * std::max( { 1.0, r.x1 - r.x0, r.y1 - r.y0 } );
    mSites.clear();
    std::vector<int> points;
    for ( int id : segments )
    {
      const Segment &s = mBoundary.segments[static_cast<size_t>( id )];
      points.push_back( s.a );
      points.push_back( s.b );
      // a line counts only where its foot falls on the segment and on its inner side
      const double dx = s.bx - s.ax, dy = s.by - s.ay;
      double lo = INF, hi = -INF, side = -INF;
      for ( const auto &[x, y] : { Point{ r.x0, r.y0 }, Point{ r.x1, r.y0 }, Point{ r.x0, r.y1 }, Point{ r.x1, r.y1 } } )
      {
        const double u = ( x - s.ax ) * dx + ( y - s.ay ) * dy;
        lo = std::min( lo, u );
        hi = std::max( hi, u );
        side = std::max( side, s.nx * x + s.ny * y - s.c );
      }
      if ( hi >= 0 && lo <= dx * dx + dy * dy && side > 0 )
        mSites.push_back( { true, s.nx, s.ny, s.c } );
    }
    std::sort( points.begin(), points.end() );
    points.erase( std::unique( points.begin(), points.end() ), points.end() );
    for ( int id : points )
    {
      const Vertex &v = mBoundary.vertices[static_cast<size_t>( id )];
      if ( pointRectDistance2( r, v.x, v.y ) <= upper * upper )
        mSites.push_back( { false, v.x, v.y, 0 } );
    }

    for ( const auto &[x, y] : { Point{ r.x0, r.y0 }, Point{ r.x1, r.y0 }, Point{ r.x0, r.y1 }, Point{ r.x1, r.y1 } } )
      tryPoint( x, y, INF );
    const size_t n = mSites.size();
    const Point edges[4][2] = { { { r.x0, r.y0 }, { r.x1 - r.x0, 0 } }, { { r.x0, r.y1 }, { r.x1 - r.x0, 0 } }, { { r.x0, r.y0 }, { 0, r.y1 - r.y0 } }, { { r.x1, r.y0 }, { 0, r.y1 - r.y0 } } };
    for ( const auto &edge : edges )
      for ( size_t i = 0; i < n; ++i )
        for ( size_t j = i + 1; j < n; ++j )
          onEdge( mSites[i], mSites[j], edge[0].x, edge[0].y, edge[1].x, edge[1].y );
    for ( size_t i = 0; i < n; ++i )
      for ( size_t j = i + 1; j < n; ++j )
        for ( size_t k = j + 1; k < n; ++k )
          atTriple( mSites[i], mSites[j], mSites[k] );
  }

  void LocalSolver::onEdge( const Site &a, const Site &b, double ex, double ey, double dx, double dy )
  {
    auto at = [&]( double u ) {
      if ( u >= -1e-9 && u <= 1 + 1e-9 )
      {
        const double px = ex + u * dx, py = ey + u * dy;
        tryPoint( px, py, a.distance( px, py ) );
      }
    };
    if ( a.line && b.line )
    {
      // n1.p - c1 = n2.p - c2 along e + u d
      const double alpha = ( a.x * ex + a.y * ey - a.c ) - ( b.x * ex + b.y * ey - b.c );
      const double beta = ( a.x * dx + a.y * dy ) - ( b.x * dx + b.y * dy );
      if ( beta != 0 )
        at( -alpha / beta );
    }
    else if ( !a.line && !b.line )
    {
      // |p - a|^2 = |p - b|^2: linear in u
      const double abx = b.x - a.x, aby = b.y - a.y;
      const double denominator = 2 * ( dx * abx + dy * aby );
      if ( denominator != 0 )
        at( ( abx * ( a.x + b.x - 2 * ex ) + aby * ( a.y + b.y - 2 * ey ) ) / denominator );
    }
    else
    {
      const Site &line = a.line ? a : b, &point = a.line ? b : a;
      // |p - a|^2 = (n.p - c)^2
      const double wx = ex - point.x, wy = ey - point.y;
      const double alpha = line.x * ex + line.y * ey - line.c, beta = line.x * dx + line.y * dy;
      roots( dx * dx + dy * dy - beta * beta, 2 * ( wx * dx + wy * dy - alpha * beta ), wx * wx + wy * wy - alpha * alpha, at );
    }
  }

  void LocalSolver::atTriple( const Site &s1, const Site &s2, const Site &s3 )
  {
    // lines first
    const Site *s[3] = { &s1, &s2, &s3 };
    std::stable_partition( s, s + 3, []( const Site *site ) { return site->line; } );
    const int lines = static_cast<int>( s1.line ) + static_cast<int>( s2.line ) + static_cast<int>( s3.line );
    if ( lines == 3 )
    {
      // n_i.p - r = c_i: three linear equations in x, y, r (Cramer)
      const Site &a = *s[0], &b = *s[1], &c = *s[2];
      const double det = a.x * ( b.y * -1 - -1 * c.y ) - a.y * ( b.x * -1 - -1 * c.x ) + -1 * ( b.x * c.y - b.y * c.x );
      if ( std::fabs( det ) < 1e-12 )
        return;
      const double x = ( a.c * ( b.y * -1 - -1 * c.y ) - a.y * ( b.c * -1 - -1 * c.c ) + -1 * ( b.c * c.y - b.y * c.c ) ) / det;
      const double y = ( a.x * ( b.c * -1 - -1 * c.c ) - a.c * ( b.x * -1 - -1 * c.x ) + -1 * ( b.x * c.c - b.c * c.x ) ) / det;
      const double r = a.x * x + a.y * y - a.c;
      if ( r > 0 )
        tryPoint( x, y, r );
    }
    else if ( lines == 2 )
    {
      const Site &l1 = *s[0], &l2 = *s[1], &a = *s[2];
      const double det = l1.x * l2.y - l1.y * l2.x;
      if ( std::fabs( det ) > 1e-8 )
      {
        // n1.p = c1 + r, n2.p = c2 + r: p = p0 + r v on a line, then |p - a| = r
        const double p0x = ( l1.c * l2.y - l2.c * l1.y ) / det, p0y = ( l1.x * l2.c - l2.x * l1.c ) / det;
        const double vx = ( l2.y - l1.y ) / det, vy = ( l1.x - l2.x ) / det;
        const double wx = p0x - a.x, wy = p0y - a.y;
        roots( vx * vx + vy * vy - 1, 2 * ( vx * wx + vy * wy ), wx * wx + wy * wy, [&]( double r ) {
          if ( r > 0 )
            tryPoint( p0x + r * vx, p0y + r * vy, r );
        } );
      }
      else if ( l1.x * l2.x + l1.y * l2.y < 0 )
      {
        // facing parallel lines: the circle between them, through a
        const double r = -0.5 * ( l1.c + l2.c );
        if ( r <= 0 )
          return;
        const double bx = l1.x * ( l1.c + r ), by = l1.y * ( l1.c + r ); // on the mid line
        const double qx = bx - a.x, qy = by - a.y, tx = -l1.y, ty = l1.x;
        roots( 1, 2 * ( tx * qx + ty * qy ), qx * qx + qy * qy - r * r, [&]( double t ) {
          tryPoint( bx + t * tx, by + t * ty, r );
        } );
      }
    }
    else if ( lines == 1 )
    {
      // on the perpendicular bisector of a and b, p = m + t u, where (n.p - c)^2 = |p - a|^2
      const Site &l = *s[0], &a = *s[1], &b = *s[2];
      const double abx = b.x - a.x, aby = b.y - a.y, length = std::hypot( abx, aby );
      if ( length == 0 )
        return;
      const double mx = 0.5 * ( a.x + b.x ), my = 0.5 * ( a.y + b.y ), ux = -aby / length, uy = abx / length;
      const double alpha = l.x * mx + l.y * my - l.c, beta = l.x * ux + l.y * uy;
      roots( beta * beta - 1, 2 * alpha * beta, alpha * alpha - 0.25 * length * length, [&]( double t ) {
        const double px = mx + t * ux, py = my + t * uy;
        tryPoint( px, py, std::hypot( px - a.x, py - a.y ) );
      } );
    }
    else
    {
      // the circumcentre
      const Site &a = *s[0], &b = *s[1], &c = *s[2];
      const double bx = b.x - a.x, by = b.y - a.y, cx = c.x - a.x, cy = c.y - a.y;
      const double d = 2 * ( bx * cy - by * cx );
      if ( d == 0 )
        return;
      const double b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
      const double ux = ( cy * b2 - by * c2 ) / d, uy = ( bx * c2 - cx * b2 ) / d;
      tryPoint( a.x + ux, a.y + uy, std::hypot( ux, uy ) );
    }
  }

  void LocalSolver::tryPoint( double px, double py, double r )
  {
    if ( !( r > mBest.distance ) )
      return;
    const Rect &rect = mRect;
    if ( px < rect.x0 - mMargin || px > rect.x1 + mMargin || py < rect.y0 - mMargin || py > rect.y1 + mMargin )
      return;
    // on the rectangle, where the segments given are all that can be nearest
    px = std::clamp( px, rect.x0, rect.x1 );
    py = std::clamp( py, rect.y0, rect.y1 );
    Foot nearest{ INF, 0 };
    int nearestId = -1;
    for ( int id : *mSegments )
    {
      const Foot f = footOn( mBoundary.segments[static_cast<size_t>( id )], px, py );
      if ( f.d2 < nearest.d2 )
      {
        nearest = f;
        nearestId = id;
      }
    }
    // farther than `upper` from the segments given, the point is outside (every point inside
    // is nearer) and its nearest segment may be one not given: no side to trust
    const double distance = std::sqrt( nearest.d2 );
    if ( nearestId >= 0 && distance > mBest.distance && distance <= mUpper && mBoundary.inside( mBoundary.segments[static_cast<size_t>( nearestId )], nearest.t, px, py ) )
      mBest = { distance, px, py, true };
  }
}
