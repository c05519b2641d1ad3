// SPDX-License-Identifier: GPL-2.0-or-later
// Splitting a segment, on every storage (global data "gpkg" and "postgis"): the two new rows and
// their chainages (against the closed-form length of an arc of a parallel), the signed entry,
// the history and status each new segment carries, the course derived for them, what is
// refused with nothing written, what verify names when a split's rows are changed, and a
// workspace of schema 6 taking a split after its migration.
#include "error.h"
#include "testutils.h"
#include "workspace/ledger.h"
#include "workspace/segmentlines.h"
#include "workspace/segmentsplit.h"
#include "workspace/storefixture.h"
#include "workspace/workspacestore.h"

#include <QtTest>
#include <qgstest.h>

#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <cmath>

Q_DECLARE_METATYPE( limes::SegmentSplitInput )

using namespace limes;
using limes::test::refused;

namespace
{
  //! The length of an arc of the parallel at `latDeg` spanning `dLonDeg` on WGS 84: N(φ)·cos φ·Δλ. Over a few hundred metres the geodesic differs by far less than a micrometre.
  double parallelArcM( double latDeg, double dLonDeg )
  {
    const double a = 6378137.0, f = 1 / 298.257223563, e2 = f * ( 2 - f );
    const double phi = latDeg * M_PI / 180;
    const double n = a / std::sqrt( 1 - e2 * std::sin( phi ) * std::sin( phi ) );
    return n * std::cos( phi ) * dLonDeg * M_PI / 180;
  }

  std::unique_ptr<QgsVectorLayer> layer( const QString &uri, const QStringList &wkts, const QList<QVector<QVariant>> &attributes )
  {
    auto l = std::make_unique<QgsVectorLayer>( uri, QStringLiteral( "source" ), QStringLiteral( "memory" ) );
    for ( int i = 0; i < wkts.size(); ++i )
    {
      QgsFeature f( l->fields() );
      f.setGeometry( QgsGeometry::fromWkt( wkts[i] ) );
      f.setAttributes( QgsAttributes( attributes[i] ) );
      l->dataProvider()->addFeature( f );
    }
    l->updateExtents();
    return l;
  }

  LedgerEntryInput decision( const QString &segment, const QString &decision )
  {
    LedgerEntryInput in;
    in.segment = segment;
    in.protocol = QStringLiteral( "31" );
    in.meetingDate = QDate( 2025, 4, 2 );
    in.decision = decision;
    in.author = QStringLiteral( "test" );
    if ( decision == QLatin1String( "agreed" ) )
      in.signatories = { { "TJ", { "N. Rahimov" } }, { "KG", { "A. Toktogulov" } } };
    return in;
  }

  SegmentSplitInput at( const QString &segment, double lon, double lat, const QString &first = QString(), const QString &second = QString() )
  {
    SegmentSplitInput in;
    in.segment = segment;
    in.point = QgsPointXY( lon, lat );
    in.firstCode = first;
    in.secondCode = second;
    in.author = QStringLiteral( "cartographer" );
    return in;
  }

  Segment find( const QList<Segment> &list, const QString &code )
  {
    for ( const Segment &s : list )
      if ( s.code == code )
        return s;
    return Segment();
  }
}

class TestSegmentSplit : public QObject
{
    Q_OBJECT

  private:
    limes::test::StoreFixture mF;

    //! The historical version DCW with S-001 and S-002 along the parallel 40° N (entry 4), and pillar 15 on S-002 between two vertices (entry 5).
    void importCourse()
    {
      const auto lines = layer( "LineString?crs=EPSG:4326&field=segment:string",
      { "LineString(70 40, 70.005 40, 70.01 40)", "LineString(70.01 40, 70.02 40, 70.03 40)" }, { { "S-001" }, { "S-002" } } );
      LineVersion v;
      v.name = QStringLiteral( "DCW" );
      v.kind = QStringLiteral( "historical" );
      v.leftParty = QStringLiteral( "KG" );
      v.rightParty = QStringLiteral( "TJ" );
      v.author = QStringLiteral( "test" );
      mF.ws->importVersion( v, lines.get(), "memory", limes::test::secretariatKey() );
      const auto pillars = layer( "Point?crs=EPSG:4326&field=number:string&field=segment:string", { "Point(70.015 40)", "Point(70.025 40.001)" },
      { { "15", "S-002" }, { "16", "S-002" } } );
      mF.ws->importPillars( pillars.get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() );
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
    }

    void cleanup() { mF.cleanup(); }

    void splitsAtAVertex()
    {
      importCourse();
      mF.ws->addLedgerEntry( decision( "S-001", "disputed" ), limes::test::tjKey() ); // entry 6
      const SegmentSplit split = mF.ws->splitSegment( at( "S-001", 70.005, 40.000001 ), limes::test::secretariatKey() ); // 0.11 m from the vertex
      QCOMPARE( split.entry, 7LL );
      QCOMPARE( split.first, QStringLiteral( "S-001a" ) );
      QCOMPARE( split.second, QStringLiteral( "S-001b" ) );
      QCOMPARE( split.version, QStringLiteral( "DCW" ) );
      QCOMPARE( split.point, QgsPointXY( 70.005, 40 ) ); // the vertex, not the click

      // appended: the old row stays, the current list has the new ones in its place
      QCOMPARE( mF.ws->segments().size(), 5 );
      QCOMPARE( mF.ws->currentSegmentCodes(), QStringList( { "S-001a", "S-001b", "S-002", "S-003" } ) );
      QCOMPARE( mF.ws->info().segments, mF.ws->currentSegmentCodes() );
      const Segment a = find( mF.ws->segments(), "S-001a" ), b = find( mF.ws->segments(), "S-001b" );
      QCOMPARE( a.sequence, 1 );
      QCOMPARE( a.chainageFrom, 0.0 );
      QGSCOMPARENEAR( a.chainageTo, parallelArcM( 40, 0.005 ), 1e-6 );
      QCOMPARE( b.chainageFrom, a.chainageTo );
      QCOMPARE( b.chainageTo, 1000.123456789 );
      QCOMPARE( a.fromPoint, QStringLiteral( "1" ) );
      QVERIFY( a.toPoint.isEmpty() ); // a vertex has no number
      QCOMPARE( b.toPoint, QStringLiteral( "12" ) );

      // the signed entry
      const LedgerEntry e = mF.ws->ledger().last();
      QCOMPARE( e.kind, QStringLiteral( "segment_split" ) );
      QCOMPARE( e.signerParty, ledger::secretariat() );
      QCOMPARE( e.input.author, QStringLiteral( "cartographer" ) );
      QCOMPARE( ledger::label( e ), QStringLiteral( "entry 7 (S-001 split into S-001a, S-001b)" ) );
      const QJsonObject where = e.payload.value( "at" ).toObject();
      QCOMPARE( where.value( "lon" ).toString(), QStringLiteral( "70.005000000" ) );
      QCOMPARE( where.value( "lat" ).toString(), QStringLiteral( "40.000000000" ) );
      QCOMPARE( where.value( "pillar" ).toString(), QString( "" ) );
      QCOMPARE( e.payload.value( "segments" ).toArray().at( 1 ).toObject().value( "chainage_to_m" ).toString(), QStringLiteral( "1000.123456789" ) );

      // status and history carried over; S-001 takes no more decisions
      QMap<QString, QString> status = mF.ws->segmentStatus();
      QCOMPARE( status.value( "S-001a" ), QStringLiteral( "disputed" ) );
      QCOMPARE( status.value( "S-001b" ), QStringLiteral( "disputed" ) );
      QCOMPARE( status.value( "S-001" ), QStringLiteral( "split into S-001a, S-001b" ) );
      refused( [&] { mF.ws->addLedgerEntry( decision( "S-001", "deferred" ), limes::test::tjKey() ); }, "unknown segment 'S-001'" );
      mF.ws->addLedgerEntry( decision( "S-001a", "agreed" ), limes::test::tjKey() ); // entry 8
      status = mF.ws->segmentStatus();
      QCOMPARE( status.value( "S-001a" ), QStringLiteral( "agreed (awaiting KG)" ) );
      QCOMPARE( status.value( "S-001b" ), QStringLiteral( "disputed" ) );
      auto ids = []( const QList<LedgerEntry> &list ) { QList<long long> l; for ( const LedgerEntry &x : list ) l << x.id; return l; };
      QCOMPARE( ids( mF.ws->ledger( "S-001a" ) ), QList<long long>( { 6, 7, 8 } ) );
      QCOMPARE( ids( mF.ws->ledger( "S-001b" ) ), QList<long long>( { 6, 7 } ) );
      QCOMPARE( ids( mF.ws->ledger( "S-001" ) ), QList<long long>( { 6, 7 } ) );

      // where they run: the old course cut at the vertex; S-001 keeps its own lines
      const QMap<QString, SegmentLine> lines = segmentLines( *mF.ws );
      QCOMPARE( lines.value( "S-001a" ).geometry.asWkt( 6 ), QStringLiteral( "MultiLineString ((70 40, 70.005 40))" ) );
      QCOMPARE( lines.value( "S-001b" ).geometry.asWkt( 6 ), QStringLiteral( "MultiLineString ((70.005 40, 70.01 40))" ) );
      QCOMPARE( lines.value( "S-001b" ).version, QStringLiteral( "DCW" ) );
      QCOMPARE( lines.value( "S-001" ).geometry.asWkt( 6 ), QStringLiteral( "MultiLineString ((70 40, 70.005 40, 70.01 40))" ) );

      const VerifyReport report = mF.ws->verify();
      QVERIFY2( report.clean(), qPrintable( report.problems.join( '\n' ) ) );
    }

    void splitsAtAPillarAndSplitsASplit()
    {
      importCourse();
      const SegmentSplit s = mF.ws->splitSegment( [] { SegmentSplitInput in = at( "S-002", NAN, NAN, "S-002.1", "S-002.2" ); in.pillar = "15"; return in; }(),
                             limes::test::kgKey() );
      QCOMPARE( s.pillar, QStringLiteral( "15" ) );
      QCOMPARE( s.point, QgsPointXY( 70.015, 40 ) );
      const Segment one = find( mF.ws->segments(), "S-002.1" ), two = find( mF.ws->segments(), "S-002.2" );
      QCOMPARE( one.toPoint, QStringLiteral( "15" ) );
      QCOMPARE( two.fromPoint, QStringLiteral( "15" ) );
      QCOMPARE( two.toPoint, QStringLiteral( "40a" ) );
      QGSCOMPARENEAR( one.chainageTo, 1000.123456789 + parallelArcM( 40, 0.005 ), 1e-6 );
      // the second half again, at its middle vertex: its course is derived from S-002's
      const SegmentSplit again = mF.ws->splitSegment( at( "S-002.2", 70.02, 40 ), limes::test::tjKey() );
      QCOMPARE( again.first, QStringLiteral( "S-002.2a" ) );
      QGSCOMPARENEAR( find( mF.ws->segments(), "S-002.2a" ).chainageTo, 1000.123456789 + parallelArcM( 40, 0.01 ), 1e-6 );
      QCOMPARE( find( mF.ws->segments(), "S-002.2b" ).chainageTo, 2500.5 );
      QCOMPARE( mF.ws->currentSegmentCodes(), QStringList( { "S-001", "S-002.1", "S-002.2a", "S-002.2b", "S-003" } ) );
      QCOMPARE( mF.ws->ledger( "S-002.2b" ).size(), 2 ); // both splits, S-002 had no decision
      const QMap<QString, SegmentLine> lines = segmentLines( *mF.ws );
      QCOMPARE( lines.value( "S-002.2a" ).geometry.asWkt( 6 ), QStringLiteral( "MultiLineString ((70.015 40, 70.02 40))" ) );
      QCOMPARE( lines.value( "S-002.2b" ).geometry.asWkt( 6 ), QStringLiteral( "MultiLineString ((70.02 40, 70.03 40))" ) );
      const VerifyReport report = mF.ws->verify();
      QVERIFY2( report.clean(), qPrintable( report.problems.join( '\n' ) ) );
    }

    void refusesWithNothingWritten_data()
    {
      QTest::addColumn<SegmentSplitInput>( "input" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "unknown segment" ) << at( "S-009", 70.005, 40 ) << "unknown segment 'S-009'";
      QTest::newRow( "code taken" ) << at( "S-001", 70.005, 40, "S-002" ) << "duplicate segment code S-002";
      QTest::newRow( "same code twice" ) << at( "S-001", 70.005, 40, "X", "X" ) << "duplicate segment code X";
      QTest::newRow( "codes out of order" ) << at( "S-001", 70.005, 40, "S-001 y", "S-001 x" ) << "the first new code (S-001 y, from the start of S-001) must sort before the second (S-001 x)";
      QTest::newRow( "no vertex there" ) << at( "S-001", 70.0025, 40 ) << "from the nearest vertex of S-001's line (tolerance 0.50 m)";
      QTest::newRow( "at an end" ) << at( "S-001", 70, 40 ) << "is at an end of S-001";
      QTest::newRow( "no course" ) << at( "S-003", 70.005, 40 ) << "no version's lines say where S-003 runs";
      SegmentSplitInput off = at( "S-002", NAN, NAN );
      off.pillar = QStringLiteral( "16" );
      QTest::newRow( "pillar off the line" ) << off << "pillar 16 is 111 m from the line of S-002";
      SegmentSplitInput unknown = off;
      unknown.pillar = QStringLiteral( "99" );
      QTest::newRow( "unknown pillar" ) << unknown << "no pillar 99 in this workspace";
      SegmentSplitInput nobody = at( "S-001", 70.005, 40 );
      nobody.author.clear();
      QTest::newRow( "no author" ) << nobody << "a ledger entry needs its author";
    }

    void refusesWithNothingWritten()
    {
      QFETCH( SegmentSplitInput, input );
      QFETCH( QString, message );
      importCourse();
      const LedgerHead before = mF.ws->head();
      refused( [&] { mF.ws->splitSegment( input, limes::test::tjKey() ); }, message );
      QCOMPARE( mF.ws->segments().size(), 3 );
      QCOMPARE( mF.ws->head().hash, before.hash );
    }

    void inheritsAnAgreementCountersignedAfterTheSplit()
    {
      importCourse();
      const LedgerEntry agreed = mF.ws->addLedgerEntry( decision( "S-001", "agreed" ), limes::test::tjKey() ); // entry 6, awaiting KG
      mF.ws->splitSegment( at( "S-001", 70.005, 40 ), limes::test::secretariatKey() );                    // entry 7
      QCOMPARE( mF.ws->segmentStatus().value( "S-001b" ), QStringLiteral( "agreed (awaiting KG)" ) );
      mF.ws->countersign( agreed.id, QStringLiteral( "test" ), limes::test::kgKey() );                     // KG signs the old agreement
      const QMap<QString, QString> status = mF.ws->segmentStatus();
      QCOMPARE( status.value( "S-001a" ), QStringLiteral( "agreed" ) );
      QCOMPARE( status.value( "S-001b" ), QStringLiteral( "agreed" ) );
      QCOMPARE( status.value( "S-002" ), QStringLiteral( "no decision yet" ) );
    }

    void refusesASecondSplitAndAnUnknownKey()
    {
      importCourse();
      mF.ws->splitSegment( at( "S-001", 70.005, 40 ), limes::test::tjKey() );
      refused( [&] { mF.ws->splitSegment( at( "S-001", 70.005, 40, "S-001x", "S-001y" ), limes::test::tjKey() ); }, "segment S-001 was split already, into S-001a and S-001b (entry 6)" );
      refused( [&] { mF.ws->splitSegment( at( "S-002", 70.02, 40 ), limes::test::seededKey( '\x44' ) ); }, "is not registered in this workspace" );
      QCOMPARE( mF.ws->segments().size(), 5 );
    }

    void verifyNamesChangedSplitRows()
    {
      importCourse();
      mF.ws->splitSegment( at( "S-001", 70.005, 40 ), limes::test::tjKey() ); // entry 6
      bool ok = false;
      mF.raw( "UPDATE segments SET chainage_to_m = 500 WHERE code = 'S-001a'", "UPDATE limes.segments SET chainage_to_m = 500 WHERE code = 'S-001a'", &ok );
      QVERIFY( ok );
      mF.raw( "DELETE FROM segments WHERE code = 'S-001b'", "DELETE FROM limes.segments WHERE code = 'S-001b'", &ok );
      QVERIFY( ok );
      const VerifyReport report = mF.ws->verify();
      QCOMPARE( report.problems, QStringList( { "segment S-001a changed after it was recorded (entry 6)", "segment S-001b recorded in entry 6 is missing" } ) );
    }

    void schemaSixWorkspaceTakesASplitAfterMigrating()
    {
      QFETCH_GLOBAL( QString, storage );
      mF.cleanup();
      mF.init( storage, 6 );
      mF.ws = openWorkspace( mF.target, QgsCoordinateTransformContext() );
      QCOMPARE( mF.ws->schemaVersion(), WorkspaceStore::SCHEMA_VERSION );
      limes::test::registerKeys( *mF.ws );
      importCourse();
      mF.ws->splitSegment( at( "S-001", 70.005, 40 ), limes::test::tjKey() );
      QCOMPARE( mF.ws->ledger().last().kind, QStringLiteral( "segment_split" ) );
      const VerifyReport report = mF.ws->verify();
      QVERIFY2( report.clean(), qPrintable( report.problems.join( '\n' ) ) );
    }

    void snapshotKeepsTheSplit()
    {
      if ( !mF.ws->capabilities().testFlag( WorkspaceStore::Capability::Snapshot ) )
        QSKIP( "this storage writes no snapshot" );
      importCourse();
      mF.ws->splitSegment( at( "S-001", 70.005, 40 ), limes::test::tjKey() );
      const QString path = mF.filePath( QStringLiteral( "split-snapshot.gpkg" ) );
      mF.ws->exportTo( path );
      const auto copy = openWorkspace( path, QgsCoordinateTransformContext() );
      QCOMPARE( copy->currentSegmentCodes(), mF.ws->currentSegmentCodes() );
      QVERIFY( copy->verify().clean() );
    }
};


QGSTEST_MAIN( TestSegmentSplit )
#include "testsegmentsplit.moc"
