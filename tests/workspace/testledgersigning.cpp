// SPDX-License-Identifier: GPL-2.0-or-later
// The signed ledger on every storage (global data "gpkg" and "postgis"): golden bytes, hashes
// and signatures of entries made with fixed keys and a fixed clock; entries recorded before
// signatures keeping their bytes through the migration; two delegations signing with their
// own keys; verify naming content changed behind Limes' back, and what the anchors catch.
#include "error.h"
#include "testutils.h"
#include "workspace/canonicaljson.h"
#include "workspace/ledger.h"
#include "workspace/storefixture.h"
#include "workspace/verify.h"
#include "workspace/workspacestore.h"

#include <QCryptographicHash>
#include <QtTest>
#include <qgstest.h>

#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

using namespace limes;
using limes::test::refused;

namespace
{
  const char *const FIXED_UTC = "2025-03-01T09:30:00.000Z";

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

  LedgerEntryInput agreedS003()
  {
    LedgerEntryInput in = entry( "S-003", "agreed", "21" );
    in.meetingDate = QDate( 2025, 2, 3 );
    in.place = QStringLiteral( "Исфара \"north\" gate" ); // non-ASCII and a quote
    in.positions = { { "TJ", "along the canal" } };
    in.signatories = { { "TJ", { "N. Rahimov" } }, { "KG", { "A. Toktogulov" } } };
    in.agreedVersion = QStringLiteral( "DCW" );
    return in;
  }

  std::unique_ptr<QgsVectorLayer> lines( const QStringList &wkts )
  {
    auto l = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326&field=segment:string" ), QStringLiteral( "lines" ), QStringLiteral( "memory" ) );
    for ( const QString &wkt : wkts )
    {
      QgsFeature f( l->fields() );
      f.setGeometry( QgsGeometry::fromWkt( wkt ) );
      f.setAttributes( QgsAttributes( QVector<QVariant> { QStringLiteral( "S-003" ) } ) );
      l->dataProvider()->addFeature( f );
    }
    l->updateExtents();
    return l;
  }

  LineVersion version( const QString &name )
  {
    LineVersion v;
    v.name = name;
    v.kind = QStringLiteral( "historical" );
    v.leftParty = QStringLiteral( "KG" );
    v.rightParty = QStringLiteral( "TJ" );
    v.date = QDate( 1989, 1, 1 );
    v.author = QStringLiteral( "test" );
    return v;
  }

  std::unique_ptr<QgsVectorLayer> pillarLayer()
  {
    auto l = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=EPSG:4326&field=number:string&field=surveyed_x:double&field=surveyed_y:double&field=survey_date:date" ),
             QStringLiteral( "pillars" ), QStringLiteral( "memory" ) );
    QgsFeature f( l->fields() );
    f.setGeometry( QgsGeometry::fromWkt( QStringLiteral( "Point(70.55 39.92)" ) ) );
    f.setAttributes( QgsAttributes( QVector<QVariant> { QStringLiteral( "117" ), 70.550001, 39.920002, QDate( 2024, 6, 1 ) } ) );
    l->dataProvider()->addFeature( f );
    l->updateExtents();
    return l;
  }

  QString sha256( const QByteArray &bytes )
  {
    return QString::fromLatin1( QCryptographicHash::hash( bytes, QCryptographicHash::Sha256 ).toHex() );
  }
}

class TestLedgerSigning : public QObject
{
    Q_OBJECT

  private:
    limes::test::StoreFixture mF;

    //! TJ records the agreement on S-003 over version DCW (entries 4 and 5 after the keys).
    LedgerEntry recordAgreement()
    {
      mF.ws->importVersion( version( "DCW" ), lines( { "LineString(70.5 39.9, 70.6 39.95)" } ).get(), "memory", limes::test::secretariatKey() );
      return mF.ws->addLedgerEntry( agreedS003(), limes::test::tjKey() );
    }

    QString problems( const VerifyReport &r ) const { return r.problems.join( '\n' ); }

  private slots:
    void initTestCase_data()
    {
      QTest::addColumn<QString>( "storage" );
      QTest::newRow( "gpkg" ) << "gpkg";
      QTest::newRow( "postgis" ) << "postgis";
    }

    void initTestCase()
    {
      qputenv( "LIMES_TEST_FIXED_UTC", FIXED_UTC ); // the test hook: every entry recorded at this time
      limes::test::initQgis();
      mF.initTestCase();
    }

    void init()
    {
      QFETCH_GLOBAL( QString, storage );
      mF.init( storage );
    }

    void cleanup() { mF.cleanup(); }

    /**
     * Pinned once and checked apart from Limes: each sealed text equals Python's
     * json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False),
     * its SHA-256 (hashlib) is the hash, and `openssl pkeyutl -verify -rawin` accepts the
     * signature under the public key openssl derives from the seed. The same on both storages.
     */
    void goldenEntries()
    {
      const LedgerEntry agreed = recordAgreement();
      const LedgerEntry countersigned = mF.ws->countersign( agreed.id, "KG delegation", limes::test::kgKey() );
      const QList<LedgerEntry> stored = mF.ws->ledger();
      QCOMPARE( stored.size(), 6 );
      // entry 1: TJ's key, registered by itself (seed 32 bytes of 0x11)
      const QByteArray key = "{\"author\":\"test\",\"id\":1,\"kind\":\"key\",\"payload\":{\"endorsement\":null,"
                             "\"fingerprint\":\"SHA256:10ba682c8ad13513971e8b56881aab8bd702bb807796eca81932c735a94d6e6d\",\"holder\":\"TJ delegation\",\"party\":\"TJ\","
                             "\"public_key\":\"d04ab232742bb4ab3a1368bd4615e4e6d0224ab71a016baf8520a332c9778737\"},\"previous_hash\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                             "\"recorded_utc\":\"2025-03-01T09:30:00.000Z\",\"signer_key\":\"SHA256:10ba682c8ad13513971e8b56881aab8bd702bb807796eca81932c735a94d6e6d\",\"signer_party\":\"TJ\",\"v\":2}";
      QCOMPARE( stored[0].sealed, key );
      QCOMPARE( stored[0].hash, QStringLiteral( "54989268ff2d67dfeb6fd4dea9c1a15a88868c748e8e3f92f8387681efde78c3" ) );
      QCOMPARE( stored[0].signature, QStringLiteral( "90391562f046f79f9edf6241a5ef2f6ed185f54041ed581f2701f36068cdeacb9759dcb2f11a3bb235d0d1fb1115b4ac89b8ba42f2b499bf931ef93a35a05e04" ) );
      // entry 4: the version, its line hashed as {"part":1,"segment":"S-003","wkt":"LINESTRING(70.500000000 39.900000000,70.600000000 39.950000000)"}
      QCOMPARE( stored[3].payload.value( "line_sha256" ).toArray().first().toString(),
                sha256( "{\"part\":1,\"segment\":\"S-003\",\"wkt\":\"LINESTRING(70.500000000 39.900000000,70.600000000 39.950000000)\"}" ) );
      QCOMPARE( stored[3].hash, QStringLiteral( "27012c8c5ccf8132215ee3fa5d9192e58355cae6c8abc7d8cab09b6235043592" ) );
      // entry 5: TJ's agreement
      const QByteArray decision = QStringLiteral( "{\"author\":\"test\",\"id\":5,\"kind\":\"decision\",\"payload\":{\"agreed_version\":\"DCW\","
                                                  "\"agreed_version_sha256\":\"a4f10cbe13807fd45e625a40c66c7d42b5723ae6c0799f36b18293151cea92f7\",\"attachments\":{},"
                                                  "\"decision\":\"agreed\",\"meeting_date\":\"2025-02-03\",\"place\":\"Исфара \\\"north\\\" gate\",\"positions\":{\"TJ\":\"along the canal\"},"
                                                  "\"protocol\":\"21\",\"segment\":\"S-003\",\"signatories\":{\"KG\":[\"A. Toktogulov\"],\"TJ\":[\"N. Rahimov\"]},\"supersedes\":null},"
                                                  "\"previous_hash\":\"27012c8c5ccf8132215ee3fa5d9192e58355cae6c8abc7d8cab09b6235043592\",\"recorded_utc\":\"2025-03-01T09:30:00.000Z\","
                                                  "\"signer_key\":\"SHA256:10ba682c8ad13513971e8b56881aab8bd702bb807796eca81932c735a94d6e6d\",\"signer_party\":\"TJ\",\"v\":2}" ).toUtf8();
      QCOMPARE( stored[4].sealed, decision );
      QCOMPARE( agreed.sealed, decision );
      QCOMPARE( stored[4].hash, QStringLiteral( "330dee955e4911a740e46316a45f67bebfb99fd97aac20911dc3091b957f377c" ) );
      QCOMPARE( stored[4].signature, QStringLiteral( "4c8b7bdbfc50769de7a760dc39f0b478fd49e767ddbef2287877a809de3eb241b44f7f600f6f0184ddee251fffcda2f1a24b3388491584e71a8fcf945e2f7e0a" ) );
      // entry 6: KG's countersignature, and the head
      QCOMPARE( countersigned.hash, QStringLiteral( "360cdbc11a5fe814cc8d4551b4c8cb30f4730454dd839f6057fc7c207ca63887" ) );
      QCOMPARE( mF.ws->head().hash, QStringLiteral( "360cdbc11a5fe814cc8d4551b4c8cb30f4730454dd839f6057fc7c207ca63887" ) );
      // the bytes are the canonical JSON of what is stored, the hash their SHA-256, the signature Ed25519 over them
      for ( const LedgerEntry &e : stored )
      {
        QCOMPARE( ledger::canonical( e ), e.sealed );
        QCOMPARE( e.hash, sha256( e.sealed ) );
      }
      QVERIFY( crypto::verify( limes::test::tjKey().publicKey(), stored[4].sealed, QByteArray::fromHex( stored[4].signature.toLatin1() ) ) );
      QVERIFY( mF.ws->verify().clean() );
    }

    void entriesBeforeSignaturesKeepTheirBytes()
    {
      // a schema-4 workspace with two entries as Limes 4 wrote them (unsigned, format 1)
      QFETCH_GLOBAL( QString, storage );
      mF.cleanup();
      mF.init( storage, 4 );
      const QString zeros( 64, '0' );
      // the canonical bytes of format 1 as ledger.h documents them, written out by hand
      const QByteArray first = QStringLiteral( "{\"agreed_version\":\"\",\"attachments\":{},\"author\":\"test\",\"decision\":\"disputed\",\"id\":1,"
                                               "\"meeting_date\":\"2024-05-14\",\"place\":\"Исфара \\\"north\\\" gate\",\"positions\":{\"KG\":\"along the ridge\","
                                               "\"TJ\":\"along the canal\"},\"previous_hash\":\"%1\",\"protocol\":\"17\",\"recorded_utc\":\"2024-05-14T10:00:00.000Z\",\"segment\":\"S-002\","
                                               "\"signatories\":{},\"supersedes\":-1}" ).arg( zeros ).toUtf8();
      const QString h1 = sha256( first );
      const QByteArray second = QStringLiteral( "{\"agreed_version\":\"DCW\",\"attachments\":{\"/protocols/21.pdf\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"},"
                                                "\"author\":\"test\",\"decision\":\"agreed\",\"id\":2,\"meeting_date\":\"2024-05-14\",\"place\":\"Isfara\","
                                                "\"positions\":{},\"previous_hash\":\"%1\",\"protocol\":\"21\",\"recorded_utc\":\"2025-02-03T10:00:00.000Z\",\"segment\":\"S-002\","
                                                "\"signatories\":{\"KG\":[\"A. Toktogulov\",\"B. Osmonov\"],\"TJ\":[\"N. Rahimov\"]},\"supersedes\":1}" ).arg( h1 ).toUtf8();
      const QString h2 = sha256( second );
      const QString rows = QStringLiteral( "(1, 'S-002', '17', '2024-05-14', 'Исфара \"north\" gate', 'disputed', %1, '{\"KG\":\"along the ridge\",\"TJ\":\"along the canal\"}', '{}', '{}', NULL,"
                                           " 'test', '2024-05-14T10:00:00.000Z', '%2', '%3'),"
                                           "(2, 'S-002', '21', '2024-05-14', 'Isfara', 'agreed', 'DCW', '{}', '{\"KG\":[\"A. Toktogulov\",\"B. Osmonov\"],\"TJ\":[\"N. Rahimov\"]}',"
                                           " '{\"/protocols/21.pdf\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}', 1, 'test', '2025-02-03T10:00:00.000Z', '%3', '%4')" );
      bool ok = false;
      QString error;
      mF.raw( QStringLiteral( "INSERT INTO ledger VALUES %1; UPDATE limes_meta SET value = '2' WHERE key = 'ledger_entries'; UPDATE limes_meta SET value = '%2' WHERE key = 'ledger_head'" )
              .arg( rows.arg( "''", zeros, h1, h2 ), h2 ),
              QStringLiteral( "INSERT INTO limes.ledger VALUES %1; UPDATE limes.meta SET value = '2' WHERE key = 'ledger_entries'; UPDATE limes.meta SET value = '%2' WHERE key = 'ledger_head'" )
              .arg( rows.arg( "NULL", zeros, h1, h2 ), h2 ), &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      mF.ws = openWorkspace( mF.target, QgsCoordinateTransformContext() ); // migrated to the current schema
      QCOMPARE( mF.ws->schemaVersion(), WorkspaceStore::SCHEMA_VERSION );
      const QList<LedgerEntry> stored = mF.ws->ledger();
      QCOMPARE( stored.size(), 2 );
      QCOMPARE( stored[0].format, 1 );
      QCOMPARE( ledger::canonicalV1( stored[0] ), first );
      QCOMPARE( ledger::canonicalV1( stored[1] ), second );
      QCOMPARE( stored[1].hash, h2 );
      QCOMPARE( mF.ws->segmentStatus().value( "S-002" ), QStringLiteral( "agreed" ) ); // under the rules of its day
      VerifyReport r = mF.ws->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
      QVERIFY( r.notes.contains( "entry 1 (protocol 17, segment S-002) was recorded before signatures: chained, not signed" ) );
      QVERIFY( r.notes.contains( "entry 2 (protocol 21, segment S-002) was recorded before signatures: chained, not signed" ) );
      // signed entries follow; an unsigned one after them was added behind Limes' back
      limes::test::registerKeys( *mF.ws );
      const LedgerEntry signed_ = mF.ws->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::tjKey() );
      QCOMPARE( signed_.id, 6LL );
      QVERIFY( mF.ws->verify().clean() );
      LedgerEntry forged;
      forged.format = 1;
      forged.id = 7;
      forged.input = entry( "S-003", "agreed" );
      forged.recordedUtc = QString::fromLatin1( FIXED_UTC );
      forged.previousHash = signed_.hash;
      forged.hash = ledger::hashOf( forged );
      const QString insert = QStringLiteral( "INSERT INTO %1ledger (id, kind, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments,"
                                             " author, recorded_utc, previous_hash, hash) VALUES (7, 'decision', 'S-003', '17', '2024-05-14', 'Isfara', 'agreed', '', '{}', '{}', '{}',"
                                             " 'test', '%2', '%3', '%4')" ).arg( mF.postgis() ? "limes." : "" ).arg( forged.recordedUtc, forged.previousHash, forged.hash );
      mF.raw( insert, insert, &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      r = mF.ws->verify();
      QVERIFY( problems( r ).contains( "entry 7 (protocol 17, segment S-003) is unsigned but follows signed entry 3: added or rewritten outside Limes" ) );
    }

    void contentBeforeSignaturesIsListedAndPinned()
    {
      // a schema-4 workspace holding a version Limes 4 imported: no entry records it
      QFETCH_GLOBAL( QString, storage );
      mF.cleanup();
      mF.init( storage, 4 );
      auto blob = []( const char *wkt ) { return QStringLiteral( "X'47500001E6100000%1'" ).arg( QString::fromLatin1( QgsGeometry::fromWkt( wkt ).asWkb().toHex() ) ); };
      bool ok = false;
      QString error;
      mF.raw( QStringLiteral( "INSERT INTO line_versions (name, kind, author, left_party, right_party, recorded_utc) VALUES ('OLD', 'historical', 'test', 'KG', 'TJ', 'x');"
                              "INSERT INTO version_lines (geom, version_id, part) VALUES (%1, 1, 1)" ).arg( blob( "LineString(70.5 39.9, 70.6 39.95)" ) ),
              "INSERT INTO limes.line_versions (name, kind, left_party, right_party) VALUES ('OLD', 'historical', 'KG', 'TJ');"
              "INSERT INTO limes.version_lines (version_id, part, geom) SELECT id, 1, ST_GeomFromText('LINESTRING(70.5 39.9, 70.6 39.95)', 4326) FROM limes.line_versions",
              &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      mF.ws = openWorkspace( mF.target, QgsCoordinateTransformContext() ); // migrated to the current schema
      VerifyReport r = mF.ws->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
      QVERIFY( r.notes.contains( "1 versions recorded before signatures: not covered by the ledger" ) );
      // an agreement on it holds its content from now on
      limes::test::registerKeys( *mF.ws );
      LedgerEntryInput in = agreedS003();
      in.agreedVersion = QStringLiteral( "OLD" );
      QCOMPARE( mF.ws->addLedgerEntry( in, limes::test::tjKey() ).id, 4LL );
      QVERIFY( mF.ws->verify().clean() );
      // moved, and a version added, behind Limes' back
      mF.raw( QStringLiteral( "UPDATE version_lines SET geom = %1 WHERE version_id = 1;"
                              "INSERT INTO line_versions (name, kind, author, left_party, right_party, recorded_utc) VALUES ('NEW', 'draft', 'x', 'KG', 'TJ', 'x')" )
              .arg( blob( "LineString(70.5 39.9, 70.7 39.95)" ) ),
              "UPDATE limes.version_lines SET geom = ST_Translate(geom, 0.01, 0);"
              "INSERT INTO limes.line_versions (name, kind, left_party, right_party) VALUES ('NEW', 'draft', 'KG', 'TJ')", &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      r = mF.ws->verify();
      QCOMPARE( problems( r ), QStringLiteral( "version NEW is in no ledger entry: added outside Limes\nversion OLD changed after entry 4 agreed it" ) );
    }

    void twoDelegationsSign()
    {
      const LedgerEntry agreed = recordAgreement();
      QCOMPARE( agreed.signerParty, QStringLiteral( "TJ" ) );
      QCOMPARE( mF.ws->segmentStatus().value( "S-003" ), QStringLiteral( "agreed (awaiting KG)" ) );
      QCOMPARE( mF.ws->info().status.value( "S-003" ), QStringLiteral( "agreed (awaiting KG)" ) );
      // KG cannot sign with TJ's key, nor the secretariat for a party
      refused( [&] { mF.ws->countersign( agreed.id, "KG delegation", limes::test::tjKey() ); }, "TJ has signed entry 5 already (it recorded it)" );
      refused( [&] { mF.ws->countersign( agreed.id, "secretariat", limes::test::secretariatKey() ); }, "the secretariat's signature counts for no party" );
      refused( [&] { mF.ws->countersign( 4, "KG delegation", limes::test::kgKey() ); }, "entry 4 is no decision of this ledger" );
      refused( [&] { mF.ws->countersign( agreed.id, "someone", limes::test::seededKey( '\x44' ) ); }, "is not registered in this workspace" );
      mF.ws->countersign( agreed.id, "KG delegation", limes::test::kgKey() );
      QCOMPARE( mF.ws->segmentStatus().value( "S-003" ), QStringLiteral( "agreed" ) );
      refused( [&] { mF.ws->countersign( agreed.id, "KG delegation", limes::test::kgKey() ); }, "KG has signed entry 5 already" );
      // a revoked key signs nothing more; only its party or the secretariat revokes it
      refused( [&] { mF.ws->revokeKey( limes::test::kgKey().fingerprint(), "lost", "TJ delegation", limes::test::tjKey() ); }, "is revoked with a key of KG or of the secretariat, not of TJ" );
      mF.ws->revokeKey( limes::test::kgKey().fingerprint(), "laptop stolen", "secretariat", limes::test::secretariatKey() );
      refused( [&] { mF.ws->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::kgKey() ); }, "was revoked in entry 7: it signs nothing more" );
      // a new key of a party with an active key needs that key's endorsement; KG has none left
      const crypto::SigningKey tj2 = limes::test::seededKey( '\x55' ), kg2 = limes::test::seededKey( '\x66' );
      refused( [&] { mF.ws->registerKey( "TJ", "TJ delegation", "test", tj2 ); }, "TJ has an active key" );
      refused( [&] { mF.ws->registerKey( "TJ", "TJ delegation", "test", tj2, &kg2 ); }, "is not an active key of TJ" );
      refused( [&] { mF.ws->registerKey( "UZ", "UZ delegation", "test", tj2 ); }, "unknown party 'UZ'" );
      refused( [&] { mF.ws->registerKey( "KG", "again", "test", limes::test::tjKey() ); }, "is registered already, for TJ" );
      const crypto::SigningKey tjKey = limes::test::tjKey();
      mF.ws->registerKey( "TJ", "TJ delegation, new laptop", "test", tj2, &tjKey );
      mF.ws->registerKey( "KG", "KG delegation, new key", "test", kg2 );
      mF.ws->addLedgerEntry( entry( "S-001", "disputed" ), kg2 );
      QCOMPARE( mF.ws->keys().size(), 5 );
      const VerifyReport r = mF.ws->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
    }

    void verifyNamesChangedContent_data()
    {
      QTest::addColumn<QString>( "gpkg" );
      QTest::addColumn<QString>( "pg" );
      QTest::addColumn<QString>( "problem" );
      // after the keys: 4 version DCW, 5 the agreement, 6 pillars, 7 finding, 8 version OTHER, 9 the change DCW -> OTHER
      QTest::newRow( "vertex moved" ) << "UPDATE version_lines SET geom = (SELECT geom FROM version_lines WHERE version_id = 2) WHERE version_id = 1"
                                      << "UPDATE limes.version_lines SET geom = ST_Translate(geom, 0.01, 0) WHERE version_id = 1"
                                      << "version DCW, line 1, changed after it was recorded (entry 4)\nversion DCW changed after entry 5 agreed it";
      QTest::newRow( "line added" ) << "INSERT INTO version_lines (geom, version_id, segment, part) SELECT geom, 1, segment, 2 FROM version_lines WHERE version_id = 2"
                                    << "INSERT INTO limes.version_lines (version_id, segment, part, geom) SELECT 1, segment, 2, geom FROM limes.version_lines WHERE version_id = 2"
                                    << "version DCW has 2 lines; entry 4 recorded 1\nversion DCW changed after entry 5 agreed it";
      QTest::newRow( "version parties swapped" ) << "UPDATE line_versions SET left_party = 'TJ', right_party = 'KG' WHERE name = 'DCW'"
                                                 << "UPDATE limes.line_versions SET left_party = 'TJ', right_party = 'KG' WHERE name = 'DCW'"
                                                 << "version DCW: left, right changed after it was recorded (entry 4)\nversion DCW changed after entry 5 agreed it";
      QTest::newRow( "pillar moved" ) << "UPDATE pillars SET surveyed_lon = surveyed_lon + 0.00001" << "UPDATE limes.pillars SET surveyed_lon = surveyed_lon + 0.00001"
                                      << "pillar 117 changed after it was recorded (entry 6)";
      QTest::newRow( "pillar added" ) << "INSERT INTO pillars (geom, number, author, recorded_utc) SELECT geom, '118', 'x', 'x' FROM pillars"
                                      << "INSERT INTO limes.pillars (geom, number, author) SELECT geom, '118', 'x' FROM limes.pillars"
                                      << "pillar 118 is in no ledger entry: added outside Limes";
      QTest::newRow( "finding changed" ) << "UPDATE validation_exceptions SET fid = 13" << "UPDATE limes.validation_exceptions SET fid = 13"
                                         << "accepted finding spike on line feature 13 changed after it was recorded (entry 7)";
      QTest::newRow( "finding removed" ) << "DELETE FROM validation_exceptions" << "DELETE FROM limes.validation_exceptions"
                                         << "finding spike on line feature 12 recorded in entry 7 is missing";
      QTest::newRow( "summary changed" ) << "UPDATE change_results SET summary = '{\"transfers\":[1]}'" << "UPDATE limes.change_results SET summary = '{\"transfers\":[1]}'"
                                         << "stored change DCW -> OTHER changed after it was recorded (entry 9)";
      QTest::newRow( "version removed" ) << "DELETE FROM change_results; DELETE FROM version_lines WHERE version_id = 1; DELETE FROM line_versions WHERE id = 1"
                                         << "DELETE FROM limes.change_results; DELETE FROM limes.line_versions WHERE id = 1"
                                         << "version DCW recorded in entry 4 is missing\nversion DCW agreed in entry 5 is missing\nchange DCW -> OTHER recorded in entry 9 is missing";
    }

    void verifyNamesChangedContent()
    {
      QFETCH( QString, gpkg );
      QFETCH( QString, pg );
      QFETCH( QString, problem );
      recordAgreement();
      mF.ws->importPillars( pillarLayer().get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() );
      mF.ws->acceptFinding( { "spike", "line", 12, "surveyed so", "KG delegation" }, { "spike" }, limes::test::kgKey() );
      mF.ws->importVersion( version( "OTHER" ), lines( { "LineString(70.5 39.9, 70.55 39.97, 70.6 39.95)" } ).get(), "memory", limes::test::secretariatKey() );
      mF.ws->storeChange( "DCW", "OTHER", "{\"transfers\": []}", "analyst", limes::test::kgKey() );
      VerifyReport r = mF.ws->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
      bool ok = false;
      QString error;
      mF.raw( gpkg, pg, &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      r = mF.ws->verify();
      QCOMPARE( problems( r ), problem ); // exactly these lines, nothing else
    }

    void postgresqlDatesWhateverTheDateStyle()
    {
      if ( !mF.postgis() )
        QSKIP( "PostgreSQL's DateStyle" );
      recordAgreement();
      mF.ws->importPillars( pillarLayer().get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() );
      mF.admin( QStringLiteral( "ALTER DATABASE %1 SET DateStyle = 'German, DMY'" ).arg( mF.database ) );
      mF.ws = openWorkspace( mF.target, QgsCoordinateTransformContext() ); // a new session takes the style
      QCOMPARE( mF.raw( "", "SELECT meeting_date::text FROM limes.ledger WHERE id = 5" ), QStringList( "03.02.2025" ) );
      QCOMPARE( mF.ws->ledger( "S-003" ).first().input.meetingDate, QDate( 2025, 2, 3 ) );
      QCOMPARE( mF.ws->version( "DCW" ).date, QDate( 1989, 1, 1 ) );
      QCOMPARE( mF.ws->pillars().first().surveyDate, QStringLiteral( "2024-06-01" ) );
      const VerifyReport r = mF.ws->verify();
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
    }

    void anchorsCatchTruncationAndForeignKeys()
    {
      const LedgerEntry agreed = recordAgreement();
      mF.ws->countersign( agreed.id, "KG delegation", limes::test::kgKey() );
      const LedgerHead paper = mF.ws->head();
      QCOMPARE( paper.entries, 6LL );
      VerifyOptions options;
      ledger::parseExpectedHead( QStringLiteral( "%1:%2" ).arg( paper.entries ).arg( paper.hash.left( 16 ) ), options );
      options.trusted = { { "TJ", { limes::test::tjKey().fingerprint() } }, { "KG", { limes::test::kgKey().fingerprint() } },
        { ledger::secretariat(), { limes::test::secretariatKey().fingerprint() } } };
      VerifyReport r = mF.ws->verify( options );
      QVERIFY2( r.clean(), qPrintable( problems( r ) ) );
      QVERIFY( r.notes.isEmpty() );
      refused( [&] { VerifyOptions o; ledger::parseExpectedHead( "6:abc", o ); }, "--expect-head takes COUNT:HASH" );
      // the countersignature removed and the recorded head rewound to entry 5: only the anchor knows
      bool ok = false;
      QString error;
      mF.raw( QStringLiteral( "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 6; UPDATE limes_meta SET value = '5' WHERE key = 'ledger_entries';"
                              "UPDATE limes_meta SET value = '%1' WHERE key = 'ledger_head'" ).arg( agreed.hash ),
              QStringLiteral( "ALTER TABLE limes.ledger DISABLE TRIGGER append_only; DELETE FROM limes.ledger WHERE id = 6; SET limes.migration = 'on';"
                              "UPDATE limes.meta SET value = '5' WHERE key = 'ledger_entries'; UPDATE limes.meta SET value = '%1' WHERE key = 'ledger_head'" ).arg( agreed.hash ),
              &ok, &error );
      QVERIFY2( ok, qPrintable( error ) );
      QVERIFY( mF.ws->verify().clean() );
      QCOMPARE( mF.ws->segmentStatus().value( "S-003" ), QStringLiteral( "agreed (awaiting KG)" ) );
      r = mF.ws->verify( options );
      QCOMPARE( problems( r ), QStringLiteral( "the ledger holds 5 entries, 1 fewer than the 6 expected: entries were removed (truncated, head rewound)" ) );
      // keys other than those known out of band: every one is named
      options = VerifyOptions();
      options.trusted = { { "TJ", { limes::test::seededKey( '\x77' ).fingerprint() } } };
      r = mF.ws->verify( options );
      QCOMPARE( problems( r ), QStringLiteral( "key %1 registered for TJ in entry 1 is not one you trust for TJ (%2)" )
                .arg( limes::test::tjKey().fingerprint(), limes::test::seededKey( '\x77' ).fingerprint() ) );
    }
};

QGSTEST_MAIN( TestLedgerSigning )
#include "testledgersigning.moc"
