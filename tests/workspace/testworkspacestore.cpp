// SPDX-License-Identifier: GPL-2.0-or-later
// One suite, every storage: each test runs once on a GeoPackage and once on the PostGIS
// fixture (global data "gpkg" and "postgis"), through WorkspaceStore only, so that the two
// storages cannot drift apart unnoticed. Raw SQL appears only where a test plays the
// tamperer or reads what the interface does not show (part numbers).
#include "error.h"
#include "testutils.h"
#include "workspace/ledger.h"
#include "workspace/workspacestore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cmath>

using namespace limes;

namespace
{
  const QStringList RULES{ QStringLiteral( "pillar_off_line" ), QStringLiteral( "spike" ) };

  LedgerEntryInput entry( const QString &segment, const QString &decision, const QString &protocol = QStringLiteral( "17" ) )
  {
    LedgerEntryInput in;
    in.segment = segment;
    in.protocol = protocol;
    in.meetingDate = QDate( 2024, 5, 14 );
    in.place = QStringLiteral( "Isfara" );
    in.decision = decision;
    in.author = QStringLiteral( "test" );
    return in;
  }

  Segment segment( const QString &code, int sequence )
  {
    Segment s;
    s.code = code;
    s.sequence = sequence;
    return s;
  }

  LineVersion draft( const QString &name )
  {
    LineVersion v;
    v.name = name;
    v.kind = QStringLiteral( "draft" );
    v.leftParty = QStringLiteral( "KG" );
    v.rightParty = QStringLiteral( "TJ" );
    v.author = QStringLiteral( "test" );
    return v;
  }

  //! A memory layer of `type` (e.g. "LineString?crs=EPSG:32642&field=segment:string") with one feature per WKT.
  std::unique_ptr<QgsVectorLayer> layer( const QString &uri, const QStringList &wkts, const QList<QVector<QVariant>> &attributes = {} )
  {
    auto l = std::make_unique<QgsVectorLayer>( uri, QStringLiteral( "source" ), QStringLiteral( "memory" ) );
    for ( int i = 0; i < wkts.size(); ++i )
    {
      QgsFeature f( l->fields() );
      f.setGeometry( QgsGeometry::fromWkt( wkts[i] ) );
      if ( i < attributes.size() )
        f.setAttributes( QgsAttributes( attributes[i] ) );
      l->dataProvider()->addFeature( f );
    }
    l->updateExtents();
    return l;
  }

  QString sha256( const QByteArray &bytes )
  {
    return QString::fromLatin1( QCryptographicHash::hash( bytes, QCryptographicHash::Sha256 ).toHex() );
  }
}

class TestWorkspaceStore : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir mDir;
    QString mAdmin;          //!< the PostGIS fixture's conninfo
    QString mTarget;         //!< this test's workspace: a path or a conninfo
    QString mDatabase;       //!< PostgreSQL: this test's database
    std::unique_ptr<WorkspaceStore> mWs;

    bool postgis() const { return !mDatabase.isEmpty(); }

    //! Runs SQL on the workspace behind Limes' back; returns the first column. `gpkg` and `pg` are the two dialects of one statement.
    QStringList raw( const QString &gpkg, const QString &pg, bool *ok = nullptr )
    {
      QStringList rows;
      bool success = false;
      if ( postgis() )
      {
        PGconn *c = PQconnectdb( mTarget.toUtf8().constData() );
        PGresult *r = PQexec( c, pg.toUtf8().constData() );
        success = PQresultStatus( r ) == PGRES_COMMAND_OK || PQresultStatus( r ) == PGRES_TUPLES_OK;
        for ( int i = 0; success && i < PQntuples( r ); ++i )
          rows << QString::fromUtf8( PQgetvalue( r, i, 0 ) );
        PQclear( r );
        PQfinish( c );
      }
      else
      {
        sqlite3 *db = nullptr;
        sqlite3_open( QFile::encodeName( mTarget ).constData(), &db );
        auto collect = []( void *into, int, char **values, char ** ) { *static_cast<QStringList *>( into ) << QString::fromUtf8( values[0] ? values[0] : "" ); return 0; };
        success = sqlite3_exec( db, gpkg.toUtf8().constData(), collect, &rows, nullptr ) == SQLITE_OK;
        sqlite3_close( db );
      }
      if ( ok )
        *ok = success;
      return rows;
    }

    void admin( const QString &sql )
    {
      PGconn *c = PQconnectdb( mAdmin.toUtf8().constData() );
      PGresult *r = PQexec( c, sql.toUtf8().constData() );
      const bool ok = PQresultStatus( r ) == PGRES_COMMAND_OK;
      const QString error = QString::fromUtf8( PQerrorMessage( c ) );
      PQclear( r );
      PQfinish( c );
      QVERIFY2( ok, qPrintable( error ) );
    }

    //! Runs `write`, which must throw a limes::Error containing `message`.
    template<typename F> void refused( F write, const QString &message )
    {
      try
      {
        write();
        QFAIL( qPrintable( QStringLiteral( "accepted; expected: %1" ).arg( message ) ) );
      }
      catch ( const Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
      }
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
      QFile f( qEnvironmentVariable( "LIMES_PG_CONNINFO_FILE" ) );
      if ( f.open( QIODevice::ReadOnly ) )
        mAdmin = QString::fromUtf8( f.readAll().trimmed() );
    }

    void init()
    {
      QFETCH_GLOBAL( QString, storage );
      static int n = 0;
      ++n;
      mDatabase.clear();
      if ( storage == QLatin1String( "postgis" ) )
      {
        QVERIFY2( !mAdmin.isEmpty(), "no PostGIS cluster: run through ctest (fixture postgis)" );
        mDatabase = QStringLiteral( "limes_store_%1_%2" ).arg( QCoreApplication::applicationPid() ).arg( n );
        admin( QStringLiteral( "CREATE DATABASE %1" ).arg( mDatabase ) );
        mTarget = QString( mAdmin ).replace( QStringLiteral( "dbname=limes_test" ), QStringLiteral( "dbname=" ) + mDatabase );
      }
      else
        mTarget = mDir.filePath( QStringLiteral( "ws-%1.gpkg" ).arg( n ) );
      const QList<Party> parties{ { "TJ", "Tajikistan", "Тоҷикистон", "#1a9850" }, { "KG", "Kyrgyzstan", "Кыргызстан", "#d7301f" } };
      const QList<Segment> segments{ { "S-001", 1, 0, 1000.123456789, "1", "12" }, { "S-002", 2, 1000.123456789, 2500.5, "12", "40a" },
        { "S-003", 3, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), QString(), QString() } };
      mWs = createWorkspace( mTarget, parties, segments, QgsCoordinateTransformContext() );
    }

    void cleanup()
    {
      mWs.reset();
      if ( postgis() )
        admin( QStringLiteral( "DROP DATABASE IF EXISTS %1" ).arg( mDatabase ) );
    }

    void partiesAndSegmentsRoundTrip()
    {
      QCOMPARE( mWs->partyCodes(), QStringList( { "KG", "TJ" } ) );
      const Party tj = mWs->parties().at( 1 );
      QCOMPARE( tj.name, QStringLiteral( "Tajikistan" ) );
      QCOMPARE( tj.localName, QStringLiteral( "Тоҷикистон" ) );
      QCOMPARE( tj.colour, QStringLiteral( "#1a9850" ) );
      const QList<Segment> segments = mWs->segments();
      QCOMPARE( segments.size(), 3 );
      QCOMPARE( segments[1].code, QStringLiteral( "S-002" ) );
      QCOMPARE( segments[1].sequence, 2 );
      QCOMPARE( segments[1].chainageFrom, 1000.123456789 ); // exactly: no storage rounds it
      QCOMPARE( segments[1].chainageTo, 2500.5 );
      QCOMPARE( segments[1].toPoint, QStringLiteral( "40a" ) );
      QVERIFY( std::isnan( segments[2].chainageFrom ) );
      QVERIFY( segments[2].fromPoint.isEmpty() );
      QCOMPARE( mWs->segmentStatus().value( "S-003" ), QStringLiteral( "no decision yet" ) );
    }

    void duplicatesAndEmptyCodesRefused()
    {
      refused( [&] { mWs->addParty( { "TJ", "again", "", "" } ); }, "party TJ already exists" );
      refused( [&] { mWs->addParty( { "UZ", " ", "", "" } ); }, "a party needs a code and a name" );
      // all or nothing: S-004 is not added because S-002 is there already
      refused( [&] { mWs->addSegments( { segment( "S-004", 4 ), segment( "S-002", 9 ) } ); }, "duplicate segment code S-002" );
      refused( [&] { mWs->addSegments( { segment( "S-005", 5 ), segment( "S-005", 6 ) } ); }, "duplicate segment code S-005" );
      refused( [&] { mWs->addSegments( { segment( "", 7 ) } ); }, "a segment needs a code" );
      QCOMPARE( mWs->segmentCodes(), QStringList( { "S-001", "S-002", "S-003" } ) );
      mWs->addParty( { "UZ", "Uzbekistan", "", "" } );
      mWs->addSegments( { segment( "S-004", 4 ) } );
      QCOMPARE( mWs->partyCodes().size(), 3 );
      QCOMPARE( mWs->segmentCodes().last(), QStringLiteral( "S-004" ) );
      const bool roles = mWs->capabilities().testFlag( WorkspaceStore::Capability::PartyRoles );
      QCOMPARE( mWs->partyRole( "UZ" ), roles ? QStringLiteral( "limes_party_uz" ) : QString() );
    }

    void ledgerHashIsSha256OfTheDocumentedBytes()
    {
      LedgerEntryInput in = entry( "S-002", "disputed" );
      in.place = QStringLiteral( "Исфара \"north\" gate" ); // non-ASCII and a quote: UTF-8, JSON-escaped
      in.positions = { { "TJ", "along the canal" }, { "KG", "along the ridge" } };
      const LedgerEntry a = mWs->addLedgerEntry( in );
      // the canonical bytes as ledger.h documents them, written out by hand
      const QByteArray first = QStringLiteral( "{\"agreed_version\":\"\",\"attachments\":{},\"author\":\"test\",\"decision\":\"disputed\",\"id\":1,"
                                               "\"meeting_date\":\"2024-05-14\",\"place\":\"Исфара \\\"north\\\" gate\",\"positions\":{\"KG\":\"along the ridge\","
                                               "\"TJ\":\"along the canal\"},\"previous_hash\":\"%1\",\"protocol\":\"17\",\"recorded_utc\":\"%2\",\"segment\":\"S-002\","
                                               "\"signatories\":{},\"supersedes\":-1}" ).arg( QString( 64, '0' ), a.recordedUtc ).toUtf8();
      QCOMPARE( a.hash, sha256( first ) );

      const QString file = mDir.filePath( "protocol-21.pdf" );
      QFile f( file );
      QVERIFY( f.open( QIODevice::WriteOnly ) );
      f.write( "abc" );
      f.close();
      LedgerEntryInput agreed = entry( "S-002", "agreed", "21" );
      agreed.signatories = { { "TJ", { "N. Rahimov" } }, { "KG", { "A. Toktogulov", "B. Osmonov" } } };
      agreed.attachments = QStringList{ file };
      agreed.supersedes = a.id;
      agreed.agreedVersion = QStringLiteral( "DCW" );
      const LedgerEntry b = mWs->addLedgerEntry( agreed );
      const QByteArray second = QStringLiteral( "{\"agreed_version\":\"DCW\",\"attachments\":{\"%1\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"},"
                                                "\"author\":\"test\",\"decision\":\"agreed\",\"id\":2,\"meeting_date\":\"2024-05-14\",\"place\":\"Isfara\","
                                                "\"positions\":{},\"previous_hash\":\"%2\",\"protocol\":\"21\",\"recorded_utc\":\"%3\",\"segment\":\"S-002\","
                                                "\"signatories\":{\"KG\":[\"A. Toktogulov\",\"B. Osmonov\"],\"TJ\":[\"N. Rahimov\"]},\"supersedes\":1}" )
                                .arg( file, a.hash, b.recordedUtc ).toUtf8();
      QCOMPARE( b.hash, sha256( second ) );
      // what the storage gives back hashes the same
      const QList<LedgerEntry> stored = mWs->ledger();
      QCOMPARE( stored.size(), 2 );
      QCOMPARE( stored[0].hash, sha256( first ) );
      QCOMPARE( ledger::canonical( stored[1] ), second );
      QCOMPARE( mWs->segmentStatus().value( "S-002" ), QStringLiteral( "agreed" ) );
      QVERIFY( mWs->verify().clean() );
    }

    void statusFollowsTheLatestStandingEntry()
    {
      mWs->addLedgerEntry( entry( "S-003", "referred" ) );
      mWs->addLedgerEntry( entry( "S-001", "deferred" ) );
      QCOMPARE( mWs->segmentStatus().value( "S-003" ), QStringLiteral( "referred to working group" ) );
      QCOMPARE( mWs->segmentStatus().value( "S-001" ), QStringLiteral( "deferred" ) );
      QCOMPARE( mWs->ledger( "S-003" ).size(), 1 );
      QCOMPARE( mWs->info().ledgerEntries, 2LL );
    }

    void refusesBadEntries_data()
    {
      QTest::addColumn<QString>( "segment" );
      QTest::addColumn<QString>( "decision" );
      QTest::addColumn<int>( "daysAhead" );
      QTest::addColumn<long long>( "supersedes" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "unknown segment" ) << "S-099" << "disputed" << 0 << -1LL << "unknown segment 'S-099'";
      QTest::newRow( "future date" ) << "S-001" << "disputed" << 3 << -1LL << "is in the future";
      QTest::newRow( "agreed without every party" ) << "S-001" << "agreed" << 0 << -1LL << "needs a signatory of every party; missing: KG";
      QTest::newRow( "unknown decision" ) << "S-001" << "postponed" << 0 << -1LL << "unknown decision 'postponed'";
      QTest::newRow( "supersedes nothing" ) << "S-001" << "disputed" << 0 << 7LL << "entry 7 to supersede does not exist";
      QTest::newRow( "supersedes another segment" ) << "S-001" << "disputed" << 0 << 1LL << "entry 1 is about segment S-003, not S-001";
    }

    void refusesBadEntries()
    {
      QFETCH( QString, segment );
      QFETCH( QString, decision );
      QFETCH( int, daysAhead );
      QFETCH( long long, supersedes );
      QFETCH( QString, message );
      mWs->addLedgerEntry( entry( "S-003", "disputed" ) );
      LedgerEntryInput in = entry( segment, decision );
      in.meetingDate = daysAhead ? QDateTime::currentDateTimeUtc().date().addDays( daysAhead ) : in.meetingDate;
      in.signatories = { { "TJ", { "N. Rahimov" } } };
      in.supersedes = supersedes;
      refused( [&] { mWs->addLedgerEntry( in ); }, message );
      QCOMPARE( mWs->ledger().size(), 1 ); // nothing written
      QVERIFY( mWs->verify().clean() );
    }

    void databaseRefusesLedgerChanges()
    {
      mWs->addLedgerEntry( entry( "S-001", "disputed" ) );
      bool ok = true;
      raw( "UPDATE ledger SET decision = 'agreed'", "UPDATE limes.ledger SET decision = 'agreed'", &ok );
      QVERIFY( !ok );
      raw( "DELETE FROM ledger", "DELETE FROM limes.ledger", &ok );
      QVERIFY( !ok );
      QCOMPARE( mWs->ledger().first().input.decision, QStringLiteral( "disputed" ) );
      QVERIFY( mWs->verify().clean() );
    }

    void verifyNamesTheTamperedEntry_data()
    {
      QTest::addColumn<QString>( "gpkg" );
      QTest::addColumn<QString>( "pg" );
      QTest::addColumn<QString>( "problem" );
      const QString unlocked = QStringLiteral( "ALTER TABLE limes.ledger DISABLE TRIGGER append_only; %1; ALTER TABLE limes.ledger ENABLE TRIGGER append_only" );
      QTest::newRow( "decision changed" ) << "DROP TRIGGER ledger_no_update; UPDATE ledger SET decision = 'agreed' WHERE id = 2"
                                          << unlocked.arg( "UPDATE limes.ledger SET decision = 'agreed' WHERE id = 2" )
                                          << "entry 2 (protocol 18, segment S-002) was changed outside Limes";
      QTest::newRow( "entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 2"
                                       << unlocked.arg( "DELETE FROM limes.ledger WHERE id = 2" ) << "entries 2 to 2 are missing before entry 3";
      QTest::newRow( "last entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 3"
                                            << unlocked.arg( "DELETE FROM limes.ledger WHERE id = 3" ) << "entries were removed or added outside Limes";
    }

    void verifyNamesTheTamperedEntry()
    {
      QFETCH( QString, gpkg );
      QFETCH( QString, pg );
      QFETCH( QString, problem );
      mWs->addLedgerEntry( entry( "S-001", "disputed", "17" ) );
      mWs->addLedgerEntry( entry( "S-002", "disputed", "18" ) );
      mWs->addLedgerEntry( entry( "S-003", "deferred", "19" ) );
      QVERIFY( mWs->verify().clean() );
      bool ok = false;
      raw( gpkg, pg, &ok );
      QVERIFY( ok );
      const VerifyReport r = mWs->verify();
      QVERIFY( !r.clean() );
      QVERIFY2( r.problems.join( '\n' ).contains( problem ), qPrintable( r.problems.join( '\n' ) ) );
    }

    void acceptedFindingsRoundTrip()
    {
      mWs->acceptFinding( { "pillar_off_line", "pillars", 12, "set back from the river bank, protocol 7", "B. Osmonov" }, RULES );
      const QList<AcceptedFinding> list = mWs->acceptedFindings();
      QCOMPARE( list.size(), 1 );
      QCOMPARE( list[0].rule, QStringLiteral( "pillar_off_line" ) );
      QCOMPARE( list[0].layer, QStringLiteral( "pillars" ) );
      QCOMPARE( list[0].fid, 12LL );
      QCOMPARE( list[0].reason, QStringLiteral( "set back from the river bank, protocol 7" ) );
      QCOMPARE( list[0].author, QStringLiteral( "B. Osmonov" ) );
      refused( [&] { mWs->acceptFinding( { "no_such_rule", "pillars", 1, "x", "me" }, RULES ); }, "unknown rule 'no_such_rule'" );
      refused( [&] { mWs->acceptFinding( { "spike", "line", 1, " ", "me" }, RULES ); }, "needs a reason and an author" );
      QCOMPARE( mWs->acceptedFindings().size(), 1 );
    }

    void importsVersionsInWgs84NumberedAcrossTheImport()
    {
      // two features of two parts each: parts 1..4 whatever the features
      const auto utm = layer( "MultiLineString?crs=EPSG:32642&field=segment:string",
                              { "MultiLineString((600000 4430000, 601000 4430000),(602000 4430000, 603000 4430500))",
                                "MultiLineString((604000 4430000, 605000 4430000),(606000 4430000, 607000 4430500))" },
                              { { "S-002" }, { QVariant() } } );
      const LineVersion stored = mWs->importVersion( draft( "TJ claim 2024" ), utm.get(), "memory" );
      QCOMPARE( stored.parts, 4LL );
      QCOMPARE( mWs->version( "TJ claim 2024" ).parts, 4LL );
      QCOMPARE( raw( "SELECT part FROM version_lines ORDER BY fid", "SELECT part FROM limes.version_lines ORDER BY id" ), QStringList( { "1", "2", "3", "4" } ) );
      const VersionLayer lines = mWs->versionLayer( stored );
      QVERIFY( lines.layer && lines.layer->isValid() );
      QCOMPARE( lines.layer->crs().authid(), QStringLiteral( "EPSG:4326" ) );
      QCOMPARE( lines.layer->featureCount(), 4LL );
      QgsFeatureIterator it = lines.layer->getFeatures();
      QgsFeature f;
      QList<QgsFeature> features;
      while ( it.nextFeature( f ) )
        features << f;
      QCOMPARE( features[0].attribute( "segment" ).toString(), QStringLiteral( "S-002" ) );
      QVERIFY( features[3].attribute( "segment" ).isNull() );
      // PROJ (cs2cs EPSG:32642 EPSG:4326) puts 600000 E, 4430000 N at 70.171743 E, 40.014283 N
      QGSCOMPARENEAR( features[0].geometry().asPolyline().first().x(), 70.171743, 1e-6 );
      QGSCOMPARENEAR( features[0].geometry().asPolyline().first().y(), 40.014283, 1e-6 );
      QVERIFY( features[3].geometry().asPolyline().first().x() > features[2].geometry().asPolyline().first().x() ); // in import order
      // never overwritten, parties checked, nothing written by a refused import
      refused( [&] { mWs->importVersion( draft( "TJ claim 2024" ), utm.get(), "memory" ); }, "a version named 'TJ claim 2024' exists already; versions are never overwritten" );
      LineVersion other = draft( "other" );
      other.leftParty = "UZ";
      refused( [&] { mWs->importVersion( other, utm.get(), "memory" ); }, "unknown party 'UZ' (parties: KG, TJ)" );
      QCOMPARE( mWs->versions().size(), 1 );
      refused( [&] { mWs->version( "ATLAS" ); }, "no version named 'ATLAS' (versions: TJ claim 2024)" );
    }

    void wrongCrsAndInvalidLinesAreRefused_data()
    {
      QTest::addColumn<QString>( "uri" );
      QTest::addColumn<QStringList>( "wkts" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "metres declared as degrees" ) << "LineString?crs=EPSG:4326" << QStringList{ "LineString(600000 4430000, 601000 4430000)" } << "cannot be degrees: the layer's CRS (EPSG:4326) is wrong";
      QTest::newRow( "outside the CRS's area" ) << "LineString?crs=EPSG:32642" << QStringList{ "LineString(-9000000 4430000, -8990000 4430000)" } << "outside the area where EPSG:32642 is defined";
      QTest::newRow( "zero length" ) << "LineString?crs=EPSG:4326" << QStringList{ "LineString(70 40, 70.1 40)", "LineString(70 40, 70 40)" } << "feature 2 is not a valid line";
      QTest::newRow( "no geometry" ) << "LineString?crs=EPSG:4326" << QStringList{ "LineString(70 40, 70.1 40)", "" } << "feature 2 has no geometry";
      QTest::newRow( "empty" ) << "LineString?crs=EPSG:4326" << QStringList() << "layer is empty";
      QTest::newRow( "points" ) << "Point?crs=EPSG:4326" << QStringList{ "Point(70 40)" } << "not a line layer";
      QTest::newRow( "no CRS" ) << "LineString?crs=" << QStringList{ "LineString(70 40, 70.1 40)" } << "layer has no CRS"; // no crs at all would be EPSG:4326
    }

    void wrongCrsAndInvalidLinesAreRefused()
    {
      QFETCH( QString, uri );
      QFETCH( QStringList, wkts );
      QFETCH( QString, message );
      const auto source = layer( uri, wkts );
      refused( [&] { mWs->importVersion( draft( "x" ), source.get(), "line" ); }, message );
      QVERIFY( mWs->versions().isEmpty() );
      QCOMPARE( raw( "SELECT COUNT(*) FROM version_lines", "SELECT count(*) FROM limes.version_lines" ), QStringList( "0" ) );
    }

    void importsPillarsRoundTrip()
    {
      const auto pillars = layer( "Point?crs=EPSG:32642&field=number:string&field=segment:string&field=surveyed_x:double&field=surveyed_y:double"
                                  "&field=survey_accuracy:double&field=survey_date:string&field=type:string",
                                  { "Point(600000 4430000)", "Point(601000 4430000)" },
                                  { { " 117 ", "S-002", 600000.3, 4430000.4, 0.05, "2024-05-14", "main" }, { "117a", QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant() } } );
      QCOMPARE( mWs->importPillars( pillars.get(), "memory", PillarFields(), "surveyor" ), 2LL );
      QCOMPARE( mWs->pillarCount(), 2LL );
      const QList<Pillar> stored = mWs->pillars();
      QCOMPARE( stored.size(), 2 );
      const Pillar &p = stored[0];
      QCOMPARE( p.number, QStringLiteral( "117" ) );
      QCOMPARE( p.segment, QStringLiteral( "S-002" ) );
      QCOMPARE( p.type, QStringLiteral( "main" ) );
      QGSCOMPARENEAR( p.lon, 70.171743, 1e-6 );
      QGSCOMPARENEAR( p.lat, 40.014283, 1e-6 );
      QVERIFY( p.surveyedLon > p.lon ); // 0.3 m east
      QGSCOMPARENEAR( ( p.surveyedLon - p.lon ) * 111320 * std::cos( p.lat * M_PI / 180 ), 0.3, 0.01 );
      QCOMPARE( p.surveyAccuracy, 0.05 );
      QCOMPARE( p.surveyDate, QStringLiteral( "2024-05-14" ) );
      QCOMPARE( p.author, QStringLiteral( "surveyor" ) );
      QVERIFY( std::isnan( stored[1].surveyedLon ) && std::isnan( stored[1].surveyAccuracy ) );
      QVERIFY( stored[1].segment.isEmpty() && stored[1].type.isEmpty() && stored[1].surveyDate.isEmpty() );
    }

    void pillarChecksAreTheSame_data()
    {
      QTest::addColumn<QString>( "uri" );
      QTest::addColumn<QStringList>( "wkts" );
      QTest::addColumn<QStringList>( "numbers" );
      QTest::addColumn<QString>( "segment" );
      QTest::addColumn<QString>( "numberField" );
      QTest::addColumn<QString>( "message" );
      const QString utm = QStringLiteral( "Point?crs=EPSG:32642&field=number:string&field=segment:string" );
      const QStringList two{ "Point(600000 4430000)", "Point(601000 4430000)" };
      QTest::newRow( "empty number" ) << utm << two << QStringList{ "1", " " } << "" << "number" << "feature 2: pillar without a number";
      QTest::newRow( "number twice" ) << utm << two << QStringList{ "1", "1" } << "" << "number" << "pillar number 1 exists already";
      QTest::newRow( "number already there" ) << utm << two << QStringList{ "2", "900" } << "" << "number" << "pillar number 900 exists already";
      QTest::newRow( "unknown segment" ) << utm << two << QStringList{ "1", "2" } << "S-404" << "number" << "pillar 1: unknown segment 'S-404'";
      QTest::newRow( "multi-part" ) << "MultiPoint?crs=EPSG:32642&field=number:string&field=segment:string" << QStringList{ "MultiPoint((600000 4430000),(600001 4430000))" }
                                    << QStringList{ "1" } << "" << "number" << "pillar 1 has no single point geometry";
      QTest::newRow( "no geometry" ) << utm << QStringList{ "Point(600000 4430000)", "" } << QStringList{ "1", "2" } << "" << "number" << "pillar 2 has no single point geometry";
      QTest::newRow( "metres as degrees" ) << "Point?crs=EPSG:4326&field=number:string&field=segment:string" << two << QStringList{ "1", "2" } << "" << "number"
                                           << "cannot be degrees: the layer's CRS (EPSG:4326) is wrong";
      QTest::newRow( "no CRS" ) << "Point?crs=&field=number:string&field=segment:string" << two << QStringList{ "1", "2" } << "" << "number" << "layer has no CRS";
      QTest::newRow( "no number field" ) << utm << two << QStringList{ "1", "2" } << "" << "nr" << "no field 'nr' with the pillar number (fields: number, segment)";
      QTest::newRow( "lines" ) << "LineString?crs=EPSG:32642&field=number:string" << QStringList{ "LineString(600000 4430000, 601000 4430000)" } << QStringList{ "1" } << "" << "number"
                               << "not a point layer";
    }

    void pillarChecksAreTheSame()
    {
      QFETCH( QString, uri );
      QFETCH( QStringList, wkts );
      QFETCH( QStringList, numbers );
      QFETCH( QString, segment );
      QFETCH( QString, numberField );
      QFETCH( QString, message );
      const auto existing = layer( "Point?crs=EPSG:4326&field=number:string", { "Point(70.2 40)" }, { { "900" } } );
      mWs->importPillars( existing.get(), "existing", PillarFields(), "surveyor" );
      QList<QVector<QVariant>> attributes;
      for ( const QString &n : numbers )
        attributes << QVector<QVariant> { n, segment.isEmpty() ? QVariant() : QVariant( segment ) };
      const auto source = layer( uri, wkts, attributes );
      PillarFields fields;
      fields.number = numberField;
      refused( [&] { mWs->importPillars( source.get(), "pillars", fields, "surveyor" ); }, message );
      QCOMPARE( mWs->pillarCount(), 1LL ); // the first pillar of a refused import is not kept either
    }

    void storesChangesAgainstTheirVersions()
    {
      const auto line = layer( "LineString?crs=EPSG:4326", { "LineString(70 40, 70.1 40)" } );
      mWs->importVersion( draft( "A" ), line.get(), "memory" );
      mWs->importVersion( draft( "B" ), line.get(), "memory" );
      const QByteArray summary = "{\"net\":[{\"net_m2\":-12.5,\"party\":\"KG\"}],\"transfers\":[]}";
      const StoredChange c = mWs->storeChange( "A", "B", summary, "analyst" );
      QVERIFY( c.id > 0 );
      QVERIFY( !c.recordedUtc.isEmpty() );
      const QList<StoredChange> list = mWs->storedChanges();
      QCOMPARE( list.size(), 1 );
      QCOMPARE( list[0].oldVersion, QStringLiteral( "A" ) );
      QCOMPARE( list[0].newVersion, QStringLiteral( "B" ) );
      QCOMPARE( list[0].author, QStringLiteral( "analyst" ) );
      QCOMPARE( list[0].recordedUtc, c.recordedUtc );
      QCOMPARE( QJsonDocument::fromJson( list[0].summaryJson ), QJsonDocument::fromJson( summary ) ); // the same JSON value
      refused( [&] { mWs->storeChange( "A", "Z", "{}", "analyst" ); }, "no version named 'Z'" );
      QCOMPARE( mWs->info().changes.size(), 1 );
    }

    void layersOpenStyled()
    {
      QVERIFY( mWs->layerStyle( "version_lines" ).contains( "version_id" ) );
      QVERIFY( mWs->layerStyle( "pillars" ).contains( "\"number\"" ) || mWs->layerStyle( "pillars" ).contains( "fieldName=\"number\"" ) );
      QVERIFY( mWs->layerStyle( "ledger" ).isEmpty() );
    }

    void notesChangeOnlyWithRowVersions()
    {
      const auto line = layer( "LineString?crs=EPSG:4326", { "LineString(70 40, 70.1 40)" } );
      mWs->importVersion( draft( "A" ), line.get(), "memory" );
      const int read = mWs->version( "A" ).rowVersion;
      if ( !mWs->capabilities().testFlag( WorkspaceStore::Capability::RowVersions ) )
      {
        QCOMPARE( read, 0 );
        refused( [&] { mWs->setVersionNotes( "A", "moved", read ); }, "keeps no row versions" );
        return;
      }
      QCOMPARE( mWs->setVersionNotes( "A", "first", read ), read + 1 );
      refused( [&] { mWs->setVersionNotes( "A", "second", read ); }, "conflict: version 'A' was changed by someone else" );
      QCOMPARE( mWs->version( "A" ).notes, QStringLiteral( "first" ) );
    }

    void exportsAVerifiedSnapshot()
    {
      const auto line = layer( "LineString?crs=EPSG:4326&field=segment:string", { "LineString(70 40, 70.1 40)", "LineString(70.1 40, 70.2 40.1)" }, { { "S-001" }, { "S-002" } } );
      mWs->importVersion( draft( "A" ), line.get(), "memory" );
      mWs->importPillars( layer( "Point?crs=EPSG:4326&field=number:string", { "Point(70.05 40)" }, { { "7" } } ).get(), "memory", PillarFields(), "surveyor" );
      mWs->addLedgerEntry( entry( "S-001", "disputed" ) );
      mWs->acceptFinding( { "spike", "line", 3, "surveyed so", "B. Osmonov" }, RULES );
      mWs->storeChange( "A", "A", "{\"transfers\":[]}", "analyst" );
      const QString snapshot = mDir.filePath( postgis() ? QStringLiteral( "snapshot-of-pg.gpkg" ) : QStringLiteral( "snapshot-of-gpkg.gpkg" ) );
      if ( !mWs->capabilities().testFlag( WorkspaceStore::Capability::Snapshot ) )
      {
        refused( [&] { mWs->exportTo( snapshot ); }, "a GeoPackage workspace is already one file" );
        QVERIFY( !QFile::exists( snapshot ) );
        return;
      }
      mWs->exportTo( snapshot );
      const auto copy = openWorkspace( snapshot, QgsCoordinateTransformContext() );
      QVERIFY( copy->verify().clean() );
      QCOMPARE( copy->partyCodes(), mWs->partyCodes() );
      QCOMPARE( copy->segments().at( 1 ).chainageFrom, mWs->segments().at( 1 ).chainageFrom );
      QCOMPARE( copy->version( "A" ).parts, 2LL );
      QCOMPARE( copy->pillars().first().number, QStringLiteral( "7" ) );
      QCOMPARE( copy->ledger().first().hash, mWs->ledger().first().hash );
      QCOMPARE( copy->acceptedFindings().first().author, QStringLiteral( "B. Osmonov" ) );
      QCOMPARE( copy->storedChanges().first().author, QStringLiteral( "analyst" ) );
    }
};

QGSTEST_MAIN( TestWorkspaceStore )
#include "testworkspacestore.moc"
