// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_SEGMENTS_H
#define LIMES_CHANGE_SEGMENTS_H

#include "change/changeresult.h"
#include "change/reading.h"

#include <QString>

#include <utility>
#include <vector>

#include <qgsgeometry.h>
#include <qgsspatialindex.h>

class QgsFeedback;

// Stage "segments": which of the commission's segments each transfer belongs to.
namespace limes::change
{
  //! The segments in the working CRS, indexed. Without segments every piece stays unassigned.
  class SegmentLookup
  {
    public:
      void add( const QString &code, const QgsGeometry &geometry );
      bool isEmpty() const { return mSegments.empty(); }

      /**
       * The segment that runs longest along the piece's edge, else the nearest one; lengths
       * and distances within `grid` of each other are ties, which go to the segment added
       * first (the segments layer's order), so the answer does not depend on the input's CRS.
       * A piece is never split between segments.
       */
      QString segmentFor( const QgsGeometry &piece, double grid ) const;

    private:
      std::vector<std::pair<QString, QgsGeometry>> mSegments;
      QgsSpatialIndex mIndex;
  };

  //! Reads the segments (if given) with their codes from `codeField`.
  SegmentLookup readSegments( const InputLayer &segments, const QString &codeField, const WorkingFrame &frame );

  //! Names each transfer's segment, on every core. Stops early (unfinished) once cancelled.
  void assignSegments( std::vector<Transfer> &transfers, const SegmentLookup &segments, double grid, QgsFeedback *feedback );
}

#endif
