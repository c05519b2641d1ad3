// SPDX-License-Identifier: GPL-2.0-or-later
#include "linereference.h"

#include <algorithm>
#include <cmath>

namespace limes
{
  LineReference::LineReference( std::vector<Part> parts )
    : mParts( std::move( parts ) )
  {
    size_t segments = 0;
    for ( Part &p : mParts )
    {
      p.chainage.assign( p.points.size(), 0 );
      for ( size_t i = 0; i < p.points.size(); ++i )
      {
        if ( i > 0 )
          mLength += p.points[i].distance( p.points[i - 1] );
        p.chainage[i] = mLength;
      }
      segments += p.points.size() > 1 ? p.points.size() - 1 : 0;
    }
    // cells about four average segments wide: few candidates per query
    mCell = segments ? std::max( 1e-3, 4 * mLength / static_cast<double>( segments ) ) : 1.0;
    mSegments.reserve( segments );
    for ( size_t pi = 0; pi < mParts.size(); ++pi )
    {
      const Part &p = mParts[pi];
      for ( size_t i = 0; i + 1 < p.points.size(); ++i )
      {
        const int id = static_cast<int>( mSegments.size() );
        mSegments.emplace_back( static_cast<int>( pi ), static_cast<int>( i ) );
        const QgsPointXY &a = p.points[i], &b = p.points[i + 1];
        for ( long long cx = cellOf( std::min( a.x(), b.x() ) ); cx <= cellOf( std::max( a.x(), b.x() ) ); ++cx )
          for ( long long cy = cellOf( std::min( a.y(), b.y() ) ); cy <= cellOf( std::max( a.y(), b.y() ) ); ++cy )
            mCells[key( cx, cy )].push_back( id );
      }
    }
  }

  LineReference::Location LineReference::nearest( const QgsPointXY &p ) const
  {
    Location best;
    if ( mSegments.empty() )
      return best;
    // widen the search until a segment is found, then once more to be sure it is the nearest
    for ( double radius = mCell;; radius *= 4 )
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
