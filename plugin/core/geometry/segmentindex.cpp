// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/segmentindex.h"

#include <qgsgeometry.h>
#include <qgslinestring.h>

#include <set>

namespace limes
{
  namespace
  {
    std::uint64_t mix( std::uint64_t k )
    {
      // splitmix64's finaliser: neighbouring cells spread over the table
      k ^= k >> 30;
      k *= 0xbf58476d1ce4e5b9ULL;
      k ^= k >> 27;
      k *= 0x94d049bb133111ebULL;
      return k ^ ( k >> 31 );
    }
  }

  SegmentIndex::SegmentIndex( std::vector<Segment> segments, double cell )
    : mSegments( std::move( segments ) )
  {
    if ( mSegments.empty() )
      return;
    double xmin = mSegments[0].x0, ymin = mSegments[0].y0, xmax = xmin, ymax = ymin, length = 0;
    for ( const Segment &s : mSegments )
    {
      xmin = std::min( { xmin, s.x0, s.x1 } );
      xmax = std::max( { xmax, s.x0, s.x1 } );
      ymin = std::min( { ymin, s.y0, s.y1 } );
      ymax = std::max( { ymax, s.y0, s.y1 } );
      length += std::hypot( s.x1 - s.x0, s.y1 - s.y0 );
    }
    mOriginX = xmin;
    mOriginY = ymin;
    const double extent = std::max( xmax - xmin, ymax - ymin );
    if ( !( cell > 0 ) )
      cell = 4 * length / static_cast<double>( mSegments.size() );
    // cell numbers within 32 bits, and never a cell of zero
    mCell = std::max( { cell, extent / 1e9, 1e-9 } );

    // two passes over the cells each segment passes through: count, then fill
    const double pad = mCell * 1e-6; // a segment through a cell corner is found from either side
    // consecutive segments of a line mostly share their cells: the last cell's slot is kept
    // (until the table grows) instead of hashing again
    mSlots.assign( 64, Slot() );
    std::uint64_t lastKey = EMPTY;
    Slot *lastSlot = nullptr;
    const Slot *lastTable = nullptr;
    for ( const Segment &s : mSegments )
      forEachCell( s.x0, s.y0, s.x1, s.y1, pad, [&]( long long cx, long long cy ) {
        const std::uint64_t k = key( cx, cy );
        if ( k != lastKey || lastTable != mSlots.data() )
        {
          lastSlot = &findOrInsert( k );
          lastKey = k;
          lastTable = mSlots.data();
        }
        ++lastSlot->count;
      } );
    std::uint32_t total = 0;
    for ( Slot &slot : mSlots )
      if ( slot.key != EMPTY )
      {
        slot.first = total;
        total += slot.count;
        slot.count = 0;
      }
    mIds.resize( total );
    lastKey = EMPTY;
    for ( size_t id = 0; id < mSegments.size(); ++id )
    {
      const Segment &s = mSegments[id];
      forEachCell( s.x0, s.y0, s.x1, s.y1, pad, [&]( long long cx, long long cy ) {
        const std::uint64_t k = key( cx, cy );
        if ( k != lastKey )
        {
          lastSlot = const_cast<Slot *>( find( k ) );
          lastKey = k;
        }
        mIds[lastSlot->first + lastSlot->count++] = static_cast<std::uint32_t>( id );
      } );
    }
  }

  SegmentIndex SegmentIndex::fromLines( const QgsGeometry &lines, double cell )
  {
    // straight from each part's coordinate arrays (no QgsPointXY per vertex)
    std::vector<Segment> segments;
    std::vector<const QgsLineString *> parts;
    for ( auto part = lines.const_parts_begin(); part != lines.const_parts_end(); ++part )
    {
      const QgsLineString *line = qgsgeometry_cast<const QgsLineString *>( *part );
      if ( !line )
      {
        // curves: their segments as QGIS approximates them
        const QgsMultiPolylineXY approximated = lines.isMultipart() ? lines.asMultiPolyline() : QgsMultiPolylineXY{ lines.asPolyline() };
        for ( const QgsPolylineXY &polyline : approximated )
          for ( int i = 0; i + 1 < polyline.size(); ++i )
            segments.push_back( { polyline[i].x(), polyline[i].y(), polyline[i + 1].x(), polyline[i + 1].y() } );
        return SegmentIndex( std::move( segments ), cell );
      }
      parts.push_back( line );
    }
    size_t total = 0;
    for ( const QgsLineString *line : parts )
      total += static_cast<size_t>( std::max( 0, line->numPoints() - 1 ) );
    segments.reserve( total );
    for ( const QgsLineString *line : parts )
    {
      const double *x = line->xData(), *y = line->yData();
      for ( int i = 0; i + 1 < line->numPoints(); ++i )
        segments.push_back( { x[i], y[i], x[i + 1], y[i + 1] } );
    }
    return SegmentIndex( std::move( segments ), cell );
  }

  const SegmentIndex::Slot *SegmentIndex::find( std::uint64_t k ) const
  {
    if ( k == EMPTY )
      return nullptr;
    const size_t mask = mSlots.size() - 1;
    for ( size_t i = mix( k ) & mask;; i = ( i + 1 ) & mask )
    {
      const Slot &s = mSlots[i];
      if ( s.key == k )
        return &s;
      if ( s.key == EMPTY )
        return nullptr;
    }
  }

  SegmentIndex::Slot &SegmentIndex::findOrInsert( std::uint64_t k )
  {
    Q_ASSERT( k != EMPTY ); // key() keeps every cell within 1e9 of the data off it
    if ( 2 * ( mUsed + 1 ) > mSlots.size() )
      grow();
    const size_t mask = mSlots.size() - 1;
    for ( size_t i = mix( k ) & mask;; i = ( i + 1 ) & mask )
    {
      Slot &s = mSlots[i];
      if ( s.key == k )
        return s;
      if ( s.key == EMPTY )
      {
        s.key = k;
        ++mUsed;
        return s;
      }
    }
  }

  void SegmentIndex::grow()
  {
    std::vector<Slot> old( mSlots.size() * 2 );
    old.swap( mSlots );
    const size_t mask = mSlots.size() - 1;
    for ( const Slot &s : old )
      if ( s.key != EMPTY )
      {
        size_t i = mix( s.key ) & mask;
        while ( mSlots[i].key != EMPTY )
          i = ( i + 1 ) & mask;
        mSlots[i] = s;
      }
  }

  size_t SegmentIndex::memoryUsed() const
  {
    return mSegments.capacity() * sizeof( Segment ) + mSlots.capacity() * sizeof( Slot ) + mIds.capacity() * sizeof( std::uint32_t );
  }

  int SegmentIndex::crossings( const QgsGeometry &line, double tolerance ) const
  {
    const QgsMultiPolylineXY parts = line.isMultipart() ? line.asMultiPolyline() : QgsMultiPolylineXY{ line.asPolyline() };
    std::set<std::pair<long long, long long>> points;
    for ( const QgsPolylineXY &part : parts )
      for ( int i = 0; i + 1 < part.size(); ++i )
      {
        const double ax = part[i].x(), ay = part[i].y(), bx = part[i + 1].x(), by = part[i + 1].y();
        along( ax, ay, bx, by, 0, [&]( size_t id ) {
          const Segment &s = mSegments[id];
          const double rx = bx - ax, ry = by - ay, sx = s.x1 - s.x0, sy = s.y1 - s.y0;
          const double denom = rx * sy - ry * sx;
          const double qpx = s.x0 - ax, qpy = s.y0 - ay;
          double px, py;
          if ( denom == 0 )
          {
            // parallel: only a collinear overlap meets; it counts where it starts
            if ( qpx * ry - qpy * rx != 0 )
              return;
            const double len2 = rx * rx + ry * ry;
            if ( len2 == 0 )
              return;
            const double t0 = ( qpx * rx + qpy * ry ) / len2;
            const double t1 = t0 + ( sx * rx + sy * ry ) / len2;
            const double lo = std::max( 0.0, std::min( t0, t1 ) ), hi = std::min( 1.0, std::max( t0, t1 ) );
            if ( lo > hi )
              return;
            px = ax + lo * rx;
            py = ay + lo * ry;
          }
          else
          {
            const double t = ( qpx * sy - qpy * sx ) / denom;
            const double u = ( qpx * ry - qpy * rx ) / denom;
            if ( t < 0 || t > 1 || u < 0 || u > 1 )
              return;
            px = ax + t * rx;
            py = ay + t * ry;
          }
          points.insert( { std::llround( px / tolerance ), std::llround( py / tolerance ) } );
        } );
      }
    return static_cast<int>( points.size() );
  }
}
