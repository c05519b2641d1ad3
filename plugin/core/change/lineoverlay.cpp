// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/lineoverlay.h"
#include "change/overlayphases.h"
#include "change/parallel.h"
#include "change/phaseclock.h"
#include "error.h"

#include <qgsfeedback.h>

#include <atomic>
#include <cmath>

namespace limes
{
  LineOverlay::LineOverlay( double grid, double maxEndGap )
    : mGrid( grid )
    , mMaxEndGap( maxEndGap )
  {
    if ( !( grid > 0 ) )
      throw Error( QStringLiteral( "grid must be positive (got %1)" ).arg( grid ) );
  }

  Polyline LineOverlay::snapped( const Polyline &line, double grid )
  {
    Polyline out;
    out.origin = line.origin;
    out.xy.reserve( line.xy.size() );
    for ( size_t i = 0; i + 1 < line.xy.size(); i += 2 )
    {
      const double x = onGrid( line.xy[i], grid );
      const double y = onGrid( line.xy[i + 1], grid );
      if ( out.xy.size() >= 2 && out.xy[out.xy.size() - 2] == x && out.xy.back() == y )
        continue;
      out.xy.push_back( x );
      out.xy.push_back( y );
    }
    return out;
  }

  LineOverlayResult LineOverlay::run( std::vector<Polyline> oldParts, std::vector<Polyline> newParts, QgsFeedback *feedback ) const
  {
    change::PhaseClock clock( "limes timing:   overlay ", 20 );
    oldParts = overlay::snapParts( oldParts, mGrid, "old" );
    newParts = overlay::snapParts( newParts, mGrid, "new" );
    clock.phase( "snap" );

    // the chain old - new: connectors first, then the segments that differ
    LineOverlayResult result;
    overlay::Pairing pairing = overlay::pairParts( oldParts, newParts, mMaxEndGap );
    result.connectors = std::move( pairing.connectors );
    std::vector<Segment> chain = std::move( pairing.chain );
    const overlay::Unshared unshared = overlay::cancelShared( oldParts, newParts, mGrid );
    chain.insert( chain.end(), unshared.chain.begin(), unshared.chain.end() );
    result.sharedSegments = unshared.shared;
    clock.phase( "cancel shared segments" );
    result.chainSegments = static_cast<long long>( chain.size() );
    if ( chain.empty() || ( feedback && feedback->isCanceled() ) )
      return result;

    // node and classify the disputed windows on every core: windows are independent, and
    // their faces are gathered in window order so that the result does not depend on timing
    const std::vector<std::vector<Segment>> windows = overlay::clusterWindows( chain, mGrid );
    clock.phase( "clusters" );
    std::vector<std::vector<OverlayFace>> perWindow( windows.size() );
    std::atomic<size_t> done { 0 };
    change::inParallel( windows.size(), [&]( size_t first, size_t step ) {
      const geos::Context ctx;
      for ( size_t i = first; i < windows.size(); i += step )
      {
        if ( feedback && feedback->isCanceled() )
          return;
        perWindow[i] = overlay::windowFaces( ctx, windows[i], mGrid );
        const size_t finished = ++done;
        if ( feedback && first == 0 )
          feedback->setProgress( 100.0 * static_cast<double>( finished ) / windows.size() );
      }
    } );
    for ( std::vector<OverlayFace> &faces : perWindow )
      for ( OverlayFace &face : faces )
        result.faces.push_back( std::move( face ) );
    clock.phase( "node, polygonize, wind" );
    return result;
  }
}
