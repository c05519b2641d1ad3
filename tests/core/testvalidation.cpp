// SPDX-License-Identifier: GPL-2.0-or-later
// Every rule: a fixture with the fault planted fires exactly there; the clean fixture fires nothing.
#include "boundarygenerator.h"
#include "error.h"
#include "layersource.h"
#include "memorylayers.h"
#include "testutils.h"
#include "validation/validation.h"
#include "validation/validationoutput.h"

#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsproject.h>
#include <qgsvectordataprovider.h>

#include <random>
#include <set>

using namespace limes;
using namespace limes::test;

namespace
{
  const double X0 = 600000, Y0 = 4430000; // UTM 42N, near Isfara

  QString at( const QString &wkt )
  {
    QgsGeometry g = QgsGeometry::fromWkt( wkt );
    g.translate( X0, Y0 );
    return g.asWkt( 6 );
  }

  struct Row
  {
    QString wkt;
    QVariantList attributes;
  };

  //! A boundary 3 km long with three segments, four pillars, two territories and two tripoints.
  struct Fixture
  {
    QVector<Row> line{ { at( "LINESTRING(0 0, 1000 0, 2000 300, 3000 300)" ), {} } };
    QVector<Row> segments{ { at( "LINESTRING(0 0, 1000 0)" ), { "S-001" } }, { at( "LINESTRING(1000 0, 2000 300)" ), { "S-002" } }, { at( "LINESTRING(2000 300, 3000 300)" ), { "S-003" } } };
    QVector<Row> pillars{ pillar( "1", 0, 0 ), pillar( "2", 1000, 0 ), pillar( "3", 2000, 300 ), pillar( "4", 3000, 300 ) };
    QVector<Row> territories{ { at( "POLYGON((0 0, 1000 0, 2000 300, 3000 300, 3000 2000, 0 2000, 0 0))" ), { "KG" } },
      { at( "POLYGON((0 0, 0 -2000, 3000 -2000, 3000 300, 2000 300, 1000 0, 0 0))" ), { "TJ" } } };
    QVector<Row> tripoints{ { at( "POINT(0 0)" ), {} }, { at( "POINT(3000 300)" ), {} } };
    QString pillarCrs = QStringLiteral( "EPSG:32642" );

    static Row pillar( const QString &number, double x, double y, double sx = 0, double sy = 0 )
    {
      return { at( QStringLiteral( "POINT(%1 %2)" ).arg( x ).arg( y ) ), { number, X0 + x + sx, Y0 + y + sy } };
    }
  };

  std::unique_ptr<QgsVectorLayer> layer( const QString &type, const QString &crs, const QString &fields, const QVector<Row> &rows )
  {
    auto l = std::make_unique<QgsVectorLayer>( QStringLiteral( "%1?crs=%2%3" ).arg( type, crs, fields ), QStringLiteral( "fixture" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( const Row &r : rows )
    {
      QgsFeature f( l->fields() );
      if ( !r.wkt.isEmpty() )
        f.setGeometry( QgsGeometry::fromWkt( r.wkt ) );
      for ( int i = 0; i < r.attributes.size(); ++i )
        f.setAttribute( i, r.attributes[i] );
      features << f;
    }
    l->dataProvider()->addFeatures( features );
    l->updateExtents();
    return l;
  }

  struct Layers
  {
    std::unique_ptr<QgsVectorLayer> line, segments, pillars, territories, tripoints;
    ValidationRequest request;
  };

  Layers build( const Fixture &fx )
  {
    Layers l;
    l.line = layer( "LineString", "EPSG:32642", "", fx.line );
    l.segments = layer( "LineString", "EPSG:32642", "&field=code:string", fx.segments );
    QVector<Row> pillars = fx.pillars;
    if ( fx.pillarCrs != QLatin1String( "EPSG:32642" ) )
    {
      const QgsCoordinateTransform t( QgsCoordinateReferenceSystem( "EPSG:32642" ), QgsCoordinateReferenceSystem( fx.pillarCrs ), QgsProject::instance() );
      for ( Row &r : pillars )
      {
        QgsGeometry g = QgsGeometry::fromWkt( r.wkt );
        g.transform( t );
        r.wkt = g.asWkt( 12 );
        const QgsPointXY s = t.transform( QgsPointXY( r.attributes[1].toDouble(), r.attributes[2].toDouble() ) );
        r.attributes[1] = s.x();
        r.attributes[2] = s.y();
      }
    }
    l.pillars = layer( "Point", fx.pillarCrs, "&field=number:string&field=surveyed_x:double&field=surveyed_y:double", pillars );
    l.territories = layer( "Polygon", "EPSG:32642", "&field=party:string", fx.territories );
    l.tripoints = layer( "Point", "EPSG:32642", "", fx.tripoints );
    l.request.line = input( l.line.get(), "line" );
    l.request.segments = input( l.segments.get(), "segments" );
    l.request.pillars = input( l.pillars.get(), "pillars" );
    l.request.territories = input( l.territories.get(), "territories" );
    l.request.tripoints = input( l.tripoints.get(), "tripoints" );
    l.request.partyField = "party";
    l.request.maxPillarSpacing = 1500;
    return l;
  }
}

class TestValidation : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { initQgis(); }

    void cleanFixtureHasNoFindings()
    {
      Layers l = build( Fixture() );
      const ValidationResult r = Validator::run( l.request );
      QStringList found;
      for ( const Finding &f : r.findings )
        found << f.rule + ": " + f.message;
      QVERIFY2( r.findings.isEmpty(), qPrintable( found.join( '\n' ) ) );
      QCOMPARE( r.rulesRun.size(), Validator::allRules().size() - 1 ); // every rule but crs_mismatch, which has nothing to do
      QVERIFY( r.rulesSkipped.isEmpty() );
    }

    void plantedFaultIsFoundThereOnly_data()
    {
      QTest::addColumn<QString>( "rule" );
      QTest::addColumn<QString>( "fault" );
      QTest::addColumn<double>( "x" );   //!< where the finding must be (fixture metres)
      QTest::addColumn<double>( "y" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "empty_geometry" ) << "empty_geometry" << "empty line feature" << -1.0 << -1.0 << "feature 2 has no geometry";
      QTest::newRow( "invalid_geometry" ) << "invalid_geometry" << "degenerate line" << 5000.0 << 5000.0 << "fewer than two distinct vertices";
      QTest::newRow( "duplicate_vertex" ) << "duplicate_vertex" << "repeated vertex" << 1000.0 << 0.0 << "vertices 1 and 2 coincide";
      QTest::newRow( "spike" ) << "spike" << "spike at the end" << 3500.0 << 300.0 << "spike at vertex 4";
      QTest::newRow( "self_intersection" ) << "self_intersection" << "crossing part" << 500.0 << 0.0 << "feature 1 crosses feature 2";
      QTest::newRow( "self_overlap" ) << "self_overlap" << "overlapping part" << 300.0 << 0.0 << "runs back over feature 2 for 200.0";
      QTest::newRow( "tiny_segment" ) << "tiny_segment" << "tiny edge" << 1000.1 << 0.03 << "edge 1 is 0.";
      QTest::newRow( "segment_code_duplicate" ) << "segment_code_duplicate" << "duplicate code" << 2000.0 << 300.0 << "segment code S-002 is used 2 times";
      QTest::newRow( "segment_order" ) << "segment_order" << "codes swapped" << 2000.0 << 300.0 << "segment S-002 comes after S-003";
      QTest::newRow( "segment_gap" ) << "segment_gap" << "short segment" << 1950.0 << 285.0 << "segment S-002 ends 104.";
      QTest::newRow( "segment_gap sideways" ) << "segment_gap" << "end off the line sideways" << 1000.0 << -2.5 << "segment S-001 ends 5.0";
      QTest::newRow( "segment_overlap" ) << "segment_overlap" << "long segment" << 2250.0 << 300.0 << "segments S-002 and S-003 overlap for 500.";
      QTest::newRow( "line_not_covered" ) << "line_not_covered" << "missing segment" << 2500.0 << 300.0 << "feature 1 is in no segment for 1.000 km";
      QTest::newRow( "segment_off_line" ) << "segment_off_line" << "segment off the line" << 1500.0 << 160.0 << "segment S-002 leaves the line: 9.58 m from it at its farthest (tolerance 0.50 m)";
      QTest::newRow( "segment_off_line mid-edge" ) << "segment_off_line" << "segment across a bend" << 500.0 << 0.0 << "segment S-001 leaves the line: 19.9";
      QTest::newRow( "pillar_off_line" ) << "pillar_off_line" << "pillar off" << 1000.0 << -1.5 << "pillar 2 is 3.00 m from the line (tolerance 0.50 m)";
      QTest::newRow( "pillar_order" ) << "pillar_order" << "numbers swapped" << 2000.0 << 300.0 << "pillar 2 follows pillar 3";
      QTest::newRow( "pillar_duplicate number" ) << "pillar_duplicate" << "duplicate number" << 2000.0 << 300.0 << "pillar number 2 is used 2 times";
      QTest::newRow( "pillar_duplicate spacing" ) << "pillar_duplicate" << "pillars too close" << 2999.85 << 300.0 << "are 0.30 m apart (minimum spacing 1.00 m)";
      QTest::newRow( "pillar_spacing" ) << "pillar_spacing" << "missing pillar" << 2000.0 << 150.0 << "pillars 2 and 4 are 2.02";
      QTest::newRow( "turning_point_without_pillar" ) << "turning_point_without_pillar" << "sharp turn" << 1500.0 << 500.0 << "turns by 66.8° at vertex 2";
      QTest::newRow( "pillar_survey_deviation" ) << "pillar_survey_deviation" << "surveyed off" << 1000.0 << 0.4 << "pillar 2 was surveyed 0.80 m from its designed position";
      QTest::newRow( "territory_gap" ) << "territory_gap" << "territory pulled back" << -1.0 << -1.0 << "a gap between the territories";
      QTest::newRow( "territory_overlap" ) << "territory_overlap" << "territory pushed over" << -1.0 << -1.0 << "KG and TJ territories overlap";
      QTest::newRow( "line_territory_mismatch" ) << "line_territory_mismatch" << "territories along another line" << 1500.0 << 150.0 << "the line leaves the edge KG and TJ share for";
      QTest::newRow( "enclave_not_closed" ) << "enclave_not_closed" << "open ring" << 5000.0 << 5000.5 << "comes back to 1.00 m from its start but is not closed";
      QTest::newRow( "tripoint_mismatch" ) << "tripoint_mismatch" << "tripoint elsewhere" << 3000.0 << 305.0 << "feature 1 ends 10.00 m from the nearest tripoint";
      QTest::newRow( "crs_mismatch" ) << "crs_mismatch" << "pillars in WGS 84" << -1.0 << -1.0 << "pillars is in EPSG:4326, the line in EPSG:32642: reprojected";
    }

    void plantedFaultIsFoundThereOnly()
    {
      QFETCH( QString, rule );
      QFETCH( QString, fault );
      QFETCH( double, x );
      QFETCH( double, y );
      QFETCH( QString, message );
      Fixture fx;
      if ( fault == "empty line feature" )
        fx.line << Row{ QString(), {} };
      else if ( fault == "degenerate line" )
        fx.line << Row{ at( "LINESTRING(5000 5000, 5000 5000)" ), {} };
      else if ( fault == "repeated vertex" )
        fx.line[0].wkt = at( "LINESTRING(0 0, 1000 0, 1000 0, 2000 300, 3000 300)" );
      else if ( fault == "spike at the end" )
        fx.line[0].wkt = at( "LINESTRING(0 0, 1000 0, 2000 300, 3000 300, 3500 300, 3000 301)" );
      else if ( fault == "crossing part" )
        fx.line << Row{ at( "LINESTRING(500 -100, 500 100)" ), {} };
      else if ( fault == "overlapping part" )
        fx.line << Row{ at( "LINESTRING(200 0, 400 0)" ), {} };
      else if ( fault == "tiny edge" )
        fx.line[0].wkt = at( "LINESTRING(0 0, 1000 0, 1000.19 0.057, 2000 300, 3000 300)" );
      else if ( fault == "duplicate code" )
        fx.segments[2].attributes[0] = "S-002";
      else if ( fault == "codes swapped" )
      {
        fx.segments[1].attributes[0] = "S-003";
        fx.segments[2].attributes[0] = "S-002";
      }
      else if ( fault == "short segment" )
        fx.segments[1].wkt = at( "LINESTRING(1000 0, 1900 270)" );
      else if ( fault == "long segment" )
        fx.segments[1].wkt = at( "LINESTRING(1000 0, 2000 300, 2500 300)" );
      else if ( fault == "missing segment" )
        fx.segments.removeLast();
      else if ( fault == "end off the line sideways" )
      {
        // S-002 starts 0.2 m before S-001 ends along the line (no gap there), 5 m away sideways
        fx.segments[0].wkt = at( "LINESTRING(0 0, 1000 -5)" );
        fx.segments[1].wkt = at( "LINESTRING(999.8 0, 1000 0, 2000 300)" );
      }
      else if ( fault == "segment off the line" )
        fx.segments[1].wkt = at( "LINESTRING(1000 0, 1500 160, 2000 300)" );
      else if ( fault == "segment across a bend" )
        fx.line[0].wkt = at( "LINESTRING(0 0, 500 20, 1000 0, 2000 300, 3000 300)" );
      else if ( fault == "pillar off" )
        fx.pillars[1] = Fixture::pillar( "2", 1000, -3 );
      else if ( fault == "numbers swapped" )
      {
        fx.pillars[1].attributes[0] = "3";
        fx.pillars[2].attributes[0] = "2";
      }
      else if ( fault == "duplicate number" )
        fx.pillars[2].attributes[0] = "2";
      else if ( fault == "pillars too close" )
        fx.pillars << Fixture::pillar( "5", 2999.7, 300 );
      else if ( fault == "missing pillar" )
        fx.pillars.removeAt( 2 );
      else if ( fault == "sharp turn" )
      {
        fx.line[0].wkt = at( "LINESTRING(0 0, 1000 0, 1500 500, 2000 300, 3000 300)" );
        fx.segments[1].wkt = at( "LINESTRING(1000 0, 1500 500, 2000 300)" );
      }
      else if ( fault == "surveyed off" )
        fx.pillars[1] = Fixture::pillar( "2", 1000, 0, 0, 0.8 );
      else if ( fault == "territory pulled back" )
        fx.territories[0].wkt = at( "POLYGON((0 5, 1000 5, 2000 305, 3000 305, 3000 2000, 0 2000, 0 5))" );
      else if ( fault == "territory pushed over" )
        fx.territories[0].wkt = at( "POLYGON((0 -5, 1000 -5, 2000 295, 3000 295, 3000 2000, 0 2000, 0 -5))" );
      else if ( fault == "territories along another line" )
      {
        fx.territories[0].wkt = at( "POLYGON((0 0, 1000 0, 1500 50, 2000 300, 3000 300, 3000 2000, 0 2000, 0 0))" );
        fx.territories[1].wkt = at( "POLYGON((0 0, 0 -2000, 3000 -2000, 3000 300, 2000 300, 1500 50, 1000 0, 0 0))" );
      }
      else if ( fault == "open ring" )
        fx.line << Row{ at( "LINESTRING(5000 5000, 5000 6000, 6000 6000, 6000 5000, 5000 5001)" ), {} };
      else if ( fault == "tripoint elsewhere" )
        fx.tripoints[1].wkt = at( "POINT(3000 310)" );
      else if ( fault == "pillars in WGS 84" )
        fx.pillarCrs = "EPSG:4326";
      else
        QFAIL( "unknown fault" );

      Layers l = build( fx );
      l.request.rules = QStringList{ rule };
      const ValidationResult r = Validator::run( l.request );
      QStringList found;
      for ( const Finding &f : r.findings )
        found << f.rule + ": " + f.message;
      QVERIFY2( r.findings.size() == 1, qPrintable( QStringLiteral( "%1 findings:\n%2" ).arg( r.findings.size() ).arg( found.join( '\n' ) ) ) );
      const Finding &f = r.findings.first();
      QCOMPARE( f.rule, rule );
      QVERIFY2( f.message.contains( message ), qPrintable( f.message ) );
      QCOMPARE( f.severity, Validator::severityOf( rule ) );
      if ( x >= 0 )
      {
        QVERIFY( !f.geometry.isNull() );
        const double d = f.geometry.distance( QgsGeometry::fromPointXY( QgsPointXY( X0 + x, Y0 + y ) ) );
        QVERIFY2( d < 1.0, qPrintable( QStringLiteral( "finding at %1, %2 m from the planted fault" ).arg( f.geometry.asWkt( 2 ) ).arg( d ) ) );
      }
      // with every rule running, this rule still fires exactly once
      const ValidationResult all = Validator::run( build( fx ).request );
      int same = 0;
      for ( const Finding &g : all.findings )
        same += g.rule == rule ? 1 : 0;
      QCOMPARE( same, 1 );
    }

    void generatedLineWithRandomFaults()
    {
      // a 20 km line of 20,000 vertices; faults planted at random places, each must be found
      LineSpec spec;
      spec.seed = 2026;
      spec.vertices = 20000;
      spec.windows = 0;
      const LinePair p = generateLines( spec );
      std::vector<QgsPointXY> line = p.oldLine;
      std::mt19937 rng( 7 );
      std::set<size_t> places;
      while ( places.size() < 24 )
        places.insert( 100 + rng() % ( line.size() - 200 ) );
      QList<QgsPointXY> duplicates, tiny;
      int k = 0;
      for ( auto it = places.rbegin(); it != places.rend(); ++it, ++k ) // from the end: indices stay valid
      {
        const size_t i = *it;
        if ( k % 2 == 0 )
        {
          line.insert( line.begin() + static_cast<long>( i ), line[i] );
          duplicates << line[i];
        }
        else
        {
          const QgsPointXY a = line[i], b = line[i + 1];
          const double d = a.distance( b );
          line.insert( line.begin() + static_cast<long>( i ) + 1, QgsPointXY( a.x() + ( b.x() - a.x() ) * 0.2 / d, a.y() + ( b.y() - a.y() ) * 0.2 / d ) );
          tiny << a;
        }
      }
      // pillars on vertices every ~500 m; some pushed off the line, two numbers swapped
      QVector<Row> pillars;
      QList<QgsPointXY> off;
      for ( size_t i = 0, n = 1; i < line.size(); i += 500, ++n )
      {
        QgsPointXY pt = line[i];
        if ( n % 7 == 3 )
        {
          pt.setY( pt.y() + 2.0 + n % 5 );
          off << pt;
        }
        pillars << Row{ QStringLiteral( "POINT(%1 %2)" ).arg( pt.x(), 0, 'f', 4 ).arg( pt.y(), 0, 'f', 4 ), { QString::number( n ), pt.x(), pt.y() } };
      }
      std::swap( pillars[10].attributes[0], pillars[11].attributes[0] );
      auto lineLayer = layer( "LineString", "EPSG:32642", "", { Row{ wktLine( line ), {} } } );
      auto pillarLayer = layer( "Point", "EPSG:32642", "&field=number:string&field=surveyed_x:double&field=surveyed_y:double", pillars );
      ValidationRequest r;
      r.line = input( lineLayer.get(), "line" );
      r.pillars = input( pillarLayer.get(), "pillars" );
      const ValidationResult result = Validator::run( r );
      QMap<QString, QList<QgsPointXY>> found;
      for ( const Finding &f : result.findings )
        found[f.rule] << f.geometry.vertexAt( 0 );
      auto matches = [&]( const QString &rule, const QList<QgsPointXY> &planted ) {
        QCOMPARE( found.value( rule ).size(), planted.size() );
        for ( const QgsPointXY &pt : planted )
        {
          bool hit = false;
          for ( const QgsPointXY &f : found.value( rule ) )
            hit = hit || f.distance( pt ) < 0.5;
          QVERIFY2( hit, qPrintable( QStringLiteral( "%1 planted at %2 not found" ).arg( rule, pt.asWkt() ) ) );
        }
      };
      matches( "duplicate_vertex", duplicates );
      matches( "tiny_segment", tiny );
      matches( "pillar_off_line", off );
      QCOMPARE( found.value( "pillar_order" ).size(), 1 );
      QStringList others;
      for ( auto it = found.cbegin(); it != found.cend(); ++it )
        if ( !QStringList{ "duplicate_vertex", "tiny_segment", "pillar_off_line", "pillar_order" }.contains( it.key() ) )
          others << it.key();
      QVERIFY2( others.isEmpty(), qPrintable( others.join( ", " ) ) );
    }

    void exceptionsAreListedNotHidden()
    {
      Fixture fx;
      fx.pillars[1] = Fixture::pillar( "2", 1000, -3 );
      Layers l = build( fx );
      l.request.exceptions = { AcceptedException{ "pillar_off_line", "pillars", 2, "river bank: pillar set back, protocol 14" } };
      const ValidationResult r = Validator::run( l.request );
      QCOMPARE( r.findings.size(), 1 );
      QCOMPARE( r.findings.first().exception, QStringLiteral( "river bank: pillar set back, protocol 14" ) );
      QCOMPARE( r.errorCount(), 0 );
      const QJsonObject summary = validationSummary( r );
      QCOMPARE( summary["errors"].toArray().size(), 1 );
      QCOMPARE( summary["exceptions"].toArray().size(), 1 );
      QCOMPARE( summary["counts"].toObject()["pillar_off_line"].toInt(), 1 );
    }

    void ambiguousDatumIsRefused()
    {
      // Pulkovo 1942 has several transformations to WGS 84: which one is the commission's call
      Fixture fx;
      Layers l = build( fx );
      auto pulkovo = layer( "Point", "EPSG:4284", "&field=number:string", { Row{ "POINT(70.5 40.0)", { "1" } } } );
      l.request.pillars = input( pulkovo.get(), "pillars" );
      try
      {
        Validator::run( l.request );
        QFAIL( "no error" );
      }
      catch ( const Error &e )
      {
        QVERIFY2( e.message().contains( "is ambiguous" ), qPrintable( e.message() ) );
      }
    }

    void unknownRuleAndMissingFieldAreBadInput()
    {
      Layers l = build( Fixture() );
      l.request.rules = QStringList{ "pillar_wobble" };
      QVERIFY_EXCEPTION_THROWN( Validator::run( l.request ), Error );
      Layers m = build( Fixture() );
      m.request.pillarField = "nummer";
      QVERIFY_EXCEPTION_THROWN( Validator::run( m.request ), Error );
    }

    void sampleDcwLineValidatesWithOnlyTurningPointWarnings()
    {
      auto line = LayerSource( sampleData( "boundary_dcw" ) ).open();
      auto segments = LayerSource( sampleData( "segments" ) ).open();
      auto pillars = LayerSource( sampleData( "pillars" ) ).open();
      ValidationRequest r;
      r.line = input( line.get(), "boundary_dcw" );
      r.segments = input( segments.get(), "segments" );
      r.pillars = input( pillars.get(), "pillars" );
      const ValidationResult result = Validator::run( r );
      QCOMPARE( result.errorCount(), 0 );
      for ( const Finding &f : result.findings )
        QCOMPARE( f.rule, QStringLiteral( "turning_point_without_pillar" ) ); // synthetic pillars are spaced, not set at turning points
    }
};

QGSTEST_MAIN( TestValidation )
#include "testvalidation.moc"
