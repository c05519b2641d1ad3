// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SEGMENTINDEX_H
#define LIMES_SEGMENTINDEX_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

class QgsGeometry;

namespace limes
{
  /**
   * The one spatial index of segments in Limes (overlay, winding numbers, crossings, line
   * reference, pillars): a uniform grid where each segment is stored in the cells it passes
   * through, not in every cell of its bounding box. A 50 km straight segment among 1 m ones
   * costs its length in cells, not its box's area, so the cost and memory of building and
   * querying stay proportional to the number of segments plus the line's length in cells.
   *
   * Cells live in one flat array (compressed rows) behind an open-addressing table: two
   * allocations whatever the number of segments. Immutable once built, so queries may run
   * on several threads at once.
   */
  class SegmentIndex
  {
    public:
      struct Segment
      {
        double x0, y0, x1, y1;
      };

      SegmentIndex() = default;

      /**
       * Indexes `segments` (points are segments of length 0) in cells of `cell` units; with
       * `cell` <= 0, about four mean segment lengths (few candidates per query).
       */
      explicit SegmentIndex( std::vector<Segment> segments, double cell = 0 );

      //! Every segment of every line part of `lines`.
      static SegmentIndex fromLines( const QgsGeometry &lines, double cell );

      size_t size() const { return mSegments.size(); }
      const Segment &segment( size_t id ) const { return mSegments[id]; }
      double cell() const { return mCell; }

      /**
       * Visits (id) each segment stored in a cell within `radius` of the segment a..b, once:
       * a superset of the segments within `radius` of it, which the caller tests exactly.
       * Walks only the cells along a..b.
       */
      template<typename F> void along( double ax, double ay, double bx, double by, double radius, F &&visit ) const;

      //! along() for a point.
      template<typename F> void near( double x, double y, double radius, F &&visit ) const { along( x, y, x, y, radius, visit ); }

      /**
       * Places where `line` meets the indexed segments, counted once each (within `tolerance`);
       * a stretch where they run together counts once.
       */
      int crossings( const QgsGeometry &line, double tolerance ) const;

      //! Bytes held, for the benchmarks.
      size_t memoryUsed() const;

    private:
      struct Slot
      {
        std::uint64_t key = EMPTY;
        std::uint32_t first = 0;
        std::uint32_t count = 0;
      };
      static constexpr std::uint64_t EMPTY = ~std::uint64_t( 0 );

      long long cellOf( double v, double origin ) const { return static_cast<long long>( std::floor( ( v - origin ) / mCell ) ); }
      /**
       * Cells are numbered from the data's lower-left corner, so the cells a search's radius
       * reaches beyond it are -1: offset so that no cell's key is EMPTY (cell (-1, -1) was, and
       * a segment from the lower-left corner then overwrote another cell's list).
       */
      static std::uint64_t key( long long cx, long long cy )
      {
        return ( static_cast<std::uint64_t>( static_cast<std::uint32_t>( cx + 0x40000000 ) ) << 32 ) | static_cast<std::uint32_t>( cy + 0x40000000 );
      }
      //! Calls f(cx, cy) for each cell within `radius` of a..b: per column, the rows the segment spans there.
      template<typename F> void forEachCell( double ax, double ay, double bx, double by, double radius, F &&f ) const;
      const Slot *find( std::uint64_t k ) const;
      Slot &findOrInsert( std::uint64_t k );
      void grow();

      std::vector<Segment> mSegments;
      std::vector<Slot> mSlots;            //!< power-of-two open-addressing table of the occupied cells
      size_t mUsed = 0;
      std::vector<std::uint32_t> mIds;     //!< the segments of each cell, cell after cell
      double mCell = 1;
      double mOriginX = 0, mOriginY = 0;   //!< keeps cell numbers within 32 bits
  };

  template<typename F> void SegmentIndex::forEachCell( double ax, double ay, double bx, double by, double radius, F &&f ) const
  {
    if ( ax > bx )
    {
      std::swap( ax, bx );
      std::swap( ay, by );
    }
    const long long c0 = cellOf( ax - radius, mOriginX ), c1 = cellOf( bx + radius, mOriginX );
    const double dx = bx - ax, dy = by - ay;
    for ( long long cx = c0; cx <= c1; ++cx )
    {
      // the part of the segment whose points lie within `radius` of this column, in x
      const double x0 = std::max( ax, mOriginX + static_cast<double>( cx ) * mCell - radius );
      const double x1 = std::min( bx, mOriginX + static_cast<double>( cx + 1 ) * mCell + radius );
      double y0 = ay, y1 = by;
      if ( dx > 0 )
      {
        y0 = ay + ( x0 - ax ) * dy / dx;
        y1 = ay + ( x1 - ax ) * dy / dx;
      }
      if ( y0 > y1 )
        std::swap( y0, y1 );
      for ( long long cy = cellOf( y0 - radius, mOriginY ), cy1 = cellOf( y1 + radius, mOriginY ); cy <= cy1; ++cy )
        f( cx, cy );
    }
  }

  template<typename F> void SegmentIndex::along( double ax, double ay, double bx, double by, double radius, F &&visit ) const
  {
    if ( mSlots.empty() )
      return;
    // a segment is stored once per cell, but may be in several of the cells walked
    std::vector<std::uint32_t> found;
    int cells = 0;
    forEachCell( ax, ay, bx, by, radius, [&]( long long cx, long long cy ) {
      if ( const Slot *s = find( key( cx, cy ) ) )
      {
        ++cells;
        found.insert( found.end(), mIds.begin() + s->first, mIds.begin() + s->first + s->count );
      }
    } );
    if ( cells > 1 )
    {
      std::sort( found.begin(), found.end() );
      found.erase( std::unique( found.begin(), found.end() ), found.end() );
    }
    for ( std::uint32_t id : found )
      visit( static_cast<size_t>( id ) );
  }
}

#endif
