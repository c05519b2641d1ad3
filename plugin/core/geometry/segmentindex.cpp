// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/segmentindex.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace limes
{
  SegmentIndex::SegmentIndex( const QgsGeometry &lines, double cell )
    : mCell( cell > 0 ? cell : 1.0 )
  {
    const QgsMultiPolylineXY parts = lines.isMultipart() ? lines.asMultiPolyline() : QgsMultiPolylineXY{ lines.asPolyline() };
    for ( const QgsPolylineXY &part : parts )
      for ( int i = 0; i + 1 < part.size(); ++i )
      {
        const Segment s{ part[i].x(), part[i].y(), part[i + 1].x(), part[i + 1].y() };
        const int id = static_cast<int>( mSegments.size() );
        mSegments.push_back( s );
        for ( long long cx = cellOf( std::min( s.x0, s.x1 ) ); cx <= cellOf( std::max( s.x0, s.x1 ) ); ++cx )
          for ( long long cy = cellOf( std::min( s.y0, s.y1 ) ); cy <= cellOf( std::max( s.y0, s.y1 ) ); ++cy )
            mCells[key( cx, cy )].push_back( id );
      }
  }

  long long SegmentIndex::cellOf( double v ) const
  {
    return static_cast<long long>( std::floor( v / mCell ) );
  }

  int SegmentIndex::crossings( const QgsGeometry &line, double tolerance ) const
  {
    const QgsMultiPolylineXY parts = line.isMultipart() ? line.asMultiPolyline() : QgsMultiPolylineXY{ line.asPolyline() };
    std::set<std::pair<long long, long long>> points;
    for ( const QgsPolylineXY &part : parts )
      for ( int i = 0; i + 1 < part.size(); ++i )
      {
        const double ax = part[i].x(), ay = part[i].y(), bx = part[i + 1].x(), by = part[i + 1].y();
        std::set<int> seen;
        for ( long long cx = cellOf( std::min( ax, bx ) ); cx <= cellOf( std::max( ax, bx ) ); ++cx )
          for ( long long cy = cellOf( std::min( ay, by ) ); cy <= cellOf( std::max( ay, by ) ); ++cy )
          {
            const auto it = mCells.find( key( cx, cy ) );
            if ( it == mCells.end() )
              continue;
            for ( int id : it->second )
            {
              if ( !seen.insert( id ).second )
                continue;
              const Segment &s = mSegments[static_cast<size_t>( id )];
              const double rx = bx - ax, ry = by - ay, sx = s.x1 - s.x0, sy = s.y1 - s.y0;
              const double denom = rx * sy - ry * sx;
              const double qpx = s.x0 - ax, qpy = s.y0 - ay;
              double px, py;
              if ( denom == 0 )
              {
                // parallel: only a collinear overlap meets; it counts where it starts
                if ( qpx * ry - qpy * rx != 0 )
                  continue;
                const double len2 = rx * rx + ry * ry;
                if ( len2 == 0 )
                  continue;
                const double t0 = ( qpx * rx + qpy * ry ) / len2;
                const double t1 = t0 + ( sx * rx + sy * ry ) / len2;
                const double lo = std::max( 0.0, std::min( t0, t1 ) ), hi = std::min( 1.0, std::max( t0, t1 ) );
                if ( lo > hi )
                  continue;
                px = ax + lo * rx;
                py = ay + lo * ry;
              }
              else
              {
                const double t = ( qpx * sy - qpy * sx ) / denom;
                const double u = ( qpx * ry - qpy * rx ) / denom;
                if ( t < 0 || t > 1 || u < 0 || u > 1 )
                  continue;
                px = ax + t * rx;
                py = ay + t * ry;
              }
              points.insert( { std::llround( px / tolerance ), std::llround( py / tolerance ) } );
            }
          }
      }
    return static_cast<int>( points.size() );
  }
}
