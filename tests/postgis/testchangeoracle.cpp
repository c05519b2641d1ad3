// SPDX-License-Identifier: GPL-2.0-or-later
// The change engine against PostGIS, an independent implementation: polygon overlays
// (ST_Difference, ST_Intersection) and geodesic areas on the geography type.
#include "boundarygenerator.h"
#include "change/changeengine.h"
#include "layersource.h"
#include "memorylayers.h"
#include "testutils.h"

#include <QFile>
#include <QtTest>
#include <qgstest.h>

#include <libpq-fe.h>

using namespace limes;
using namespace limes::test;

namespace
{
  // Both measure on the ellipsoid, and follow the same edges: the generated lines' edges are
  // under 100 m, where a geodesic strays nanometres from the UTM chord, so PostGIS takes them
  // straight; the sample's are kilometres long, so PostGIS segmentizes them along geodesics.
  // Limes runs on a 0.1 mm grid here, the precision of the WKT PostGIS gets: they agree to 1e-7.
  const double RELATIVE = 1e-7;
  const double GRID = 1e-4;

  bool near( double value, double expected )
  {
    return std::fabs( value - expected ) <= std::max( 0.01, RELATIVE * std::fabs( expected ) );
  }
}

class TestChangeOracle : public QObject
{
    Q_OBJECT

  private:
    PGconn *mConn = nullptr;

    QVector<double> row( const QString &sql )
    {
      PGresult *res = PQexec( mConn, sql.toUtf8().constData() );
      QVector<double> values;
      if ( PQresultStatus( res ) != PGRES_TUPLES_OK )
        qWarning() << "SQL failed:" << PQerrorMessage( mConn );
      else
        for ( int c = 0; c < PQnfields( res ); ++c )
          values << QString::fromUtf8( PQgetvalue( res, 0, c ) ).toDouble();
      PQclear( res );
      return values;
    }

    static QString geography( const QString &wkt )
    {
      return QStringLiteral( "ST_Transform(ST_GeomFromText('%1', 32642), 4326)::geography" ).arg( wkt );
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
      QFile f( qEnvironmentVariable( "LIMES_PG_CONNINFO_FILE" ) );
      QVERIFY2( f.open( QIODevice::ReadOnly ), "no PostGIS cluster: run through ctest (fixture postgis)" );
      mConn = PQconnectdb( f.readAll().trimmed().constData() );
      QVERIFY2( PQstatus( mConn ) == CONNECTION_OK, PQerrorMessage( mConn ) );
    }

    void cleanupTestCase()
    {
      if ( mConn )
        PQfinish( mConn );
    }

    void generatedLines_data()
    {
      QTest::addColumn<unsigned>( "seed" );
      QTest::addColumn<int>( "vertices" );
      QTest::addColumn<int>( "windows" );
      QTest::addColumn<double>( "endOffset" );
      for ( unsigned seed = 1; seed <= 8; ++seed )
        QTest::newRow( qPrintable( QStringLiteral( "seed %1" ).arg( seed ) ) ) << seed << 200 + 150 * static_cast<int>( seed ) << 1 + static_cast<int>( seed % 5 ) << ( seed % 3 == 0 ? 250.0 : 0.0 );
      // dense vertices (~1 m apart) and overlapping windows: many clusters, segments on cell borders
      QTest::newRow( "dense, 30 windows" ) << 97u << 20000 << 30 << 0.0;
      QTest::newRow( "dense, differing ends" ) << 98u << 15000 << 20 << 120.0;
    }

    void generatedLines()
    {
      QFETCH( unsigned, seed );
      QFETCH( int, vertices );
      QFETCH( int, windows );
      QFETCH( double, endOffset );
      LineSpec spec;
      spec.seed = seed;
      spec.vertices = vertices;
      spec.windows = windows;
      spec.endOffset = endOffset;
      const LinePair p = generateLines( spec );
      auto oldLayer = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.oldLine ) } );
      auto newLayer = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.newLine ) } );
      ChangeRequest request = lineRequest( oldLayer.get(), newLayer.get() );
      request.gridM = GRID;
      const ChangeResult r = ChangeEngine::run( request );

      // old-left is north of the old line: close both versions along the top of a box
      const double top = p.yMax + 1000;
      const QString lo = wktLeftOf( p.oldLine, top ), ln = wktLeftOf( p.newLine, top );
      const QVector<double> oracle = row( QStringLiteral( "SELECT ST_Area(ST_Transform(ST_Difference(a, b), 4326)::geography), ST_Area(ST_Transform(ST_Difference(b, a), 4326)::geography), "
                                                          "ST_NumGeometries(ST_Difference(a, b)) + ST_NumGeometries(ST_Difference(b, a)) "
                                                          "FROM (SELECT ST_GeomFromText('%1', 32642) a, ST_GeomFromText('%2', 32642) b) s" ).arg( lo, ln ) );
      QCOMPARE( oracle.size(), 3 );
      const double kgToTj = transferred( r, "KG", "TJ" ), tjToKg = transferred( r, "TJ", "KG" );
      qInfo( "seed %u: KG->TJ %.3f m² (PostGIS %.3f), TJ->KG %.3f m² (PostGIS %.3f), %d pieces (PostGIS %d)",
             seed, kgToTj, oracle[0], tjToKg, oracle[1], static_cast<int>( r.transfers.size() ), static_cast<int>( oracle[2] ) );
      QVERIFY( oracle[0] + oracle[1] > 1000 );
      QVERIFY2( near( kgToTj, oracle[0] ), qPrintable( QStringLiteral( "%1 vs %2" ).arg( kgToTj ).arg( oracle[0] ) ) );
      QVERIFY2( near( tjToKg, oracle[1] ), qPrintable( QStringLiteral( "%1 vs %2" ).arg( tjToKg ).arg( oracle[1] ) ) );
      QCOMPARE( static_cast<int>( r.transfers.size() ), static_cast<int>( oracle[2] ) );
      QCOMPARE( static_cast<int>( r.connectors.size() ), endOffset > 0 ? 2 : 0 );

      // the same geometry as territories must give the same transfers
      const QString box = QStringLiteral( "POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))" ).arg( p.oldLine.front().x(), 0, 'f', 4 ).arg( p.yMin - 1000, 0, 'f', 4 )
                          .arg( p.oldLine.back().x(), 0, 'f', 4 ).arg( top, 0, 'f', 4 );
      const QgsGeometry boxGeom = QgsGeometry::fromWkt( box );
      auto territories = [&]( const QString &left ) {
        const QgsGeometry l = QgsGeometry::fromWkt( left );
        return memoryLayer( "MultiPolygon", "EPSG:32642", { l.asWkt( 4 ), boxGeom.difference( l ).asWkt( 4 ) }, "party", { "KG", "TJ" } );
      };
      auto oldTerr = territories( lo );
      auto newTerr = territories( ln );
      ChangeRequest t;
      t.oldVersion = input( oldTerr.get(), "old territories" );
      t.newVersion = input( newTerr.get(), "new territories" );
      t.partyField = "party";
      t.gridM = GRID;
      const ChangeResult tr = ChangeEngine::run( t );
      QVERIFY2( near( transferred( tr, "KG", "TJ" ), oracle[0] ), qPrintable( QString::number( transferred( tr, "KG", "TJ" ) ) ) );
      QVERIFY2( near( transferred( tr, "TJ", "KG" ), oracle[1] ), qPrintable( QString::number( transferred( tr, "TJ", "KG" ) ) ) );
    }

    void generatedEnclaves_data()
    {
      QTest::addColumn<unsigned>( "seed" );
      for ( unsigned seed = 1; seed <= 4; ++seed )
        QTest::newRow( qPrintable( QStringLiteral( "seed %1" ).arg( seed ) ) ) << seed;
    }

    void generatedEnclaves()
    {
      QFETCH( unsigned, seed );
      const LinePair p = generateRings( seed );
      auto oldLayer = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.oldLine ) } );
      auto newLayer = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.newLine ) } );
      // clockwise rings: the enclave inside is TJ's, on the right
      ChangeRequest request = lineRequest( oldLayer.get(), newLayer.get() );
      request.gridM = GRID;
      const ChangeResult r = ChangeEngine::run( request );
      const QString po = QgsGeometry::fromPolygonXY( { QgsPolylineXY( p.oldLine.begin(), p.oldLine.end() ) } ).asWkt( 4 );
      const QString pn = QgsGeometry::fromPolygonXY( { QgsPolylineXY( p.newLine.begin(), p.newLine.end() ) } ).asWkt( 4 );
      const QVector<double> oracle = row( QStringLiteral( "SELECT ST_Area(ST_Transform(ST_Difference(b, a), 4326)::geography), ST_Area(ST_Transform(ST_Difference(a, b), 4326)::geography) "
                                                          "FROM (SELECT ST_GeomFromText('%1', 32642) a, ST_GeomFromText('%2', 32642) b) s" ).arg( po, pn ) );
      QCOMPARE( oracle.size(), 2 );
      QVERIFY( oracle[0] + oracle[1] > 1000 );
      // the enclave grows: KG land (outside the old ring) becomes TJ's
      QVERIFY2( near( transferred( r, "KG", "TJ" ), oracle[0] ), qPrintable( QStringLiteral( "%1 vs %2" ).arg( transferred( r, "KG", "TJ" ) ).arg( oracle[0] ) ) );
      QVERIFY2( near( transferred( r, "TJ", "KG" ), oracle[1] ), qPrintable( QStringLiteral( "%1 vs %2" ).arg( transferred( r, "TJ", "KG" ) ).arg( oracle[1] ) ) );
    }

    /**
     * PostGIS nodes and polygonizes the two sample versions and the connectors; a face moves
     * when it lies on different sides of the two versions (side: where the nearest line runs
     * past it). The versions are segmentized along geodesics first (ST_Segmentize on geography,
     * every 20 m), as Limes reads their edges by default. Then `select` over the CTE "sided"
     * (face f, its geography area, so and sn the sides of the old and new version).
     */
    QVector<double> sampleOracle( QgsVectorLayer &oldLayer, QgsVectorLayer &newLayer, const QString &extraCtes, const QString &select )
    {
      const QString side = QStringLiteral(
                             "(SELECT SIGN((ST_X(b) - ST_X(a)) * (ST_Y(q) - ST_Y(a)) - (ST_Y(b) - ST_Y(a)) * (ST_X(q) - ST_X(a))) FROM "
                             " (SELECT q, ST_LineInterpolatePoint(l, GREATEST(t - 1e-7, 0)) a, ST_LineInterpolatePoint(l, LEAST(t + 1e-7, 1)) b FROM "
                             "  (SELECT p q, l, ST_LineLocatePoint(l, p) t FROM (SELECT (ST_Dump(%1)).geom l) parts ORDER BY ST_Distance(l, p) LIMIT 1) x) y)" );
      const QString sql = QStringLiteral(
                            "WITH o AS (SELECT ST_Transform(ST_Segmentize(ST_GeomFromText(%1, 4326)::geography, 20)::geometry, 32642) g), "
                            "n AS (SELECT ST_Transform(ST_Segmentize(ST_GeomFromText(%2, 4326)::geography, 20)::geometry, 32642) g), "
                            "op AS (SELECT (ST_Dump(g)).geom g FROM o), np AS (SELECT (ST_Dump(g)).geom g FROM n), "
                            // connectors between the open parts' own ends, so that they meet exactly
                            "conn AS (SELECT ST_MakeLine(ST_StartPoint(a.g), ST_StartPoint(b.g)) g FROM op a, np b WHERE NOT ST_IsClosed(a.g) AND NOT ST_IsClosed(b.g) "
                            "  UNION ALL SELECT ST_MakeLine(ST_EndPoint(a.g), ST_EndPoint(b.g)) FROM op a, np b WHERE NOT ST_IsClosed(a.g) AND NOT ST_IsClosed(b.g)), "
                            "edges AS (SELECT g FROM op UNION ALL SELECT g FROM np UNION ALL SELECT g FROM conn), "
                            "faces AS (SELECT (ST_Dump(ST_Polygonize(e))).geom f FROM (SELECT ST_Node(ST_Collect(g)) e FROM edges) s), "
                            "points AS (SELECT f, ST_PointOnSurface(f) p, ST_Area(ST_Transform(f, 4326)::geography) area FROM faces), "
                            "sided AS (SELECT f, area, %3 so, %4 sn FROM points, o, n)%5 %6" );
      auto ewkt = []( QgsVectorLayer &layer ) {
        QgsMultiPolylineXY lines;
        QgsFeature f;
        QgsFeatureIterator it = layer.getFeatures();
        while ( it.nextFeature( f ) )
          lines << f.geometry().asPolyline();
        return QStringLiteral( "'%1'" ).arg( QgsGeometry::fromMultiPolylineXY( lines ).asWkt( 10 ) );
      };
      return row( sql.arg( ewkt( oldLayer ), ewkt( newLayer ), side.arg( QStringLiteral( "o.g" ) ), side.arg( QStringLiteral( "n.g" ) ), extraCtes, select ) );
    }

    //! A layer's geometries as one WKT collection in EPSG:4326.
    static QString collected( QgsVectorLayer &layer )
    {
      QVector<QgsGeometry> parts;
      QgsFeature f;
      QgsFeatureIterator it = layer.getFeatures();
      while ( it.nextFeature( f ) )
        parts << f.geometry();
      return QgsGeometry::collectGeometry( parts ).asWkt( 10 );
    }

    void sampleDataDcwVsWdbii()
    {
      const auto oldLayer = LayerSource( sampleData( "boundary_dcw" ) ).open();
      const auto newLayer = LayerSource( sampleData( "boundary_wdbii" ) ).open();
      const ChangeResult r = ChangeEngine::run( lineRequest( oldLayer.get(), newLayer.get(), 5000 ) );
      QCOMPARE( r.workingCrs.authid(), QStringLiteral( "EPSG:32642" ) );
      QCOMPARE( static_cast<int>( r.connectors.size() ), 2 );
      const QVector<double> oracle = sampleOracle( *oldLayer, *newLayer, QString(),
                                     QStringLiteral( "SELECT COALESCE(SUM(area) FILTER (WHERE so > 0 AND sn < 0), 0), COALESCE(SUM(area) FILTER (WHERE so < 0 AND sn > 0), 0), "
                                         "COUNT(*) FILTER (WHERE so <> sn) FROM sided" ) );
      QCOMPARE( oracle.size(), 3 );
      const double kgToTj = transferred( r, "KG", "TJ" ), tjToKg = transferred( r, "TJ", "KG" );
      qInfo( "DCW->WDBII: KG->TJ %.1f m² (PostGIS %.1f, %.1e), TJ->KG %.1f m² (PostGIS %.1f, %.1e), %d pieces (PostGIS faces %d)",
             kgToTj, oracle[0], kgToTj / oracle[0] - 1, tjToKg, oracle[1], tjToKg / oracle[1] - 1, static_cast<int>( r.transfers.size() ), static_cast<int>( oracle[2] ) );
      QVERIFY( kgToTj > 1e6 && tjToKg > 1e6 );
      QVERIFY2( std::fabs( kgToTj / oracle[0] - 1 ) <= 1e-7, qPrintable( QStringLiteral( "%1 vs %2" ).arg( kgToTj ).arg( oracle[0] ) ) );
      QVERIFY2( std::fabs( tjToKg / oracle[1] - 1 ) <= 1e-7, qPrintable( QStringLiteral( "%1 vs %2" ).arg( tjToKg ).arg( oracle[1] ) ) );
      QCOMPARE( static_cast<int>( r.transfers.size() ), static_cast<int>( oracle[2] ) );
    }

    void sampleResourcesAgreeWithPostGIS()
    {
      // the canals' length and the reservoirs' area in the moving land (geodesic edges), which
      // tests/cli/test_cli.sh checks in the sample summary
      const auto oldLayer = LayerSource( sampleData( "boundary_dcw" ) ).open();
      const auto newLayer = LayerSource( sampleData( "boundary_wdbii" ) ).open();
      const auto canals = LayerSource( sampleData( "synthetic_canals" ) ).open();
      const auto reservoirs = LayerSource( sampleData( "synthetic_reservoirs" ) ).open();
      ChangeRequest request = lineRequest( oldLayer.get(), newLayer.get(), 5000 );
      request.resources = { input( canals.get(), "canals" ), input( reservoirs.get(), "reservoirs" ) };
      const ChangeResult r = ChangeEngine::run( request );
      double canalKgTj = 0, canalTjKg = 0, reservoirKgTj = 0, reservoirTjKg = 0;
      for ( const ResourceChange &c : r.resourceChanges )
      {
        const bool kgTj = c.from == QLatin1String( "KG" );
        ( kgTj ? canalKgTj : canalTjKg ) += c.lengthM;
        ( kgTj ? reservoirKgTj : reservoirTjKg ) += c.areaM2;
      }
      const QString ctes = QStringLiteral( ", c AS (SELECT (ST_Dump(ST_Transform(ST_GeomFromText('%1', 4326), 32642))).geom g), "
                                           "r AS (SELECT (ST_Dump(ST_Transform(ST_GeomFromText('%2', 4326), 32642))).geom g)" ).arg( collected( *canals ), collected( *reservoirs ) );
      const QString lengths = QStringLiteral( "(SELECT COALESCE(SUM(ST_Length(ST_Transform(ST_Intersection(c.g, s.f), 4326)::geography)), 0) FROM c, sided s WHERE %1 AND ST_Intersects(c.g, s.f))" );
      const QString areas = QStringLiteral( "(SELECT COALESCE(SUM(ST_Area(ST_Transform(ST_Intersection(r.g, s.f), 4326)::geography)), 0) FROM r, sided s WHERE %1 AND ST_Intersects(r.g, s.f))" );
      const QString kgTj = QStringLiteral( "so > 0 AND sn < 0" ), tjKg = QStringLiteral( "so < 0 AND sn > 0" );
      const QVector<double> oracle = sampleOracle( *oldLayer, *newLayer, ctes, QStringLiteral( "SELECT %1, %2, %3, %4" ).arg( lengths.arg( kgTj ), lengths.arg( tjKg ), areas.arg( kgTj ), areas.arg( tjKg ) ) );
      QCOMPARE( oracle.size(), 4 );
      const double limes[] = { canalKgTj, canalTjKg, reservoirKgTj, reservoirTjKg };
      const char *what[] = { "canals KG->TJ m", "canals TJ->KG m", "reservoirs KG->TJ m²", "reservoirs TJ->KG m²" };
      for ( int i = 0; i < 4; ++i )
      {
        qInfo( "%s: %.3f (PostGIS %.3f, %.1e)", what[i], limes[i], oracle[i], limes[i] / oracle[i] - 1 );
        QVERIFY( oracle[i] > 100 );
        QVERIFY2( std::fabs( limes[i] / oracle[i] - 1 ) <= 1e-6, what[i] );
      }
    }

    void identicalRealTerritoriesGiveNothing()
    {
      // DCW's TJ and KG outlines overlap in slivers: land both claim in one version moves nowhere
      const auto terr = LayerSource( sampleData( "territories" ) ).open();
      ChangeRequest request;
      request.oldVersion = input( terr.get(), "territories" );
      request.newVersion = input( terr.get(), "territories" );
      request.partyField = "party";
      const ChangeResult same = ChangeEngine::run( request );
      QVERIFY( same.transfers.empty() );
      QCOMPARE( same.parties, QStringList( { "KG", "TJ" } ) );
      QVERIFY( same.warnings.join( '\n' ).contains( "claimed by more than one party" ) );
    }
};

QGSTEST_MAIN( TestChangeOracle )
#include "testchangeoracle.moc"
