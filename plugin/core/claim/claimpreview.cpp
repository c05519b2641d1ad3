// SPDX-License-Identifier: GPL-2.0-or-later
#include "claim/claimpreview.h"
#include "change/incremental.h"
#include "error.h"

#include <QSet>

#include <qgsexception.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace limes::claim
{
  ClaimPreview::ClaimPreview( const ChangeRequest &request, QgsFeedback *feedback )
    : mIncremental( std::make_unique<change::IncrementalChange>( request, feedback ) )
    , mGridM( request.gridM )
  {
    mWorkingCrs = mIncremental->result().workingCrs;
    mToWorking = QgsCoordinateTransform( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), mWorkingCrs, request.transformContext );
    if ( mIncremental->oldParts().empty() )
      throw Error( QStringLiteral( "the reference has no line to draw against" ) );
    setStretch( 0, 0, mIncremental->oldParts()[0].size() - 1 );
  }

  ClaimPreview::~ClaimPreview() = default;

  const std::vector<double> &ClaimPreview::referencePart() const
  {
    return mIncremental->oldParts()[mPart].xy;
  }

  void ClaimPreview::setStretch( size_t part, size_t first, size_t last )
  {
    const size_t n = mIncremental->oldParts().at( part ).size();
    if ( first >= last || last >= n )
      throw Error( QStringLiteral( "stretch %1..%2 is not within the reference's %3 vertices" ).arg( first ).arg( last ).arg( n ) );
    if ( mK >= static_cast<long long>( mFirst ) )
      setWorkingLine( {} ); // back to the reference where the previous stretch was drawn
    mPart = part;
    mFirst = first;
    mLast = last;
    mK = static_cast<long long>( first ) - 1;
  }

  bool ClaimPreview::setLine( const QgsPolylineXY &wgs84, QString *error )
  {
    std::vector<double> xy;
    xy.reserve( 2 * static_cast<size_t>( wgs84.size() ) );
    try
    {
      for ( const QgsPointXY &p : wgs84 )
      {
        const QgsPointXY w = mToWorking.transform( p );
        xy.push_back( w.x() );
        xy.push_back( w.y() );
      }
    }
    catch ( const QgsCsException &e )
    {
      if ( error )
        *error = e.what();
      return false;
    }
    return setWorkingLine( xy, error );
  }

  bool ClaimPreview::setWorkingLine( const std::vector<double> &xy, QString *error )
  {
    const std::vector<double> &ref = referencePart();
    const long long n = static_cast<long long>( ref.size() / 2 );
    // the reference vertex after which it runs on: the start of the stretch's edge nearest the last vertex drawn
    long long k = static_cast<long long>( mFirst ) - 1;
    if ( !xy.empty() )
    {
      const double px = xy[xy.size() - 2], py = xy[xy.size() - 1];
      double best = std::numeric_limits<double>::max();
      for ( size_t j = mFirst; j < mLast; ++j )
      {
        const double ax = ref[2 * j], ay = ref[2 * j + 1], bx = ref[2 * j + 2], by = ref[2 * j + 3];
        const double dx = bx - ax, dy = by - ay;
        const double len2 = dx * dx + dy * dy;
        const double t = len2 > 0 ? std::clamp( ( ( px - ax ) * dx + ( py - ay ) * dy ) / len2, 0.0, 1.0 ) : 0.0;
        const double d = std::hypot( ax + t * dx - px, ay + t * dy - py );
        if ( d < best )
        {
          best = d;
          k = static_cast<long long>( j );
        }
      }
      // on the vertex ending that edge: the reference runs on after it
      if ( std::hypot( ref[2 * k + 2] - px, ref[2 * k + 3] - py ) <= mGridM )
        ++k;
    }
    const long long K = std::max( k, mK );
    const long long m = static_cast<long long>( mIncremental->newParts()[mPart].size() );
    const long long tail = n - 1 - K; // reference[K+1..] ends the new part, untouched
    const long long first = static_cast<long long>( mFirst );
    const long long last = m - tail - 1;
    std::vector<double> replacement = xy;
    replacement.insert( replacement.end(), ref.begin() + 2 * ( k + 1 ), ref.begin() + 2 * ( K + 1 ) );
    try
    {
      mLastWindows = mIncremental->replaceNewStretch( mPart, static_cast<size_t>( first ), static_cast<size_t>( last ), replacement );
    }
    catch ( const Error &e )
    {
      if ( error )
        *error = e.message();
      return false;
    }
    mK = k;
    return true;
  }

  ChangeResult ClaimPreview::result() const
  {
    return mIncremental->result();
  }

  ChangeTotals totals( const ChangeResult &result )
  {
    ChangeTotals t;
    for ( const Transfer &x : result.transfers )
    {
      t.transferM2[qMakePair( x.from, x.to )] += x.areaM2;
      t.netM2[x.from] -= x.areaM2;
      t.netM2[x.to] += x.areaM2;
    }
    QMap<QString, QSet<QgsFeatureId>> features;
    for ( const ResourceChange &r : result.resourceChanges )
    {
      features[r.layer].insert( r.fid );
      t.resourceLengthM[r.layer] += r.lengthM;
      t.resourceAreaM2[r.layer] += r.areaM2;
    }
    for ( auto it = features.cbegin(); it != features.cend(); ++it )
      t.resourceFeatures[it.key()] = it.value().size();
    return t;
  }
}
