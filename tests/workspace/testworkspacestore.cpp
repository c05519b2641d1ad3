// SPDX-License-Identifier: GPL-2.0-or-later
// One suite, every storage: each test runs once on a GeoPackage and once on the PostGIS
// fixture (global data "gpkg" and "postgis"), through WorkspaceStore only, so that the two
// storages cannot drift apart unnoticed. Raw SQL appears only where a test plays the
// tamperer or reads what the interface does not show (part numbers).
#include "error.h"
#include "testutils.h"
#include "workspace/ledger.h"
#include "workspace/storefixture.h"
#include "workspace/workspacestore.h"

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
using limes::test::refused;

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

}

class TestWorkspaceStore : public QObject
{
    Q_OBJECT

  private:
    limes::test::StoreFixture mF;

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
    }

    void cleanup() { mF.cleanup(); }

    void partiesAndSegmentsRoundTrip()
    {
      QCOMPARE( mF.ws->partyCodes(), QStringList( { "KG", "TJ" } ) );
      const Party tj = mF.ws->parties().at( 1 );
      QCOMPARE( tj.name, QStringLiteral( "Tajikistan" ) );
      QCOMPARE( tj.localName, QStringLiteral( "Тоҷикистон" ) );
      QCOMPARE( tj.colour, QStringLiteral( "#1a9850" ) );
      const QList<Segment> segments = mF.ws->segments();
      QCOMPARE( segments.size(), 3 );
      QCOMPARE( segments[1].code, QStringLiteral( "S-002" ) );
      QCOMPARE( segments[1].sequence, 2 );
      QCOMPARE( segments[1].chainageFrom, 1000.123456789 ); // exactly: no storage rounds it
      QCOMPARE( segments[1].chainageTo, 2500.5 );
      QCOMPARE( segments[1].toPoint, QStringLiteral( "40a" ) );
      QVERIFY( std::isnan( segments[2].chainageFrom ) );
      QVERIFY( segments[2].fromPoint.isEmpty() );
      QCOMPARE( mF.ws->segmentStatus().value( "S-003" ), QStringLiteral( "no decision yet" ) );
    }

    void duplicatesAndEmptyCodesRefused()
    {
      refused( [&] { mF.ws->addParty( { "TJ", "again", "", "" } ); }, "party TJ already exists" );
      refused( [&] { mF.ws->addParty( { "UZ", " ", "", "" } ); }, "a party needs a code and a name" );
      // all or nothing: S-004 is not added because S-002 is there already
      refused( [&] { mF.ws->addSegments( { segment( "S-004", 4 ), segment( "S-002", 9 ) } ); }, "duplicate segment code S-002" );
      refused( [&] { mF.ws->addSegments( { segment( "S-005", 5 ), segment( "S-005", 6 ) } ); }, "duplicate segment code S-005" );
      refused( [&] { mF.ws->addSegments( { segment( "", 7 ) } ); }, "a segment needs a code" );
      QCOMPARE( mF.ws->segmentCodes(), QStringList( { "S-001", "S-002", "S-003" } ) );
      mF.ws->addParty( { "UZ", "Uzbekistan", "", "" } );
      mF.ws->addSegments( { segment( "S-004", 4 ) } );
      QCOMPARE( mF.ws->partyCodes().size(), 3 );
      QCOMPARE( mF.ws->segmentCodes().last(), QStringLiteral( "S-004" ) );
      const bool roles = mF.ws->capabilities().testFlag( WorkspaceStore::Capability::PartyRoles );
      QCOMPARE( mF.ws->partyRole( "UZ" ), roles ? QStringLiteral( "limes_party_uz" ) : QString() );
    }

    void statusFollowsTheLatestStandingEntry()
    {
      mF.ws->addLedgerEntry( entry( "S-003", "referred" ), limes::test::tjKey() );
      mF.ws->addLedgerEntry( entry( "S-001", "deferred" ), limes::test::tjKey() );
      QCOMPARE( mF.ws->segmentStatus().value( "S-003" ), QStringLiteral( "referred to working group" ) );
      QCOMPARE( mF.ws->segmentStatus().value( "S-001" ), QStringLiteral( "deferred" ) );
      QCOMPARE( mF.ws->ledger( "S-003" ).size(), 1 );
      QCOMPARE( mF.ws->info().ledgerEntries, 5LL ); // after the three keys
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
      QTest::newRow( "supersedes another segment" ) << "S-001" << "disputed" << 0 << 4LL << "entry 4 is about segment S-003, not S-001";
      QTest::newRow( "supersedes a key" ) << "S-001" << "disputed" << 0 << 1LL << "entry 1 records no decision (key)";
      QTest::newRow( "supersedes below one" ) << "S-001" << "disputed" << 0 << -5LL << "takes the id of an entry, 1 or more (got -5)";
    }

    void refusesBadEntries()
    {
      QFETCH( QString, segment );
      QFETCH( QString, decision );
      QFETCH( int, daysAhead );
      QFETCH( long long, supersedes );
      QFETCH( QString, message );
      mF.ws->addLedgerEntry( entry( "S-003", "disputed" ), limes::test::tjKey() );
      LedgerEntryInput in = entry( segment, decision );
      in.meetingDate = daysAhead ? QDateTime::currentDateTimeUtc().date().addDays( daysAhead ) : in.meetingDate;
      in.signatories = { { "TJ", { "N. Rahimov" } } };
      in.supersedes = supersedes;
      refused( [&] { mF.ws->addLedgerEntry( in, limes::test::tjKey() ); }, message );
      QCOMPARE( mF.ws->ledger().size(), 4 ); // the keys and the first entry: nothing written
      QVERIFY( mF.ws->verify().clean() );
    }

    void databaseRefusesLedgerChanges()
    {
      mF.ws->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::tjKey() );
      bool ok = true;
      mF.raw( "UPDATE ledger SET decision = 'agreed'", "UPDATE limes.ledger SET decision = 'agreed'", &ok );
      QVERIFY( !ok );
      mF.raw( "DELETE FROM ledger", "DELETE FROM limes.ledger", &ok );
      QVERIFY( !ok );
      QCOMPARE( mF.ws->ledger( "S-001" ).first().input.decision, QStringLiteral( "disputed" ) );
      QVERIFY( mF.ws->verify().clean() );
    }

    void verifyNamesTheTamperedEntry_data()
    {
      QTest::addColumn<QString>( "gpkg" );
      QTest::addColumn<QString>( "pg" );
      QTest::addColumn<QString>( "problem" );
      const QString unlocked = QStringLiteral( "ALTER TABLE limes.ledger DISABLE TRIGGER append_only; %1; ALTER TABLE limes.ledger ENABLE TRIGGER append_only" );
      // entries 1 to 3 register the keys; the decisions are 4, 5 and 6
      QTest::newRow( "decision changed" ) << "DROP TRIGGER ledger_no_update; UPDATE ledger SET decision = 'agreed' WHERE id = 5"
                                          << unlocked.arg( "UPDATE limes.ledger SET decision = 'agreed' WHERE id = 5" )
                                          << "entry 5 (protocol 18, segment S-002) was changed outside Limes: column decision is not what was sealed";
      QTest::newRow( "entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 5"
                                       << unlocked.arg( "DELETE FROM limes.ledger WHERE id = 5" ) << "entries 5 to 5 are missing before entry 6";
      QTest::newRow( "last entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 6"
                                            << unlocked.arg( "DELETE FROM limes.ledger WHERE id = 6" ) << "entries were removed or added outside Limes";
    }

    void verifyNamesTheTamperedEntry()
    {
      QFETCH( QString, gpkg );
      QFETCH( QString, pg );
      QFETCH( QString, problem );
      mF.ws->addLedgerEntry( entry( "S-001", "disputed", "17" ), limes::test::tjKey() );
      mF.ws->addLedgerEntry( entry( "S-002", "disputed", "18" ), limes::test::tjKey() );
      mF.ws->addLedgerEntry( entry( "S-003", "deferred", "19" ), limes::test::tjKey() );
      QVERIFY( mF.ws->verify().clean() );
      bool ok = false;
      mF.raw( gpkg, pg, &ok );
      QVERIFY( ok );
      const VerifyReport r = mF.ws->verify();
      QVERIFY( !r.clean() );
      QVERIFY2( r.problems.join( '\n' ).contains( problem ), qPrintable( r.problems.join( '\n' ) ) );
    }

    void acceptedFindingsRoundTrip()
    {
      mF.ws->acceptFinding( { "pillar_off_line", "pillars", 12, "set back from the river bank, protocol 7", "B. Osmonov" }, RULES, limes::test::kgKey() );
      const QList<AcceptedFinding> list = mF.ws->acceptedFindings();
      QCOMPARE( list.size(), 1 );
      QCOMPARE( list[0].rule, QStringLiteral( "pillar_off_line" ) );
      QCOMPARE( list[0].layer, QStringLiteral( "pillars" ) );
      QCOMPARE( list[0].fid, 12LL );
      QCOMPARE( list[0].reason, QStringLiteral( "set back from the river bank, protocol 7" ) );
      QCOMPARE( list[0].author, QStringLiteral( "B. Osmonov" ) );
      refused( [&] { mF.ws->acceptFinding( { "no_such_rule", "pillars", 1, "x", "me" }, RULES, limes::test::kgKey() ); }, "unknown rule 'no_such_rule'" );
      refused( [&] { mF.ws->acceptFinding( { "spike", "line", 1, " ", "me" }, RULES, limes::test::kgKey() ); }, "needs a reason and an author" );
      QCOMPARE( mF.ws->acceptedFindings().size(), 1 );
    }

    void importsVersionsInWgs84NumberedAcrossTheImport()
    {
      // two features of two parts each: parts 1..4 whatever the features
      const auto utm = layer( "MultiLineString?crs=EPSG:32642&field=segment:string",
                              { "MultiLineString((600000 4430000, 601000 4430000),(602000 4430000, 603000 4430500))",
                                "MultiLineString((604000 4430000, 605000 4430000),(606000 4430000, 607000 4430500))" },
                              { { "S-002" }, { QVariant() } } );
      const LineVersion stored = mF.ws->importVersion( draft( "TJ claim 2024" ), utm.get(), "memory", limes::test::secretariatKey() );
      QCOMPARE( stored.parts, 4LL );
      QCOMPARE( mF.ws->version( "TJ claim 2024" ).parts, 4LL );
      QCOMPARE( mF.raw( "SELECT part FROM version_lines ORDER BY fid", "SELECT part FROM limes.version_lines ORDER BY id" ), QStringList( { "1", "2", "3", "4" } ) );
      const VersionLayer lines = mF.ws->versionLayer( stored );
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
      refused( [&] { mF.ws->importVersion( draft( "TJ claim 2024" ), utm.get(), "memory", limes::test::secretariatKey() ); }, "a version named 'TJ claim 2024' exists already; versions are never overwritten" );
      LineVersion other = draft( "other" );
      other.leftParty = "UZ";
      refused( [&] { mF.ws->importVersion( other, utm.get(), "memory", limes::test::secretariatKey() ); }, "unknown party 'UZ' (parties: KG, TJ)" );
      QCOMPARE( mF.ws->versions().size(), 1 );
      refused( [&] { mF.ws->version( "ATLAS" ); }, "no version named 'ATLAS' (versions: TJ claim 2024)" );
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
      refused( [&] { mF.ws->importVersion( draft( "x" ), source.get(), "line", limes::test::secretariatKey() ); }, message );
      QVERIFY( mF.ws->versions().isEmpty() );
      QCOMPARE( mF.raw( "SELECT COUNT(*) FROM version_lines", "SELECT count(*) FROM limes.version_lines" ), QStringList( "0" ) );
    }

    void importsPillarsRoundTrip()
    {
      const auto pillars = layer( "Point?crs=EPSG:32642&field=number:string&field=segment:string&field=surveyed_x:double&field=surveyed_y:double"
                                  "&field=survey_accuracy:double&field=survey_date:string&field=type:string",
                                  { "Point(600000 4430000)", "Point(601000 4430000)" },
                                  { { " 117 ", "S-002", 600000.3, 4430000.4, 0.05, "2024-05-14", "main" }, { "117a", QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant() } } );
      QCOMPARE( mF.ws->importPillars( pillars.get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() ), 2LL );
      QCOMPARE( mF.ws->pillarCount(), 2LL );
      const QList<Pillar> stored = mF.ws->pillars();
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
      mF.ws->importPillars( existing.get(), "existing", PillarFields(), "surveyor", limes::test::secretariatKey() );
      QList<QVector<QVariant>> attributes;
      for ( const QString &n : numbers )
        attributes << QVector<QVariant> { n, segment.isEmpty() ? QVariant() : QVariant( segment ) };
      const auto source = layer( uri, wkts, attributes );
      PillarFields fields;
      fields.number = numberField;
      refused( [&] { mF.ws->importPillars( source.get(), "pillars", fields, "surveyor", limes::test::secretariatKey() ); }, message );
      QCOMPARE( mF.ws->pillarCount(), 1LL ); // the first pillar of a refused import is not kept either
    }

    void storesChangesAgainstTheirVersions()
    {
      const auto line = layer( "LineString?crs=EPSG:4326", { "LineString(70 40, 70.1 40)" } );
      mF.ws->importVersion( draft( "A" ), line.get(), "memory", limes::test::secretariatKey() );
      mF.ws->importVersion( draft( "B" ), line.get(), "memory", limes::test::secretariatKey() );
      const QByteArray summary = "{\"net\":[{\"net_m2\":-12.5,\"party\":\"KG\"}],\"transfers\":[]}";
      const StoredChange c = mF.ws->storeChange( "A", "B", summary, "analyst", limes::test::kgKey() );
      QVERIFY( c.id > 0 );
      QVERIFY( !c.recordedUtc.isEmpty() );
      const QList<StoredChange> list = mF.ws->storedChanges();
      QCOMPARE( list.size(), 1 );
      QCOMPARE( list[0].oldVersion, QStringLiteral( "A" ) );
      QCOMPARE( list[0].newVersion, QStringLiteral( "B" ) );
      QCOMPARE( list[0].author, QStringLiteral( "analyst" ) );
      QCOMPARE( list[0].recordedUtc, c.recordedUtc );
      QCOMPARE( list[0].summaryJson, summary ); // exactly the bytes given, on every storage
      refused( [&] { mF.ws->storeChange( "A", "Z", "{}", "analyst", limes::test::kgKey() ); }, "no version named 'Z'" );
      QCOMPARE( mF.ws->info().changes.size(), 1 );
    }

    void layersOpenStyled()
    {
      QVERIFY( mF.ws->layerStyle( "version_lines" ).contains( "version_id" ) );
      QVERIFY( mF.ws->layerStyle( "pillars" ).contains( "\"number\"" ) || mF.ws->layerStyle( "pillars" ).contains( "fieldName=\"number\"" ) );
      QVERIFY( mF.ws->layerStyle( "ledger" ).isEmpty() );
    }

    void notesChangeOnlyWithRowVersions()
    {
      const auto line = layer( "LineString?crs=EPSG:4326", { "LineString(70 40, 70.1 40)" } );
      mF.ws->importVersion( draft( "A" ), line.get(), "memory", limes::test::secretariatKey() );
      const int read = mF.ws->version( "A" ).rowVersion;
      if ( !mF.ws->capabilities().testFlag( WorkspaceStore::Capability::RowVersions ) )
      {
        QCOMPARE( read, 0 );
        refused( [&] { mF.ws->setVersionNotes( "A", "moved", read ); }, "keeps no row versions" );
        return;
      }
      QCOMPARE( mF.ws->setVersionNotes( "A", "first", read ), read + 1 );
      refused( [&] { mF.ws->setVersionNotes( "A", "second", read ); }, "conflict: version 'A' was changed by someone else" );
      QCOMPARE( mF.ws->version( "A" ).notes, QStringLiteral( "first" ) );
    }

    void exportsAVerifiedSnapshot()
    {
      const auto line = layer( "LineString?crs=EPSG:4326&field=segment:string", { "LineString(70 40, 70.1 40)", "LineString(70.1 40, 70.2 40.1)" }, { { "S-001" }, { "S-002" } } );
      mF.ws->importVersion( draft( "A" ), line.get(), "memory", limes::test::secretariatKey() );
      mF.ws->importPillars( layer( "Point?crs=EPSG:4326&field=number:string", { "Point(70.05 40)" }, { { "7" } } ).get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() );
      mF.ws->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::tjKey() );
      mF.ws->acceptFinding( { "spike", "line", 3, "surveyed so", "B. Osmonov" }, RULES, limes::test::kgKey() );
      mF.ws->storeChange( "A", "A", "{\"transfers\":[]}", "analyst", limes::test::kgKey() );
      const QString snapshot = mF.filePath( mF.postgis() ? QStringLiteral( "snapshot-of-pg.gpkg" ) : QStringLiteral( "snapshot-of-gpkg.gpkg" ) );
      if ( !mF.ws->capabilities().testFlag( WorkspaceStore::Capability::Snapshot ) )
      {
        refused( [&] { mF.ws->exportTo( snapshot ); }, "a GeoPackage workspace is already one file" );
        QVERIFY( !QFile::exists( snapshot ) );
        return;
      }
      mF.ws->exportTo( snapshot );
      const auto copy = openWorkspace( snapshot, QgsCoordinateTransformContext() );
      QVERIFY( copy->verify().clean() );
      QCOMPARE( copy->partyCodes(), mF.ws->partyCodes() );
      QCOMPARE( copy->segments().at( 1 ).chainageFrom, mF.ws->segments().at( 1 ).chainageFrom );
      QCOMPARE( copy->version( "A" ).parts, 2LL );
      QCOMPARE( copy->pillars().first().number, QStringLiteral( "7" ) );
      QCOMPARE( copy->ledger().first().hash, mF.ws->ledger().first().hash );
      QCOMPARE( copy->head().hash, mF.ws->head().hash ); // the ledger as sealed, entry for entry
      QCOMPARE( copy->head().entries, 8LL );
      QCOMPARE( copy->keys().size(), 3 );
      QCOMPARE( copy->acceptedFindings().first().author, QStringLiteral( "B. Osmonov" ) );
      QCOMPARE( copy->storedChanges().first().author, QStringLiteral( "analyst" ) );
    }
};

QGSTEST_MAIN( TestWorkspaceStore )
#include "testworkspacestore.moc"
