// SPDX-License-Identifier: GPL-2.0-or-later
// A claim line drawn for one segment: the rule for its ends and storing it, on every storage
// (a GeoPackage and the PostGIS fixture, as tests/workspace/ does), and the live preview
// against a fresh run of the change engine on the stored version and a hand-computed area.
#include "claim/claimline.h"
#include "claim/claimpreview.h"
#include "change/changeengine.h"
#include "error.h"
#include "support/memorylayers.h"
#include "testutils.h"
#include "workspace/storefixture.h"
#include "workspace/workspacestore.h"

#include <QRegularExpression>
#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsvectorlayer.h>

using namespace limes;
using limes::test::refused;

namespace
{
  const QString UTM = QStringLiteral( "EPSG:32642" );

  //! UTM 42N (x, y) in WGS 84, as the workspace stores it.
  QgsPointXY wgs84( double x, double y )
  {
    const QgsCoordinateTransform t( QgsCoordinateReferenceSystem( UTM ), QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsCoordinateTransformContext() );
    return t.transform( QgsPointXY( x, y ) );
  }

  QgsPolylineXY line( std::initializer_list<std::pair<double, double>> xy )
  {
    QgsPolylineXY l;
    for ( const auto &p : xy )
      l << wgs84( 500000 + p.first, 4400000 + p.second );
    return l;
  }

  claim::ClaimInput claimOf( const QString &segment, const QString &party, const QgsPolylineXY &l )
  {
    claim::ClaimInput c;
    c.segment = segment;
    c.party = party;
    c.author = QStringLiteral( "test" );
    c.date = QDate( 2026, 11, 29 );
    c.leftParty = QStringLiteral( "KG" );
    c.rightParty = QStringLiteral( "TJ" );
    c.line = l;
    return c;
  }

  QgsPolylineXY storedLine( const WorkspaceStore &ws, const QString &name )
  {
    const VersionLayer v = ws.versionLayer( ws.version( name ) );
    QgsFeature f;
    v.layer->getFeatures().nextFeature( f );
    return f.geometry().asPolyline();
  }
}

class TestClaim : public QObject
{
    Q_OBJECT

  private:
    limes::test::StoreFixture mF;

    //! S-002 runs 1 km east from (500000, 4400000) in the agreed version; pillar 12 stands on its start, 40a 3 m past its end, 41 (S-002's own) 40 m before its end.
    void addCourse()
    {
      auto lines = limes::test::memoryLayer( "LineString", UTM, { "LineString(500000 4400000, 500500 4400000, 501000 4400000)" }, "segment", { "S-002" } );
      LineVersion v;
      v.name = QStringLiteral( "Agreed" );
      v.kind = QStringLiteral( "agreed" );
      v.leftParty = QStringLiteral( "KG" );
      v.rightParty = QStringLiteral( "TJ" );
      v.author = QStringLiteral( "test" );
      mF.ws->importVersion( v, lines.get(), QStringLiteral( "agreed" ), limes::test::secretariatKey() );
      auto pillars = std::make_unique<QgsVectorLayer>( QStringLiteral( "Point?crs=%1&field=number:string&field=segment:string" ).arg( UTM ), QStringLiteral( "p" ), QStringLiteral( "memory" ) );
      QgsFeatureList features;
      const QList<std::tuple<QString, double, QString>> at = { { "12", 0, "S-001" }, { "40a", 1003, "S-002" }, { "41", 960, "S-002" } };
      for ( const auto &[number, x, segment] : at )
      {
        QgsFeature f( pillars->fields() );
        f.setGeometry( QgsGeometry::fromPointXY( QgsPointXY( 500000 + x, 4400000 ) ) );
        f.setAttributes( QgsAttributes( { number, segment } ) );
        features << f;
      }
      pillars->dataProvider()->addFeatures( features );
      PillarFields fields;
      fields.type.clear();
      fields.surveyedX.clear();
      fields.surveyedY.clear();
      fields.accuracy.clear();
      fields.surveyDate.clear();
      mF.ws->importPillars( pillars.get(), QStringLiteral( "pillars" ), fields, QStringLiteral( "test" ), limes::test::secretariatKey() );
    }

    const Pillar pillar( const QString &number ) const
    {
      for ( const Pillar &p : mF.ws->pillars() )
        if ( p.number == number )
          return p;
      return Pillar();
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
      addCourse();
    }

    void cleanup() { mF.cleanup(); }

    void endPointsOfASegment()
    {
      const QList<claim::EndPoint> ends = claim::segmentEnds( *mF.ws, QStringLiteral( "S-002" ) );
      QStringList labels;
      for ( const claim::EndPoint &e : ends )
        labels << e.label;
      // the course's ends, the pillars it names (12, 40a) and its own pillar nearest each end (41 is S-002's only own pillar)
      QCOMPARE( labels, QStringList( { "the turning point at the start of S-002", "the turning point at the end of S-002", "pillar 12", "pillar 40a", "pillar 41" } ) );
      // S-003 has no course and no pillar: nothing to end on
      QVERIFY( claim::segmentEnds( *mF.ws, QStringLiteral( "S-003" ) ).isEmpty() );
    }

    void claimStoredWithItsEndsOnThePillars()
    {
      // begins 0.3 m off pillar 12 (within the tolerance), ends 0.2 m off pillar 40a
      const QgsPolylineXY drawn = line( { { 0.3, 0 }, { 300, 80 }, { 700, 80 }, { 1003, 0.2 } } );
      const LineVersion stored = claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", drawn ), limes::test::tjKey() );
      QCOMPARE( stored.name, QStringLiteral( "TJ claim S-002 (digitized)" ) );
      const LineVersion read = mF.ws->version( stored.name );
      QCOMPARE( read.kind, QStringLiteral( "claim" ) );
      QCOMPARE( read.author, QStringLiteral( "test" ) );
      QCOMPARE( read.date, QDate( 2026, 11, 29 ) );
      QCOMPARE( read.leftParty, QStringLiteral( "KG" ) );
      QCOMPARE( read.parts, 1LL );
      if ( mF.postgis() )
        QCOMPARE( read.ownerParty, QStringLiteral( "TJ" ) );
      QVERIFY( read.ledgerEntry > 0 );
      const QgsPolylineXY l = storedLine( *mF.ws, stored.name );
      QCOMPARE( l.size(), 4 );
      // exactly the pillars' stored coordinates, not the drawn ones
      QCOMPARE( l.first().x(), pillar( "12" ).lon );
      QCOMPARE( l.first().y(), pillar( "12" ).lat );
      QCOMPARE( l.last().x(), pillar( "40a" ).lon );
      QCOMPARE( l.last().y(), pillar( "40a" ).lat );
      QCOMPARE( l[1], drawn[1] );
      // a second claim of the same party and segment is a new version, never the first one changed
      const LineVersion again = claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", drawn ), limes::test::tjKey() );
      QCOMPARE( again.name, QStringLiteral( "TJ claim S-002 (digitized 2)" ) );
      QCOMPARE( mF.ws->versions().size(), 3 );
    }

    void draftStoredAsANewVersion()
    {
      claim::ClaimInput d = claimOf( "S-002", QString(), line( { { 0.2, 0 }, { 500, 20 }, { 1000, 0.1 } } ) );
      d.kind = QStringLiteral( "draft" );
      d.source = QStringLiteral( "drafted in QGIS from Agreed" );
      d.name = claim::draftName( "S-002", "Agreed", mF.ws->versions() );
      QCOMPARE( d.name, QStringLiteral( "S-002 draft from Agreed" ) );
      const LineVersion stored = claim::storeClaim( *mF.ws, d, limes::test::secretariatKey() );
      const LineVersion read = mF.ws->version( stored.name );
      QCOMPARE( read.kind, QStringLiteral( "draft" ) );
      QCOMPARE( read.source, QStringLiteral( "drafted in QGIS from Agreed" ) );
      QVERIFY( read.ownerParty.isEmpty() );
      // the version it was drafted from is untouched, and a second draft is another version
      QCOMPARE( mF.ws->version( "Agreed" ).parts, 1LL );
      QCOMPARE( claim::draftName( "S-002", "Agreed", mF.ws->versions() ), QStringLiteral( "S-002 draft from Agreed (2)" ) );
      const QgsPolylineXY l = storedLine( *mF.ws, stored.name );
      const QList<claim::EndPoint> ends = claim::segmentEnds( *mF.ws, "S-002" );
      QCOMPARE( l.first(), ends[0].point );
      QCOMPARE( l.last(), ends[1].point );
      d.name.clear();
      refused( [&] { claim::storeClaim( *mF.ws, d, limes::test::secretariatKey() ); }, "a draft needs a name" );
    }

    void delegationStoresOnlyItsOwnClaim()
    {
      if ( !mF.postgis() )
        QSKIP( "party roles are PostgreSQL's" );
      // a login of TJ's delegation: the database's roles decide whose claims it may store
      const QString login = QStringLiteral( "limes_claim_tj_%1" ).arg( QCoreApplication::applicationPid() );
      mF.admin( QStringLiteral( "DROP ROLE IF EXISTS %1; CREATE ROLE %1 LOGIN IN ROLE limes_party_tj" ).arg( login ) );
      {
        auto tj = openWorkspace( QString( mF.target ).replace( QRegularExpression( "user=\\S+" ), "user=" + login ), QgsCoordinateTransformContext() );
        QCOMPARE( tj->loginParty(), QStringLiteral( "TJ" ) );
        const QgsPolylineXY drawn = line( { { 0, 0 }, { 500, 70 }, { 1000, 0 } } );
        const LineVersion own = claim::storeClaim( *tj, claimOf( "S-002", "TJ", drawn ), limes::test::tjKey() );
        QCOMPARE( tj->version( own.name ).ownerParty, QStringLiteral( "TJ" ) );
        const int versions = tj->versions().size();
        try
        {
          claim::storeClaim( *tj, claimOf( "S-002", "KG", drawn ), limes::test::tjKey() );
          QFAIL( "TJ's login stored a claim of KG's" );
        }
        catch ( const Error &e )
        {
          QVERIFY2( !e.message().isEmpty(), "no reason given" );
        }
        QCOMPARE( tj->versions().size(), versions );
      }
      mF.admin( QStringLiteral( "DROP OWNED BY %1; DROP ROLE %1" ).arg( login ) );
    }

    void endsAwayFromTheSegmentRefused()
    {
      const int versions = mF.ws->versions().size();
      const LedgerHead head = mF.ws->head();
      // ends 5 m short of the turning point at the end (and 8 m from 40a, 35 m from 41)
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", line( { { 0, 0 }, { 500, 60 }, { 995, 0 } } ) ), limes::test::tjKey() ); },
               "the line ends 5.00 m from the turning point at the end of S-002" );
      // begins 1 m beside pillar 12
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", line( { { 0, 1 }, { 500, 60 }, { 1000, 0 } } ) ), limes::test::tjKey() ); },
               "the line begins 1.00 m from the turning point at the start of S-002" );
      // from one end back to it
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", line( { { 0, 0 }, { 500, 60 }, { 0, 0.1 } } ) ), limes::test::tjKey() ); },
               "the line begins and ends on the turning point at the start of S-002" );
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", line( { { 0, 0 } } ) ), limes::test::tjKey() ); },
               "a claim line needs two vertices at least" );
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-003", "TJ", line( { { 0, 0 }, { 1000, 0 } } ) ), limes::test::tjKey() ); },
               "the segment has no end turning point or pillar" );
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-009", "TJ", line( { { 0, 0 }, { 1000, 0 } } ) ), limes::test::tjKey() ); },
               "there is no segment S-009" );
      refused( [&] { claim::storeClaim( *mF.ws, claimOf( "S-002", "UZ", line( { { 0, 0 }, { 1000, 0 } } ) ), limes::test::tjKey() ); },
               "there is no party UZ" );
      // nothing written
      QCOMPARE( mF.ws->versions().size(), versions );
      QCOMPARE( mF.ws->head().hash, head.hash );
    }

    void drawnAgainstTheReferenceTurnedRound()
    {
      const QgsPolylineXY back = line( { { 1000, 0 }, { 500, 50 }, { 0, 0 } } );
      const QgsPolylineXY turned = claim::orientedLike( back, wgs84( 500000, 4400000 ), wgs84( 501000, 4400000 ) );
      QCOMPARE( turned.first(), back.last() );
      QCOMPARE( turned.last(), back.first() );
      QCOMPARE( claim::orientedLike( turned, wgs84( 500000, 4400000 ), wgs84( 501000, 4400000 ) ), turned );
    }

    void previewEqualsTheEngineOnTheStoredClaim()
    {
      QFETCH_GLOBAL( QString, storage );
      if ( storage != QLatin1String( "gpkg" ) )
        QSKIP( "the preview reads no storage: once is enough" );
      const VersionLayer reference = mF.ws->versionLayer( mF.ws->version( QStringLiteral( "Agreed" ) ) );
      ChangeRequest request;
      request.oldVersion = InputLayer{ reference.layer.get(), QStringLiteral( "Agreed" ), reference.spec, QString() };
      request.newVersion = request.oldVersion;
      request.leftParty = QStringLiteral( "KG" );
      request.rightParty = QStringLiteral( "TJ" );
      claim::ClaimPreview preview( request );
      QVERIFY( preview.result().transfers.empty() );
      // vertex by vertex, the cursor last: a box 100 m north of the line from x = 200 to 600
      const QList<std::pair<double, double>> drawn = { { 0, 0 }, { 200, 0 }, { 200, 100 }, { 600, 100 }, { 600, 0 }, { 1000, 0 } };
      QgsPolylineXY so;
      for ( const auto &p : drawn )
      {
        so << wgs84( 500000 + p.first, 4400000 + p.second );
        QString error;
        QVERIFY2( preview.setLine( so, &error ), qPrintable( error ) );
        // and the mouse moving on from there, halfway to the next vertex
        QgsPolylineXY moving = so;
        moving << wgs84( 500000 + p.first + 50, 4400000 + p.second / 2 );
        if ( p.first < 1000 )
          QVERIFY2( preview.setLine( moving, &error ), qPrintable( error ) );
      }
      QVERIFY( preview.setLine( so ) );
      // north of an eastward line is its left (KG's): moved north, the line puts the box on its right, TJ's side
      const claim::ChangeTotals t = claim::totals( preview.result() );
      QCOMPARE( t.transferM2.size(), 1 );
      const double area = t.transferM2.value( qMakePair( QStringLiteral( "KG" ), QStringLiteral( "TJ" ) ) );
      // hand-computed: 400 m x 100 m in UTM, whose scale here is within 0.1 % of one
      QVERIFY2( std::fabs( area - 40000 ) < 40, qPrintable( QString::number( area, 'f', 3 ) ) );
      QCOMPARE( t.netM2.value( "TJ" ), area );

      // the same line stored, and the engine run afresh on it
      const LineVersion stored = claim::storeClaim( *mF.ws, claimOf( "S-002", "TJ", so ), limes::test::tjKey() );
      const VersionLayer claimLayer = mF.ws->versionLayer( mF.ws->version( stored.name ) );
      ChangeRequest fresh = request;
      fresh.newVersion = InputLayer{ claimLayer.layer.get(), stored.name, claimLayer.spec, QString() };
      const ChangeResult engine = ChangeEngine::run( fresh );
      QCOMPARE( engine.transfers.size(), preview.result().transfers.size() );
      const double engineArea = limes::test::transferred( engine, "KG", "TJ" );
      QVERIFY2( std::fabs( engineArea - area ) <= 1e-9 * engineArea, qPrintable( QStringLiteral( "%1 vs %2" ).arg( engineArea, 0, 'f', 9 ).arg( area, 0, 'f', 9 ) ) );
    }

    void previewWithAMovedStartEqualsTheEngine()
    {
      QFETCH_GLOBAL( QString, storage );
      if ( storage != QLatin1String( "gpkg" ) )
        QSKIP( "the preview reads no storage: once is enough" );
      const VersionLayer reference = mF.ws->versionLayer( mF.ws->version( QStringLiteral( "Agreed" ) ) );
      ChangeRequest request;
      request.oldVersion = InputLayer{ reference.layer.get(), QStringLiteral( "Agreed" ), reference.spec, QString() };
      request.newVersion = request.oldVersion;
      request.leftParty = QStringLiteral( "KG" );
      request.rightParty = QStringLiteral( "TJ" );
      // begun on pillar 41's side: 30 m south of the reference's start, then across it and back
      const QList<std::pair<double, double>> drawn = { { 0, -30 }, { 300, -60 }, { 600, 80 }, { 1000, 0 } };
      claim::ClaimPreview stepwise( request );
      QgsPolylineXY so;
      for ( const auto &p : drawn )
      {
        so << wgs84( 500000 + p.first, 4400000 + p.second );
        QgsPolylineXY moving = so;
        moving << wgs84( 500000 + p.first + 120, 4400000 + p.second + 40 );
        QString error;
        QVERIFY2( stepwise.setLine( so, &error ), qPrintable( error ) );
        QVERIFY2( stepwise.setLine( moving, &error ), qPrintable( error ) );
      }
      QVERIFY( stepwise.setLine( so ) );
      claim::ClaimPreview once( request );
      QVERIFY( once.setLine( so ) );
      auto edited = limes::test::memoryLayer( "LineString", "EPSG:4326", { QgsGeometry::fromPolylineXY( so ).asWkt( 17 ) } );
      ChangeRequest fresh = request;
      fresh.newVersion = InputLayer{ edited.get(), QStringLiteral( "drawn" ), QStringLiteral( "drawn" ), QString() };
      const ChangeResult engine = ChangeEngine::run( fresh );
      for ( const auto &[from, to] : { std::make_pair( QStringLiteral( "KG" ), QStringLiteral( "TJ" ) ), std::make_pair( QStringLiteral( "TJ" ), QStringLiteral( "KG" ) ) } )
      {
        const double want = limes::test::transferred( engine, from, to );
        const double one = limes::test::transferred( once.result(), from, to );
        const double steps = limes::test::transferred( stepwise.result(), from, to );
        QVERIFY2( std::fabs( one - want ) <= 1e-9 * std::max( want, 1.0 ), qPrintable( QStringLiteral( "once %1 -> %2: %3 vs %4" ).arg( from, to ).arg( one, 0, 'f', 6 ).arg( want, 0, 'f', 6 ) ) );
        QVERIFY2( std::fabs( steps - want ) <= 1e-9 * std::max( want, 1.0 ), qPrintable( QStringLiteral( "stepwise %1 -> %2: %3 vs %4" ).arg( from, to ).arg( steps, 0, 'f', 6 ).arg( want, 0, 'f', 6 ) ) );
      }
    }

    void previewRefusalKeepsTheLastState()
    {
      QFETCH_GLOBAL( QString, storage );
      if ( storage != QLatin1String( "gpkg" ) )
        QSKIP( "the preview reads no storage: once is enough" );
      const VersionLayer reference = mF.ws->versionLayer( mF.ws->version( QStringLiteral( "Agreed" ) ) );
      ChangeRequest request;
      request.oldVersion = InputLayer{ reference.layer.get(), QStringLiteral( "Agreed" ), reference.spec, QString() };
      request.newVersion = request.oldVersion;
      request.leftParty = QStringLiteral( "KG" );
      request.rightParty = QStringLiteral( "TJ" );
      request.maxEndGapM = 100;
      claim::ClaimPreview preview( request );
      QVERIFY( preview.setLine( line( { { 0, 0 }, { 500, -50 } } ) ) );
      const double before = limes::test::transferred( preview.result(), "TJ", "KG" );
      QVERIFY( before > 0 );
      // a start 5 km away: the engine refuses (end gap), the preview stays as it was
      QString error;
      QVERIFY( !preview.setLine( line( { { 0, 5000 }, { 500, -50 } } ), &error ) );
      QVERIFY2( !error.isEmpty(), "no reason given" );
      QCOMPARE( limes::test::transferred( preview.result(), "TJ", "KG" ), before );
    }
};

QGSTEST_MAIN( TestClaim )
#include "testclaim.moc"
