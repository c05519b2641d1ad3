// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/overlayphases.h"
#include "error.h"
#include "geometry/segmentindex.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <map>
#include <tuple>

namespace limes::overlay
{
  namespace
  {
    //! The shared index over weighted segments (weights kept aside).
    SegmentIndex indexOf( const std::vector<Segment> &segments, double cell )
    {
      std::vector<SegmentIndex::Segment> plain;
      plain.reserve( segments.size() );
      for ( const Segment &s : segments )
        plain.push_back( { s.x0, s.y0, s.x1, s.y1 } );
      return SegmentIndex( std::move( plain ), cell );
    }

    double pointSegmentDistance( double px, double py, const Segment &s )
    {
      const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
      const double len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? ( ( px - s.x0 ) * dx + ( py - s.y0 ) * dy ) / len2 : 0;
      t = std::clamp( t, 0.0, 1.0 );
      return std::hypot( px - ( s.x0 + t * dx ), py - ( s.y0 + t * dy ) );
    }

    /**
     * Winding number of the weighted chain around a point, by a ray to the nearest side of
     * the chain's box: the ray walks only the index cells it crosses, however long the
     * window or its segments. For a few points the index costs more than it saves (an edit's
     * sliver: one face, ten thousand segments), so without one every segment is tested:
     * the same test on a superset of the same candidates, so the same number.
     */
    class WindingIndex
    {
      public:
        WindingIndex( std::vector<Segment> segments, double cell, bool indexed )
          : mSegments( std::move( segments ) )
          , mIndex( indexed ? indexOf( mSegments, cell ) : SegmentIndex() )
          , mIndexed( indexed )
        {
          for ( const Segment &s : mSegments )
          {
            mXmin = std::min( { mXmin, s.x0, s.x1 } );
            mXmax = std::max( { mXmax, s.x0, s.x1 } );
            mYmin = std::min( { mYmin, s.y0, s.y1 } );
            mYmax = std::max( { mYmax, s.y0, s.y1 } );
          }
        }

        int winding( double px, double py ) const
        {
          // turned by a multiple of 90 degrees (exact in floating point) so that the ray runs to +x
          const double toEast = mXmax - px, toWest = px - mXmin, toNorth = mYmax - py, toSouth = py - mYmin;
          const double shortest = std::min( { toEast, toWest, toNorth, toSouth } );
          const int turn = shortest == toEast ? 0 : shortest == toNorth ? 1 : shortest == toWest ? 2 : 3;
          const double reach = shortest + mIndex.cell();
          const double ex = turn == 0 ? px + reach : turn == 2 ? px - reach : px;
          const double ey = turn == 1 ? py + reach : turn == 3 ? py - reach : py;
          double qx = px, qy = py;
          rotate( turn, qx, qy );
          int w = 0;
          auto visit = [&]( size_t i ) {
            Segment s = mSegments[i];
            rotate( turn, s.x0, s.y0 );
            rotate( turn, s.x1, s.y1 );
            const double side = ( s.x1 - s.x0 ) * ( qy - s.y0 ) - ( qx - s.x0 ) * ( s.y1 - s.y0 );
            if ( s.y0 <= qy && s.y1 > qy && side > 0 )
              w += s.weight;
            else if ( s.y1 <= qy && s.y0 > qy && side < 0 )
              w -= s.weight;
          };
          if ( mIndexed )
            mIndex.along( px, py, ex, ey, 0, visit );
          else
            for ( size_t i = 0; i < mSegments.size(); ++i )
              visit( i );
          return w;
        }

      private:
        //! Turns by -90 degrees `turn` times: north, west, south become east.
        static void rotate( int turn, double &x, double &y )
        {
          const double ox = x, oy = y;
          if ( turn == 1 )
          {
            x = oy;
            y = -ox;
          }
          else if ( turn == 2 )
          {
            x = -ox;
            y = -oy;
          }
          else if ( turn == 3 )
          {
            x = -oy;
            y = ox;
          }
        }

        std::vector<Segment> mSegments;
        SegmentIndex mIndex;
        bool mIndexed = true;
        double mXmin = 1e300, mYmin = 1e300, mXmax = -1e300, mYmax = -1e300;
    };

    double endDistance( const Polyline &a, bool aStart, const Polyline &b, bool bStart )
    {
      const size_t ia = aStart ? 0 : a.xy.size() - 2;
      const size_t ib = bStart ? 0 : b.xy.size() - 2;
      return std::hypot( a.xy[ia] - b.xy[ib], a.xy[ia + 1] - b.xy[ib + 1] );
    }

    struct Box
    {
      double xmin = 1e300, ymin = 1e300, xmax = -1e300, ymax = -1e300;
      explicit Box( const Polyline &p )
      {
        for ( size_t i = 0; i < p.xy.size(); i += 2 )
        {
          xmin = std::min( xmin, p.xy[i] );
          xmax = std::max( xmax, p.xy[i] );
          ymin = std::min( ymin, p.xy[i + 1] );
          ymax = std::max( ymax, p.xy[i + 1] );
        }
      }
      double overlap( const Box &o ) const
      {
        const double w = std::min( xmax, o.xmax ) - std::max( xmin, o.xmin );
        const double h = std::min( ymax, o.ymax ) - std::max( ymin, o.ymin );
        return w > 0 && h > 0 ? w * h : 0;
      }
    };

    QString metres( double m )
    {
      return m >= 1000 ? QStringLiteral( "%1 km" ).arg( m / 1000, 0, 'f', 2 ) : QStringLiteral( "%1 m" ).arg( m, 0, 'f', 2 );
    }

    //! One step of the chain from the end of `o` to the corresponding end of `n`; nothing where they meet.
    void addConnector( const Polyline &o, const Polyline &n, bool atStart, int weight, Pairing &pairing )
    {
      const size_t io = atStart ? 0 : o.xy.size() - 2;
      const size_t in = atStart ? 0 : n.xy.size() - 2;
      const double d = std::hypot( o.xy[io] - n.xy[in], o.xy[io + 1] - n.xy[in + 1] );
      if ( d == 0 )
        return;
      pairing.chain.push_back( { o.xy[io], o.xy[io + 1], n.xy[in], n.xy[in + 1], weight } );
      EndConnector c;
      c.oldOrigin = o.origin;
      c.newOrigin = n.origin;
      c.atStart = atStart;
      c.length = d;
      c.line = QgsGeometry::fromPolylineXY( { QgsPointXY( o.xy[io], o.xy[io + 1] ), QgsPointXY( n.xy[in], n.xy[in + 1] ) } );
      pairing.connectors.push_back( c );
    }

    //! The unused new part that corresponds best to `o`, or -1.
    int counterpart( const Polyline &o, const std::vector<Polyline> &newParts, const std::vector<int> &newUsed, double &bestScore )
    {
      const Box ob( o );
      int best = -1;
      bestScore = 0;
      for ( size_t j = 0; j < newParts.size(); ++j )
      {
        const Polyline &n = newParts[j];
        if ( newUsed[j] || n.isClosed() != o.isClosed() )
          continue;
        double score = 0;
        if ( o.isClosed() )
          score = ob.overlap( Box( n ) );
        else
          score = -std::min( endDistance( o, true, n, true ) + endDistance( o, false, n, false ),
                             endDistance( o, true, n, false ) + endDistance( o, false, n, true ) );
        if ( best < 0 || score > bestScore )
        {
          best = static_cast<int>( j );
          bestScore = score;
        }
      }
      return best;
    }

    //! Open parts: same direction, ends within the maximum gap; then the two connectors.
    void closeEnds( const Polyline &o, const Polyline &n, double maxEndGap, Pairing &pairing )
    {
      const double same = endDistance( o, true, n, true ) + endDistance( o, false, n, false );
      const double reversed = endDistance( o, true, n, false ) + endDistance( o, false, n, true );
      if ( reversed < same )
        throw Error( QStringLiteral( "new version, %1 runs the opposite way to old %2: both versions need the same left and right party" ).arg( n.origin, o.origin ) );
      const double gap = std::max( endDistance( o, true, n, true ), endDistance( o, false, n, false ) );
      if ( gap > maxEndGap )
        throw Error( QStringLiteral( "the ends of old %1 and new %2 are %3 apart, more than the maximum end gap (%4)" )
                     .arg( o.origin, n.origin, metres( gap ), metres( maxEndGap ) ) );
      // chain: old A->B, connector B->B', new reversed, connector A'->A
      addConnector( o, n, false, +1, pairing );
      addConnector( o, n, true, -1, pairing );
    }

    //! A directed segment on the grid, and its number within its version.
    struct Key
    {
      long long x0, y0, x1, y1;
      unsigned index;
      bool operator<( const Key &o ) const { return std::tie( x0, y0, x1, y1, index ) < std::tie( o.x0, o.y0, o.x1, o.y1, o.index ); }
      bool sameSegment( const Key &o ) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
    };

    std::vector<Key> keys( const std::vector<Polyline> &parts, double grid )
    {
      std::vector<Key> k;
      size_t total = 0;
      for ( const Polyline &p : parts )
        total += p.size() > 1 ? p.size() - 1 : 0;
      k.reserve( total );
      unsigned index = 0;
      for ( const Polyline &p : parts )
        for ( size_t i = 0; i + 3 < p.xy.size(); i += 2 )
          k.push_back( { std::llround( p.xy[i] / grid ), std::llround( p.xy[i + 1] / grid ), std::llround( p.xy[i + 2] / grid ), std::llround( p.xy[i + 3] / grid ), index++ } );
      return k;
    }

    void addUnshared( const std::vector<Polyline> &parts, const std::vector<char> &shared, int weight, std::vector<Segment> &chain )
    {
      size_t index = 0;
      for ( const Polyline &p : parts )
        for ( size_t i = 0; i + 3 < p.xy.size(); i += 2 )
          if ( !shared[index++] )
            chain.push_back( { p.xy[i], p.xy[i + 1], p.xy[i + 2], p.xy[i + 3], weight } );
    }

    double segmentDistance( const Segment &a, const Segment &b )
    {
      auto orientation = []( double ax, double ay, double bx, double by, double px, double py ) {
        const double d = ( bx - ax ) * ( py - ay ) - ( by - ay ) * ( px - ax );
        return ( d > 0 ) - ( d < 0 );
      };
      if ( orientation( a.x0, a.y0, a.x1, a.y1, b.x0, b.y0 ) * orientation( a.x0, a.y0, a.x1, a.y1, b.x1, b.y1 ) < 0
           && orientation( b.x0, b.y0, b.x1, b.y1, a.x0, a.y0 ) * orientation( b.x0, b.y0, b.x1, b.y1, a.x1, a.y1 ) < 0 )
        return 0; // they cross
      return std::min( { pointSegmentDistance( a.x0, a.y0, b ), pointSegmentDistance( a.x1, a.y1, b ),
                         pointSegmentDistance( b.x0, b.y0, a ), pointSegmentDistance( b.x1, b.y1, a ) } );
    }

    /**
     * For each segment of a window, whether snap-rounding could touch it: another segment
     * passes within two grid cells (snap-rounding moves a segment by under one), unless one
     * continues the other (same weight, end to start) with their far ends clear of each other.
     */
    std::vector<char> nearOtherSegments( const std::vector<Segment> &window, const SegmentIndex &index, double grid )
    {
      const double reach = 2 * grid;
      std::vector<char> near( window.size(), 0 );
      for ( size_t i = 0; i < window.size(); ++i )
      {
        const Segment &a = window[i];
        index.along( a.x0, a.y0, a.x1, a.y1, reach, [&]( size_t j ) {
          if ( j == i || ( near[i] && near[j] ) )
            return;
          const Segment &b = window[j];
          // one continuing the other, as along a line (the window's order need not be the
          // line's: an edit's segments come sorted). Where three or more segments meet at a
          // vertex, two of them both end or both start there, and those are near
          const bool endToEnd = a.weight == b.weight
                                && ( ( a.x1 == b.x0 && a.y1 == b.y0 && pointSegmentDistance( a.x0, a.y0, b ) > reach && pointSegmentDistance( b.x1, b.y1, a ) > reach )
                                     || ( a.x0 == b.x1 && a.y0 == b.y1 && pointSegmentDistance( a.x1, a.y1, b ) > reach && pointSegmentDistance( b.x0, b.y0, a ) > reach ) );
          if ( !endToEnd && segmentDistance( a, b ) <= reach )
            near[i] = near[j] = 1;
        } );
      }
      return near;
    }

    //! The multiplicity of a noded edge in the chain, from the source segments under its longest stretch.
    int multiplicity( const std::vector<double> &xy, const std::vector<Segment> &window, const SegmentIndex &index, double tolerance )
    {
      size_t longest = 0;
      double longestLength = -1;
      for ( size_t i = 0; i + 3 < xy.size(); i += 2 )
      {
        const double l = std::hypot( xy[i + 2] - xy[i], xy[i + 3] - xy[i + 1] );
        if ( l > longestLength )
        {
          longestLength = l;
          longest = i;
        }
      }
      const double ax = xy[longest], ay = xy[longest + 1], bx = xy[longest + 2], by = xy[longest + 3];
      const double dx = bx - ax, dy = by - ay;
      int m = 0;
      index.near( ax + dx / 2, ay + dy / 2, tolerance, [&]( size_t i ) {
        const Segment &s = window[i];
        if ( pointSegmentDistance( ax + dx / 2, ay + dy / 2, s ) > tolerance
             || pointSegmentDistance( ax + dx / 4, ay + dy / 4, s ) > tolerance
             || pointSegmentDistance( ax + 3 * dx / 4, ay + 3 * dy / 4, s ) > tolerance )
          return;
        const double dot = dx * ( s.x1 - s.x0 ) + dy * ( s.y1 - s.y0 );
        m += dot > 0 ? s.weight : -s.weight;
      } );
      return m;
    }
  }

  std::vector<Polyline> snapParts( const std::vector<Polyline> &parts, double grid, const char *which )
  {
    std::vector<Polyline> out;
    for ( const Polyline &p : parts )
    {
      Polyline s = LineOverlay::snapped( p, grid );
      if ( s.size() < 2 )
        throw Error( QStringLiteral( "%1 version, %2: shorter than the grid (%3 m)" ).arg( QLatin1String( which ), p.origin ).arg( grid ) );
      out.push_back( std::move( s ) );
    }
    return out;
  }

  Pairing pairParts( const std::vector<Polyline> &oldParts, const std::vector<Polyline> &newParts, double maxEndGap )
  {
    Pairing pairing;
    std::vector<int> newUsed( newParts.size(), 0 );
    for ( const Polyline &o : oldParts )
    {
      double bestScore = 0;
      const int best = counterpart( o, newParts, newUsed, bestScore );
      if ( best < 0 || ( o.isClosed() && bestScore <= 0 ) )
        throw Error( QStringLiteral( "old version, %1: no %2 in the new version corresponds to it" )
                     .arg( o.origin, o.isClosed() ? QStringLiteral( "closed ring" ) : QStringLiteral( "open part" ) ) );
      newUsed[static_cast<size_t>( best )] = 1;
      if ( !o.isClosed() )
        closeEnds( o, newParts[static_cast<size_t>( best )], maxEndGap, pairing );
    }
    for ( size_t j = 0; j < newParts.size(); ++j )
      if ( !newUsed[j] )
        throw Error( QStringLiteral( "new version, %1: no part of the old version corresponds to it" ).arg( newParts[j].origin ) );
    return pairing;
  }

  Unshared cancelShared( const std::vector<Polyline> &oldParts, const std::vector<Polyline> &newParts, double grid )
  {
    // sorting the segment keys of both versions and merging them pairs equal segments one to one
    Unshared result;
    // (each version's keys made and sorted on a core of its own)
    auto sortedKeys = [grid]( const std::vector<Polyline> &parts ) {
      std::vector<Key> k = keys( parts, grid );
      std::sort( k.begin(), k.end() );
      return k;
    };
    std::future<std::vector<Key>> newSorted = std::async( std::launch::async, sortedKeys, std::cref( newParts ) );
    const std::vector<Key> oldKeys = sortedKeys( oldParts );
    const std::vector<Key> newKeys = newSorted.get();
    std::vector<char> oldShared( oldKeys.size(), 0 ), newShared( newKeys.size(), 0 );
    for ( size_t i = 0, j = 0; i < oldKeys.size() && j < newKeys.size(); )
    {
      if ( oldKeys[i].sameSegment( newKeys[j] ) )
      {
        oldShared[oldKeys[i++].index] = 1;
        newShared[newKeys[j++].index] = 1;
        ++result.shared;
      }
      else if ( oldKeys[i] < newKeys[j] )
        ++i;
      else
        ++j;
    }
    addUnshared( oldParts, oldShared, +1, result.chain );
    addUnshared( newParts, newShared, -1, result.chain );
    return result;
  }

  std::vector<std::vector<Segment>> clusterWindows( const std::vector<Segment> &chain, double grid )
  {
    // consecutive segments that continue each other form runs; runs whose boxes overlap
    // (with a grid's margin) belong to one cluster
    struct Run
    {
      size_t first, last; // [first, last) in chain
      double xmin, ymin, xmax, ymax;
    };
    std::vector<Run> runs;
    for ( size_t i = 0; i < chain.size(); ++i )
    {
      const Segment &s = chain[i];
      const bool continues = !runs.empty() && runs.back().last == i && chain[i - 1].x1 == s.x0 && chain[i - 1].y1 == s.y0 && chain[i - 1].weight == s.weight;
      if ( !continues )
        runs.push_back( { i, i, s.x0, s.y0, s.x0, s.y0 } );
      Run &r = runs.back();
      r.last = i + 1;
      r.xmin = std::min( { r.xmin, s.x0, s.x1 } );
      r.xmax = std::max( { r.xmax, s.x0, s.x1 } );
      r.ymin = std::min( { r.ymin, s.y0, s.y1 } );
      r.ymax = std::max( { r.ymax, s.y0, s.y1 } );
    }
    std::vector<size_t> parent( runs.size() );
    for ( size_t i = 0; i < parent.size(); ++i )
      parent[i] = i;
    auto find = [&]( size_t i ) {
      while ( parent[i] != i )
        i = parent[i] = parent[parent[i]];
      return i;
    };
    std::vector<size_t> byX( runs.size() );
    for ( size_t i = 0; i < byX.size(); ++i )
      byX[i] = i;
    std::sort( byX.begin(), byX.end(), [&]( size_t a, size_t b ) { return runs[a].xmin < runs[b].xmin; } );
    const double margin = 2 * grid;
    std::vector<size_t> active;
    for ( size_t i : byX )
    {
      const Run &r = runs[i];
      active.erase( std::remove_if( active.begin(), active.end(), [&]( size_t a ) { return runs[a].xmax + margin < r.xmin; } ), active.end() );
      for ( size_t a : active )
        if ( runs[a].ymin <= r.ymax + margin && r.ymin <= runs[a].ymax + margin )
          parent[find( a )] = find( i );
      active.push_back( i );
    }
    std::map<size_t, std::vector<Segment>> grouped; // ordered by root: deterministic
    for ( size_t i = 0; i < runs.size(); ++i )
    {
      std::vector<Segment> &g = grouped[find( i )];
      g.insert( g.end(), chain.begin() + static_cast<std::ptrdiff_t>( runs[i].first ), chain.begin() + static_cast<std::ptrdiff_t>( runs[i].last ) );
    }
    std::vector<std::vector<Segment>> clusters;
    for ( auto &entry : grouped )
      clusters.push_back( std::move( entry.second ) );
    return clusters;
  }

  SegmentIndex windowIndex( const std::vector<Segment> &window, double grid )
  {
    double totalLength = 0;
    for ( const Segment &s : window )
      totalLength += std::hypot( s.x1 - s.x0, s.y1 - s.y0 );
    return indexOf( window, std::max( 50 * grid, totalLength / static_cast<double>( std::max<size_t>( 1, window.size() ) ) ) );
  }

  geos::GeomPtr nodeWindow( const geos::Context &ctx, const std::vector<Segment> &window, double grid )
  {
    return nodeWindow( ctx, window, windowIndex( window, grid ), grid );
  }

  geos::GeomPtr nodeWindow( const geos::Context &ctx, const std::vector<Segment> &window, const SegmentIndex &index, double grid )
  {
    // Only segments that come near another need the snap-rounding noder (GEOS's, whose hot
    // pixels cost most of a window's time); the rest of a window, where the versions run
    // apart, is passed through as it is. Runs of consecutive segments of one weight become one
    // line string each, on either side.
    const std::vector<char> near = nearOtherSegments( window, index, grid );
    std::vector<geos::GeomPtr> toNode, asTheyAre;
    std::vector<double> run;
    bool runNear = false;
    auto flush = [&]() {
      if ( run.size() >= 4 )
        ( runNear ? toNode : asTheyAre ).push_back( ctx.lineString( run ) );
      run.clear();
    };
    for ( size_t i = 0; i < window.size(); ++i )
    {
      const Segment &s = window[i];
      if ( run.empty() || run[run.size() - 2] != s.x0 || run.back() != s.y0 || window[i - 1].weight != s.weight || near[i] != runNear )
      {
        flush();
        run = { s.x0, s.y0 };
        runNear = near[i];
      }
      run.push_back( s.x1 );
      run.push_back( s.y1 );
    }
    flush();
    // The noder's output is put back on the grid as the versions were snapped, so that its
    // edges meet the lines passed through exactly
    std::vector<geos::GeomPtr> lines = std::move( asTheyAre );
    if ( !toNode.empty() )
    {
      const geos::GeomPtr collection = ctx.collection( GEOS_MULTILINESTRING, toNode );
      const geos::GeomPtr noded = ctx.unaryUnion( collection.get(), grid );
      for ( int i = 0; i < ctx.geometryCount( noded.get() ); ++i )
      {
        std::vector<double> xy = ctx.coordinates( ctx.geometryN( noded.get(), i ) );
        for ( double &v : xy )
          v = LineOverlay::onGrid( v, grid );
        lines.push_back( ctx.lineString( xy ) );
      }
    }
    const geos::GeomPtr all = ctx.collection( GEOS_MULTILINESTRING, lines );
    // Whether GEOS returns edges node to node or joined through nodes of two depends on the
    // input's order. Joined, always: an edge's multiplicity is then sampled on its longest
    // segment, far from where the versions part at a shallow angle (on a few-millimetre edge
    // there both versions' segments pass within the tolerance and cancel, and the face is
    // lost). Where two edges meet alone the chain's flow goes on, so the multiplicity is one.
    return ctx.lineMerge( all.get() );
  }

  WeightedEdges weighEdges( const geos::Context &ctx, const GEOSGeometry *noded, const std::vector<Segment> &window, double grid )
  {
    return weighEdges( ctx, noded, window, windowIndex( window, grid ), grid );
  }

  WeightedEdges weighEdges( const geos::Context &ctx, const GEOSGeometry *noded, const std::vector<Segment> &window, const SegmentIndex &index, double grid )
  {
    WeightedEdges out;
    out.cell = index.cell();
    const double tolerance = 2 * grid;
    const int edgeCount = ctx.geometryCount( noded );
    for ( int e = 0; e < edgeCount; ++e )
    {
      const GEOSGeometry *edge = ctx.geometryN( noded, e );
      const std::vector<double> xy = ctx.coordinates( edge );
      const int m = multiplicity( xy, window, index, tolerance );
      if ( m == 0 )
        continue;
      out.edges.push_back( edge );
      for ( size_t i = 0; i + 3 < xy.size(); i += 2 )
        out.segments.push_back( { xy[i], xy[i + 1], xy[i + 2], xy[i + 3], m } );
    }
    return out;
  }

  geos::GeomPtr polygonize( const geos::Context &ctx, const WeightedEdges &edges )
  {
    return ctx.polygonize( edges.edges );
  }

  std::vector<OverlayFace> windowFaces( const geos::Context &ctx, const std::vector<Segment> &window, double grid )
  {
    // one index of the window's segments serves the noding and the weighing
    const SegmentIndex index = windowIndex( window, grid );
    const geos::GeomPtr noded = nodeWindow( ctx, window, index, grid );
    const WeightedEdges edges = weighEdges( ctx, noded.get(), window, index, grid );
    if ( edges.edges.empty() )
      return {};
    const geos::GeomPtr faces = polygonize( ctx, edges );
    return classifyFaces( ctx, faces.get(), edges, grid );
  }

  std::vector<OverlayFace> classifyFaces( const geos::Context &ctx, const GEOSGeometry *faces, const WeightedEdges &edges, double grid )
  {
    std::vector<OverlayFace> out;
    const int faceCount = ctx.geometryCount( faces );
    // building the index costs about as much as testing every segment for 50 points
    const WindingIndex winding( edges.segments, std::max( 50 * grid, edges.cell ), faceCount > 16 );
    for ( int f = 0; f < faceCount; ++f )
    {
      const GEOSGeometry *face = ctx.geometryN( faces, f );
      const geos::GeomPtr inside = ctx.pointOnSurface( face );
      double px = 0, py = 0;
      GEOSGeomGetX_r( ctx.handle(), inside.get(), &px );
      GEOSGeomGetY_r( ctx.handle(), inside.get(), &py );
      const int w = winding.winding( px, py );
      if ( w == 0 )
        continue;
      if ( std::abs( w ) > 1 )
        throw Error( QStringLiteral( "a version crosses itself or runs back over itself near %1, %2 (working CRS): check it with limes validate" )
                     .arg( px, 0, 'f', 1 ).arg( py, 0, 'f', 1 ) );
      out.push_back( { ctx.toQgs( face ), w } );
    }
    return out;
  }
}
