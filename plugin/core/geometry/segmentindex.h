// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SEGMENTINDEX_H
#define LIMES_SEGMENTINDEX_H

#include <unordered_map>
#include <vector>

#include <qgsgeometry.h>

namespace limes
{
  /**
   * The segments of a (very long) boundary in a uniform grid, so that a short resource line
   * is tested against the few segments near it instead of the whole border: what keeps
   * crossing counts linear in the number of resources.
   */
  class SegmentIndex
  {
    public:
      //! Every segment of every line part of `lines`, indexed in cells of about `cell` units.
      SegmentIndex( const QgsGeometry &lines, double cell );

      /**
       * Places where `line` meets the indexed segments, counted once each (within `tolerance`);
       * a stretch where they run together counts once.
       */
      int crossings( const QgsGeometry &line, double tolerance ) const;

    private:
      struct Segment
      {
        double x0, y0, x1, y1;
      };
      long long cellOf( double v ) const;
      static long long key( long long cx, long long cy ) { return cx * 73856093LL ^ cy * 19349663LL; }

      std::vector<Segment> mSegments;
      std::unordered_map<long long, std::vector<int>> mCells;
      double mCell;
  };
}

#endif
