// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/measure.h"
#include "change/parallel.h"
#include "geometry/geos.h"

#include <qgsfeedback.h>

#include <algorithm>
#include <future>
#include <thread>
#include <tuple>

namespace limes::change
{
  namespace
  {
    //! A piece's area and perimeter on the ellipsoid.
    void measureArea( const Piece &p, const EllipsoidMeasure &measure, Transfer &t )
    {
      t.from = p.from;
      t.to = p.to;
      t.geometry = p.geometry;
      const AreaAndPerimeter measures = measure.areaAndPerimeter( p.geometry );
      t.areaM2 = measures.areaM2;
      t.perimeterM = measures.perimeterM;
    }

    //! A geometry's width: the diameter of its largest inscribed circle.
    double widthOf( const QgsGeometry &geometry, const geos::Context &ctx, double grid )
    {
      const geos::GeomPtr g = ctx.fromQgs( geometry );
      // width to 0.5 % (2 area / perimeter estimates it for long thin pieces), never coarser
      // than 1 m: a finer search costs much and says nothing more
      const double estimate = 2 * geometry.area() / std::max( geometry.length(), 1e-9 );
      return ctx.maximumInscribedDiameter( g.get(), std::clamp( estimate / 200.0, grid, 1.0 ) );
    }
  }

  std::vector<Transfer> measurePieces( const std::vector<Piece> &pieces, const Ellipsoid &ellipsoid, double grid, QgsFeedback *feedback )
  {
    std::vector<Transfer> measured( pieces.size() );
    int vertices = 0;
    for ( const Piece &p : pieces )
      vertices += p.geometry.constGet() ? p.geometry.constGet()->nCoordinates() : 0;
    if ( pieces.size() < 16 && vertices >= 2000 && std::thread::hardware_concurrency() > 1 )
    {
      // too few pieces to share out (an edit's sliver of ten thousand vertices), but each
      // large: the widths on a second core while this one measures the areas. The threads
      // write different fields of a transfer and only read the (const) pieces
      std::future<void> widths = std::async( std::launch::async, [&]() {
        const geos::Context workerGeos;
        for ( size_t i = 0; i < pieces.size(); ++i )
        {
          if ( feedback && feedback->isCanceled() )
            return;
          // a deep copy of its own: QgsGeometry::area() writes the geometry's last error, a
          // geometry caches its box, and this thread measures the same piece's area meanwhile
          const QgsGeometry own( pieces[i].geometry.constGet() ? pieces[i].geometry.constGet()->clone() : nullptr );
          measured[i].maxWidthM = widthOf( own, workerGeos, grid );
        }
      } );
      const EllipsoidMeasure measure( ellipsoid );
      for ( size_t i = 0; i < pieces.size() && !( feedback && feedback->isCanceled() ); ++i )
        measureArea( pieces[i], measure, measured[i] );
      widths.get();
      return measured;
    }
    inParallel( pieces.size(), [&]( size_t first, size_t step ) {
      const geos::Context workerGeos;
      const EllipsoidMeasure workerMeasure( ellipsoid );
      for ( size_t i = first; i < pieces.size(); i += step )
      {
        if ( feedback && feedback->isCanceled() )
          return;
        measureArea( pieces[i], workerMeasure, measured[i] );
        measured[i].maxWidthM = widthOf( pieces[i].geometry, workerGeos, grid );
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
