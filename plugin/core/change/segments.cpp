// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/segments.h"
#include "change/parallel.h"
#include "error.h"

#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturesource.h>
#include <qgsfeedback.h>

#include <algorithm>

namespace limes::change
{
  void SegmentLookup::add( const QString &code, const QgsGeometry &geometry )
  {
    QgsFeature indexed( static_cast<QgsFeatureId>( mSegments.size() ) );
    indexed.setGeometry( geometry );
    mIndex.addFeature( indexed );
    mSegments.emplace_back( code, geometry );
  }

  QString SegmentLookup::segmentFor( const QgsGeometry &piece, double grid ) const
  {
    if ( mSegments.empty() )
      return QString();
    /*
     * The piece belongs to the segment it shares the longest stretch of boundary with; ties
     * go to the earlier segment. Lengths closer than the grid are ties: the same stretch read
     * in another CRS differs in the last digits, and must not change hands with them.
     */
    const QgsGeometry edge = piece.buffer( std::max( 10 * grid, 0.05 ), 2 );
    QList<QgsFeatureId> candidates = mIndex.intersects( edge.boundingBox() );
    std::sort( candidates.begin(), candidates.end() ); // segment order: the index's own is not
    int best = -1;
    double bestLength = 0;
    for ( QgsFeatureId id : candidates )
    {
      const double length = mSegments[static_cast<size_t>( id )].second.intersection( edge ).length();
      if ( length > bestLength + grid )
      {
        bestLength = length;
        best = static_cast<int>( id );
      }
    }
    if ( best >= 0 )
      return mSegments[static_cast<size_t>( best )].first;
    // along none: the nearest, ties again to the earlier segment
    double bestDistance = 0;
    for ( size_t i = 0; i < mSegments.size(); ++i )
    {
      const double d = mSegments[i].second.distance( piece );
      if ( best < 0 || d < bestDistance - grid )
      {
        best = static_cast<int>( i );
        bestDistance = d;
      }
    }
    return mSegments[static_cast<size_t>( best )].first;
  }

  SegmentLookup readSegments( const InputLayer &segments, const QString &codeField, const WorkingFrame &frame )
  {
    SegmentLookup lookup;
    if ( !segments.source )
      return lookup;
    const int field = segments.source->fields().lookupField( codeField );
    if ( field < 0 )
      throw Error( QStringLiteral( "no field '%1' with the segment code (fields: %2)" ).arg( codeField, segments.source->fields().names().join( QLatin1String( ", " ) ) ), describe( segments, "segments" ) );
    QgsFeatureIterator it = segments.source->getFeatures( frame.request().addOrderBy( QStringLiteral( "$id" ) ) );
    QgsFeature f;
    while ( nextFeature( it, f, segments, "segments" ) )
    {
      if ( f.geometry().isNull() || f.geometry().isEmpty() )
        throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), describe( segments, "segments" ) );
      const QString code = f.attribute( field ).toString();
      if ( code.isEmpty() )
        throw Error( QStringLiteral( "feature %1 has no segment code" ).arg( f.id() ), describe( segments, "segments" ) );
      lookup.add( code, f.geometry() );
    }
    return lookup;
  }

  void assignSegments( std::vector<Transfer> &transfers, const SegmentLookup &segments, double grid, QgsFeedback *feedback )
  {
    if ( segments.isEmpty() )
      return;
    inParallel( transfers.size(), [&]( size_t first, size_t step ) {
      for ( size_t i = first; i < transfers.size(); i += step )
      {
        if ( feedback && feedback->isCanceled() )
          return;
        transfers[i].segment = segments.segmentFor( transfers[i].geometry, grid );
      }
    } );
  }
}
