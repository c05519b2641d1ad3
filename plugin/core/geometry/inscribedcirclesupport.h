// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_INSCRIBEDCIRCLESUPPORT_H
#define LIMES_INSCRIBEDCIRCLESUPPORT_H

// The parts of largestInscribedCircle (inscribedcircle.h): the simplified boundary, a tree of
// its segments, and the exact solution inside one rectangle. Not for use elsewhere.

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace limes::inscribed
{
  constexpr double INF = std::numeric_limits<double>::infinity();

  struct Point
  {
    double x, y;
  };

  struct Rect
  {
    double x0, y0, x1, y1;
    double halfDiagonal() const { return 0.5 * std::hypot( x1 - x0, y1 - y0 ); }
  };

  //! A boundary segment a -> b, the polygon's interior on its left.
  struct Segment
  {
    double ax, ay, bx, by;
    double nx, ny, c;  //!< inward unit normal and offset: n.p - c is p's signed distance from the line
    int a, b;          //!< vertex ids
  };

  struct Vertex
  {
    double x, y;
    double nx, ny;     //!< sum of its two segments' inward normals: the side of a point nearest to the vertex
  };

  struct Foot
  {
    double d2;  //!< squared distance
    double t;   //!< where on the segment the nearest point is: 0 at a, 1 at b
  };

  inline Foot footOn( double ax, double ay, double bx, double by, double px, double py )
  {
    const double dx = bx - ax, dy = by - ay;
    const double l2 = dx * dx + dy * dy;
    const double t = l2 > 0 ? std::clamp( ( ( px - ax ) * dx + ( py - ay ) * dy ) / l2, 0.0, 1.0 ) : 0.0;
    const double qx = ax + t * dx - px, qy = ay + t * dy - py;
    return { qx * qx + qy * qy, t };
  }

  inline Foot footOn( const Segment &s, double px, double py ) { return footOn( s.ax, s.ay, s.bx, s.by, px, py ); }

  inline double pointRectDistance2( const Rect &r, double x, double y )
  {
    const double dx = std::max( { r.x0 - x, 0.0, x - r.x1 } ), dy = std::max( { r.y0 - y, 0.0, y - r.y1 } );
    return dx * dx + dy * dy;
  }

  //! The least distance between a point of `r` and a point of `s`.
  double rectDistance( const Rect &r, const Segment &s );

  //! The greatest distance from `s` of a point of `r`: at a corner, distance from a segment being convex.
  inline double farthestCorner( const Rect &r, const Segment &s )
  {
    return std::sqrt( std::max( { footOn( s, r.x0, r.y0 ).d2, footOn( s, r.x1, r.y0 ).d2, footOn( s, r.x0, r.y1 ).d2, footOn( s, r.x1, r.y1 ).d2 } ) );
  }

  struct Boundary
  {
    std::vector<Vertex> vertices;
    std::vector<Segment> segments;

    /**
     * Whether p, whose nearest boundary point is at `t` on `s`, is inside: the side of the
     * segment, or at a vertex the side of its two segments' normals summed (a point nearest
     * to a vertex lies on the side that sum points to).
     */
    bool inside( const Segment &s, double t, double px, double py ) const
    {
      if ( t > 0 && t < 1 )
        return s.nx * px + s.ny * py - s.c > 0;
      const Vertex &v = vertices[static_cast<size_t>( t <= 0 ? s.a : s.b )];
      return ( px - v.x ) * v.nx + ( py - v.y ) * v.ny > 0;
    }
  };

  struct Nearest
  {
    double distance = INF;
    int id = -1;
    double t = 0;
  };

  //! A bounding-box tree of segments, split at the median of the longer side.
  class SegmentTree
  {
    public:
      explicit SegmentTree( const std::vector<Segment> &segments );

      //! The nearest segment (of those as near, the first).
      Nearest nearest( double x, double y ) const;

      /**
       * Calls visit(id) for each segment whose box is within `radius` of `r`, until visit
       * returns false; returns whether it never did.
       */
      template<typename F> bool within( const Rect &r, double radius, F &&visit ) const;

    private:
      struct Node
      {
        Rect box;
        int first, count;
        int left = -1, right = -1;  //!< a leaf without children
      };
      int build( int first, int count );
      static double boxDistance2( const Rect &a, const Rect &b );

      const std::vector<Segment> &mSegments;
      std::vector<int> mOrder;
      std::vector<Node> mNodes;
  };

  template<typename F> bool SegmentTree::within( const Rect &r, double radius, F &&visit ) const
  {
    if ( mNodes.empty() )
      return true;
    const double r2 = radius * radius;
    std::vector<int> stack{ 0 };
    while ( !stack.empty() )
    {
      const Node &node = mNodes[static_cast<size_t>( stack.back() )];
      stack.pop_back();
      if ( boxDistance2( node.box, r ) > r2 )
        continue;
      if ( node.left < 0 )
      {
        for ( int i = node.first; i < node.first + node.count; ++i )
        {
          const int id = mOrder[static_cast<size_t>( i )];
          const Segment &s = mSegments[static_cast<size_t>( id )];
          const Rect box{ std::min( s.ax, s.bx ), std::min( s.ay, s.by ), std::max( s.ax, s.bx ), std::max( s.ay, s.by ) };
          if ( boxDistance2( box, r ) <= r2 && !visit( id ) )
            return false;
        }
      }
      else
      {
        stack.push_back( node.right );
        stack.push_back( node.left );
      }
    }
    return true;
  }

  //! The best centre so far: its distance from the simplified boundary.
  struct Best
  {
    double distance = 0;
    double x = 0, y = 0;
    bool found = false;
  };

  /**
   * The point of a rectangle inside the polygons farthest from the boundary, exactly, when
   * only a few segments can be nearest in it. The distance from the boundary there is the
   * least of the distances from those segments' lines (where the foot falls on the segment)
   * and from their end points; its greatest value on the rectangle is at a corner, where
   * two of these are equal on an edge, or where three are equal inside (a vertex of the
   * boundary's Voronoi diagram): elsewhere it is convex or affine along a way on which it is
   * the same one or two. Every such point is tried.
   */
  class LocalSolver
  {
    public:
      static constexpr size_t MaxSegments = 6;

      LocalSolver( const Boundary &boundary, Best &best )
        : mBoundary( boundary ), mBest( best )
      {}

      /**
       * Improves the best centre with the farthest point of `r` inside the polygons, where no
       * point inside is farther than `upper` from the boundary and `segments` (sorted ids)
       * are all the segments within `upper` of r.
       */
      void solve( const Rect &r, const std::vector<int> &segments, double upper );

    private:
      struct Site
      {
        bool line;
        double x, y;       //!< a point: where; a line: its inward unit normal
        double c;          //!< a line's offset
        double distance( double px, double py ) const { return line ? std::fabs( x * px + y * py - c ) : std::hypot( px - x, py - y ); }
      };
      void onEdge( const Site &a, const Site &b, double ex, double ey, double dx, double dy );
      void atTriple( const Site &a, const Site &b, const Site &c );
      void tryPoint( double px, double py, double r );

      const Boundary &mBoundary;
      Best &mBest;
      Rect mRect{ 0, 0, 0, 0 };
      double mUpper = 0;
      double mMargin = 0;
      const std::vector<int> *mSegments = nullptr;
      std::vector<Site> mSites;
  };
}

#endif
