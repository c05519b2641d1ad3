// SPDX-License-Identifier: GPL-2.0-or-later
// The change engine's stages one by one, on plain values: working-CRS choice, checks,
// provenance, the overlay's phases, measuring, segments, resources and crossings, and the
// transform context a front end hands in.
#include "change/changeengine.h"
#include "change/checks.h"
#include "change/crossings.h"
#include "change/measure.h"
#include "change/overlayphases.h"
#include "change/provenance.h"
#include "change/resourcechanges.h"
#include "change/segments.h"
#include "change/workingcrschoice.h"
#include "error.h"
#include "fingerprint.h"
#include "geometry/ellipsoidmeasure.h"
#include "geometry/workingcrs.h"
#include "layersource.h"
#include "memorylayers.h"
#include "testutils.h"

#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsdistancearea.h>

using namespace limes;
using namespace limes::test;

namespace
{
  const QString UTM = QStringLiteral( "EPSG:32642" );

  //! Offsets in metres from (600000, 4430000), near Isfara in UTM 42N.
  QString at( const QString &wkt )
  {
    QgsGeometry g = QgsGeometry::fromWkt( wkt );
    g.translate( 600000, 4430000 );
    return g.asWkt( 6 );
  }

  QgsGeometry geometryAt( const QString &wkt )
  {
    return QgsGeometry::fromWkt( at( wkt ) );
  }

  std::vector<Polyline> parts( std::initializer_list<std::vector<double>> lines )
  {
    std::vector<Polyline> out;
    int i = 0;
    for ( const std::vector<double> &xy : lines )
      out.push_back( Polyline{ xy, QStringLiteral( "part %1" ).arg( ++i ) } );
    return out;
  }

  QString errorOf( const std::function<void()> &f )
  {
    try
    {
      f();
    }
    catch ( const Error &e )
    {
      return e.message();
    }
    return QString();
  }

  Transfer transfer( const QString &wkt, const QString &segment = QString(), double area = 0 )
  {
    Transfer t;
    t.from = QStringLiteral( "KG" );
    t.to = QStringLiteral( "TJ" );
    t.geometry = geometryAt( wkt );
    t.segment = segment;
    t.areaM2 = area;
    return t;
  }
}

class TestChangeStages : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { initQgis(); }

    void workingCrsIsTheUtmZoneOfTheCentre_data()
    {
      QTest::addColumn<QgsRectangle>( "extent" );
      QTest::addColumn<QString>( "crs" );
      QTest::newRow( "Fergana valley" ) << QgsRectangle( 69.5, 39.8, 72.0, 41.2 ) << "EPSG:32642";
      QTest::newRow( "southern hemisphere" ) << QgsRectangle( -70.0, -34.0, -69.0, -33.0 ) << "EPSG:32719";
      QTest::newRow( "date line, east" ) << QgsRectangle( 179.5, 10.0, 179.9, 11.0 ) << "EPSG:32660";
      QTest::newRow( "date line, west" ) << QgsRectangle( -180.0, 10.0, -179.9, 11.0 ) << "EPSG:32601";
    }

    void workingCrsIsTheUtmZoneOfTheCentre()
    {
      QFETCH( QgsRectangle, extent );
      QFETCH( QString, crs );
      QCOMPARE( workingCrsFor( extent ).authid(), crs );
    }

    void workingCrsComesFromBothVersionsInAnyCrs()
    {
      // one version in WGS 84, one in UTM: the joint extent decides, the CRS of neither
      auto o = memoryLayer( "LineString", "EPSG:4326", { "LINESTRING(70.6 40.0, 70.9 40.1)" } );
      auto n = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 100 0)" ) } );
      const QgsCoordinateTransformContext context;
      QCOMPARE( change::chooseWorkingCrs( input( o.get(), "old" ), input( n.get(), "new" ), context ).authid(), UTM );
      auto empty = memoryLayer( "LineString", UTM, { QString() } );
      QCOMPARE( errorOf( [&] { change::chooseWorkingCrs( input( o.get(), "old" ), input( empty.get(), "new" ), context ); } ),
                QStringLiteral( "new version (new): no feature has a geometry" ) );
    }

    void checksNameTheKindAndKeepLayerTotalsApart()
    {
      auto line = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 100 0)" ) } );
      auto square = memoryLayer( "Polygon", UTM, { at( "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))" ) }, "party", { "KG" } );
      ChangeRequest r = lineRequest( line.get(), line.get() );
      QVERIFY( change::checkVersions( r ) == change::VersionKind::Lines );
      r.oldVersion = r.newVersion = input( square.get(), "t" );
      r.partyField = "party";
      QVERIFY( change::checkVersions( r ) == change::VersionKind::Territories );
      r.resources = { input( line.get(), "rivers" ), input( square.get(), "rivers" ), input( line.get(), "rivers" ) };
      QCOMPARE( change::checkSupportingLayers( r ), QStringList( { "rivers", "rivers (2)", "rivers (3)" } ) );
      r.gridM = 11;
      QCOMPARE( errorOf( [&] { change::checkVersions( r ); } ), QStringLiteral( "grid must be between 1e-06 and 10 m (got 11)" ) );
    }

    void provenanceHashesEachFileOnceWithTheHasherGiven()
    {
      auto dcw = LayerSource( sampleData( "boundary_dcw" ) ).open();
      auto wdb = LayerSource( sampleData( "boundary_wdbii" ) ).open();
      auto memory = memoryLayer( "Point", "EPSG:4326", { "POINT(70.7 40.1)" } );
      ChangeRequest r = lineRequest( dcw.get(), wdb.get() );
      r.oldVersion.path = r.newVersion.path = sampleData();
      r.resources = { input( memory.get(), "springs" ) };
      QAtomicInt calls;
      const change::FileHasher hasher = [&]( const QString &path ) { calls.ref(); return QStringLiteral( "hash of %1" ).arg( path ); };
      QList<InputProvenance> inputs = change::describeInputs( r );
      change::addFingerprints( inputs, change::Fingerprints( r, hasher ) );
      QCOMPARE( calls.loadAcquire(), 1 ); // two layers of one GeoPackage
      QCOMPARE( inputs.size(), 3 );
      QCOMPARE( inputs[0].role, QStringLiteral( "old" ) );
      QCOMPARE( inputs[0].sha256, QStringLiteral( "hash of %1" ).arg( sampleData() ) );
      QCOMPARE( inputs[1].sha256, inputs[0].sha256 );
      QCOMPARE( inputs[1].features, 2LL );
      QCOMPARE( inputs[2].role, QStringLiteral( "resource" ) );
      QCOMPARE( inputs[2].sha256, QString() ); // a memory layer is no file
      QCOMPARE( change::reprojectionNotes( inputs, QgsCoordinateReferenceSystem( UTM ) ).size(), 3 );
      QCOMPARE( change::reprojectionNotes( inputs, QgsCoordinateReferenceSystem( "EPSG:4326" ) ), QStringList() );
    }

    void engineRecordsTheRealFingerprint()
    {
      auto dcw = LayerSource( sampleData( "boundary_dcw" ) ).open();
      ChangeRequest r = lineRequest( dcw.get(), dcw.get() );
      r.oldVersion.path = r.newVersion.path = sampleData();
      const ChangeResult result = ChangeEngine::run( r );
      QCOMPARE( result.inputs.at( 0 ).sha256, fileSha256( sampleData() ) );
      QCOMPARE( result.inputs.at( 0 ).sha256.size(), 64 );
    }

    void overlayPhases()
    {
      // old runs east; the new one bulges north twice, 10 km apart: two windows
      const std::vector<Polyline> o = parts( { { 0, 0, 100, 0, 10000, 0, 10100, 0 } } );
      const std::vector<Polyline> n = parts( { { 0, 0, 50, 40, 100, 0, 10000, 0, 10050, 40, 10100, 0 } } );
      const overlay::Pairing pairing = overlay::pairParts( o, n, 1000 );
      QVERIFY( pairing.connectors.empty() ); // the ends meet
      const overlay::Unshared unshared = overlay::cancelShared( o, n, 0.001 );
      QCOMPARE( unshared.shared, 1LL ); // 100 0 -> 10000 0
      QCOMPARE( unshared.chain.size(), size_t( 2 + 4 ) );
      const auto windows = overlay::clusterWindows( unshared.chain, 0.001 );
      QCOMPARE( windows.size(), size_t( 2 ) );
      const geos::Context ctx;
      for ( const auto &window : windows )
      {
        const geos::GeomPtr noded = overlay::nodeWindow( ctx, window, 0.001 );
        const overlay::WeightedEdges edges = overlay::weighEdges( ctx, noded.get(), window, 0.001 );
        const geos::GeomPtr faces = overlay::polygonize( ctx, edges );
        const std::vector<OverlayFace> classified = overlay::classifyFaces( ctx, faces.get(), edges, 0.001 );
        QCOMPARE( classified.size(), size_t( 1 ) );
        QCOMPARE( classified.front().winding, 1 ); // old's left goes to the right party
        QGSCOMPARENEAR( classified.front().polygon.area(), 2000.0, 1e-6 );
      }
      // a version digitized the other way is refused before any overlay
      const std::vector<Polyline> reversed = parts( { { 10100, 0, 10000, 0, 100, 0, 0, 0 } } );
      QVERIFY( errorOf( [&] { overlay::pairParts( o, reversed, 1000 ); } ).contains( "runs the opposite way" ) );
      // a gap at the ends becomes two connectors, a step each way in the chain
      const std::vector<Polyline> shifted = parts( { { 0, 5, 10100, 5 } } );
      QCOMPARE( overlay::pairParts( o, shifted, 1000 ).chain.size(), size_t( 2 ) );
    }

    void ellipsoidMeasureAgreesWithQgsDistanceArea()
    {
      const QgsCoordinateTransformContext context;
      const Ellipsoid wgs84 = Ellipsoid::checked( QgsCoordinateReferenceSystem( UTM ), "EPSG:7030", context );
      const EllipsoidMeasure measure( wgs84 );
      QgsDistanceArea da;
      da.setSourceCrs( QgsCoordinateReferenceSystem( UTM ), context );
      da.setEllipsoid( "EPSG:7030" );
      const QgsGeometry square = geometryAt( "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))" );
      QGSCOMPARENEAR( measure.area( square ), da.measureArea( square ), 1e-6 * da.measureArea( square ) );
      QGSCOMPARENEAR( measure.perimeter( square ), da.measurePerimeter( square ), 1e-6 );
      QCOMPARE( errorOf( [&] { Ellipsoid::checked( QgsCoordinateReferenceSystem( UTM ), "EPSG:9999999", context ); } ),
                QStringLiteral( "unknown ellipsoid 'EPSG:9999999'" ) );
    }

    void measureThenSeparateNoise()
    {
      const QgsCoordinateTransformContext context;
      const Ellipsoid wgs84 = Ellipsoid::checked( QgsCoordinateReferenceSystem( UTM ), "EPSG:7030", context );
      std::vector<change::Piece> pieces;
      pieces.push_back( { "TJ", "KG", geometryAt( "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))" ) } );
      pieces.push_back( { "KG", "TJ", geometryAt( "POLYGON((0 10, 100 10, 100 30, 0 30, 0 10))" ) } );
      const std::vector<Transfer> measured = change::measurePieces( pieces, wgs84, 0.001, nullptr );
      QCOMPARE( measured.size(), size_t( 2 ) );
      QVERIFY( measured[1].areaM2 > 2000 && measured[1].areaM2 < 2003 );
      QGSCOMPARENEAR( measured[1].maxWidthM, 20.0, 0.1 ); // to 0.5 %
      std::vector<Transfer> transfers, noise;
      change::separateNoise( measured, 10, transfers, noise );
      QCOMPARE( transfers.size(), size_t( 1 ) );
      QCOMPARE( noise.size(), size_t( 1 ) );
      QCOMPARE( noise.front().from, QStringLiteral( "TJ" ) );
    }

    void segmentIsTheOneAlongThePiece()
    {
      change::SegmentLookup segments;
      segments.add( "S-002", geometryAt( "LINESTRING(100 0, 200 0)" ) );
      segments.add( "S-001", geometryAt( "LINESTRING(-50 0, 100 0)" ) );
      QCOMPARE( segments.segmentFor( geometryAt( "POLYGON((0 0, 90 0, 90 10, 0 10, 0 0))" ), 0.001 ), QStringLiteral( "S-001" ) );
      QCOMPARE( segments.segmentFor( geometryAt( "POLYGON((120 0, 190 0, 150 30, 120 0))" ), 0.001 ), QStringLiteral( "S-002" ) );
      // no segment along it: the nearest
      QCOMPARE( segments.segmentFor( geometryAt( "POLYGON((180 500, 190 500, 190 510, 180 510, 180 500))" ), 0.001 ), QStringLiteral( "S-002" ) );
      std::vector<Transfer> transfers{ transfer( "POLYGON((0 0, 90 0, 90 10, 0 10, 0 0))" ) };
      change::assignSegments( transfers, segments, 0.001, nullptr );
      QCOMPARE( transfers.front().segment, QStringLiteral( "S-001" ) );
      QCOMPARE( change::SegmentLookup().segmentFor( transfers.front().geometry, 0.001 ), QString() );
    }

    void segmentTiesGoToTheEarlierSegmentWhateverTheLastDigits()
    {
      // a piece along two segments for the same length: which one it lands in must not depend
      // on digits the CRS decides (here 1e-7 m more along the top), nor on the codes' order
      const QString bottom = "LINESTRING(-50 0, 150 0)", top = "LINESTRING(-50 10, 150 10)";
      for ( const QString &piece : { QStringLiteral( "POLYGON((0 0, 100 0, 100.0000001 10, 0 10, 0 0))" ), QStringLiteral( "POLYGON((0 0, 100.0000001 0, 100 10, 0 10, 0 0))" ) } )
      {
        change::SegmentLookup bottomFirst;
        bottomFirst.add( "S-009", geometryAt( bottom ) );
        bottomFirst.add( "S-001", geometryAt( top ) );
        QCOMPARE( bottomFirst.segmentFor( geometryAt( piece ), 0.001 ), QStringLiteral( "S-009" ) );
        change::SegmentLookup topFirst;
        topFirst.add( "S-009", geometryAt( top ) );
        topFirst.add( "S-001", geometryAt( bottom ) );
        QCOMPARE( topFirst.segmentFor( geometryAt( piece ), 0.001 ), QStringLiteral( "S-009" ) );
      }
      // longer by more than the grid: the longer stretch wins, whatever the order
      change::SegmentLookup lookup;
      lookup.add( "S-001", geometryAt( bottom ) );
      lookup.add( "S-002", geometryAt( top ) );
      QCOMPARE( lookup.segmentFor( geometryAt( "POLYGON((0 0, 100 0, 100.01 10, 0 10, 0 0))" ), 0.001 ), QStringLiteral( "S-002" ) );
      // along neither, as near to both: the earlier one
      change::SegmentLookup apart;
      apart.add( "S-009", geometryAt( "LINESTRING(0 -100, 100 -100)" ) );
      apart.add( "S-001", geometryAt( "LINESTRING(0 110, 100 110)" ) );
      QCOMPARE( apart.segmentFor( geometryAt( "POLYGON((0 0, 100 0, 100 10, 0 10, 0 0))" ), 0.001 ), QStringLiteral( "S-009" ) );
    }

    void resourcesInATransfer()
    {
      const QgsCoordinateTransformContext context;
      const std::vector<Transfer> transfers{ transfer( "POLYGON((0 0, 100 0, 100 50, 0 50, 0 0))" ) };
      const change::ResourceOverlay overlay( transfers, Ellipsoid::checked( QgsCoordinateReferenceSystem( UTM ), "EPSG:7030", context ) );
      std::vector<ResourceChange> changes;
      overlay.add( "canals", limes::geometrytype::Line, 7, geometryAt( "LINESTRING(50 -20, 50 80)" ), changes );
      overlay.add( "canals", limes::geometrytype::Line, 8, geometryAt( "LINESTRING(-10 20, 0 20)" ), changes ); // touches the edge only
      overlay.add( "springs", limes::geometrytype::Point, 3, geometryAt( "POINT(10 10)" ), changes );
      overlay.add( "springs", limes::geometrytype::Point, 4, geometryAt( "POINT(10 60)" ), changes );
      QCOMPARE( changes.size(), size_t( 2 ) );
      QCOMPARE( changes[0].fid, QgsFeatureId( 7 ) );
      QGSCOMPARENEAR( changes[0].lengthM, 50.0, 0.05 );
      QCOMPARE( changes[1].fid, QgsFeatureId( 3 ) );
      QCOMPARE( changes[1].to, QStringLiteral( "TJ" ) );
    }

    void crossingsThatChange()
    {
      const change::CrossingCounter counter( geometryAt( "LINESTRING(0 0, 1000 0)" ), geometryAt( "LINESTRING(0 0, 500 300, 1000 0)" ), 0.001 );
      const std::optional<CrossingChange> c = counter.change( "canals", 5, geometryAt( "LINESTRING(500 -10, 500 10)" ) );
      QVERIFY( c.has_value() );
      QCOMPARE( c->oldCrossings, 1 );
      QCOMPARE( c->newCrossings, 0 );
      QVERIFY( !counter.change( "canals", 6, geometryAt( "LINESTRING(10 -10, 10 10)" ) ).has_value() ); // crosses both
    }

    void engineUsesTheTransformContextItIsGiven()
    {
      // the new version is the old one in WGS 84; a context whose WGS 84 -> UTM 42N
      // operation adds 10 m northing moves it, and the engine must use that context
      const QgsGeometry old = geometryAt( "LINESTRING(0 0, 1000 0)" );
      QgsGeometry wgs = old;
      const QgsCoordinateReferenceSystem utm( UTM ), wgs84( "EPSG:4326" );
      wgs.transform( QgsCoordinateTransform( utm, wgs84, QgsCoordinateTransformContext() ) );
      auto o = memoryLayer( "LineString", UTM, { old.asWkt( 6 ) } );
      auto n = memoryLayer( "LineString", "EPSG:4326", { wgs.asWkt( 12 ) } );
      ChangeRequest r = lineRequest( o.get(), n.get() );
      r.gridM = 0.01;
      const ChangeResult same = ChangeEngine::run( r );
      QVERIFY( transferred( same, "KG", "TJ" ) + transferred( same, "TJ", "KG" ) < 1 );
      QVERIFY( r.transformContext.addCoordinateOperation( wgs84, utm, QStringLiteral( "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
               "+step +proj=utm +zone=42 +ellps=WGS84 +step +proj=affine +yoff=10" ), false ) );
      const ChangeResult shifted = ChangeEngine::run( r );
      // new north of old: old's left (KG) goes to TJ, 10 m by 1000 m
      QGSCOMPARENEAR( transferred( shifted, "KG", "TJ" ), 10000.0, 30.0 );
    }
};

QGSTEST_MAIN( TestChangeStages )
#include "testchangestages.moc"
