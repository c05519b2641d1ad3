// SPDX-License-Identifier: GPL-2.0-or-later
#include "linereference.h"

#include <algorithm>
#include <cmath>

namespace limes
{
  LineReference::LineReference( std::vector<Part> parts )
    : mParts( std::move( parts ) )
  {
    std::vector<SegmentIndex::Segment> segments;
    for ( size_t pi = 0; pi < mParts.size(); ++pi )
    {
      Part &p = mParts[pi];
      p.chainage.assign( p.points.size(), 0 );
      for ( size_t i = 0; i < p.points.size(); ++i )
      {
        if ( i > 0 )
        {
          mLength += p.points[i].distance( p.points[i - 1] );
          mSegments.emplace_back( static_cast<int>( pi ), static_cast<int>( i - 1 ) );
          segments.push_back( { p.points[i - 1].x(), p.points[i - 1].y(), p.points[i].x(), p.points[i].y() } );
        }
        p.chainage[i] = mLength;
      }
    }
    // cells about four mean segments wide: few candidates per query
    mIndex = SegmentIndex( std::move( segments ) );
  }

  LineReference::Location LineReference::nearest( const QgsPointXY &p ) const
  {
    Location best;
    if ( mSegments.empty() )
      return best;
    // widen the search until a segment is found, then once more to be sure it is the nearest
    for ( double radius = mIndex.cell();; radius *= 4 )
    {
      segmentsNear( p, p, radius, [&]( int part, int i ) {
        const Part &pt = mParts[static_cast<size_t>( part )];
        const QgsPointXY &a = pt.points[static_cast<size_t>( i )], &b = pt.points[static_cast<size_t>( i ) + 1];
        const double dx = b.x() - a.x(), dy = b.y() - a.y();
        const double len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp( ( ( p.x() - a.x() ) * dx + ( p.y() - a.y() ) * dy ) / len2, 0.0, 1.0 ) : 0.0;
        const QgsPointXY q( a.x() + t * dx, a.y() + t * dy );
        const double d = q.distance( p );
        const double chainage = pt.chainage[static_cast<size_t>( i )] + t * std::sqrt( len2 );
        // on a tie (a ring's closing vertex, a shared vertex) the lower chainage wins
        if ( best.distance < 0 || d < best.distance || ( d == best.distance && chainage < best.chainage ) )
        {
          best.distance = d;
          best.point = q;
          best.part = part;
          best.segment = i;
          best.chainage = chainage;
        }
      } );
      if ( best.distance >= 0 && best.distance <= radius )
        return best;
      if ( radius > 4 * ( mLength + 1 ) + 1e7 )
        return best;
    }
  }
}
