// SPDX-License-Identifier: GPL-2.0-or-later
// Surveying a pillar on every storage (global data "gpkg" and "postgis"): a signed entry is
// appended and the pillar's row, its designed position, never changes; pillars() shows the
// latest survey, pillarSurveys() all of them; bad input writes nothing; verify() stays clean
// and names a survey changed behind Limes' back. The deviation is checked against hand-computed
// geodesics and, on PostgreSQL, PostGIS's geography.
#include "error.h"
#include "testutils.h"
#include "validation/validation.h"
#include "workspace/ledger.h"
#include "workspace/storefixture.h"
#include "workspace/survey.h"
#include "workspace/workspacestore.h"

#include <QRegularExpression>
#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatereferencesystem.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <cmath>

using namespace limes;
using limes::test::refused;

namespace
{
  //! Pillars 117 (surveyed at import, 0.3 m east) and 118 (not surveyed), in UTM 42N.
  std::unique_ptr<QgsVectorLayer> pillarLayer()
  {
    auto l = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=EPSG:32642&field=number:string&field=segment:string&field=surveyed_x:double"
                                                               "&field=surveyed_y:double&field=survey_accuracy:double&field=survey_date:string" ),
                                               QStringLiteral( "pillars" ), QStringLiteral( "memory" ) );
    const QList<QPair<QString, QgsAttributes>> rows{
      { "Point(600000 4430000)", QgsAttributes() << "117" << "S-002" << 600000.3 << 4430000.0 << 0.05 << "2024-05-14" },
      { "Point(601000 4430000)", QgsAttributes() << "118" << "S-002" << QVariant() << QVariant() << QVariant() << QVariant() } };
    for ( const auto &row : rows )
    {
      QgsFeature f( l->fields() );
      f.setGeometry( QgsGeometry::fromWkt( row.first ) );
      f.setAttributes( row.second );
      l->dataProvider()->addFeature( f );
    }
    return l;
  }

  PillarSurvey surveyOf( const QString &pillar, double lon, double lat, double accuracy = 0.02, const QDate &date = QDate( 2025, 9, 3 ) )
  {
    PillarSurvey s;
    s.pillar = pillar;
    s.lon = lon;
    s.lat = lat;
    s.accuracy = accuracy;
    s.date = date;
    s.author = QStringLiteral( "field team" );
    return s;
  }

  Pillar pillar( const WorkspaceStore &ws, const QString &number )
  {
    for ( const Pillar &p : ws.pillars() )
      if ( p.number == number )
        return p;
    return Pillar();
  }

  QString problems( const VerifyReport &r )
  {
    return r.problems.join( QLatin1Char( '\n' ) );
  }
}

class TestSurvey : public QObject
{
    Q_OBJECT

  private:
    limes::test::StoreFixture mF;

    //! The pillars table as stored, every column, for "never changed" comparisons.
    QStringList pillarRows() const
    {
      return mF.raw( "SELECT number || '|' || quote(geom) || '|' || ifnull(surveyed_lon, '') || '|' || ifnull(surveyed_lat, '') || '|' || ifnull(survey_accuracy_m, '')"
                     " || '|' || ifnull(survey_date, '') || '|' || ledger_entry FROM pillars ORDER BY fid",
                     "SELECT number || '|' || ST_AsEWKB(geom)::text || '|' || COALESCE(surveyed_lon::text, '') || '|' || COALESCE(surveyed_lat::text, '') || '|'"
                     " || COALESCE(survey_accuracy_m::text, '') || '|' || COALESCE(survey_date::text, '') || '|' || ledger_entry FROM limes.pillars ORDER BY id" );
    }

  private slots:
    void initTestCase_data()
    {
      QTest::addColumn<QString>( "storage" );
      QTest::newRow( "gpkg" ) << "gpkg";
      QTest::newRow( "postgis" ) << "postgis";
    }

    void initTestCase()
    {
      limes::test::initQgis();
      mF.initTestCase();
    }

    void init()
    {
      QFETCH_GLOBAL( QString, storage );
      mF.init( storage );
      mF.ws->importPillars( pillarLayer().get(), "memory", PillarFields(), "secretariat", limes::test::secretariatKey() ); // entry 4
    }

    void cleanup() { mF.cleanup(); }

    void surveyAppendsAndKeepsTheDesignedPosition()
    {
      const QStringList before = pillarRows();
      QCOMPARE( before.size(), 2 );
      const Pillar designed = pillar( *mF.ws, "118" );
      QVERIFY( std::isnan( designed.surveyedLon ) );
      const PillarSurvey first = mF.ws->surveyPillar( surveyOf( "118", designed.lon + 0.00001, designed.lat - 0.00002 ), limes::test::tjKey() );
      QCOMPARE( first.ledgerEntry, 5LL );
      QCOMPARE( first.signerParty, QStringLiteral( "TJ" ) );
      QCOMPARE( first.designedLon, designed.lon );
      QCOMPARE( first.designedLat, designed.lat );

      // the survey is shown, from its entry; the row is as imported
      Pillar now = pillar( *mF.ws, "118" );
      QCOMPARE( now.lon, designed.lon );
      QCOMPARE( now.lat, designed.lat );
      QGSCOMPARENEAR( now.surveyedLon, designed.lon + 0.00001, 1e-9 );
      QGSCOMPARENEAR( now.surveyedLat, designed.lat - 0.00002, 1e-9 );
      QCOMPARE( now.surveyAccuracy, 0.02 );
      QCOMPARE( now.surveyDate, QStringLiteral( "2025-09-03" ) );
      QCOMPARE( now.surveyEntry, 5LL );
      QCOMPARE( now.ledgerEntry, 4LL ); // still the import's
      QVERIFY( std::isnan( mF.ws->pillarRows().at( 1 ).surveyedLon ) );
      QCOMPARE( pillarRows(), before );

      // a second survey by the other delegation: the latest wins, both stay
      mF.ws->surveyPillar( surveyOf( "118", designed.lon + 0.00002, designed.lat, 0.01, QDate( 2025, 10, 1 ) ), limes::test::kgKey() );
      now = pillar( *mF.ws, "118" );
      QGSCOMPARENEAR( now.surveyedLon, designed.lon + 0.00002, 1e-9 );
      QCOMPARE( now.surveyAccuracy, 0.01 );
      QCOMPARE( now.surveyEntry, 6LL );
      const QList<PillarSurvey> history = mF.ws->pillarSurveys( "118" );
      QCOMPARE( history.size(), 2 );
      QCOMPARE( history[0].ledgerEntry, 5LL );
      QCOMPARE( history[0].date, QDate( 2025, 9, 3 ) );
      QCOMPARE( history[0].author, QStringLiteral( "field team" ) );
      QCOMPARE( history[1].signerParty, QStringLiteral( "KG" ) );
      QVERIFY( mF.ws->pillarSurveys( "117" ).isEmpty() );
      QCOMPARE( mF.ws->pillarSurveys().size(), 2 );

      // pillar 117 keeps its imported survey until it is surveyed
      const Pillar p117 = pillar( *mF.ws, "117" );
      QCOMPARE( p117.surveyEntry, -1LL );
      QCOMPARE( p117.surveyAccuracy, 0.05 );

      // the entries: kind pillars, the survey as payload, named as such; appends only
      const QList<LedgerEntry> entries = mF.ws->ledger();
      QCOMPARE( entries.size(), 6 );
      QCOMPARE( entries[4].kind, QStringLiteral( "pillars" ) );
      QCOMPARE( ledger::label( entries[4] ), QStringLiteral( "entry 5 (survey of pillar 118)" ) );
      const QJsonObject payload = entries[4].payload.value( "survey" ).toObject();
      QCOMPARE( payload.value( "pillar" ).toString(), QStringLiteral( "118" ) );
      QCOMPARE( payload.value( "accuracy_m" ).toString(), QStringLiteral( "0.020000000" ) );
      QCOMPARE( payload.value( "date" ).toString(), QStringLiteral( "2025-09-03" ) );
      QCOMPARE( payload.value( "designed_lon" ).toString(), QString::number( designed.lon, 'f', 9 ) );
      QCOMPARE( pillarRows(), before );
      const VerifyReport r = mF.ws->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
      QCOMPARE( r.entries, 6LL );
    }

    void badInputWritesNothing_data()
    {
      QTest::addColumn<QString>( "number" );
      QTest::addColumn<double>( "dLon" );
      QTest::addColumn<double>( "lat" );
      QTest::addColumn<double>( "accuracy" );
      QTest::addColumn<QDate>( "date" );
      QTest::addColumn<QString>( "author" );
      QTest::addColumn<QString>( "message" );
      const QDate ok( 2025, 9, 3 );
      QTest::newRow( "unknown pillar" ) << "119" << 0.0 << 40.0 << 0.02 << ok << "a" << "unknown pillar '119' (2 pillars: 117, 118)";
      QTest::newRow( "accuracy 0" ) << "118" << 0.0 << 40.0 << 0.0 << ok << "a" << "the survey accuracy must be a number of metres above 0 (got 0)";
      QTest::newRow( "accuracy negative" ) << "118" << 0.0 << 40.0 << -1.0 << ok << "a" << "above 0 (got -1)";
      QTest::newRow( "accuracy nan" ) << "118" << 0.0 << 40.0 << std::nan( "" ) << ok << "a" << "above 0 (got nan)";
      QTest::newRow( "future" ) << "118" << 0.0 << 40.0 << 0.02 << QDate::currentDate().addDays( 2 ) << "a" << "is in the future";
      QTest::newRow( "no date" ) << "118" << 0.0 << 40.0 << 0.02 << QDate() << "a" << "a survey needs its date";
      QTest::newRow( "latitude" ) << "118" << 0.0 << 91.0 << 0.02 << ok << "a" << "surveyed position: ";
      QTest::newRow( "no author" ) << "118" << 0.0 << 40.0 << 0.02 << ok << " " << "a ledger entry needs its author";
    }

    void badInputWritesNothing()
    {
      QFETCH( QString, number );
      QFETCH( double, dLon );
      QFETCH( double, lat );
      QFETCH( double, accuracy );
      QFETCH( QDate, date );
      QFETCH( QString, author );
      QFETCH( QString, message );
      const LedgerHead head = mF.ws->head();
      const QStringList rows = pillarRows();
      PillarSurvey s = surveyOf( number, 70.18 + dLon, lat, accuracy, date );
      s.author = author;
      refused( [&] { mF.ws->surveyPillar( s, limes::test::tjKey() ); }, message );
      QCOMPARE( mF.ws->head().entries, head.entries );
      QCOMPARE( mF.ws->head().hash, head.hash );
      QCOMPARE( pillarRows(), rows );
      QVERIFY( mF.ws->pillarSurveys().isEmpty() );
    }

    void unregisteredKeyRefused()
    {
      const LedgerHead head = mF.ws->head();
      refused( [&] { mF.ws->surveyPillar( surveyOf( "118", 70.18, 40.01 ), limes::test::seededKey( '\x77' ) ); }, "is not registered in this workspace" );
      QCOMPARE( mF.ws->head().entries, head.entries );
    }

    void deviationAgainstHandComputedGeodesics()
    {
      // along the equator, a geodesic: a * dLambda
      SurveyDeviation d = survey::deviation( 0, 0, 0.001, 0 );
      QGSCOMPARENEAR( d.metres, 6378137.0 * 0.001 * M_PI / 180, 1e-6 );
      QGSCOMPARENEAR( d.azimuth, 90.0, 1e-9 );
      // along a meridian: the meridian arc, M(phi) = a(1 - e^2) / (1 - e^2 sin^2 phi)^(3/2) at the midpoint (1e-9 relative for 0.001 degrees)
      const double a = 6378137.0, f = 1 / 298.257223563, e2 = f * ( 2 - f ), phi = 40.0005 * M_PI / 180;
      const double meridian = a * ( 1 - e2 ) / std::pow( 1 - e2 * std::sin( phi ) * std::sin( phi ), 1.5 ) * 0.001 * M_PI / 180;
      d = survey::deviation( 70, 40.001, 70, 40 );
      QGSCOMPARENEAR( d.metres, meridian, 1e-6 );
      QGSCOMPARENEAR( d.azimuth, 180.0, 1e-9 );
      d = survey::deviation( 70, 40, 70, 40 );
      QCOMPARE( d.metres, 0.0 );
      QVERIFY( std::isnan( survey::deviation( 70, 40, std::nan( "" ), 40 ).metres ) );
    }

    void deviationAgainstPostgis()
    {
      if ( !mF.postgis() )
        QSKIP( "PostGIS's geography is the oracle" );
      const Pillar designed = pillar( *mF.ws, "117" );
      mF.ws->surveyPillar( surveyOf( "117", designed.lon - 0.0000123, designed.lat + 0.0000456 ), limes::test::secretariatKey() );
      const Pillar p = pillar( *mF.ws, "117" );
      const SurveyDeviation d = survey::deviation( p );
      const QString sql = QStringLiteral( "SELECT ST_Distance(g1, g2, true) || ' ' || degrees(ST_Azimuth(g1, g2)) FROM (SELECT geom::geography AS g1,"
                                          " ST_SetSRID(ST_MakePoint(%1, %2), 4326)::geography AS g2 FROM limes.pillars WHERE number = '117') x" )
                          .arg( p.surveyedLon, 0, 'f', 12 ).arg( p.surveyedLat, 0, 'f', 12 );
      const QStringList oracle = mF.raw( "", sql ).value( 0 ).split( ' ' );
      QCOMPARE( oracle.size(), 2 );
      QVERIFY( d.metres > 4 && d.metres < 6 );
      QGSCOMPARENEAR( d.metres, oracle[0].toDouble(), 1e-6 );
      QGSCOMPARENEAR( d.azimuth, oracle[1].toDouble(), 1e-6 );
    }

    void validationReportsTheLatestSurvey()
    {
      // the rule pillar_survey_deviation, on the layer the desktop and `validate --workspace-pillars` check
      const Pillar designed = pillar( *mF.ws, "118" );
      mF.ws->surveyPillar( surveyOf( "118", designed.lon + 0.00002, designed.lat ), limes::test::tjKey() ); // ~1.7 m east
      const auto pillars = survey::pillarsLayer( mF.ws->pillars(), "pillars" );
      auto line = std::make_unique<QgsVectorLayer>( "LineString?crs=EPSG:32642", "line", "memory" );
      QgsFeature f;
      f.setGeometry( QgsGeometry::fromWkt( "LineString(599000 4430000, 602000 4430000)" ) );
      line->dataProvider()->addFeature( f );
      ValidationRequest request;
      request.line = InputLayer{ line.get(), "line", "memory", QString() };
      request.pillars = InputLayer{ pillars.get(), "pillars", "memory", QString() };
      request.rules = QStringList{ "pillar_survey_deviation" };
      request.tolerance = 0.5;
      const ValidationResult result = Validator::run( request );
      QCOMPARE( result.findings.size(), 1 );
      const SurveyDeviation d = survey::deviation( pillar( *mF.ws, "118" ) );
      QVERIFY2( result.findings.first().message.startsWith( "pillar 118 was surveyed " ), qPrintable( result.findings.first().message ) );
      QGSCOMPARENEAR( result.findings.first().value, d.metres, 1e-3 ); // the rule measures through the working CRS
      // pillar 117's imported 0.3 m is within the tolerance; surveyed again 0.6 m away it is reported too
      mF.ws->surveyPillar( surveyOf( "117", pillar( *mF.ws, "117" ).lon, pillar( *mF.ws, "117" ).lat + 0.6 / 111035.0 ), limes::test::tjKey() );
      survey::fillPillarsLayer( *pillars, mF.ws->pillars() );
      QCOMPARE( Validator::run( request ).findings.size(), 2 );
    }

    void verifyNamesASurveyChangedBehindLimesBack()
    {
      const Pillar designed = pillar( *mF.ws, "118" );
      mF.ws->surveyPillar( surveyOf( "118", designed.lon + 0.00001, designed.lat ), limes::test::tjKey() ); // entry 5
      QVERIFY( mF.ws->verify().clean() );
      bool ok = false;
      QString error;
      mF.raw( "DROP TRIGGER ledger_no_update; UPDATE ledger SET payload = replace(payload, '\"accuracy_m\":\"0.020000000\"', '\"accuracy_m\":\"0.002000000\"') WHERE id = 5",
              "ALTER TABLE limes.ledger DISABLE TRIGGER append_only; UPDATE limes.ledger SET payload = replace(payload, '\"accuracy_m\":\"0.020000000\"', '\"accuracy_m\":\"0.002000000\"') WHERE id = 5",
              &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      const VerifyReport r = mF.ws->verify();
      QCOMPARE( problems( r ), QStringLiteral( "entry 5 (survey of pillar 118) was changed outside Limes: payload.survey is not what was sealed" ) );
    }

    void verifyNamesASurveyOfAMissingPillar()
    {
      mF.ws->surveyPillar( surveyOf( "117", 70.1717, 40.0143 ), limes::test::tjKey() ); // entry 5
      bool ok = false;
      QString error;
      mF.raw( "DELETE FROM pillars WHERE number = '117'", "DELETE FROM limes.pillars WHERE number = '117'", &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      const QStringList found = mF.ws->verify().problems;
      QVERIFY2( found.contains( "pillar 117 recorded in entry 4 is missing" ), qPrintable( found.join( '\n' ) ) );
      QVERIFY2( found.contains( "pillar 117 surveyed in entry 5 is missing" ), qPrintable( found.join( '\n' ) ) );
      QCOMPARE( found.size(), 2 );
    }

    void snapshotCarriesTheSurveys()
    {
      if ( !mF.ws->capabilities().testFlag( WorkspaceStore::Capability::Snapshot ) )
        QSKIP( "a GeoPackage workspace is its own snapshot" );
      const Pillar designed = pillar( *mF.ws, "118" );
      mF.ws->surveyPillar( surveyOf( "118", designed.lon + 0.00001, designed.lat ), limes::test::tjKey() );
      const QString snapshot = mF.filePath( QStringLiteral( "survey-snapshot.gpkg" ) );
      mF.ws->exportTo( snapshot );
      const auto copy = openWorkspace( snapshot, QgsCoordinateTransformContext() );
      const VerifyReport r = copy->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
      // the rows as imported and the survey in the ledger: the copy shows the same surveyed position
      QVERIFY( std::isnan( copy->pillarRows().at( 1 ).surveyedLon ) );
      QCOMPARE( pillar( *copy, "118" ).surveyedLon, pillar( *mF.ws, "118" ).surveyedLon );
      QCOMPARE( pillar( *copy, "118" ).surveyEntry, 5LL );
      QCOMPARE( copy->pillarSurveys( "118" ).size(), 1 );
    }

    void delegationRecordsOnlyItsOwnSurvey()
    {
      if ( !mF.postgis() )
        QSKIP( "party roles are PostgreSQL's" );
      const QString login = QStringLiteral( "limes_survey_tj_%1" ).arg( QCoreApplication::applicationPid() );
      mF.admin( QStringLiteral( "DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN IN ROLE limes_party_tj" ).arg( login ) );
      {
        auto tj = openWorkspace( QString( mF.target ).replace( QRegularExpression( "user=\\S+" ), "user=" + login ), QgsCoordinateTransformContext() );
        QCOMPARE( tj->loginParty(), QStringLiteral( "TJ" ) );
        const PillarSurvey own = tj->surveyPillar( surveyOf( "118", 70.1834, 40.0143 ), limes::test::tjKey() );
        QCOMPARE( own.signerParty, QStringLiteral( "TJ" ) );
        // signed for KG from TJ's login: the database refuses the entry
        try
        {
          tj->surveyPillar( surveyOf( "118", 70.1835, 40.0143 ), limes::test::kgKey() );
          QFAIL( "TJ's login recorded a survey signed for KG" );
        }
        catch ( const Error &e )
        {
          QVERIFY2( !e.message().isEmpty(), "no reason given" );
        }
        QCOMPARE( tj->pillarSurveys( "118" ).size(), 1 );
      }
      mF.admin( QStringLiteral( "DROP OWNED BY %1; DROP ROLE %1" ).arg( login ) );
      QVERIFY( mF.ws->verify().clean() );
    }
};

QGSTEST_MAIN( TestSurvey )
#include "testsurvey.moc"
