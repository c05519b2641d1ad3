// SPDX-License-Identifier: GPL-2.0-or-later
// The change engine's properties, hand-computed resource cases and bad input.
#include "boundarygenerator.h"
#include "change/changeengine.h"
#include "change/changeoutput.h"
#include "change/incremental.h"
#include "error.h"
#include "layersource.h"
#include "memorylayers.h"
#include "testutils.h"

#include <QtTest>

#include <functional>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsdistancearea.h>
#include <qgsfeedback.h>
#include <qgsproject.h>

using namespace limes;
using namespace limes::test;

namespace
{
  const QString UTM = QStringLiteral( "EPSG:32642" );

  //! A hand case near Isfara in UTM 42N: x, y offsets in metres from (600000, 4430000).
  QString at( const QString &wktWithOffsets )
  {
    const QgsGeometry g = QgsGeometry::fromWkt( wktWithOffsets );
    QgsGeometry moved = g;
    moved.translate( 600000, 4430000 );
    return moved.asWkt( 6 );
  }

  ChangeRequest lines( QgsVectorLayer *o, QgsVectorLayer *n )
  {
    return lineRequest( o, n );
  }

  //! Layers holding the parts as the incremental change sees them, for a fresh full run.
  std::unique_ptr<QgsVectorLayer> layerOf( const std::vector<Polyline> &parts )
  {
    QStringList wkts;
    for ( const Polyline &p : parts )
    {
      QgsPolylineXY line;
      for ( size_t i = 0; i + 1 < p.xy.size(); i += 2 )
        line << QgsPointXY( p.xy[i], p.xy[i + 1] );
      wkts << QgsGeometry::fromPolylineXY( line ).asWkt( 6 );
    }
    return memoryLayer( "LineString", UTM, wkts );
  }

  //! Same transfers (direction, segment, area, perimeter) and resource changes, to 1e-9 relative.
  void compareResults( const ChangeResult &a, const ChangeResult &b )
  {
    QCOMPARE( a.transfers.size(), b.transfers.size() );
    QCOMPARE( a.noise.size(), b.noise.size() );
    for ( size_t i = 0; i < a.transfers.size(); ++i )
    {
      const Transfer &s = a.transfers[i], &t = b.transfers[i];
      QCOMPARE( s.from + s.to + s.segment, t.from + t.to + t.segment );
      QGSCOMPARENEAR( s.areaM2, t.areaM2, 1e-9 * t.areaM2 + 1e-6 );
      QGSCOMPARENEAR( s.perimeterM, t.perimeterM, 1e-9 * t.perimeterM + 1e-6 );
      QVERIFY( s.geometry.symDifference( t.geometry ).area() < 1e-6 );
    }
    QCOMPARE( a.resourceChanges.size(), b.resourceChanges.size() );
    auto total = []( const ChangeResult &r ) {
      double sum = 0;
      for ( const ResourceChange &c : r.resourceChanges )
        sum += c.lengthM + c.areaM2 + static_cast<double>( c.fid );
      return sum;
    };
    QGSCOMPARENEAR( total( a ), total( b ), 1e-6 );
    QCOMPARE( a.connectors.size(), b.connectors.size() );
    QCOMPARE( a.sharedSegments, b.sharedSegments );
  }

  QString errorOfEdit( const std::function<void()> &edit )
  {
    try
    {
      edit();
    }
    catch ( const Error &e )
    {
      return e.message();
    }
    return QString();
  }

  QString errorOf( const ChangeRequest &request )
  {
    try
    {
      ChangeEngine::run( request );
    }
    catch ( const Error &e )
    {
      return e.message();
    }
    return QString();
  }
}

class TestChangeEngine : public QObject
{
    Q_OBJECT

  private:
    std::unique_ptr<QgsVectorLayer> mDcw, mWdb;

  private slots:
    void initTestCase()
    {
      initQgis();
      mDcw = LayerSource( sampleData( "boundary_dcw" ) ).open();
      mWdb = LayerSource( sampleData( "boundary_wdbii" ) ).open();
    }

    void identicalVersionsMoveNothing()
    {
      ChangeRequest r = lines( mDcw.get(), mDcw.get() );
      const ChangeResult result = ChangeEngine::run( r );
      QVERIFY( result.transfers.empty() );
      QVERIFY( result.noise.empty() );
      QVERIFY( result.connectors.empty() );
      QVERIFY( result.sharedSegments > 300 );
      QCOMPARE( result.overlaidSegments, 0LL );
    }

    void swappingVersionsSwapsEveryDirection()
    {
      ChangeRequest ab = lines( mDcw.get(), mWdb.get() );
      ab.maxEndGapM = 5000;
      ChangeRequest ba = lines( mWdb.get(), mDcw.get() );
      ba.maxEndGapM = 5000;
      const ChangeResult x = ChangeEngine::run( ab ), y = ChangeEngine::run( ba );
      QVERIFY( transferred( x, "KG", "TJ" ) > 1e6 );
      QGSCOMPARENEAR( transferred( x, "KG", "TJ" ), transferred( y, "TJ", "KG" ), 1e-6 * transferred( x, "KG", "TJ" ) );
      QGSCOMPARENEAR( transferred( x, "TJ", "KG" ), transferred( y, "KG", "TJ" ), 1e-6 * transferred( x, "TJ", "KG" ) );
      QCOMPARE( x.transfers.size(), y.transfers.size() );
    }

    void territoryTransfersBalanceAreaChange_data()
    {
      QTest::addColumn<unsigned>( "seed" );
      for ( unsigned seed = 11; seed <= 14; ++seed )
        QTest::newRow( qPrintable( QString::number( seed ) ) ) << seed;
    }

    void territoryTransfersBalanceAreaChange()
    {
      QFETCH( unsigned, seed );
      LineSpec spec;
      spec.seed = seed;
      spec.windows = 5;
      const LinePair p = generateLines( spec );
      const double top = p.yMax + 800, bottom = p.yMin - 800;
      const QgsGeometry box = QgsGeometry::fromRect( QgsRectangle( p.oldLine.front().x(), bottom, p.oldLine.back().x(), top ) );
      auto split = [&]( const std::vector<QgsPointXY> &line ) {
        const QgsGeometry kg = QgsGeometry::fromWkt( wktLeftOf( line, top ) );
        return std::make_pair( kg, box.difference( kg ) );
      };
      const auto o = split( p.oldLine ), n = split( p.newLine );
      auto oldLayer = memoryLayer( "MultiPolygon", UTM, { o.first.asWkt(), o.second.asWkt() }, "party", { "KG", "TJ" } );
      auto newLayer = memoryLayer( "MultiPolygon", UTM, { n.first.asWkt(), n.second.asWkt() }, "party", { "KG", "TJ" } );
      ChangeRequest r;
      r.oldVersion = input( oldLayer.get(), "old" );
      r.newVersion = input( newLayer.get(), "new" );
      r.partyField = "party";
      const ChangeResult result = ChangeEngine::run( r );
      QgsDistanceArea da;
      da.setSourceCrs( QgsCoordinateReferenceSystem( UTM ), QgsProject::instance()->transformContext() );
      da.setEllipsoid( "EPSG:7030" );
      const double change = da.measureArea( n.first ) - da.measureArea( o.first );
      const double gained = transferred( result, "TJ", "KG" ), lost = transferred( result, "KG", "TJ" );
      QVERIFY( gained + lost > 1000 );
      QGSCOMPARENEAR( gained - lost, change, std::max( 1.0, 1e-4 * ( gained + lost ) ) );
    }

    void resourcesInHandComputedCase()
    {
      // old runs east along y=0; the new line bulges 40 m north: a triangle goes KG -> TJ
      auto o = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 100 0)" ) } );
      auto n = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 50 40, 100 0)" ) } );
      auto points = memoryLayer( "Point", UTM, { at( "POINT(50 10)" ), at( "POINT(50 -10)" ), at( "POINT(90 30)" ) } );
      auto canals = memoryLayer( "LineString", UTM, { at( "LINESTRING(50 -10, 50 60)" ), at( "LINESTRING(25 -5, 25 5)" ), at( "LINESTRING(200 0, 300 0)" ) } );
      auto ponds = memoryLayer( "Polygon", UTM, { at( "POLYGON((40 0, 60 0, 60 10, 40 10, 40 0))" ), at( "POLYGON((0 -50, 10 -50, 10 -40, 0 -40, 0 -50))" ) } );
      ChangeRequest r = lines( o.get(), n.get() );
      r.resources = { input( points.get(), "springs" ), input( canals.get(), "canals" ), input( ponds.get(), "reservoirs" ) };
      const ChangeResult result = ChangeEngine::run( r );
      QCOMPARE( result.transfers.size(), size_t( 1 ) );
      const Transfer &t = result.transfers.front();
      QCOMPARE( t.from, QStringLiteral( "KG" ) );
      QCOMPARE( t.to, QStringLiteral( "TJ" ) );
      // planar area 2000 m²; UTM scale 0.9996 at the central meridian's distance: ellipsoidal a little more
      QVERIFY2( t.areaM2 > 2000 && t.areaM2 < 2003, qPrintable( QString::number( t.areaM2 ) ) );
      // largest inscribed circle of the triangle: r = area / semi-perimeter
      const double s = ( 100 + 2 * std::hypot( 50, 40 ) ) / 2;
      QGSCOMPARENEAR( t.maxWidthM, 2 * 2000 / s, 0.2 ); // to 0.5 %
      QGSCOMPARENEAR( t.perimeterM, 2 * s, 0.1 );

      const QJsonObject summary = changeSummary( result );
      QMap<QString, QJsonObject> water;
      for ( const QJsonValue &w : summary["water"].toArray() )
        water.insert( w["layer"].toString(), w.toObject() );
      QCOMPARE( water.size(), 3 );
      QCOMPARE( water["springs"]["count"].toInt(), 1 );
      QCOMPARE( water["springs"]["features"].toArray().first().toInt(), 1 );
      QCOMPARE( water["canals"]["count"].toInt(), 2 );
      QGSCOMPARENEAR( water["canals"]["length_m"].toDouble(), 45.0, 0.05 ); // 40 m + 5 m
      QCOMPARE( water["reservoirs"]["count"].toInt(), 1 );
      QGSCOMPARENEAR( water["reservoirs"]["area_m2"].toDouble(), 200.0, 0.3 );
      QCOMPARE( water["reservoirs"]["from"].toString(), QStringLiteral( "KG" ) );
      // the short canal crossed the old line once and misses the new one
      QCOMPARE( result.crossings.size(), size_t( 1 ) );
      QCOMPARE( result.crossings.front().layer, QStringLiteral( "canals" ) );
      QCOMPARE( result.crossings.front().oldCrossings, 1 );
      QCOMPARE( result.crossings.front().newCrossings, 0 );
    }

    void sameNamedResourceLayersKeepTheirOwnTotals()
    {
      auto o = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 100 0)" ) } );
      auto n = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 50 40, 100 0)" ) } );
      auto a = memoryLayer( "Point", UTM, { at( "POINT(50 10)" ) } );
      auto b = memoryLayer( "Point", UTM, { at( "POINT(50 20)" ), at( "POINT(45 5)" ) } );
      ChangeRequest r = lines( o.get(), n.get() );
      r.resources = { input( a.get(), "fergana" ), input( b.get(), "fergana" ) };
      const QJsonArray water = changeSummary( ChangeEngine::run( r ) )["water"].toArray();
      QCOMPARE( water.size(), 2 );
      QCOMPARE( water[0]["layer"].toString(), QStringLiteral( "fergana" ) );
      QCOMPARE( water[0]["count"].toInt(), 1 );
      QCOMPARE( water[1]["layer"].toString(), QStringLiteral( "fergana (2)" ) );
      QCOMPARE( water[1]["count"].toInt(), 2 );
    }

    void minimumAreaSetsNoiseApart()
    {
      auto o = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 100 0, 200 0)" ) } );
      auto n = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 50 40, 100 0, 150 -0.2, 200 0)" ) } );
      ChangeRequest r = lines( o.get(), n.get() );
      r.minAreaM2 = 50;
      const ChangeResult result = ChangeEngine::run( r );
      QCOMPARE( result.transfers.size(), size_t( 1 ) );
      QCOMPARE( result.noise.size(), size_t( 1 ) );
      QVERIFY( result.noise.front().areaM2 < 50 && result.noise.front().areaM2 > 5 );
      QCOMPARE( result.noise.front().from, QStringLiteral( "TJ" ) );
    }

    void claimsOfOneSegmentAreAssignedToIt()
    {
      // the synthetic claims of S-003: TJ's claim against KG's, split by the sample segments
      auto tj = LayerSource( sampleData( "synthetic_claims" ) + "|subset=segment = 'S-003' AND party = 'TJ'" ).open();
      auto kg = LayerSource( sampleData( "synthetic_claims" ) + "|subset=segment = 'S-003' AND party = 'KG'" ).open();
      auto segments = LayerSource( sampleData( "segments" ) ).open();
      auto water = LayerSource( sampleData( "synthetic_water_points" ) ).open();
      ChangeRequest r = lines( tj.get(), kg.get() );
      r.segments = input( segments.get(), "segments" );
      r.resources = { input( water.get(), "synthetic_water_points" ) };
      QCOMPARE( errorOf( r ), QString() );
      const ChangeResult result = ChangeEngine::run( r );
      QVERIFY( !result.transfers.empty() );
      for ( const Transfer &t : result.transfers )
      {
        QCOMPARE( t.segment, QStringLiteral( "S-003" ) );
        // TJ's claim lies in KG's side: between the claims, land is TJ's under the TJ claim
        QCOMPARE( t.from, QStringLiteral( "TJ" ) );
      }
      // three of the four water points of S-003 lie between the claims
      QSet<QgsFeatureId> moved;
      for ( const ResourceChange &c : result.resourceChanges )
        moved.insert( c.fid );
      QCOMPARE( moved.size(), 3 );
    }

    void cancelStopsTheRun()
    {
      // Processing's cancel button: the engine stops with an error instead of a result
      QgsFeedback feedback;
      feedback.cancel();
      ChangeRequest r = lines( mDcw.get(), mWdb.get() );
      r.maxEndGapM = 5000;
      try
      {
        ChangeEngine::run( r, &feedback );
        QFAIL( "ran to the end" );
      }
      catch ( const Error &e )
      {
        QCOMPARE( e.message(), QStringLiteral( "cancelled" ) );
      }
      QgsFeedback progress;
      QList<double> seen;
      connect( &progress, &QgsFeedback::progressChanged, this, [&]( double p ) { seen << p; } );
      ChangeEngine::run( r, &progress );
      QVERIFY( seen.size() >= 3 );
      QCOMPARE( seen.last(), 100.0 );
    }

    void summaryIsDeterministic()
    {
      ChangeRequest r = lines( mDcw.get(), mWdb.get() );
      r.maxEndGapM = 5000;
      auto rivers = LayerSource( sampleData( "rivers" ) ).open();
      r.resources = { input( rivers.get(), "rivers" ) };
      const QByteArray a = changeSummaryJson( ChangeEngine::run( r ) );
      const QByteArray b = changeSummaryJson( ChangeEngine::run( r ) );
      QCOMPARE( a, b );
      QVERIFY( a.contains( "\"working_crs\": \"EPSG:32642\"" ) );
    }

    void mixedCrsGivesTheSameAnswer()
    {
      LineSpec spec;
      spec.seed = 5;
      const LinePair p = generateLines( spec );
      const QgsCoordinateTransform toWgs( QgsCoordinateReferenceSystem( UTM ), QgsCoordinateReferenceSystem( "EPSG:4326" ), QgsProject::instance() );
      QgsGeometry newWgs = QgsGeometry::fromWkt( wktLine( p.newLine ) );
      newWgs.transform( toWgs );
      auto o = memoryLayer( "LineString", UTM, { wktLine( p.oldLine ) } );
      auto nUtm = memoryLayer( "LineString", UTM, { wktLine( p.newLine ) } );
      auto nWgs = memoryLayer( "LineString", "EPSG:4326", { newWgs.asWkt( 12 ) } );
      const ChangeResult same = ChangeEngine::run( lines( o.get(), nUtm.get() ) );
      const ChangeResult mixed = ChangeEngine::run( lines( o.get(), nWgs.get() ) );
      QVERIFY( transferred( same, "KG", "TJ" ) > 1000 );
      QGSCOMPARENEAR( transferred( mixed, "KG", "TJ" ), transferred( same, "KG", "TJ" ), 1e-4 * transferred( same, "KG", "TJ" ) );
      QGSCOMPARENEAR( transferred( mixed, "TJ", "KG" ), transferred( same, "TJ", "KG" ), 1e-4 * transferred( same, "TJ", "KG" ) );
      QVERIFY( mixed.warnings.join( '\n' ).contains( "reprojected from EPSG:4326 to EPSG:32642" ) );
    }

    void invalidTerritoryIsRepairedAndReported()
    {
      // a bow tie: GEOS makes it two triangles, and the run says so
      auto o = memoryLayer( "Polygon", UTM, { at( "POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))" ), at( "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))" ) }, "party", { "KG", "TJ" } );
      auto n = memoryLayer( "Polygon", UTM, { at( "POLYGON((0 0, 120 0, 120 100, 0 100, 0 0))" ), at( "POLYGON((120 0, 200 0, 200 100, 120 100, 120 0))" ) }, "party", { "KG", "TJ" } );
      ChangeRequest r;
      r.oldVersion = input( o.get(), "old" );
      r.newVersion = input( n.get(), "new" );
      r.partyField = "party";
      const ChangeResult result = ChangeEngine::run( r );
      QVERIFY( result.warnings.join( '\n' ).contains( "feature 1 was an invalid polygon" ) );
      QVERIFY( transferred( result, "TJ", "KG" ) > 0 );
    }

    void badInput_data()
    {
      QTest::addColumn<QString>( "oldType" );
      QTest::addColumn<QStringList>( "oldWkt" );
      QTest::addColumn<QString>( "newType" );
      QTest::addColumn<QStringList>( "newWkt" );
      QTest::addColumn<QString>( "field" );
      QTest::addColumn<QString>( "message" );
      const QStringList line{ at( "LINESTRING(0 0, 100 0)" ) };
      const QStringList square{ at( "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))" ) };
      QTest::newRow( "empty layer" ) << "LineString" << QStringList() << "LineString" << line << "" << "old version (memory): layer is empty";
      QTest::newRow( "points as a version" ) << "Point" << QStringList{ at( "POINT(0 0)" ) } << "LineString" << line << "" << "point layer; a version is a line layer or a territory";
      QTest::newRow( "lines against territories" ) << "LineString" << line << "Polygon" << square << "" << "the old version is a line layer and the new one a polygon layer";
      QTest::newRow( "ends too far apart" ) << "LineString" << line << "LineString" << QStringList{ at( "LINESTRING(0 2000, 100 0)" ) } << "" << "apart, more than the maximum end gap";
      QTest::newRow( "missing party field" ) << "Polygon" << square << "Polygon" << square << "nation" << "no field 'nation'";
      QTest::newRow( "empty geometry" ) << "LineString" << QStringList{ QString() } << "LineString" << line << "" << "old version (memory): no feature has a geometry";
    }

    void badInput()
    {
      QFETCH( QString, oldType );
      QFETCH( QStringList, oldWkt );
      QFETCH( QString, newType );
      QFETCH( QStringList, newWkt );
      QFETCH( QString, field );
      QFETCH( QString, message );
      auto o = memoryLayer( oldType, UTM, oldWkt, "party", QStringList{ "KG" } );
      auto n = memoryLayer( newType, UTM, newWkt, "party", QStringList{ "KG" } );
      ChangeRequest r = lines( o.get(), n.get() );
      r.partyField = field;
      const QString error = errorOf( r );
      QVERIFY2( error.contains( message ), qPrintable( error ) );
      QVERIFY( !error.contains( '\n' ) );
    }

    void unknownPartyCode()
    {
      auto o = memoryLayer( "Polygon", UTM, { at( "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))" ) }, "party", { "UZ" } );
      ChangeRequest r;
      r.oldVersion = input( o.get(), "old" );
      r.newVersion = input( o.get(), "new" );
      r.partyField = "party";
      r.knownParties = QStringList{ "KG", "TJ" };
      QVERIFY( errorOf( r ).contains( "feature 1: unknown party code 'UZ' (known: KG, TJ)" ) );
      ChangeRequest l = lines( o.get(), o.get() );
      l.leftParty = "";
      auto line = memoryLayer( "LineString", UTM, { at( "LINESTRING(0 0, 100 0)" ) } );
      l.oldVersion = input( line.get(), "old" );
      l.newVersion = input( line.get(), "new" );
      QVERIFY( errorOf( l ).contains( "need the left and the right party" ) );
    }

    void incrementalEditsEqualAFreshRun()
    {
      LineSpec spec;
      spec.seed = 31;
      spec.vertices = 3000;
      spec.windows = 6;
      const LinePair p = generateLines( spec );
      auto o = memoryLayer( "LineString", UTM, { wktLine( p.oldLine ) } );
      auto n = memoryLayer( "LineString", UTM, { wktLine( p.newLine ) } );
      QStringList wells;
      for ( size_t i = 0; i < p.oldLine.size(); i += 7 )
        wells << QgsGeometry::fromPointXY( QgsPointXY( p.oldLine[i].x(), p.oldLine[i].y() + ( i % 2 ? 40 : -40 ) ) ).asWkt( 3 );
      auto points = memoryLayer( "Point", UTM, wells );
      auto canal = memoryLayer( "LineString", UTM, { QStringLiteral( "LINESTRING(%1 %2, %3 %4)" ).arg( spec.x0 + 500 ).arg( p.yMin - 100 ).arg( spec.x0 + 19000 ).arg( p.yMax + 100 ) } );
      ChangeRequest request = lines( o.get(), n.get() );
      request.resources = { input( points.get(), "wells" ), input( canal.get(), "canal" ) };
      change::IncrementalChange incremental( request );
      compareResults( incremental.result(), ChangeEngine::run( request ) );

      // one vertex moved across the old line where both agreed, a disputed stretch redrawn,
      // vertices inserted and removed, and the end moved (a connector appears)
      const size_t count = incremental.newParts()[0].size();
      const std::vector<double> &xy = incremental.newParts()[0].xy;
      struct Step
      {
        size_t first, last;
        std::vector<double> xy;
      };
      std::vector<Step> steps{ { 1500, 1500, { xy[3000], xy[3001] + 25 } } };
      std::vector<double> shifted( xy.begin() + 2 * 200, xy.begin() + 2 * 400 );
      for ( size_t i = 1; i < shifted.size(); i += 2 )
        shifted[i] -= 12;
      steps.push_back( { 200, 399, shifted } );
      steps.push_back( { 2500, 2499, { ( xy[4998] + xy[5000] ) / 2, ( xy[4999] + xy[5001] ) / 2 + 30 } } );
      steps.push_back( { 1000, 1010, {} } );
      steps.push_back( { count - 1, count - 1, { xy[2 * count - 2], xy[2 * count - 1] + 80 } } );
      for ( Step step : steps )
      {
        if ( step.first == count - 1 ) // the last vertex, wherever the edits before left it
          step.first = step.last = incremental.newParts()[0].size() - 1;
        incremental.replaceNewStretch( 0, step.first, step.last, step.xy );
        auto edited = layerOf( incremental.newParts() );
        ChangeRequest fresh = request;
        fresh.newVersion = input( edited.get(), "new" );
        compareResults( incremental.result(), ChangeEngine::run( fresh ) );
      }
      QCOMPARE( static_cast<int>( incremental.result().connectors.size() ), 1 );

      // an edit the overlay refuses changes nothing
      const ChangeResult before = incremental.result();
      QVERIFY( errorOfEdit( [&] { incremental.replaceNewStretch( 0, 0, 0, { xy[0], xy[1] + 5000 } ); } ).contains( "maximum end gap" ) );
      compareResults( incremental.result(), before );
    }

    void incrementalAdjacentStretchesEqualAFreshRun()
    {
      // two stretches redrawn 5 m north one after the other, end to end: one sliver
      QStringList wkt;
      QgsPolylineXY line;
      for ( int i = 0; i < 400; ++i )
        line << QgsPointXY( 600000 + 10.0 * i, 4430000 + 30 * std::sin( i / 15.0 ) );
      auto o = memoryLayer( "LineString", UTM, { QgsGeometry::fromPolylineXY( line ).asWkt( 3 ) } );
      auto n = memoryLayer( "LineString", UTM, { QgsGeometry::fromPolylineXY( line ).asWkt( 3 ) } );
      const ChangeRequest request = lines( o.get(), n.get() );
      change::IncrementalChange incremental( request );
      QCOMPARE( incremental.result().transfers.size(), size_t( 0 ) );
      for ( const auto &[first, last] : { std::make_pair( 200, 299 ), std::make_pair( 100, 199 ), std::make_pair( 150, 249 ) } )
      {
        const std::vector<double> &xy = incremental.newParts()[0].xy;
        std::vector<double> moved( xy.begin() + 2 * first, xy.begin() + 2 * last + 2 );
        for ( size_t i = 1; i < moved.size(); i += 2 )
          moved[i] += 5;
        incremental.replaceNewStretch( 0, static_cast<size_t>( first ), static_cast<size_t>( last ), moved );
        auto edited = layerOf( incremental.newParts() );
        ChangeRequest fresh = request;
        fresh.newVersion = input( edited.get(), "new" );
        compareResults( incremental.result(), ChangeEngine::run( fresh ) );
      }
    }

    void incrementalEditOnAConnectorEqualsAFreshRun_data()
    {
      QTest::addColumn<bool>( "atStart" );
      QTest::newRow( "start" ) << true;
      QTest::newRow( "end" ) << false;
    }

    void incrementalEditOnAConnectorEqualsAFreshRun()
    {
      // the new line begins (ends) 30 m north of the old one, its first (last) segment
      // straight down to the old line's end: the end connector lies on that segment. A vertex
      // put into it leaves the ends, and the connector, as they were and opens a 150 m² triangle.
      QFETCH( bool, atStart );
      QgsPolylineXY oldLine;
      for ( int i = 0; i < 200; ++i )
        oldLine << QgsPointXY( 600000 + 10.0 * i, 4430000 + 30 * std::sin( i / 15.0 ) );
      QgsPolylineXY newLine = oldLine;
      const QgsPointXY end = atStart ? oldLine.first() : oldLine.last();
      if ( atStart )
        newLine.prepend( QgsPointXY( end.x(), end.y() + 30 ) );
      else
        newLine.append( QgsPointXY( end.x(), end.y() + 30 ) );
      auto o = memoryLayer( "LineString", UTM, { QgsGeometry::fromPolylineXY( oldLine ).asWkt( 3 ) } );
      auto n = memoryLayer( "LineString", UTM, { QgsGeometry::fromPolylineXY( newLine ).asWkt( 3 ) } );
      const ChangeRequest request = lines( o.get(), n.get() );
      change::IncrementalChange incremental( request );
      const ChangeResult first = ChangeEngine::run( request );
      QCOMPARE( static_cast<int>( first.connectors.size() ), 1 );
      compareResults( incremental.result(), first );
      const size_t at = atStart ? 1 : static_cast<size_t>( newLine.size() ) - 1;
      incremental.replaceNewStretch( 0, at, at - 1, { end.x() + 10, end.y() + 15 } );
      auto edited = layerOf( incremental.newParts() );
      ChangeRequest fresh = request;
      fresh.newVersion = input( edited.get(), "new" );
      const ChangeResult expected = ChangeEngine::run( fresh );
      QCOMPARE( static_cast<int>( expected.connectors.size() ), 1 );
      double moved = 0;
      for ( const Transfer &t : expected.transfers )
        moved += t.areaM2;
      QGSCOMPARENEAR( moved, 150, 1 );
      compareResults( incremental.result(), expected );
    }
};

QGSTEST_MAIN( TestChangeEngine )
#include "testchangeengine.moc"
