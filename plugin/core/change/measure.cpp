// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/measure.h"
#include "change/parallel.h"
#include "geometry/geos.h"

#include <qgsfeedback.h>

#include <algorithm>
#include <tuple>

namespace limes::change
{
  std::vector<Transfer> measurePieces( const std::vector<Piece> &pieces, const Ellipsoid &ellipsoid, double grid, QgsFeedback *feedback )
  {
    std::vector<Transfer> measured( pieces.size() );
    inParallel( pieces.size(), [&]( size_t first, size_t step ) {
      const geos::Context workerGeos;
      const EllipsoidMeasure workerMeasure( ellipsoid );
      for ( size_t i = first; i < pieces.size(); i += step )
      {
        if ( feedback && feedback->isCanceled() )
          return;
        const Piece &p = pieces[i];
        Transfer &t = measured[i];
        t.from = p.from;
        t.to = p.to;
        t.geometry = p.geometry;
        const AreaAndPerimeter measures = workerMeasure.areaAndPerimeter( p.geometry );
        t.areaM2 = measures.areaM2;
        t.perimeterM = measures.perimeterM;
        const geos::GeomPtr g = workerGeos.fromQgs( p.geometry );
        // width to 0.5 % (2 area / perimeter estimates it for long thin pieces), never coarser
        // than 1 m: a finer search costs much and says nothing more
        const double estimate = 2 * p.geometry.area() / std::max( p.geometry.length(), 1e-9 );
        t.maxWidthM = workerGeos.maximumInscribedDiameter( g.get(), std::clamp( estimate / 200.0, grid, 1.0 ) );
      }
    } );
    return measured;
  }

  void separateNoise( std::vector<Transfer> measured, double minAreaM2, std::vector<Transfer> &transfers, std::vector<Transfer> &noise )
  {
    for ( Transfer &t : measured )
      ( t.areaM2 < minAreaM2 ? noise : transfers ).push_back( std::move( t ) );
    auto order = []( const Transfer &a, const Transfer &b ) {
      const QgsPointXY ca = a.geometry.boundingBox().center(), cb = b.geometry.boundingBox().center();
      return std::make_tuple( a.from, a.to, a.segment, ca.x(), ca.y(), a.areaM2 ) < std::make_tuple( b.from, b.to, b.segment, cb.x(), cb.y(), b.areaM2 );
    };
    std::sort( transfers.begin(), transfers.end(), order );
    std::sort( noise.begin(), noise.end(), order );
  }
}
