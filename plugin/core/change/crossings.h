// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_CROSSINGS_H
#define LIMES_CHANGE_CROSSINGS_H

#include "change/changeresult.h"
#include "geometry/segmentindex.h"

#include <optional>

// Stage "crossings": line resources the boundary crosses a different number of times.
namespace limes::change
{
  class CrossingCounter
  {
    public:
      //! Indexes both boundaries once: each line is then tested against the segments near it.
      CrossingCounter( const QgsGeometry &oldBoundary, const QgsGeometry &newBoundary, double grid );

      //! How often each version crosses the line, where the counts differ.
      std::optional<CrossingChange> change( const QString &layer, QgsFeatureId fid, const QgsGeometry &line ) const;

    private:
      SegmentIndex mOld;
      SegmentIndex mNew;
      double mSameCrossing; //!< crossings closer than this are one
  };
}

#endif
