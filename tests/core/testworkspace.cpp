// The GeoPackage workspace: parties, segments, the hash-chained ledger, accepted findings.
#include "error.h"
#include "testutils.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsvectorlayer.h>

#include <sqlite3.h>

using namespace limes;

namespace
{
  LedgerEntryInput entry( const QString &segment, const QString &decision, const QString &protocol = "17" )
  {
    LedgerEntryInput in;
    in.segment = segment;
    in.protocol = protocol;
    in.meetingDate = QDate( 2024, 5, 14 );
    in.place = "Isfara";
    in.decision = decision;
    in.author = "test";
    return in;
  }

  void sql( const QString &path, const char *statement )
  {
    sqlite3 *db = nullptr;
    sqlite3_open( QFile::encodeName( path ).constData(), &db );
    QCOMPARE( sqlite3_exec( db, statement, nullptr, nullptr, nullptr ), SQLITE_OK );
    sqlite3_close( db );
  }
}

class TestWorkspace : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir mDir;
    QString mPath;
    std::unique_ptr<Workspace> mWs;

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void init()
    {
      static int n = 0; // data-driven rows run init() again: a new file each time
      mPath = mDir.filePath( QStringLiteral( "ws-%1-%2.gpkg" ).arg( QTest::currentTestFunction() ).arg( ++n ) );
      Workspace::create( mPath );
      mWs = Workspace::open( mPath );
      mWs->addParty( { "TJ", "Tajikistan", "Тоҷикистон", "#1a9850" } );
      mWs->addParty( { "KG", "Kyrgyzstan", "Кыргызстан", "#d7301f" } );
      for ( int i = 1; i <= 3; ++i )
        mWs->addSegment( QStringLiteral( "S-%1" ).arg( i, 3, 10, QLatin1Char( '0' ) ), i );
    }

    void cleanup() { mWs.reset(); }

    void isAGeoPackageQgisOpens()
    {
      QgsVectorLayer ledger( mPath + "|layername=ledger", "ledger", "ogr" );
      QVERIFY( ledger.isValid() );
      QgsVectorLayer parties( mPath + "|layername=parties", "parties", "ogr" );
      QCOMPARE( parties.featureCount(), 2LL );
      QCOMPARE( mWs->schemaVersion(), Workspace::SCHEMA_VERSION );
    }

    void ledgerChainsAndDerivesStatus()
    {
      const LedgerEntry a = mWs->addLedgerEntry( entry( "S-002", "disputed" ) );
      LedgerEntryInput agreed = entry( "S-002", "agreed", "21" );
      agreed.signatories = { { "TJ", { "N. Rahimov" } }, { "KG", { "A. Toktogulov" } } };
      agreed.supersedes = a.id;
      const LedgerEntry b = mWs->addLedgerEntry( agreed );
      QCOMPARE( b.previousHash, a.hash );
      QCOMPARE( b.hash.size(), 64 );
      QCOMPARE( mWs->segmentStatus().value( "S-002" ), QStringLiteral( "agreed" ) );
      QCOMPARE( mWs->segmentStatus().value( "S-001" ), QStringLiteral( "no decision yet" ) );
      mWs->addLedgerEntry( entry( "S-003", "referred" ) );
      QCOMPARE( mWs->segmentStatus().value( "S-003" ), QStringLiteral( "referred to working group" ) );
      QCOMPARE( mWs->ledger( "S-002" ).size(), 2 );
      QVERIFY( mWs->verify().clean() );
    }

    void refusesBadEntries_data()
    {
      QTest::addColumn<QString>( "segment" );
      QTest::addColumn<QString>( "decision" );
      QTest::addColumn<int>( "daysAhead" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "unknown segment" ) << "S-099" << "disputed" << 0 << "unknown segment 'S-099'";
      QTest::newRow( "future date" ) << "S-001" << "disputed" << 3 << "is in the future";
      QTest::newRow( "agreed without every party" ) << "S-001" << "agreed" << 0 << "needs a signatory of every party; missing: KG";
      QTest::newRow( "unknown decision" ) << "S-001" << "postponed" << 0 << "unknown decision 'postponed'";
    }

    void refusesBadEntries()
    {
      QFETCH( QString, segment );
      QFETCH( QString, decision );
      QFETCH( int, daysAhead );
      QFETCH( QString, message );
      LedgerEntryInput in = entry( segment, decision );
      in.meetingDate = daysAhead ? QDateTime::currentDateTimeUtc().date().addDays( daysAhead ) : in.meetingDate;
      in.signatories = { { "TJ", { "N. Rahimov" } } };
      try
      {
        mWs->addLedgerEntry( in );
        QFAIL( "no error" );
      }
      catch ( const Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
      }
      QVERIFY( mWs->ledger().isEmpty() ); // nothing written
    }

    void duplicateSegmentAndPartyRefused()
    {
      QVERIFY_EXCEPTION_THROWN( mWs->addSegment( "S-002", 9 ), Error );
      QVERIFY_EXCEPTION_THROWN( mWs->addParty( { "TJ", "again", "", "" } ), Error );
      QCOMPARE( mWs->segments().size(), 3 );
    }

    void attachmentsAreFingerprinted()
    {
      const QString file = mDir.filePath( "protocol-17.pdf" );
      QFile f( file );
      QVERIFY( f.open( QIODevice::WriteOnly ) );
      f.write( "abc" );
      f.close();
      LedgerEntryInput in = entry( "S-001", "disputed" );
      in.attachments = QStringList{ file };
      const LedgerEntry e = mWs->addLedgerEntry( in );
      QCOMPARE( e.attachmentHashes.value( file ), QStringLiteral( "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" ) ); // SHA-256("abc")
    }

    void databaseRefusesUpdates()
    {
      mWs->addLedgerEntry( entry( "S-001", "disputed" ) );
      sqlite3 *db = nullptr;
      sqlite3_open( QFile::encodeName( mPath ).constData(), &db );
      QVERIFY( sqlite3_exec( db, "UPDATE ledger SET decision = 'agreed'", nullptr, nullptr, nullptr ) != SQLITE_OK );
      QVERIFY( sqlite3_exec( db, "DELETE FROM ledger", nullptr, nullptr, nullptr ) != SQLITE_OK );
      sqlite3_close( db );
      QVERIFY( mWs->verify().clean() );
    }

    void verifyNamesTheTamperedEntry_data()
    {
      QTest::addColumn<QString>( "statement" );
      QTest::addColumn<QString>( "problem" );
      QTest::newRow( "decision changed" ) << "DROP TRIGGER ledger_no_update; UPDATE ledger SET decision = 'agreed' WHERE id = 2" << "entry 2 (protocol 18, segment S-002) was changed outside Limes";
      QTest::newRow( "entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 2" << "entries 2 to 2 are missing before entry 3";
      QTest::newRow( "last entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 3" << "entries were removed or added outside Limes";
    }

    void verifyNamesTheTamperedEntry()
    {
      QFETCH( QString, statement );
      QFETCH( QString, problem );
      mWs->addLedgerEntry( entry( "S-001", "disputed", "17" ) );
      mWs->addLedgerEntry( entry( "S-002", "disputed", "18" ) );
      mWs->addLedgerEntry( entry( "S-003", "deferred", "19" ) );
      QVERIFY( mWs->verify().clean() );
      sql( mPath, statement.toUtf8().constData() );
      const VerifyReport r = mWs->verify();
      QVERIFY( !r.clean() );
      QVERIFY2( r.problems.join( '\n' ).contains( problem ), qPrintable( r.problems.join( '\n' ) ) );
    }

    void acceptedFindingsRoundTrip()
    {
      mWs->acceptFinding( { "pillar_off_line", "pillars", 12, "set back from the river bank, protocol 7" }, "B. Osmonov" );
      const QList<AcceptedException> list = mWs->acceptedFindings();
      QCOMPARE( list.size(), 1 );
      QCOMPARE( list[0].fid, 12LL );
      QCOMPARE( list[0].reason, QStringLiteral( "set back from the river bank, protocol 7" ) );
      QVERIFY_EXCEPTION_THROWN( mWs->acceptFinding( { "no_such_rule", "pillars", 1, "x" }, "me" ), Error );
    }

    void newerWorkspaceIsRefused()
    {
      sql( mPath, "UPDATE limes_meta SET value = '99' WHERE key = 'schema_version'" );
      try
      {
        Workspace::open( mPath );
        QFAIL( "opened" );
      }
      catch ( const Error &e )
      {
        QVERIFY( e.message().contains( "written by a newer Limes (schema 99" ) );
      }
    }

    void neverOverwritesAndNeedsAWorkspace()
    {
      QVERIFY_EXCEPTION_THROWN( Workspace::create( mPath ), Error );
      QVERIFY_EXCEPTION_THROWN( Workspace::open( limes::test::sampleData() ), Error ); // a GeoPackage, not a workspace
    }
};

QGSTEST_MAIN( TestWorkspace )
#include "testworkspace.moc"
