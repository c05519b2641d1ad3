// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/crossings.h"

#include <algorithm>
#include <future>

namespace limes::change
{
  namespace
  {
    double cellFor( double grid )
    {
      return std::max( 100.0, 50 * grid );
    }
  }

  CrossingCounter::CrossingCounter( const QgsGeometry &oldBoundary, const QgsGeometry &newBoundary, double grid )
    : mSameCrossing( std::max( 10 * grid, 0.01 ) )
  {
    // the two boundaries indexed on two cores (10M vertices each: a second apiece)
    std::future<SegmentIndex> old = std::async( std::launch::async, [&oldBoundary, grid] { return SegmentIndex::fromLines( oldBoundary, cellFor( grid ) ); } );
    mNew = SegmentIndex::fromLines( newBoundary, cellFor( grid ) );
    mOld = old.get();
  }

  std::optional<CrossingChange> CrossingCounter::change( const QString &layer, QgsFeatureId fid, const QgsGeometry &line ) const
  {
    const int before = mOld.crossings( line, mSameCrossing );
    const int after = mNew.crossings( line, mSameCrossing );
    if ( before == after )
      return std::nullopt;
    return CrossingChange{ layer, fid, before, after };
  }
}
