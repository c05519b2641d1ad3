// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/incremental.h"
#include "change/checks.h"
#include "change/crossings.h"
#include "change/keytable.h"
#include "change/measure.h"
#include "change/overlayphases.h"
#include "change/overlaystage.h"
#include "change/provenance.h"
#include "change/reading.h"
#include "change/resourcechanges.h"
#include "change/segments.h"
#include "change/versions.h"
#include "change/workingcrschoice.h"
#include "error.h"
#include "fingerprint.h"
#include "geometry/edges.h"
#include "geometry/ellipsoidmeasure.h"
#include "geometry/geos.h"

#include <qgsfeature.h>
#include <qgsgeometryengine.h>
#include <qgsspatialindex.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace limes::change
{
  namespace
  {
    using Segment = LineOverlay::Segment;

    using Key = GridKey;

    Key keyOf( double x0, double y0, double x1, double y1, double grid )
    {
      return GridKey::of( x0, y0, x1, y1, grid );
    }

    //! The keys of the segments between vertices lo..hi of a part.
    std::vector<Key> keysOf( const std::vector<double> &xy, size_t lo, size_t hi, double grid )
    {
      std::vector<Key> keys;
      keys.reserve( hi > lo ? hi - lo : 0 );
      for ( size_t i = lo; i < hi; ++i )
        keys.push_back( keyOf( xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], grid ) );
      return keys;
    }

    //! Segments of the parts: the vertices less one each.
    long long segmentCount( const std::vector<Polyline> &parts )
    {
      long long n = 0;
      for ( const Polyline &p : parts )
        n += static_cast<long long>( p.size() ) - 1;
      return n;
    }

    struct Box
    {
      double xmin = 1e300, ymin = 1e300, xmax = -1e300, ymax = -1e300;
      void add( double x0, double y0, double x1, double y1 )
      {
        xmin = std::min( { xmin, x0, x1 } );
        xmax = std::max( { xmax, x0, x1 } );
        ymin = std::min( { ymin, y0, y1 } );
        ymax = std::max( { ymax, y0, y1 } );
      }
      void add( const Segment &s ) { add( s.x0, s.y0, s.x1, s.y1 ); }
      bool meets( const Box &o, double margin ) const
      {
        return xmin <= o.xmax + margin && o.xmin <= xmax + margin && ymin <= o.ymax + margin && o.ymin <= ymax + margin;
      }
    };

    //! A disputed window: its part of the chain old - new, and what it moves.
    struct Window
    {
      std::vector<Segment> chain;
      Box box;
      std::vector<Transfer> measured;            //!< every piece, its segment named
      std::vector<ResourceChange> resources;     //!< of the pieces that are not noise
    };

    //! A resource feature, kept for the edits to come.
    struct Resource
    {
      int layer = 0;
      limes::GeometryType type = limes::geometrytype::Unknown;
      QgsFeatureId fid = FID_NULL;
      QgsGeometry geometry;
    };

    //! What an edit does to a segment's weight in the chain (old copies minus new copies).
    struct Delta
    {
      int change = 0;     //!< new copies drawn minus new copies removed
      int before = 0;     //!< its weight before the edit
      int after = 0;      //!< and after
      bool emitted = false;
    };

    bool sameSegment( const Segment &s, const Segment &t )
    {
      return s.x0 == t.x0 && s.y0 == t.y0 && s.x1 == t.x1 && s.y1 == t.y1 && s.weight == t.weight;
    }

    bool sameChain( const std::vector<Segment> &a, const std::vector<Segment> &b )
    {
      return a.size() == b.size() && std::equal( a.begin(), a.end(), b.begin(), sameSegment );
    }
  }

  struct IncrementalChange::State
  {
    ChangeRequest request;
    ChangeResult base;                    //!< provenance, parties, crossings: what edits leave alone
    QStringList baseWarnings;             //!< reprojections; the connectors' are made anew
    Ellipsoid ellipsoid;
    std::unique_ptr<EllipsoidMeasure> measure;
    std::unique_ptr<EdgeDensifier> edges;
    std::vector<Polyline> oldParts, newParts;
    GridKeyTable<Delta> delta;            //!< an edit's, kept between edits for its memory
    long long oldSegments = 0, newSegments = 0;
    std::vector<Segment> connectorChain;
    std::vector<EndConnector> connectors;
    std::vector<Window> windows;
    SegmentLookup segments;
    std::vector<Resource> resources;
    QgsSpatialIndex resourceIndex;

    double grid() const { return request.gridM; }

    Window compute( std::vector<Segment> chain ) const;
    void readResources( const WorkingFrame &frame, const CrossingCounter &crossings, QgsFeedback *feedback );
  };

  Window IncrementalChange::State::compute( std::vector<Segment> chain ) const
  {
    Window w;
    w.chain = std::move( chain );
    for ( const Segment &s : w.chain )
      w.box.add( s );
    const geos::Context ctx;
    std::vector<Piece> pieces;
    for ( const OverlayFace &face : overlay::windowFaces( ctx, w.chain, grid() ) )
      pieces.push_back( pieceOf( face, request ) );
    w.measured = measurePieces( pieces, ellipsoid, grid(), nullptr );
    assignSegments( w.measured, segments, grid(), nullptr );
    for ( const Transfer &t : w.measured )
    {
      if ( t.areaM2 < request.minAreaM2 )
        continue;
      std::unique_ptr<QgsGeometryEngine> engine( QgsGeometry::createGeometryEngine( t.geometry.constGet() ) );
      engine->prepareGeometry();
      QList<QgsFeatureId> candidates = resourceIndex.intersects( t.geometry.boundingBox() );
      std::sort( candidates.begin(), candidates.end() );
      for ( QgsFeatureId id : candidates )
      {
        const Resource &r = resources[static_cast<size_t>( id )];
        ResourceChange c;
        if ( resourceChange( t, *engine, *measure, base.resourceLayers.at( r.layer ), r.type, r.fid, r.geometry, c ) )
          w.resources.push_back( std::move( c ) );
      }
    }
    return w;
  }

  void IncrementalChange::State::readResources( const WorkingFrame &frame, const CrossingCounter &crossings, QgsFeedback *feedback )
  {
    for ( size_t i = 0; i < request.resources.size(); ++i )
    {
      const QString &name = base.resourceLayers.at( static_cast<int>( i ) );
      auto visit = [&]( limes::GeometryType type, const QgsFeature &f ) {
        QgsFeature indexed( static_cast<QgsFeatureId>( resources.size() ) );
        indexed.setGeometry( f.geometry() );
        resourceIndex.addFeature( indexed );
        resources.push_back( { static_cast<int>( i ), type, f.id(), f.geometry() } );
        if ( type != limes::geometrytype::Line )
          return;
        if ( const std::optional<CrossingChange> c = crossings.change( name, f.id(), f.geometry() ) )
          base.crossings.push_back( *c );
      };
      readResourceLayer( request.resources[i], frame, feedback, []( double ) {}, visit );
    }
  }

  IncrementalChange::IncrementalChange( const ChangeRequest &request, QgsFeedback *feedback )
    : d( std::make_unique<State>() )
  {
    State &s = *d;
    s.request = request;
    const Fingerprints fingerprints( request, []( const QString &path ) { return fileSha256( path ); } );
    if ( checkVersions( request ) != VersionKind::Lines )
      throw Error( QStringLiteral( "an incremental change needs line versions, with a party on each side" ) );
    const WorkingFrame frame{ chooseWorkingCrs( request.oldVersion, request.newVersion, request.transformContext ), request.transformContext };
    s.ellipsoid = Ellipsoid::checked( frame.crs, request.ellipsoid, request.transformContext );
    s.measure = std::make_unique<EllipsoidMeasure>( s.ellipsoid );
    s.edges = std::make_unique<EdgeDensifier>( request.edges, s.ellipsoid );
    ChangeResult &b = s.base;
    b.mode = QStringLiteral( "lines" );
    b.workingCrs = frame.crs;
    b.ellipsoid = request.ellipsoid;
    b.edges = request.edges.name();
    b.gridM = request.gridM;
    b.minAreaM2 = request.minAreaM2;
    b.maxEndGapM = request.maxEndGapM;
    b.leftParty = request.leftParty;
    b.rightParty = request.rightParty;
    b.parties = QStringList{ request.leftParty, request.rightParty };
    b.resourceLayers = checkSupportingLayers( request );
    b.inputs = describeInputs( request );
    s.baseWarnings = reprojectionNotes( b.inputs, frame.crs );

    LineVersions versions = readLineVersions( request, frame, feedback, s.edges.get() );
    b.densifiedVertices = s.edges->added();
    std::vector<Segment> chain;
    try
    {
      s.oldParts = overlay::snapParts( versions.oldParts, s.grid(), "old" );
      s.newParts = overlay::snapParts( versions.newParts, s.grid(), "new" );
      overlay::Pairing pairing = overlay::pairParts( s.oldParts, s.newParts, request.maxEndGapM );
      s.connectorChain = pairing.chain;
      s.connectors = std::move( pairing.connectors );
      chain = std::move( pairing.chain );
      const overlay::Unshared unshared = overlay::cancelShared( s.oldParts, s.newParts, s.grid() );
      chain.insert( chain.end(), unshared.chain.begin(), unshared.chain.end() );
    }
    catch ( const Error &e )
    {
      throw Error( e.problem(), e.where().isEmpty() ? QStringLiteral( "%1 vs %2" ).arg( request.oldVersion.spec, request.newVersion.spec ) : e.where() );
    }
    s.oldSegments = segmentCount( s.oldParts );
    s.newSegments = segmentCount( s.newParts );
    s.segments = readSegments( request.segments, request.segmentCodeField, frame );
    const CrossingCounter crossings( boundaryOf( versions.oldParts ), boundaryOf( versions.newParts ), request.gridM );
    s.readResources( frame, crossings, feedback );
    for ( std::vector<Segment> &window : overlay::clusterWindows( chain, s.grid() ) )
    {
      checkCanceled( feedback );
      s.windows.push_back( s.compute( std::move( window ) ) );
    }
    addFingerprints( b.inputs, fingerprints );
  }

  IncrementalChange::~IncrementalChange() = default;

  const std::vector<Polyline> &IncrementalChange::newParts() const
  {
    return d->newParts;
  }

  const std::vector<Polyline> &IncrementalChange::oldParts() const
  {
    return d->oldParts;
  }

  size_t IncrementalChange::windowCount() const
  {
    return d->windows.size();
  }

  namespace
  {
    /**
     * What one edit changes: vertices [from, to) of the part replaced by `stretch`, and the
     * segments that go and come. An edit of the part's ends also has the whole part as
     * edited (`part`: its ends pair with the old version's again); an inner edit does not, so
     * that following the mouse on a 1M-vertex border copies no more than the stretch.
     */
    struct Edit
    {
      std::vector<double> stretch;
      size_t from = 0, to = 0; //!< in coordinates (2 per vertex)
      bool movesEnds = false;
      Polyline part;           //!< movesEnds only
      std::vector<Key> removed, added;
      Box touched;

      void applyTo( Polyline &p ) const
      {
        // the rest of the part moves once, by the difference (erase, then insert moved it twice)
        const size_t replaced = to - from, common = std::min( replaced, stretch.size() );
        const auto at = [&]( size_t i ) { return p.xy.begin() + static_cast<std::ptrdiff_t>( i ); };
        const auto stretchAt = stretch.begin() + static_cast<std::ptrdiff_t>( common );
        std::copy( stretch.begin(), stretchAt, at( from ) );
        if ( stretch.size() > replaced )
          p.xy.insert( at( to ), stretchAt, stretch.end() );
        else if ( stretch.size() < replaced )
          p.xy.erase( at( from + common ), at( to ) );
      }
    };

    Edit editOf( const Polyline &p, size_t first, size_t last, const std::vector<double> &xy, const EdgeDensifier &edges, double grid )
    {
      const size_t n = p.size();
      if ( first > n || last + 1 < first || last + 1 > n || xy.size() % 2 )
        throw Error( QStringLiteral( "%1: no vertices %2 to %3 to replace (it has %4)" ).arg( p.origin ).arg( first ).arg( last ).arg( n ) );
      // the stretch with the vertices on either side, densified and snapped as the versions were
      const size_t lo = first > 0 ? first - 1 : 0, hi = last + 1 < n ? last + 1 : n - 1;
      Polyline stretch;
      if ( first > 0 )
        stretch.xy.insert( stretch.xy.end(), p.xy.begin() + static_cast<std::ptrdiff_t>( 2 * lo ), p.xy.begin() + static_cast<std::ptrdiff_t>( 2 * lo + 2 ) );
      stretch.xy.insert( stretch.xy.end(), xy.begin(), xy.end() );
      if ( last + 1 < n )
        stretch.xy.insert( stretch.xy.end(), p.xy.begin() + static_cast<std::ptrdiff_t>( 2 * hi ), p.xy.begin() + static_cast<std::ptrdiff_t>( 2 * hi + 2 ) );
      edges.densify( stretch.xy );
      stretch = LineOverlay::snapped( stretch, grid );

      Edit e;
      e.from = 2 * lo;
      e.to = last + 1 < n ? 2 * hi + 2 : 2 * n;
      e.movesEnds = first == 0 || last + 1 >= n;
      if ( e.movesEnds )
      {
        e.part = p;
        e.stretch = stretch.xy;
        e.applyTo( e.part );
        if ( e.part.size() < 2 )
          throw Error( QStringLiteral( "%1 would have fewer than two vertices" ).arg( p.origin ) );
        if ( e.part.isClosed() != p.isClosed() )
          throw Error( QStringLiteral( "%1: an edit must keep a ring closed and an open part open" ).arg( p.origin ) );
      }
      e.removed = keysOf( p.xy, lo, hi, grid );
      e.added = keysOf( stretch.xy, 0, stretch.size() - 1, grid );
      for ( size_t i = lo; i <= hi; ++i )
        e.touched.add( p.xy[2 * i], p.xy[2 * i + 1], p.xy[2 * i], p.xy[2 * i + 1] );
      for ( size_t i = 0; i + 1 < stretch.xy.size(); i += 2 )
        e.touched.add( stretch.xy[i], stretch.xy[i + 1], stretch.xy[i], stretch.xy[i + 1] );
      if ( !e.movesEnds )
      {
        // an inner edit keeps both ends of the part, so it stays closed or open
        if ( n - ( e.to - e.from ) / 2 + stretch.size() < 2 )
          throw Error( QStringLiteral( "%1 would have fewer than two vertices" ).arg( p.origin ) );
        e.stretch = std::move( stretch.xy );
      }
      return e;
    }
  }

  int IncrementalChange::replaceNewStretch( size_t part, size_t first, size_t last, const std::vector<double> &xy )
  {
    State &s = *d;
    if ( part >= s.newParts.size() )
      throw Error( QStringLiteral( "the new version has no part %1" ).arg( part ) );
    Edit edit = editOf( s.newParts[part], first, last, xy, *s.edges, s.grid() );

    // the ends moved: the connectors are drawn again (refused beyond the maximum end gap)
    std::vector<Segment> connectorChain = s.connectorChain;
    std::vector<EndConnector> connectors = s.connectors;
    if ( edit.movesEnds )
    {
      std::swap( s.newParts[part], edit.part );
      try
      {
        overlay::Pairing pairing = overlay::pairParts( s.oldParts, s.newParts, s.request.maxEndGapM );
        connectorChain = std::move( pairing.chain );
        connectors = std::move( pairing.connectors );
      }
      catch ( ... )
      {
        std::swap( s.newParts[part], edit.part );
        throw;
      }
      std::swap( s.newParts[part], edit.part );
    }
    const bool connectorsChanged = !sameChain( connectorChain, s.connectorChain );
    std::vector<Box> touched{ edit.touched };
    if ( connectorsChanged )
      for ( const std::vector<Segment> *c : { &s.connectorChain, &connectorChain } )
        for ( const Segment &seg : *c )
        {
          touched.emplace_back();
          touched.back().add( seg );
        }

    // segments whose weight in the chain changes
    GridKeyTable<Delta> &delta = s.delta;
    delta.clear( edit.removed.size() + edit.added.size() );
    for ( const Key &k : edit.removed )
      --delta[k].change;
    for ( const Key &k : edit.added )
      ++delta[k].change;
    auto changes = [&]( const Key &k ) -> Delta * {
      Delta *d = delta.find( k );
      return d && d->change != 0 ? d : nullptr;
    };

    // the windows the edit touches, and any window their new clusters reach
    const double margin = 2 * s.grid();
    std::vector<char> affected( s.windows.size(), 0 );
    for ( size_t w = 0; w < s.windows.size(); ++w )
      for ( const Box &b : touched )
        affected[w] = affected[w] || s.windows[w].box.meets( b, margin );

    // The connectors are steps of the chain but no version's segments: whether a copy in a
    // window is one of them, each connector taken once (`taken` marks them; empty: none is)
    auto takesConnector = [&]( const Segment &seg, std::vector<char> &taken ) {
      for ( size_t c = 0; c < taken.size(); ++c )
        if ( !taken[c] && sameSegment( seg, s.connectorChain[c] ) )
        {
          taken[c] = 1;
          return true;
        }
      return false;
    };

    // Their weight before the edit is the sum of their copies in the chain, and a segment of
    // the edit lies within the edit's box, so its copies are in the windows it touches: no
    // table of every segment of the border is needed. A connector's copy is left out.
    std::vector<char> connectorSeen( s.connectorChain.size(), 0 );
    for ( size_t w = 0; w < s.windows.size(); ++w )
      if ( affected[w] )
        for ( const Segment &seg : s.windows[w].chain )
          if ( Delta *d = changes( keyOf( seg.x0, seg.y0, seg.x1, seg.y1, s.grid() ) ) )
            if ( !takesConnector( seg, connectorSeen ) )
              d->before += seg.weight;
    delta.forEach( []( const Key &, Delta &d ) { d.after = d.before - d.change; } );
    std::vector<std::vector<Segment>> clusters;
    for ( bool grown = true; grown; )
    {
      std::vector<Segment> pool;
      // a connector that lies on a segment of the edit stays a connector: its copy in the
      // chain is kept (the segments the edit changes are emitted from the table below)
      std::vector<char> connectorKept( connectorsChanged ? 0 : s.connectorChain.size(), 0 );
      for ( size_t w = 0; w < s.windows.size(); ++w )
        if ( affected[w] )
          for ( const Segment &seg : s.windows[w].chain )
            if ( !changes( keyOf( seg.x0, seg.y0, seg.x1, seg.y1, s.grid() ) ) || takesConnector( seg, connectorKept ) )
              pool.push_back( seg );
      if ( connectorsChanged )
      {
        for ( const Segment &c : s.connectorChain )
        {
          const auto it = std::find_if( pool.begin(), pool.end(), [&]( const Segment &p ) { return sameSegment( p, c ); } );
          if ( it != pool.end() )
            pool.erase( it );
        }
        pool.insert( pool.end(), connectorChain.begin(), connectorChain.end() );
      }
      // in the order of the lines (the stretch removed, then the one drawn), not of the keys:
      // the overlay joins consecutive segments into lines, and ten thousand one-segment
      // lines cost GEOS's line merging thirty times what two lines do
      delta.forEach( []( const Key &, Delta &d ) { d.emitted = false; } );
      for ( const std::vector<Key> *keys : { &edit.removed, &edit.added } )
        for ( const Key &k : *keys )
        {
          Delta *d = changes( k );
          if ( !d || d->emitted )
            continue;
          d->emitted = true;
          for ( int copy = 0; copy < std::abs( d->after ); ++copy )
            pool.push_back( { static_cast<double>( k.x0 ) * s.grid(), static_cast<double>( k.y0 ) * s.grid(), static_cast<double>( k.x1 ) * s.grid(),
                              static_cast<double>( k.y1 ) * s.grid(), d->after > 0 ? 1 : -1 } );
        }
      clusters = overlay::clusterWindows( pool, s.grid() );
      grown = false;
      for ( const std::vector<Segment> &c : clusters )
      {
        Box box;
        for ( const Segment &seg : c )
          box.add( seg );
        for ( size_t w = 0; w < s.windows.size(); ++w )
          if ( !affected[w] && s.windows[w].box.meets( box, margin ) )
            affected[w] = grown = true;
      }
    }

    // compute the new windows before anything changes: an edit the overlay refuses leaves all as it was
    std::vector<Window> windows;
    for ( std::vector<Segment> &c : clusters )
      windows.push_back( s.compute( std::move( c ) ) );
    for ( size_t w = 0; w < s.windows.size(); ++w )
      if ( !affected[w] )
        windows.push_back( std::move( s.windows[w] ) );
    s.windows = std::move( windows );
    s.newSegments += static_cast<long long>( edit.added.size() ) - static_cast<long long>( edit.removed.size() );
    if ( edit.movesEnds )
      s.newParts[part] = std::move( edit.part );
    else
      edit.applyTo( s.newParts[part] );
    s.connectorChain = std::move( connectorChain );
    s.connectors = std::move( connectors );
    return static_cast<int>( clusters.size() );
  }

  ChangeResult IncrementalChange::result() const
  {
    const State &s = *d;
    ChangeResult r = s.base;
    r.warnings = s.baseWarnings;
    for ( const EndConnector &c : s.connectors )
      r.warnings << connectorWarning( c );
    r.connectors = s.connectors;
    std::vector<Transfer> measured;
    long long chain = 0;
    for ( const Window &w : s.windows )
    {
      measured.insert( measured.end(), w.measured.begin(), w.measured.end() );
      r.resourceChanges.insert( r.resourceChanges.end(), w.resources.begin(), w.resources.end() );
      chain += static_cast<long long>( w.chain.size() );
    }
    separateNoise( std::move( measured ), s.request.minAreaM2, r.transfers, r.noise );
    // as the full run lists them: layer by layer, feature by feature
    std::stable_sort( r.resourceChanges.begin(), r.resourceChanges.end(), [&]( const ResourceChange &a, const ResourceChange &b ) {
      return std::make_tuple( r.resourceLayers.indexOf( a.layer ), a.fid, a.from, a.to, a.segment ) < std::make_tuple( r.resourceLayers.indexOf( b.layer ), b.fid, b.from, b.to, b.segment );
    } );
    r.overlaidSegments = chain;
    r.sharedSegments = ( s.oldSegments + s.newSegments - ( chain - static_cast<long long>( s.connectorChain.size() ) ) ) / 2;
    return r;
  }
}
