// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/inscribedcirclesupport.h"

#include <numeric>

namespace limes::inscribed
{
  double rectDistance( const Rect &r, const Segment &s )
  {
    // the segment clipped to the rectangle (Liang-Barsky): if anything is left, they meet
    double t0 = 0, t1 = 1;
    const double dx = s.bx - s.ax, dy = s.by - s.ay;
    const double p[4] = { -dx, dx, -dy, dy };
    const double q[4] = { s.ax - r.x0, r.x1 - s.ax, s.ay - r.y0, r.y1 - s.ay };
    bool meets = true;
    for ( int i = 0; i < 4 && meets; ++i )
    {
      if ( p[i] == 0 )
        meets = q[i] >= 0;
      else
      {
        const double t = q[i] / p[i];
        if ( p[i] < 0 )
          t0 = std::max( t0, t );
        else
          t1 = std::min( t1, t );
        meets = t0 <= t1;
      }
    }
    if ( meets )
      return 0;
    // apart, two convex sets are nearest at a vertex of one of them
    return std::sqrt( std::min( { pointRectDistance2( r, s.ax, s.ay ), pointRectDistance2( r, s.bx, s.by ), footOn( s, r.x0, r.y0 ).d2, footOn( s, r.x1, r.y0 ).d2,
                                  footOn( s, r.x0, r.y1 ).d2, footOn( s, r.x1, r.y1 ).d2 } ) );
  }

  SegmentTree::SegmentTree( const std::vector<Segment> &segments )
    : mSegments( segments )
    , mOrder( segments.size() )
  {
    std::iota( mOrder.begin(), mOrder.end(), 0 );
    if ( !segments.empty() )
      build( 0, static_cast<int>( segments.size() ) );
  }

  int SegmentTree::build( int first, int count )
  {
    Rect box{ INF, INF, -INF, -INF };
    for ( int i = first; i < first + count; ++i )
    {
      const Segment &s = mSegments[static_cast<size_t>( mOrder[static_cast<size_t>( i )] )];
      box = { std::min( { box.x0, s.ax, s.bx } ), std::min( { box.y0, s.ay, s.by } ), std::max( { box.x1, s.ax, s.bx } ), std::max( { box.y1, s.ay, s.by } ) };
    }
    const int index = static_cast<int>( mNodes.size() );
    mNodes.push_back( { box, first, count } );
    if ( count <= 4 )
      return index;
    const bool wide = box.x1 - box.x0 >= box.y1 - box.y0;
    auto key = [&]( int id ) {
      const Segment &s = mSegments[static_cast<size_t>( id )];
      return wide ? s.ax + s.bx : s.ay + s.by;
    };
    const auto begin = mOrder.begin() + first;
    std::nth_element( begin, begin + count / 2, begin + count, [&]( int a, int b ) {
      const double ka = key( a ), kb = key( b );
      return ka < kb || ( ka == kb && a < b );
    } );
    const int left = build( first, count / 2 );
    const int right = build( first + count / 2, count - count / 2 );
    mNodes[static_cast<size_t>( index )].left = left;
    mNodes[static_cast<size_t>( index )].right = right;
    return index;
  }

  double SegmentTree::boxDistance2( const Rect &a, const Rect &b )
  {
    const double dx = std::max( { a.x0 - b.x1, 0.0, b.x0 - a.x1 } ), dy = std::max( { a.y0 - b.y1, 0.0, b.y0 - a.y1 } );
    return dx * dx + dy * dy;
  }

  Nearest SegmentTree::nearest( double x, double y ) const
  {
    Nearest best;
    double best2 = INF;
    if ( mNodes.empty() )
      return best;
    std::vector<int> stack{ 0 };
    while ( !stack.empty() )
    {
      const Node &node = mNodes[static_cast<size_t>( stack.back() )];
      stack.pop_back();
      if ( pointRectDistance2( node.box, x, y ) > best2 )
        continue;
      if ( node.left < 0 )
      {
        for ( int i = node.first; i < node.first + node.count; ++i )
        {
          const int id = mOrder[static_cast<size_t>( i )];
          const Foot f = footOn( mSegments[static_cast<size_t>( id )], x, y );
          if ( f.d2 < best2 || ( f.d2 == best2 && id < best.id ) )
          {
            best2 = f.d2;
            best.id = id;
            best.t = f.t;
          }
        }
      }
      else
      {
        // the nearer child last, so that it is searched first
        const Node &l = mNodes[static_cast<size_t>( node.left )], &r = mNodes[static_cast<size_t>( node.right )];
        const bool leftNearer = pointRectDistance2( l.box, x, y ) <= pointRectDistance2( r.box, x, y );
        stack.push_back( leftNearer ? node.right : node.left );
        stack.push_back( leftNearer ? node.left : node.right );
      }
    }
    best.distance = std::sqrt( best2 );
    return best;
  }
}
