#include "change/changeengine.h"
#include "qgiscompat.h"
#include "error.h"
#include "fingerprint.h"
#include "geometry/geos.h"
#include "change/lineoverlay.h"
#include "geometry/segmentindex.h"
#include "geometry/workingcrs.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSet>

#include <qgscoordinatetransform.h>
#include <qgsdistancearea.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsfeedback.h>
#include <qgsgeometryengine.h>
#include <qgsproject.h>
#include <qgsspatialindex.h>

#include <algorithm>
#include <future>
#include <thread>
#include <cmath>
#include <map>
#include <memory>

namespace limes
{
  namespace
  {
    QString describe( const InputLayer &l, const char *role )
    {
      return QStringLiteral( "%1 (%2)" ).arg( QLatin1String( role ), l.spec.isEmpty() ? l.name : l.spec );
    }

    void checkCanceled( QgsFeedback *feedback )
    {
      if ( feedback && feedback->isCanceled() )
        throw Error( QStringLiteral( "cancelled" ) );
    }

    InputProvenance provenance( const InputLayer &l, const char *role )
    {
      InputProvenance p;
      p.role = QLatin1String( role );
      p.source = l.spec;
      p.path = l.path;
      p.layer = l.name;
      // sha256 is filled in at the end, from hashes computed while the engine works
      p.features = l.source->featureCount();
      p.crs = l.source->sourceCrs().authid();
      return p;
    }

    void checkLayer( const InputLayer &l, const char *role )
    {
      if ( !l.source )
        throw Error( QStringLiteral( "no layer given" ), QLatin1String( role ) );
      if ( !l.source->sourceCrs().isValid() )
        throw Error( QStringLiteral( "layer has no CRS; set one (e.g. EPSG:4326) before comparing" ), describe( l, role ) );
      if ( l.source->featureCount() == 0 )
        throw Error( QStringLiteral( "layer is empty" ), describe( l, role ) );
    }

    QgsFeatureRequest inWorkingCrs( const QgsCoordinateReferenceSystem &crs )
    {
      QgsFeatureRequest request;
      request.setDestinationCrs( crs, QgsProject::instance()->transformContext() );
      request.setInvalidGeometryCheck( limes::compat::NoGeometryCheck );
      return request;
    }

    //! Feature geometry in the working CRS; a failed transformation is bad input, not a crash.
    bool nextFeature( QgsFeatureIterator &it, QgsFeature &f, const InputLayer &l, const char *role )
    {
      try
      {
        return it.nextFeature( f );
      }
      catch ( const QgsCsException &e )
      {
        throw Error( QStringLiteral( "cannot transform to the working CRS: %1" ).arg( e.what() ), describe( l, role ) );
      }
    }

    //! A driver that fails mid-read must not shorten the input silently.
    void checkAllRead( long long read, const InputLayer &l, const char *role )
    {
      const long long expected = l.source->featureCount();
      if ( expected >= 0 && read != expected )
        throw Error( QStringLiteral( "read %1 of %2 features; the source failed while reading" ).arg( read ).arg( expected ), describe( l, role ) );
    }

    std::vector<Polyline> readLines( const InputLayer &l, const char *role, const QgsCoordinateReferenceSystem &crs, QgsFeedback *feedback )
    {
      std::vector<Polyline> parts;
      QgsFeatureIterator it = l.source->getFeatures( inWorkingCrs( crs ).setNoAttributes().addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      long long read = 0;
      while ( nextFeature( it, f, l, role ) )
      {
        ++read;
        checkCanceled( feedback );
        QgsGeometry g = f.geometry();
        if ( g.isNull() || g.isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), describe( l, role ) );
        if ( QgsWkbTypes::isCurvedType( g.wkbType() ) )
          g = QgsGeometry( g.constGet()->segmentize() );
        const QgsMultiPolylineXY lines = g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{ g.asPolyline() };
        int k = 0;
        for ( const QgsPolylineXY &line : lines )
        {
          ++k;
          Polyline p;
          p.origin = lines.size() > 1 ? QStringLiteral( "feature %1 part %2" ).arg( f.id() ).arg( k ) : QStringLiteral( "feature %1" ).arg( f.id() );
          for ( const QgsPointXY &pt : line )
          {
            p.xy.push_back( pt.x() );
            p.xy.push_back( pt.y() );
          }
          if ( p.size() < 2 )
            throw Error( QStringLiteral( "%1 has fewer than two vertices" ).arg( p.origin ), describe( l, role ) );
          parts.push_back( std::move( p ) );
        }
      }
      checkAllRead( read, l, role );
      return parts;
    }

    //! Territory per party, each made valid (and reported) and dissolved on the grid.
    std::map<QString, QgsGeometry> readTerritories( const InputLayer &l, const char *role, const ChangeRequest &request,
        const QgsCoordinateReferenceSystem &crs, geos::Context &ctx, QStringList &warnings, QgsFeedback *feedback )
    {
      const int field = l.source->fields().lookupField( request.partyField );
      if ( field < 0 )
        throw Error( QStringLiteral( "no field '%1' (fields: %2)" ).arg( request.partyField, l.source->fields().names().join( QLatin1String( ", " ) ) ), describe( l, role ) );
      std::map<QString, std::vector<geos::GeomPtr>> byParty;
      QgsFeatureIterator it = l.source->getFeatures( inWorkingCrs( crs ).addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      long long read = 0;
      while ( nextFeature( it, f, l, role ) )
      {
        ++read;
        checkCanceled( feedback );
        const QVariant v = f.attribute( field );
        const QString party = v.isNull() ? QString() : v.toString().trimmed();
        if ( party.isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no party code in '%2'" ).arg( f.id() ).arg( request.partyField ), describe( l, role ) );
        if ( !request.knownParties.isEmpty() && !request.knownParties.contains( party ) )
          throw Error( QStringLiteral( "feature %1: unknown party code '%2' (known: %3)" ).arg( f.id() ).arg( party, request.knownParties.join( QLatin1String( ", " ) ) ), describe( l, role ) );
        if ( f.geometry().isNull() || f.geometry().isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), describe( l, role ) );
        geos::GeomPtr g = ctx.fromQgs( f.geometry() );
        QString reason;
        if ( !ctx.isValid( g.get(), &reason ) )
        {
          g = ctx.makeValid( g.get() );
          warnings << QStringLiteral( "%1: feature %2 was an invalid polygon (%3) and was made valid" ).arg( describe( l, role ) ).arg( f.id() ).arg( reason );
        }
        byParty[party].push_back( std::move( g ) );
      }
      checkAllRead( read, l, role );
      std::map<QString, geos::GeomPtr> dissolved;
      for ( auto &entry : byParty )
      {
        const geos::GeomPtr all = ctx.collection( GEOS_GEOMETRYCOLLECTION, entry.second );
        dissolved[entry.first] = ctx.unaryUnion( all.get(), request.gridM );
      }
      // Land two parties hold in the same version is disputed within that version, not moved
      // by the change: each party keeps only what is its alone, and the overlap is reported.
      std::map<QString, QgsGeometry> result;
      QgsGeometry overlap;
      for ( const auto &[party, g] : dissolved )
      {
        geos::GeomPtr own = ctx.clone( g.get() );
        for ( const auto &[other, h] : dissolved )
          if ( other != party )
          {
            const geos::GeomPtr both = ctx.intersection( g.get(), h.get(), request.gridM );
            if ( party < other && ctx.area( both.get() ) > 0 )
              overlap = overlap.isNull() ? ctx.toQgs( both.get() ) : overlap.combine( ctx.toQgs( both.get() ) );
            own = ctx.difference( own.get(), h.get(), request.gridM );
          }
        QgsGeometry q = ctx.toQgs( own.get() );
        // keep the polygonal part: a made-valid bow tie may leave lines behind
        q.convertGeometryCollectionToSubclass( limes::geometrytype::Polygon );
        result[party] = q;
      }
      if ( !overlap.isNull() )
      {
        QgsDistanceArea da;
        da.setSourceCrs( crs, QgsProject::instance()->transformContext() );
        da.setEllipsoid( request.ellipsoid );
        warnings << QStringLiteral( "%1: %2 m² is claimed by more than one party; it is left out of the transfers" )
                 .arg( describe( l, role ) ).arg( da.measureArea( overlap ), 0, 'f', 1 );
      }
      return result;
    }

    std::vector<QgsGeometry> polygonParts( const QgsGeometry &g )
    {
      std::vector<QgsGeometry> out;
      for ( const QgsGeometry &part : g.asGeometryCollection() )
        if ( part.type() == limes::geometrytype::Polygon && part.area() > 0 )
          out.push_back( part );
      return out;
    }

    /**
     * Ellipsoidal measures of working-CRS geometries. QgsDistanceArea transforms point by
     * point; transforming each geometry once, in bulk, to the ellipsoid's own geographic CRS
     * gives the same numbers several times faster.
     */
    class EllipsoidMeasure
    {
      public:
        explicit EllipsoidMeasure( const QgsDistanceArea &da )
          : mToEllipsoid( da.sourceCrs(), da.ellipsoidCrs(), QgsProject::instance()->transformContext() )
        {
          mOnEllipsoid.setSourceCrs( da.ellipsoidCrs(), QgsProject::instance()->transformContext() );
          mOnEllipsoid.setEllipsoid( da.ellipsoid() );
        }
        double area( const QgsGeometry &g ) const { return mOnEllipsoid.measureArea( geographic( g ) ); }
        double perimeter( const QgsGeometry &g ) const { return mOnEllipsoid.measurePerimeter( geographic( g ) ); }
        double length( const QgsGeometry &g ) const { return mOnEllipsoid.measureLength( geographic( g ) ); }

      private:
        QgsGeometry geographic( QgsGeometry g ) const
        {
          g.transform( mToEllipsoid );
          return g;
        }
        QgsCoordinateTransform mToEllipsoid;
        QgsDistanceArea mOnEllipsoid;
    };

    QString segmentFor( const QgsGeometry &piece, const std::vector<std::pair<QString, QgsGeometry>> &segments, const QgsSpatialIndex &index, double grid )
    {
      if ( segments.empty() )
        return QString();
      // the segment that runs longest along the piece's edge
      const QgsGeometry edge = piece.buffer( std::max( 10 * grid, 0.05 ), 2 );
      QString best;
      double bestLength = 0;
      for ( QgsFeatureId id : index.intersects( edge.boundingBox() ) )
      {
        const auto &s = segments[static_cast<size_t>( id )];
        const double length = s.second.intersection( edge ).length();
        if ( length > bestLength || ( length == bestLength && length > 0 && s.first < best ) )
        {
          bestLength = length;
          best = s.first;
        }
      }
      if ( !best.isEmpty() )
        return best;
      double bestDistance = 0;
      for ( size_t i = 0; i < segments.size(); ++i )
      {
        const double d = segments[i].second.distance( piece );
        if ( best.isEmpty() || d < bestDistance || ( d == bestDistance && segments[i].first < best ) )
        {
          best = segments[i].first;
          bestDistance = d;
        }
      }
      return best;
    }
  }

  ChangeResult ChangeEngine::run( const ChangeRequest &request, QgsFeedback *feedback )
  {
    // LIMES_TIMINGS=1 prints where the time goes, for the benchmark
    static const bool timings = !qEnvironmentVariableIsEmpty( "LIMES_TIMINGS" );
    QElapsedTimer clock;
    clock.start();
    auto phase = [&]( const char *name ) {
      if ( timings )
        fprintf( stderr, "limes timing: %-28s %8.3f s\n", name, clock.restart() / 1000.0 );
    };
    ChangeResult result;
    // Fingerprint the input files on another core while the overlay runs, each file once:
    // several inputs are often layers of one GeoPackage.
    std::map<QString, std::shared_future<QString>> hashes;
    for ( const InputLayer *l : { &request.oldVersion, &request.newVersion, &request.segments } )
      if ( !l->path.isEmpty() && !hashes.count( l->path ) )
        hashes[l->path] = std::async( std::launch::async, [path = l->path] { return fileSha256( path ); } ).share();
    for ( const InputLayer &l : request.resources )
      if ( !l.path.isEmpty() && !hashes.count( l.path ) )
        hashes[l.path] = std::async( std::launch::async, [path = l.path] { return fileSha256( path ); } ).share();
    checkLayer( request.oldVersion, "old version" );
    checkLayer( request.newVersion, "new version" );
    if ( !( request.gridM > 0 ) || request.gridM > 10 )
      throw Error( QStringLiteral( "grid must be between 0 and 10 m (got %1)" ).arg( request.gridM ) );
    if ( request.minAreaM2 < 0 )
      throw Error( QStringLiteral( "minimum area must not be negative (got %1)" ).arg( request.minAreaM2 ) );

    const limes::GeometryType oldType = QgsWkbTypes::geometryType( request.oldVersion.source->wkbType() );
    const limes::GeometryType newType = QgsWkbTypes::geometryType( request.newVersion.source->wkbType() );
    for ( const auto &[l, t, role] : { std::make_tuple( request.oldVersion, oldType, "old version" ), std::make_tuple( request.newVersion, newType, "new version" ) } )
      if ( t != limes::geometrytype::Line && t != limes::geometrytype::Polygon )
        throw Error( QStringLiteral( "%1 layer; a version is a line layer or a territory (polygon) layer" ).arg( QgsWkbTypes::geometryDisplayString( t ).toLower() ), describe( l, role ) );
    if ( oldType != newType )
      throw Error( QStringLiteral( "the old version is a %1 layer and the new one a %2 layer; compare lines with lines or territories with territories" )
                   .arg( QgsWkbTypes::geometryDisplayString( oldType ).toLower(), QgsWkbTypes::geometryDisplayString( newType ).toLower() ) );
    const bool lines = oldType == limes::geometrytype::Line;
    result.mode = lines ? QStringLiteral( "lines" ) : QStringLiteral( "territories" );
    if ( lines && ( request.leftParty.isEmpty() || request.rightParty.isEmpty() ) )
      throw Error( QStringLiteral( "line versions need the left and the right party (--left, --right)" ) );
    if ( lines && request.leftParty == request.rightParty )
      throw Error( QStringLiteral( "left and right party are both '%1'" ).arg( request.leftParty ) );
    if ( !lines && request.partyField.isEmpty() )
      throw Error( QStringLiteral( "territory versions need the attribute holding the party code (--party-field)" ) );
    if ( lines && !request.knownParties.isEmpty() )
      for ( const QString &p : { request.leftParty, request.rightParty } )
        if ( !request.knownParties.contains( p ) )
          throw Error( QStringLiteral( "unknown party code '%1' (known: %2)" ).arg( p, request.knownParties.join( QLatin1String( ", " ) ) ) );

    // One working CRS for everything, chosen from the versions' extent.
    const QgsCoordinateReferenceSystem wgs84( QStringLiteral( "EPSG:4326" ) );
    QgsRectangle extent;
    for ( const InputLayer *l : { &request.oldVersion, &request.newVersion } )
    {
      auto usable = []( const QgsRectangle &r ) { return !r.isNull() && std::isfinite( r.xMinimum() ) && r.xMinimum() <= r.xMaximum(); };
      QgsRectangle sourceExtent = l->source->sourceExtent();
      if ( !usable( sourceExtent ) )
      {
        // filtered layers may not know their extent: measure it
        sourceExtent = QgsRectangle();
        compat::setNull( sourceExtent );
        QgsFeatureIterator it = l->source->getFeatures( QgsFeatureRequest().setNoAttributes() );
        QgsFeature f;
        while ( it.nextFeature( f ) )
          if ( f.hasGeometry() && !f.geometry().isEmpty() )
            sourceExtent.combineExtentWith( f.geometry().boundingBox() );
      }
      if ( !usable( sourceExtent ) )
        throw Error( QStringLiteral( "no feature has a geometry" ), describe( *l, l == &request.oldVersion ? "old version" : "new version" ) );
      const QgsCoordinateTransform t( l->source->sourceCrs(), wgs84, QgsProject::instance()->transformContext() );
      try
      {
        extent.combineExtentWith( t.transformBoundingBox( sourceExtent ) );
      }
      catch ( const QgsCsException &e )
      {
        throw Error( QStringLiteral( "cannot transform the extent to WGS 84: %1" ).arg( e.what() ), l->spec );
      }
    }
    result.workingCrs = workingCrsFor( extent );
    result.ellipsoid = request.ellipsoid;
    result.gridM = request.gridM;
    result.minAreaM2 = request.minAreaM2;
    result.maxEndGapM = request.maxEndGapM;
    result.partyField = request.partyField;
    result.leftParty = request.leftParty;
    result.rightParty = request.rightParty;
    const QgsCoordinateReferenceSystem &crs = result.workingCrs;

    QgsDistanceArea daSetup;
    daSetup.setSourceCrs( crs, QgsProject::instance()->transformContext() );
    if ( !daSetup.setEllipsoid( request.ellipsoid ) || !daSetup.willUseEllipsoid() )
      throw Error( QStringLiteral( "unknown ellipsoid '%1'" ).arg( request.ellipsoid ) );
    const EllipsoidMeasure da( daSetup );

    result.inputs << provenance( request.oldVersion, "old" ) << provenance( request.newVersion, "new" );
    if ( request.segments.source )
    {
      checkLayer( request.segments, "segments" );
      result.inputs << provenance( request.segments, "segments" );
    }
    for ( const InputLayer &r : request.resources )
    {
      checkLayer( r, "resource layer" );
      result.inputs << provenance( r, "resource" );
      // two layers of the same name must not pool their totals
      QString name = r.name;
      for ( int k = 2; result.resourceLayers.contains( name ); ++k )
        name = QStringLiteral( "%1 (%2)" ).arg( r.name ).arg( k );
      result.resourceLayers << name;
    }
    for ( const InputProvenance &p : std::as_const( result.inputs ) )
      if ( p.crs != crs.authid() )
        result.warnings << QStringLiteral( "%1 (%2) reprojected from %3 to %4" ).arg( p.role, p.layer, p.crs, crs.authid() );

    phase( "checks and provenance" );
    geos::Context ctx;
    struct Piece
    {
      QString from, to;
      QgsGeometry geometry;
    };
    std::vector<Piece> pieces;
    QgsGeometry oldBoundary, newBoundary;
    if ( feedback )
      feedback->setProgress( 5 );

    if ( lines )
    {
      std::vector<Polyline> oldParts = readLines( request.oldVersion, "old version", crs, feedback );
      std::vector<Polyline> newParts = readLines( request.newVersion, "new version", crs, feedback );
      auto multiline = []( const std::vector<Polyline> &parts ) {
        QgsMultiPolylineXY m;
        for ( const Polyline &p : parts )
        {
          QgsPolylineXY line;
          for ( size_t i = 0; i + 1 < p.xy.size(); i += 2 )
            line << QgsPointXY( p.xy[i], p.xy[i + 1] );
          m << line;
        }
        return QgsGeometry::fromMultiPolylineXY( m );
      };
      phase( "read versions" );
      oldBoundary = multiline( oldParts );
      newBoundary = multiline( newParts );
      LineOverlayResult overlay;
      try
      {
        overlay = LineOverlay( request.gridM, request.maxEndGapM ).run( std::move( oldParts ), std::move( newParts ), feedback );
      }
      catch ( const Error &e )
      {
        throw Error( e.problem(), e.where().isEmpty() ? QStringLiteral( "%1 vs %2" ).arg( request.oldVersion.spec, request.newVersion.spec ) : e.where() );
      }
      checkCanceled( feedback );
      phase( "overlay" );
      result.sharedSegments = overlay.sharedSegments;
      result.overlaidSegments = overlay.chainSegments;
      result.connectors = overlay.connectors;
      for ( const EndConnector &c : overlay.connectors )
        result.warnings << QStringLiteral( "the %1 of old %2 and new %3 differ by %4 m: closed with a straight connector" )
                        .arg( c.atStart ? QStringLiteral( "starts" ) : QStringLiteral( "ends" ), c.oldOrigin, c.newOrigin ).arg( c.length, 0, 'f', 3 );
      for ( const OverlayFace &face : overlay.faces )
      {
        const bool leftToRight = face.winding > 0;
        pieces.push_back( { leftToRight ? request.leftParty : request.rightParty, leftToRight ? request.rightParty : request.leftParty, face.polygon } );
      }
      result.parties = QStringList{ request.leftParty, request.rightParty };
    }
    else
    {
      const auto oldTerritory = readTerritories( request.oldVersion, "old version", request, crs, ctx, result.warnings, feedback );
      const auto newTerritory = readTerritories( request.newVersion, "new version", request, crs, ctx, result.warnings, feedback );
      QSet<QString> parties;
      for ( const auto &e : oldTerritory )
        parties << e.first;
      for ( const auto &e : newTerritory )
        parties << e.first;
      result.parties = QStringList( parties.begin(), parties.end() );
      std::sort( result.parties.begin(), result.parties.end() );
      for ( const auto &[a, oldA] : oldTerritory )
        for ( const auto &[b, newB] : newTerritory )
        {
          checkCanceled( feedback );
          if ( a == b )
            continue;
          const geos::GeomPtr ga = ctx.fromQgs( oldA );
          const geos::GeomPtr gb = ctx.fromQgs( newB );
          const QgsGeometry moved = ctx.toQgs( ctx.intersection( ga.get(), gb.get(), request.gridM ).get() );
          for ( const QgsGeometry &part : polygonParts( moved ) )
            pieces.push_back( { a, b, part } );
        }
      // the boundary between parties, for crossing counts
      auto partyBoundary = []( const std::map<QString, QgsGeometry> &territory ) {
        QVector<QgsGeometry> shared;
        for ( auto i = territory.begin(); i != territory.end(); ++i )
          for ( auto j = std::next( i ); j != territory.end(); ++j )
            shared << i->second.convertToType( limes::geometrytype::Line, true ).intersection( j->second.convertToType( limes::geometrytype::Line, true ) );
        return QgsGeometry::unaryUnion( shared ).mergeLines();
      };
      oldBoundary = partyBoundary( oldTerritory );
      newBoundary = partyBoundary( newTerritory );
    }
    if ( feedback )
      feedback->setProgress( 60 );

    // Segments in the working CRS, for the per-segment split.
    std::vector<std::pair<QString, QgsGeometry>> segments;
    QgsSpatialIndex segmentIndex;
    if ( request.segments.source )
    {
      const int codeField = request.segments.source->fields().lookupField( request.segmentCodeField );
      if ( codeField < 0 )
        throw Error( QStringLiteral( "no field '%1' with the segment code (fields: %2)" ).arg( request.segmentCodeField, request.segments.source->fields().names().join( QLatin1String( ", " ) ) ), describe( request.segments, "segments" ) );
      QgsFeatureIterator it = request.segments.source->getFeatures( inWorkingCrs( crs ).addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      while ( nextFeature( it, f, request.segments, "segments" ) )
      {
        if ( f.geometry().isNull() || f.geometry().isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), describe( request.segments, "segments" ) );
        const QString code = f.attribute( codeField ).toString();
        if ( code.isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no segment code" ).arg( f.id() ), describe( request.segments, "segments" ) );
        QgsFeature indexed( static_cast<QgsFeatureId>( segments.size() ) );
        indexed.setGeometry( f.geometry() );
        segmentIndex.addFeature( indexed );
        segments.emplace_back( code, f.geometry() );
      }
    }

    phase( "versions done, segments read" );
    // Measure on the ellipsoid, name the segment, set digitizing noise apart. Pieces are
    // independent: measure them on every core, each worker with its own GEOS and PROJ state.
    std::vector<Transfer> measured( pieces.size() );
    auto measure = [&]( size_t first, size_t step ) {
      geos::Context workerGeos;
      const EllipsoidMeasure workerMeasure( daSetup );
      for ( size_t i = first; i < pieces.size(); i += step )
      {
        if ( feedback && feedback->isCanceled() )
          return;
        const Piece &p = pieces[i];
        Transfer &t = measured[i];
        t.from = p.from;
        t.to = p.to;
        t.geometry = p.geometry;
        t.areaM2 = workerMeasure.area( p.geometry );
        t.perimeterM = workerMeasure.perimeter( p.geometry );
        const geos::GeomPtr g = workerGeos.fromQgs( p.geometry );
        // width to 0.5 % (2 area / perimeter estimates it for long thin pieces), never coarser
        // than 1 m: a finer search costs much and says nothing more
        const double estimate = 2 * p.geometry.area() / std::max( p.geometry.length(), 1e-9 );
        t.maxWidthM = workerGeos.maximumInscribedDiameter( g.get(), std::clamp( estimate / 200.0, request.gridM, 1.0 ) );
        t.segment = segmentFor( p.geometry, segments, segmentIndex, request.gridM );
      }
    };
    {
      const size_t workers = std::clamp<size_t>( std::thread::hardware_concurrency(), 1, std::max<size_t>( 1, pieces.size() / 8 ) );
      std::vector<std::future<void>> running;
      for ( size_t w = 1; w < workers; ++w )
        running.push_back( std::async( std::launch::async, measure, w, workers ) );
      measure( 0, workers );
      for ( auto &r : running )
        r.get(); // rethrows a worker's limes::Error here, in the calling thread
    }
    checkCanceled( feedback );
    for ( Transfer &t : measured )
      ( t.areaM2 < request.minAreaM2 ? result.noise : result.transfers ).push_back( std::move( t ) );
    auto order = []( const Transfer &a, const Transfer &b ) {
      const QgsPointXY ca = a.geometry.boundingBox().center(), cb = b.geometry.boundingBox().center();
      return std::make_tuple( a.from, a.to, a.segment, ca.x(), ca.y(), a.areaM2 ) < std::make_tuple( b.from, b.to, b.segment, cb.x(), cb.y(), b.areaM2 );
    };
    std::sort( result.transfers.begin(), result.transfers.end(), order );
    std::sort( result.noise.begin(), result.noise.end(), order );
    if ( feedback )
      feedback->setProgress( 70 );
    phase( "measure pieces" );

    // Resources: what of each feature lies in each transfer.
    QgsSpatialIndex transferIndex;
    std::vector<std::unique_ptr<QgsGeometryEngine>> engines;
    for ( size_t i = 0; i < result.transfers.size(); ++i )
    {
      QgsFeature indexed( static_cast<QgsFeatureId>( i ) );
      indexed.setGeometry( result.transfers[i].geometry );
      transferIndex.addFeature( indexed );
      engines.emplace_back( QgsGeometry::createGeometryEngine( result.transfers[i].geometry.constGet() ) );
      engines.back()->prepareGeometry();
    }
    // crossing counts need only the boundary segments near each line: index them once
    const double cell = std::max( 100.0, 50 * request.gridM );
    const SegmentIndex oldCrossings( oldBoundary, cell ), newCrossings( newBoundary, cell );
    const double sameCrossing = std::max( 10 * request.gridM, 0.01 );
    phase( "index pieces and boundaries" );
    int layerNo = 0;
    for ( const InputLayer &r : request.resources )
    {
      const QString layerName = result.resourceLayers.at( layerNo );
      const limes::GeometryType type = QgsWkbTypes::geometryType( r.source->wkbType() );
      if ( type != limes::geometrytype::Point && type != limes::geometrytype::Line && type != limes::geometrytype::Polygon )
        throw Error( QStringLiteral( "layer has no point, line or polygon geometry" ), describe( r, "resource layer" ) );
      QgsFeatureIterator it = r.source->getFeatures( inWorkingCrs( crs ).setNoAttributes().addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      long long done = 0;
      const long long total = std::max( 1LL, static_cast<long long>( r.source->featureCount() ) );
      while ( nextFeature( it, f, r, "resource layer" ) )
      {
        if ( ++done % 256 == 0 )
        {
          checkCanceled( feedback );
          if ( feedback )
            feedback->setProgress( 70 + 30.0 * ( layerNo + static_cast<double>( done ) / total ) / request.resources.size() );
        }
        const QgsGeometry g = f.geometry();
        if ( g.isNull() || g.isEmpty() )
          continue; // a resource without geometry moves nowhere
        for ( QgsFeatureId id : transferIndex.intersects( g.boundingBox() ) )
        {
          const Transfer &t = result.transfers[static_cast<size_t>( id )];
          const QgsGeometryEngine &engine = *engines[static_cast<size_t>( id )];
          if ( !engine.intersects( g.constGet() ) )
            continue;
          ResourceChange c;
          c.layer = layerName;
          c.fid = f.id();
          c.type = type;
          c.from = t.from;
          c.to = t.to;
          c.segment = t.segment;
          if ( type == limes::geometrytype::Point )
            c.geometry = g;
          else
          {
            c.geometry = QgsGeometry( engine.intersection( g.constGet() ) );
            c.geometry.convertGeometryCollectionToSubclass( type );
            if ( type == limes::geometrytype::Line )
              c.lengthM = da.length( c.geometry );
            else
              c.areaM2 = da.area( c.geometry );
            if ( c.lengthM <= 0 && c.areaM2 <= 0 )
              continue; // touches the piece's edge only
          }
          result.resourceChanges.push_back( std::move( c ) );
        }
        if ( type == limes::geometrytype::Line )
        {
          const int before = oldCrossings.crossings( g, sameCrossing );
          const int after = newCrossings.crossings( g, sameCrossing );
          if ( before != after )
            result.crossings.push_back( { layerName, f.id(), before, after } );
        }
      }
      checkAllRead( done, r, "resource layer" );
      ++layerNo;
      phase( "resource layer" );
    }
    for ( InputProvenance &p : result.inputs )
      if ( hashes.count( p.path ) )
        p.sha256 = hashes[p.path].get();
    if ( feedback )
      feedback->setProgress( 100 );
    return result;
  }
}
