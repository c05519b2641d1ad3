// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/inscribedcircle.h"
#include "geometry/inscribedcirclesupport.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>

namespace limes
{
  namespace
  {
    using namespace inscribed;

    //! Indices of the vertices of the closed ring `p` Douglas-Peucker keeps: each dropped one is within `eps` of its chord.
    std::vector<int> simplifyRing( const std::vector<Point> &p, double eps )
    {
      const int n = static_cast<int>( p.size() );
      std::vector<char> keep( p.size(), eps > 0 ? 0 : 1 );
      if ( eps > 0 && n > 3 )
      {
        auto chordDistance = [&]( int k, int i, int j ) {
          const Point &a = p[static_cast<size_t>( i )], &b = p[static_cast<size_t>( j % n )], &q = p[static_cast<size_t>( k )];
          return std::sqrt( footOn( a.x, a.y, b.x, b.y, q.x, q.y ).d2 );
        };
        int far = 1;
        for ( int k = 2; k < n; ++k )
          if ( chordDistance( k, 0, 0 ) > chordDistance( far, 0, 0 ) )
            far = k;
        keep[0] = keep[static_cast<size_t>( far )] = 1;
        std::vector<std::pair<int, int>> spans{ { 0, far }, { far, n } };
        while ( !spans.empty() )
        {
          const auto [i, j] = spans.back();
          spans.pop_back();
          int worst = -1;
          double worstDistance = eps;
          for ( int k = i + 1; k < j; ++k )
          {
            const double d = chordDistance( k, i, j );
            if ( d > worstDistance )
            {
              worst = k;
              worstDistance = d;
            }
          }
          if ( worst >= 0 )
          {
            keep[static_cast<size_t>( worst )] = 1;
            spans.emplace_back( i, worst );
            spans.emplace_back( worst, j );
          }
        }
      }
      else
        std::fill( keep.begin(), keep.end(), 1 );
      std::vector<int> kept;
      for ( int k = 0; k < n; ++k )
        if ( keep[static_cast<size_t>( k )] )
          kept.push_back( k );
      return kept;
    }

    //! Vertices and segments of the rings simplified to `eps`, each ring's interior on its segments' left.
    void buildBoundary( const std::vector<std::vector<Point>> &rings, double eps, Boundary &boundary )
    {
      for ( const std::vector<Point> &ring : rings )
      {
        const std::vector<int> kept = simplifyRing( ring, eps );
        const int first = static_cast<int>( boundary.vertices.size() );
        const int n = static_cast<int>( kept.size() );
        if ( n < 2 )
          continue;
        for ( int k : kept )
          boundary.vertices.push_back( { ring[static_cast<size_t>( k )].x, ring[static_cast<size_t>( k )].y, 0, 0 } );
        for ( int k = 0; k < n; ++k )
        {
          const int a = first + k, b = first + ( k + 1 ) % n;
          Vertex &va = boundary.vertices[static_cast<size_t>( a )], &vb = boundary.vertices[static_cast<size_t>( b )];
          const double dx = vb.x - va.x, dy = vb.y - va.y, length = std::hypot( dx, dy );
          Segment s{ va.x, va.y, vb.x, vb.y, -dy / length, dx / length, 0, a, b };
          s.c = s.nx * va.x + s.ny * va.y;
          va.nx += s.nx;
          va.ny += s.ny;
          vb.nx += s.nx;
          vb.ny += s.ny;
          boundary.segments.push_back( s );
        }
      }
    }

    //! Rings without repeated points, closing point or zero area, in coordinates about `origin`, oriented.
    std::vector<std::vector<Point>> cleanRings( const std::vector<PolygonRings> &polygons, Point origin )
    {
      std::vector<std::vector<Point>> rings;
      for ( const PolygonRings &polygon : polygons )
        for ( size_t r = 0; r < polygon.size(); ++r )
        {
          std::vector<Point> ring;
          const std::vector<double> &xy = polygon[r];
          for ( size_t i = 0; i + 1 < xy.size(); i += 2 )
          {
            const Point p{ xy[i] - origin.x, xy[i + 1] - origin.y };
            if ( ring.empty() || p.x != ring.back().x || p.y != ring.back().y )
              ring.push_back( p );
          }
          while ( ring.size() > 1 && ring.front().x == ring.back().x && ring.front().y == ring.back().y )
            ring.pop_back();
          double area2 = 0;
          for ( size_t i = 0; i < ring.size(); ++i )
          {
            const Point &a = ring[i], &b = ring[( i + 1 ) % ring.size()];
            area2 += a.x * b.y - b.x * a.y;
          }
          if ( ring.size() < 3 || area2 == 0 )
            continue;
          // the exterior counter-clockwise, holes clockwise: the interior always on the left
          if ( ( area2 > 0 ) != ( r == 0 ) )
            std::reverse( ring.begin(), ring.end() );
          rings.push_back( std::move( ring ) );
        }
      return rings;
    }

    /**
     * Turns the rings (about the origin) so that their long axis (of the vertices' second
     * moments) runs along x: the rectangles of the search then fit a long sliver whatever its
     * bearing. Returns the turn's cosine and sine.
     */
    Point alignWithLongAxis( std::vector<std::vector<Point>> &rings )
    {
      double sxx = 0, syy = 0, sxy = 0, sx = 0, sy = 0, n = 0;
      for ( const std::vector<Point> &ring : rings )
        for ( const Point &p : ring )
        {
          sx += p.x;
          sy += p.y;
          sxx += p.x * p.x;
          syy += p.y * p.y;
          sxy += p.x * p.y;
          ++n;
        }
      sxx -= sx * sx / n;
      syy -= sy * sy / n;
      sxy -= sx * sy / n;
      const double angle = 0.5 * std::atan2( 2 * sxy, sxx - syy );
      const double c = std::cos( angle ), s = std::sin( angle );
      for ( std::vector<Point> &ring : rings )
        for ( Point &p : ring )
          p = { c * p.x + s * p.y, -s * p.x + c * p.y };
      return { c, s };
    }

    struct Cell
    {
      Rect rect;
      double upper;            //!< no point of the rectangle is farther than this from the boundary
      std::uint64_t order;     //!< ties are taken first come, first served: the same run every time
      int segments = -1;       //!< the parent's list of every segment within `upper` of it, if it had one
    };

    struct LowerPriority
    {
      bool operator()( const Cell &a, const Cell &b ) const { return a.upper < b.upper || ( a.upper == b.upper && a.order > b.order ); }
    };

    //! Branch and bound over rectangles for the point of the simplified polygons farthest from their boundary.
    class Search
    {
      public:
        Search( const Boundary &boundary, double slack )
          : mBoundary( boundary ), mTree( boundary.segments ), mSlack( slack ), mLocal( boundary, mBest )
        {}

        void run()
        {
          if ( mBoundary.segments.empty() )
            return;
          Rect all{ INF, INF, -INF, -INF };
          for ( const Vertex &v : mBoundary.vertices )
            all = { std::min( all.x0, v.x ), std::min( all.y0, v.y ), std::max( all.x1, v.x ), std::max( all.y1, v.y ) };
          std::priority_queue<Cell, std::vector<Cell>, LowerPriority> cells;
          std::uint64_t order = 0;
          cells.push( { all, INF, order++ } );
          while ( !cells.empty() )
          {
            const Cell cell = cells.top();
            if ( cell.upper <= mBest.distance + mSlack )
            {
              mPrunedUpper = std::max( mPrunedUpper, cell.upper );
              break;
            }
            cells.pop();
            int segments = -1;
            const double upper = visit( cell, segments );
            if ( upper > 0 )
            {
              const Rect &r = cell.rect;
              const bool wide = r.x1 - r.x0 >= r.y1 - r.y0;
              const double mid = wide ? 0.5 * ( r.x0 + r.x1 ) : 0.5 * ( r.y0 + r.y1 );
              cells.push( { wide ? Rect{ r.x0, r.y0, mid, r.y1 } : Rect{ r.x0, r.y0, r.x1, mid }, upper, order++, segments } );
              cells.push( { wide ? Rect{ mid, r.y0, r.x1, r.y1 } : Rect{ r.x0, mid, r.x1, r.y1 }, upper, order++, segments } );
            }
          }
        }

        const Best &best() const { return mBest; }
        //! No point of the simplified polygons is farther than this from their boundary.
        double upper() const { return std::max( mBest.distance, mPrunedUpper ); }

      private:
        /**
         * Settles the cell (0) or returns the bound its halves inherit, and in `segments` the
         * list of the segments within that bound of it, if it has one: theirs is in it.
         */
        double visit( const Cell &cell, int &segments )
        {
          const Rect &r = cell.rect;
          const std::vector<int> *inherited = cell.segments >= 0 ? &mLists[static_cast<size_t>( cell.segments )] : nullptr;
          const double cx = 0.5 * ( r.x0 + r.x1 ), cy = 0.5 * ( r.y0 + r.y1 );
          // no point of the cell inside is farther than cell.upper from the boundary, so a
          // nearest segment within it is in the parent's list; one farther says outside
          Nearest centre;
          if ( inherited )
          {
            for ( int id : *inherited )
            {
              const Foot f = footOn( mBoundary.segments[static_cast<size_t>( id )], cx, cy );
              if ( f.d2 < centre.distance )
                centre = { f.d2, id, f.t };
            }
            centre.distance = std::sqrt( centre.distance );
          }
          else
            centre = mTree.nearest( cx, cy );
          if ( centre.id < 0 )
            return 0;
          const Segment &nearestSegment = mBoundary.segments[static_cast<size_t>( centre.id )];
          const bool known = !inherited || centre.distance <= cell.upper;
          const bool inside = known && mBoundary.inside( nearestSegment, centre.t, cx, cy );
          if ( inside && centre.distance > mBest.distance )
            mBest = { centre.distance, cx, cy, true };
          const double h = r.halfDiagonal();
          const double away = known ? centre.distance : cell.upper; // the centre is at least this far outside
          if ( !inside && away >= h )
            return 0; // wholly outside
          // distance from the boundary is 1-Lipschitz, and from one segment convex: greatest at a corner
          double upper = std::min( { inside ? centre.distance + h : h - away, farthestCorner( r, nearestSegment ), cell.upper } );
          if ( upper <= mBest.distance + mSlack )
          {
            mPrunedUpper = std::max( mPrunedUpper, upper );
            return 0;
          }
          // the segments that can be nearest somewhere in r are within `upper` of it
          mCandidates.clear();
          bool few = true;
          if ( inherited )
          {
            for ( int id : *inherited )
              if ( rectDistance( r, mBoundary.segments[static_cast<size_t>( id )] ) <= upper )
                mCandidates.push_back( id );
          }
          else
            few = mTree.within( r, upper, [&]( int id ) {
              if ( rectDistance( r, mBoundary.segments[static_cast<size_t>( id )] ) <= upper )
                mCandidates.push_back( id );
              return mCandidates.size() <= 4 * LocalSolver::MaxSegments;
            } );
          if ( few )
          {
            // an inside point is nearest to a segment within `upper`: none, then all outside
            if ( mCandidates.empty() )
              return 0;
            for ( int id : mCandidates )
              upper = std::min( upper, farthestCorner( r, mBoundary.segments[static_cast<size_t>( id )] ) );
            if ( upper <= mBest.distance + mSlack )
            {
              mPrunedUpper = std::max( mPrunedUpper, upper );
              return 0;
            }
            mCandidates.erase( std::remove_if( mCandidates.begin(), mCandidates.end(), [&]( int id ) {
              return rectDistance( r, mBoundary.segments[static_cast<size_t>( id )] ) > upper;
            } ), mCandidates.end() );
            std::sort( mCandidates.begin(), mCandidates.end() );
            if ( mCandidates.size() <= LocalSolver::MaxSegments )
            {
              mLocal.solve( r, mCandidates, upper );
              return 0;
            }
            // the halves search these instead of the tree
            segments = static_cast<int>( mLists.size() );
            mLists.push_back( mCandidates );
          }
          return upper;
        }

        const Boundary &mBoundary;
        SegmentTree mTree;
        double mSlack;
        Best mBest;
        LocalSolver mLocal;
        double mPrunedUpper = 0;
        std::vector<int> mCandidates;
        std::vector<std::vector<int>> mLists;  //!< cells' lists of the segments that can be nearest in them
    };

    //! Is `p` inside the rings (even-odd), and how far from them: the check of the winner against the unsimplified rings.
    std::pair<bool, double> measureOriginal( const std::vector<std::vector<Point>> &rings, Point p )
    {
      bool inside = false;
      double d2 = INF;
      for ( const std::vector<Point> &ring : rings )
        for ( size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++ )
        {
          const Point &a = ring[j], &b = ring[i];
          if ( ( a.y > p.y ) != ( b.y > p.y ) && p.x < a.x + ( p.y - a.y ) * ( b.x - a.x ) / ( b.y - a.y ) )
            inside = !inside;
          d2 = std::min( d2, footOn( a.x, a.y, b.x, b.y, p.x, p.y ).d2 );
        }
      return { inside, std::sqrt( d2 ) };
    }
  }

  InscribedCircle largestInscribedCircle( const std::vector<PolygonRings> &polygons, double tolerance )
  {
    double x0 = INF, y0 = INF, x1 = -INF, y1 = -INF;
    for ( const PolygonRings &polygon : polygons )
      for ( const std::vector<double> &ring : polygon )
        for ( size_t i = 0; i + 1 < ring.size(); i += 2 )
        {
          x0 = std::min( x0, ring[i] );
          x1 = std::max( x1, ring[i] );
          y0 = std::min( y0, ring[i + 1] );
          y1 = std::max( y1, ring[i + 1] );
        }
    InscribedCircle result;
    if ( !( x0 <= x1 ) )
      return result;
    // about the centre: full precision for the small differences the search takes
    const Point origin{ 0.5 * ( x0 + x1 ), 0.5 * ( y0 + y1 ) };
    std::vector<std::vector<Point>> rings = cleanRings( polygons, origin );
    if ( rings.empty() )
      return result;
    const Point turn = alignWithLongAxis( rings );
    // a search to nothing would not end: at least the rounding of the coordinates
    tolerance = std::max( tolerance, 1e-12 * std::max( { x1 - x0, y1 - y0, std::fabs( x0 ), std::fabs( y0 ) } ) );
    // of the tolerance on the radius (half that on the diameter): an eighth for simplifying
    // (moves every distance by at most that, both ways), an eighth for stopping the search;
    // then the whole search again unsimplified if the centre found is not inside the original
    for ( double eps : { tolerance / 8, 0.0 } )
    {
      Boundary boundary;
      buildBoundary( rings, eps, boundary );
      Search search( boundary, tolerance / 8 );
      search.run();
      const Best &best = search.best();
      const auto [inside, distance] = measureOriginal( rings, { best.x, best.y } );
      // outside the original rings: a piece thinner than the simplification, or simplified
      // rings that cross; unsimplified, the centre is inside
      if ( !best.found || !inside )
      {
        if ( eps > 0 )
          continue;
        result.upperRadius = search.upper();
        return result;
      }
      result.x = origin.x + turn.x * best.x - turn.y * best.y;
      result.y = origin.y + turn.y * best.x + turn.x * best.y;
      result.radius = distance;
      result.upperRadius = std::max( std::max( search.upper(), eps ) + eps, distance );
      return result;
    }
    return result;
  }
}
