// SPDX-License-Identifier: GPL-2.0-or-later
// The GeoPackage workspace: parties, segments, the hash-chained and signed ledger, accepted
// findings. What every storage shares is tested on both in tests/workspace/testworkspacestore.cpp.
#include "error.h"
#include "qgiscompat.h"
#include "testutils.h"
#include "support/keys.h"
#include "workspace/gpkg/gpkgstore.h"
#include "workspace/pausedimport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgssymbol.h>
#include <qgssymbollayer.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayerlabeling.h>
#include <qgspallabeling.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <csignal>

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

  const QStringList RULES{ QStringLiteral( "pillar_off_line" ) };

  Segment segment( const QString &code, int sequence )
  {
    Segment s;
    s.code = code;
    s.sequence = sequence;
    return s;
  }

  void sql( const QString &path, const char *statement )
  {
    sqlite3 *db = nullptr;
    sqlite3_open( QFile::encodeName( path ).constData(), &db );
    QCOMPARE( sqlite3_exec( db, statement, nullptr, nullptr, nullptr ), SQLITE_OK );
    sqlite3_close( db );
  }

  //! The first column of the first row, read with SQLite directly.
  QString scalar( const QString &path, const char *query )
  {
    sqlite3 *db = nullptr;
    sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, SQLITE_OPEN_READONLY, nullptr );
    QString value;
    sqlite3_exec( db, query, []( void *into, int, char **values, char ** ) { *static_cast<QString *>( into ) = QString::fromUtf8( values[0] ); return 0; }, &value, nullptr );
    sqlite3_close( db );
    return value;
  }
}

class TestWorkspace : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir mDir;
    QString mPath;
    std::unique_ptr<GpkgStore> mWs;

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void init()
    {
      static int n = 0; // data-driven rows run init() again: a new file each time
      mPath = mDir.filePath( QStringLiteral( "ws-%1-%2.gpkg" ).arg( QTest::currentTestFunction() ).arg( ++n ) );
      GpkgStore::create( mPath, {}, {} );
      mWs = GpkgStore::open( mPath, QgsCoordinateTransformContext() );
      mWs->addParty( { "TJ", "Tajikistan", "Тоҷикистон", "#1a9850" } );
      mWs->addParty( { "KG", "Kyrgyzstan", "Кыргызстан", "#d7301f" } );
      for ( int i = 1; i <= 3; ++i )
        mWs->addSegments( { segment( QStringLiteral( "S-%1" ).arg( i, 3, 10, QLatin1Char( '0' ) ), i ) } );
      limes::test::registerKeys( *mWs ); // entries 1 to 3
    }

    void cleanup() { mWs.reset(); }

    void isAGeoPackageQgisOpens()
    {
      QgsVectorLayer ledger( mPath + "|layername=ledger", "ledger", "ogr" );
      QVERIFY( ledger.isValid() );
      QgsVectorLayer parties( mPath + "|layername=parties", "parties", "ogr" );
      QCOMPARE( parties.featureCount(), 2LL );
      QCOMPARE( mWs->schemaVersion(), WorkspaceStore::SCHEMA_VERSION );
      // layers open styled: the default styles are in layer_styles
      QgsVectorLayer pillars( mPath + "|layername=pillars", "pillars", "ogr" );
      QVERIFY( pillars.labelsEnabled() );
      QCOMPARE( pillars.labeling()->settings().fieldName, QStringLiteral( "number" ) );
      QgsVectorLayer lines( mPath + "|layername=version_lines", "lines", "ogr" );
      QVERIFY( lines.renderer()->symbols( *new QgsRenderContext() ).first()->symbolLayer( 0 )->dataDefinedProperties()
               .property( limes::compat::PropertyStrokeColor ).expressionString().contains( "version_id" ) );
    }

    void ledgerChainsAndDerivesStatus()
    {
      const LedgerEntry a = mWs->addLedgerEntry( entry( "S-002", "disputed" ), limes::test::tjKey() );
      LedgerEntryInput agreed = entry( "S-002", "agreed", "21" );
      agreed.signatories = { { "TJ", { "N. Rahimov" } }, { "KG", { "A. Toktogulov" } } };
      agreed.supersedes = a.id;
      const LedgerEntry b = mWs->addLedgerEntry( agreed, limes::test::tjKey() );
      QCOMPARE( b.previousHash, a.hash );
      QCOMPARE( b.hash.size(), 64 );
      QCOMPARE( b.signerParty, QStringLiteral( "TJ" ) );
      // TJ recorded it: it takes effect once KG has signed too
      QCOMPARE( mWs->segmentStatus().value( "S-002" ), QStringLiteral( "agreed (awaiting KG)" ) );
      mWs->countersign( b.id, "KG delegation", limes::test::kgKey() );
      QCOMPARE( mWs->segmentStatus().value( "S-002" ), QStringLiteral( "agreed" ) );
      QCOMPARE( mWs->segmentStatus().value( "S-001" ), QStringLiteral( "no decision yet" ) );
      mWs->addLedgerEntry( entry( "S-003", "referred" ), limes::test::kgKey() );
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
      const long long before = mWs->ledger().size();
      try
      {
        mWs->addLedgerEntry( in, limes::test::tjKey() );
        QFAIL( "no error" );
      }
      catch ( const Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
      }
      QCOMPARE( mWs->ledger().size(), before ); // nothing written
    }

    void duplicateSegmentAndPartyRefused()
    {
      QVERIFY_EXCEPTION_THROWN( mWs->addSegments( { segment( "S-002", 9 ) } ), Error );
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
      const LedgerEntry e = mWs->addLedgerEntry( in, limes::test::tjKey() );
      QCOMPARE( e.attachmentHashes.value( file ), QStringLiteral( "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" ) ); // SHA-256("abc")
    }

    void databaseRefusesUpdates()
    {
      mWs->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::tjKey() );
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
      // entries 1 to 3 register the keys; the decisions are 4, 5 and 6
      QTest::newRow( "decision changed" ) << "DROP TRIGGER ledger_no_update; UPDATE ledger SET decision = 'agreed' WHERE id = 5"
                                          << "entry 5 (protocol 18, segment S-002) was changed outside Limes: column decision is not what was sealed";
      QTest::newRow( "entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 5" << "entries 5 to 5 are missing before entry 6";
      QTest::newRow( "last entry removed" ) << "DROP TRIGGER ledger_no_delete; DELETE FROM ledger WHERE id = 6" << "entries were removed or added outside Limes";
    }

    void verifyNamesTheTamperedEntry()
    {
      QFETCH( QString, statement );
      QFETCH( QString, problem );
      mWs->addLedgerEntry( entry( "S-001", "disputed", "17" ), limes::test::tjKey() );
      mWs->addLedgerEntry( entry( "S-002", "disputed", "18" ), limes::test::kgKey() );
      mWs->addLedgerEntry( entry( "S-003", "deferred", "19" ), limes::test::secretariatKey() );
      QVERIFY( mWs->verify().clean() );
      sql( mPath, statement.toUtf8().constData() );
      const VerifyReport r = mWs->verify();
      QVERIFY( !r.clean() );
      QVERIFY2( r.problems.join( '\n' ).contains( problem ), qPrintable( r.problems.join( '\n' ) ) );
    }

    void acceptedFindingsRoundTrip()
    {
      mWs->acceptFinding( { "pillar_off_line", "pillars", 12, "set back from the river bank, protocol 7", "B. Osmonov" }, RULES, limes::test::kgKey() );
      const QList<AcceptedFinding> list = mWs->acceptedFindings();
      QCOMPARE( list.size(), 1 );
      QCOMPARE( list[0].fid, 12LL );
      QCOMPARE( list[0].reason, QStringLiteral( "set back from the river bank, protocol 7" ) );
      QVERIFY_EXCEPTION_THROWN( mWs->acceptFinding( { "no_such_rule", "pillars", 1, "x", "me" }, RULES, limes::test::kgKey() ), Error );
    }

    void importsVersionsInWgs84()
    {
      const auto utm = std::make_unique<QgsVectorLayer>( "LineString?crs=EPSG:32642&field=segment:string", "claim", "memory" );
      QgsFeature f( utm->fields() );
      f.setGeometry( QgsGeometry::fromWkt( "MultiLineString((600000 4430000, 601000 4430000),(602000 4430000, 603000 4430500))" ) );
      f.setAttribute( 0, "S-002" );
      utm->dataProvider()->addFeature( f );
      LineVersion v;
      v.name = "TJ claim 2024";
      v.kind = "claim";
      v.leftParty = "KG";
      v.rightParty = "TJ";
      v.author = "test";
      const LineVersion stored = mWs->importVersion( v, utm.get(), "memory", limes::test::tjKey() );
      QCOMPARE( stored.parts, 2LL );
      const VersionLayer version = mWs->versionLayer( stored );
      QCOMPARE( version.path, mPath ); // the workspace file is what provenance fingerprints
      QgsVectorLayer lines( version.spec, "lines", "ogr" );
      QVERIFY( lines.isValid() );
      QCOMPARE( lines.crs().authid(), QStringLiteral( "EPSG:4326" ) );
      QCOMPARE( lines.featureCount(), 2LL );
      QgsFeature first;
      lines.getFeatures().nextFeature( first );
      QCOMPARE( first.attribute( "segment" ).toString(), QStringLiteral( "S-002" ) );
      // PROJ (cs2cs EPSG:32642 EPSG:4326) puts 600000 E, 4430000 N at 70.171743 E, 40.014283 N
      QGSCOMPARENEAR( first.geometry().asPolyline().first().x(), 70.171743, 1e-6 );
      QGSCOMPARENEAR( first.geometry().asPolyline().first().y(), 40.014283, 1e-6 );
      // never overwritten, parties checked
      QVERIFY_EXCEPTION_THROWN( mWs->importVersion( v, utm.get(), "memory", limes::test::tjKey() ), Error );
      v.name = "other";
      v.leftParty = "UZ";
      QVERIFY_EXCEPTION_THROWN( mWs->importVersion( v, utm.get(), "memory", limes::test::tjKey() ), Error );
      QCOMPARE( mWs->versions().size(), 1 );
    }

    void importsPillarsAndStoresChanges()
    {
      const auto pillars = std::make_unique<QgsVectorLayer>( "Point?crs=EPSG:32642&field=number:string&field=segment:string&field=surveyed_x:double&field=surveyed_y:double&field=survey_accuracy:double",
                           "pillars", "memory" );
      QgsFeature f( pillars->fields() );
      f.setGeometry( QgsGeometry::fromPointXY( QgsPointXY( 600000, 4430000 ) ) );
      f.setAttributes( QgsAttributes( QVector<QVariant>{ "117", "S-002", 600000.3, 4430000.4, 0.05 } ) );
      pillars->dataProvider()->addFeature( f );
      QCOMPARE( mWs->importPillars( pillars.get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() ), 1LL );
      QCOMPARE( mWs->pillarCount(), 1LL );
      QgsVectorLayer stored( mPath + "|layername=pillars", "pillars", "ogr" );
      QCOMPARE( stored.featureCount(), 1LL );
      QgsFeature g;
      stored.getFeatures().nextFeature( g );
      QCOMPARE( g.attribute( "number" ).toString(), QStringLiteral( "117" ) );
      QGSCOMPARENEAR( g.geometry().asPoint().x(), 70.171743, 1e-6 );
      QVERIFY( g.attribute( "surveyed_lon" ).toDouble() > g.geometry().asPoint().x() ); // 0.3 m east
      // the same number again, or an unknown segment: refused, nothing written
      QVERIFY_EXCEPTION_THROWN( mWs->importPillars( pillars.get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() ), Error );
      QgsFeature current;
      pillars->getFeatures().nextFeature( current );
      pillars->dataProvider()->changeAttributeValues( { { current.id(), { { 0, "118" }, { 1, "S-404" } } } } );
      QVERIFY_EXCEPTION_THROWN( mWs->importPillars( pillars.get(), "memory", PillarFields(), "surveyor", limes::test::secretariatKey() ), Error );
      QCOMPARE( mWs->pillarCount(), 1LL );

      const auto line = std::make_unique<QgsVectorLayer>( "LineString?crs=EPSG:4326", "line", "memory" );
      QgsFeature l;
      l.setGeometry( QgsGeometry::fromWkt( "LineString(70 40, 70.1 40)" ) );
      line->dataProvider()->addFeature( l );
      for ( const char *name : { "A", "B" } )
        mWs->importVersion( LineVersion{ -1, name, "draft", "", QDate(), "test", "", "KG", "TJ", 0, 0, QString(), -1, QString() }, line.get(), "memory", limes::test::secretariatKey() );
      mWs->storeChange( "A", "B", "{\"transfers\": []}", "test", limes::test::kgKey() );
      QCOMPARE( mWs->storedChanges().size(), 1 );
      QCOMPARE( mWs->storedChanges().first().newVersion, QStringLiteral( "B" ) );
      QVERIFY_EXCEPTION_THROWN( mWs->storeChange( "A", "Z", "{}", "test", limes::test::kgKey() ), Error );
      QCOMPARE( mWs->storedChanges().first().summaryJson, QByteArray( "{\"transfers\": []}" ) ); // the bytes given, spaces and all
      QVERIFY( mWs->verify().clean() );
    }

    void wrongCrsAndInvalidLinesAreRefused_data()
    {
      QTest::addColumn<QString>( "crs" );
      QTest::addColumn<QString>( "wkt" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "metres declared as degrees" ) << "EPSG:4326" << "LineString(600000 4430000, 601000 4430000)" << "cannot be degrees: the layer's CRS (EPSG:4326) is wrong";
      QTest::newRow( "outside the CRS's area" ) << "EPSG:32642" << "LineString(-9000000 4430000, -8990000 4430000)" << "outside the area where EPSG:32642 is defined";
      QTest::newRow( "zero length" ) << "EPSG:4326" << "LineString(70 40, 70 40)" << "is not a valid line";
    }

    void wrongCrsAndInvalidLinesAreRefused()
    {
      QFETCH( QString, crs );
      QFETCH( QString, wkt );
      QFETCH( QString, message );
      const auto layer = std::make_unique<QgsVectorLayer>( "LineString?crs=" + crs, "line", "memory" );
      QgsFeature f;
      f.setGeometry( QgsGeometry::fromWkt( wkt ) );
      layer->dataProvider()->addFeature( f );
      layer->updateExtents();
      try
      {
        mWs->importVersion( LineVersion{ -1, "x", "draft", "", QDate(), "test", "", "KG", "TJ", 0, 0, QString(), -1, QString() }, layer.get(), "line", limes::test::tjKey() );
        QFAIL( "imported" );
      }
      catch ( const Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
      }
      QVERIFY( mWs->versions().isEmpty() );
    }

    void olderWorkspaceIsMigratedAfterABackup()
    {
      // a schema-1 workspace as Limes wrote it then: no line versions yet
      const QString old = mDir.filePath( QStringLiteral( "schema1.gpkg" ) );
      GpkgStore::create( old, { { "TJ", "Tajikistan", "", "" }, { "KG", "Kyrgyzstan", "", "" } }, { segment( "S-001", 1 ), segment( "S-002", 2 ), segment( "S-003", 3 ) }, 1 );
      QCOMPARE( scalar( old, "SELECT value FROM limes_meta WHERE key = 'schema_version'" ), QStringLiteral( "1" ) );
      QCOMPARE( scalar( old, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'line_versions'" ), QStringLiteral( "0" ) );
      const auto migrated = GpkgStore::open( old, QgsCoordinateTransformContext() );
      QCOMPARE( migrated->schemaVersion(), WorkspaceStore::SCHEMA_VERSION );
      QVERIFY( migrated->versions().isEmpty() );
      QCOMPARE( migrated->segments().size(), 3 ); // segments kept, with schema 4's columns
      QVERIFY( std::isnan( migrated->segments().first().chainageFrom ) );
      const QStringList backups = QDir( QFileInfo( old ).absolutePath() ).entryList( { QFileInfo( old ).fileName() + ".schema1-backup-*.gpkg" } );
      QCOMPARE( backups.size(), 1 );
      // the backup is the workspace as it was: schema 1, its segments, no line versions
      const QString backup = QFileInfo( old ).absolutePath() + "/" + backups.first();
      QCOMPARE( scalar( backup, "SELECT value FROM limes_meta WHERE key = 'schema_version'" ), QStringLiteral( "1" ) );
      QCOMPARE( scalar( backup, "SELECT group_concat(code) FROM segments" ), QStringLiteral( "S-001,S-002,S-003" ) );
      QCOMPARE( scalar( backup, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'line_versions'" ), QStringLiteral( "0" ) );
      // and opens, migrating itself in turn
      const auto reopened = GpkgStore::open( backup, QgsCoordinateTransformContext() );
      QCOMPARE( reopened->schemaVersion(), WorkspaceStore::SCHEMA_VERSION );
      QCOMPARE( reopened->segmentCodes(), QStringList( { "S-001", "S-002", "S-003" } ) );
      // the migrated ledger takes signed entries
      limes::test::registerKeys( *reopened );
      reopened->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::tjKey() );
      QVERIFY( reopened->verify().clean() );
    }

    void killedImportLeavesTheWorkspaceAsItWas()
    {
      // a large source: 10,000 lines of 100 vertices, valid in its CRS so that the import really
      // writes (a source the CRS check refuses would be killed before any row is written)
      const QString source = mDir.filePath( "large.gpkg" );
      {
        QgsFields fields;
        QgsVectorFileWriter::SaveVectorOptions options;
        options.driverName = "GPKG";
        std::unique_ptr<QgsVectorFileWriter> w( QgsVectorFileWriter::create( source, fields, limes::WkbType::LineString, QgsCoordinateReferenceSystem( "EPSG:32642" ), QgsCoordinateTransformContext(), options ) );
        for ( int i = 0; i < 10000; ++i )
        {
          QgsPolylineXY line;
          for ( int k = 0; k < 100; ++k )
            line << QgsPointXY( 500000 + i * 20 + k * 0.2, 4430000 + ( k % 7 ) ); // within UTM 42N's area
          QgsFeature f( fields );
          f.setGeometry( QgsGeometry::fromPolylineXY( line ) );
          w->addFeature( f );
        }
      }
      mWs->addLedgerEntry( entry( "S-001", "disputed" ), limes::test::tjKey() );
      mWs.reset();
      const QString keyFile = mDir.filePath( "secretariat.key" );
      if ( !QFile::exists( keyFile ) )
        limes::test::secretariatKey().save( keyFile, limes::test::passphrase() );
      QProcessEnvironment signer;
      signer.insert( "LIMES_KEY", keyFile );
      signer.insert( "LIMES_KEY_PASSPHRASE", QString::fromUtf8( limes::test::passphrase() ) );
      QProcess import;
      // the import stops inside its transaction once 5,000 of the 10,000 lines are written, and says so
      const QByteArray said = limes::test::startPausedImport( import, LIMES_CLI, { "workspace", "import-version", mPath, "--name", "large", "--kind", "draft",
                              "--source", source, "--left", "KG", "--right", "TJ", "--author", "test" }, 5000, signer );
      QVERIFY2( said.contains( limes::test::pauseMarker( 5000 ) ), said.constData() );
      // those lines are in the file's rollback journal (or, should the file be in WAL mode, its log), uncommitted
      QVERIFY( QFile::exists( mPath + "-journal" ) || QFileInfo( mPath + "-wal" ).size() > 0 );
      ::kill( static_cast<pid_t>( import.processId() ), SIGKILL );
      QVERIFY( import.waitForFinished() );
      QCOMPARE( import.exitStatus(), QProcess::CrashExit );
      mWs = GpkgStore::open( mPath, QgsCoordinateTransformContext() );
      QVERIFY( mWs->versions().isEmpty() );
      QCOMPARE( mWs->ledger().size(), 4 ); // the three keys and the decision: no version entry
      QVERIFY( mWs->verify().clean() );
      QgsVectorLayer lines( mPath + "|layername=version_lines", "lines", "ogr" );
      QCOMPARE( lines.featureCount(), 0LL );
    }

    void newerWorkspaceIsRefused()
    {
      sql( mPath, "UPDATE limes_meta SET value = '99' WHERE key = 'schema_version'" );
      try
      {
        GpkgStore::open( mPath, QgsCoordinateTransformContext() );
        QFAIL( "opened" );
      }
      catch ( const Error &e )
      {
        QVERIFY( e.message().contains( "written by a newer Limes (schema 99" ) );
      }
    }

    void neverOverwritesAndNeedsAWorkspace()
    {
      QVERIFY_EXCEPTION_THROWN( GpkgStore::create( mPath, {}, {} ), Error );
      QVERIFY_EXCEPTION_THROWN( GpkgStore::open( limes::test::sampleData(), QgsCoordinateTransformContext() ), Error ); // a GeoPackage, not a workspace
    }
};

QGSTEST_MAIN( TestWorkspace )
#include "testworkspace.moc"
