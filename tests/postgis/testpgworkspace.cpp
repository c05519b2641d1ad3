// SPDX-License-Identifier: GPL-2.0-or-later
// The shared workspace's schema migrations, on the throwaway PostGIS cluster.
#include "error.h"
#include "qgiscompat.h"
#include "testutils.h"
#include "support/keys.h"
#include "workspace/pausedimport.h"
#include "workspace/postgis/pgstore.h"

#include <QFile>
#include <QProcess>
#include <QThread>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsauthmanager.h>
#include <qgsauthconfig.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <cmath>
#include <csignal>

#include <libpq-fe.h>

using namespace limes;

class TestPgWorkspace : public QObject
{
    Q_OBJECT

  private:
    std::unique_ptr<QTemporaryDir> mAuthDir;
    QString mAdmin;   //!< connection to the cluster's postgres database
    QString mDb;

    void sql( const QString &conninfo, const QString &statement )
    {
      PGconn *c = PQconnectdb( conninfo.toUtf8().constData() );
      PGresult *r = PQexec( c, statement.toUtf8().constData() );
      const bool ok = PQresultStatus( r ) == PGRES_COMMAND_OK || PQresultStatus( r ) == PGRES_TUPLES_OK;
      const QString error = QString::fromUtf8( PQerrorMessage( c ) );
      PQclear( r );
      PQfinish( c );
      QVERIFY2( ok, qPrintable( error ) );
    }

    //! The first column of the first row; empty when the query fails or returns nothing.
    QString value( const QString &conninfo, const QString &query )
    {
      PGconn *c = PQconnectdb( conninfo.toUtf8().constData() );
      PGresult *r = PQexec( c, query.toUtf8().constData() );
      const QString v = PQresultStatus( r ) == PGRES_TUPLES_OK && PQntuples( r ) > 0 ? QString::fromUtf8( PQgetvalue( r, 0, 0 ) ) : QString();
      PQclear( r );
      PQfinish( c );
      return v;
    }

    QString database( const QString &name ) const
    {
      QString c = mAdmin;
      return c.replace( QStringLiteral( "dbname=limes_test" ), QStringLiteral( "dbname=" ) + name );
    }

  private slots:
    void initTestCase()
    {
      // a QGIS authentication database of our own, opened headless as QGIS Server does
      mAuthDir.reset( new QTemporaryDir );
      QFile password( mAuthDir->filePath( "master" ) );
      QVERIFY( password.open( QIODevice::WriteOnly ) );
      password.write( "limes-master-password" );
      password.close();
      qputenv( "QGIS_AUTH_DB_DIR_PATH", QFile::encodeName( mAuthDir->path() ) );
      qputenv( "QGIS_AUTH_PASSWORD_FILE", QFile::encodeName( password.fileName() ) );
      limes::test::initQgis();
      QFile f( qEnvironmentVariable( "LIMES_PG_CONNINFO_FILE" ) );
      QVERIFY2( f.open( QIODevice::ReadOnly ), "no PostGIS cluster: run through ctest (fixture postgis)" );
      mAdmin = QString::fromUtf8( f.readAll().trimmed() );
    }

    void init()
    {
      static int n = 0;
      mDb = QStringLiteral( "limes_migrate_%1_%2" ).arg( QCoreApplication::applicationPid() ).arg( ++n );
      sql( mAdmin, QStringLiteral( "CREATE DATABASE %1" ).arg( mDb ) );
    }

    void cleanup()
    {
      sql( mAdmin, QStringLiteral( "DROP DATABASE IF EXISTS %1" ).arg( mDb ) );
    }

    void olderSchemaIsMigratedInOneTransaction()
    {
      PgStore::create( database( mDb ), { Party{ "TJ", "Tajikistan", "", "" }, Party{ "KG", "Kyrgyzstan", "", "" } }, { Segment{ "S-001", 1, 0, 1000, "1", "2" } }, 1 );
      QCOMPARE( value( database( mDb ), "SELECT value FROM limes.meta WHERE key = 'schema_version'" ), QStringLiteral( "1" ) );
      const auto ws = PgStore::open( database( mDb ), QgsCoordinateTransformContext() );
      QVERIFY( ws->versions().isEmpty() ); // schema 2's table is there
      QCOMPARE( ws->pillarCount(), 0LL ); // and schema 3's
      QCOMPARE( value( database( mDb ), "SELECT value FROM limes.meta WHERE key = 'schema_version'" ), QString::number( WorkspaceStore::SCHEMA_VERSION ) );
      QCOMPARE( value( database( mDb ), "SELECT count(*) FROM limes.segments WHERE chainage_to_m IS NULL" ), QStringLiteral( "1" ) ); // schema 4's columns, added empty
      QCOMPARE( ws->segments().first().code, QStringLiteral( "S-001" ) );
      QVERIFY( std::isnan( ws->segments().first().chainageTo ) ); // schema 1 had nowhere to keep it
      QCOMPARE( ws->partyCodes(), QStringList( { "KG", "TJ" } ) );
    }

    void failedMigrationLeavesTheOldSchema()
    {
      PgStore::create( database( mDb ), {}, {}, 2 );
      // a table in the way of schema 3: its step fails, and the whole migration is undone
      sql( database( mDb ), "CREATE TABLE limes.pillars (x integer)" );
      try
      {
        PgStore::open( database( mDb ), QgsCoordinateTransformContext() );
        QFAIL( "migrated" );
      }
      catch ( const Error &e )
      {
        QVERIFY2( e.message().contains( QStringLiteral( "needs migrating to schema %1, which failed" ).arg( WorkspaceStore::SCHEMA_VERSION ) ), qPrintable( e.message() ) );
      }
      QCOMPARE( value( database( mDb ), "SELECT value FROM limes.meta WHERE key = 'schema_version'" ), QStringLiteral( "2" ) );
      QCOMPARE( value( database( mDb ), "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'limes' AND table_name = 'pillars'" ), QStringLiteral( "1" ) ); // ours, not schema 3's
    }

    void credentialsFromQgisAuthenticationDatabase()
    {
      PgStore::create( database( mDb ), { Party{ "TJ", "Tajikistan", "", "" }, Party{ "KG", "Kyrgyzstan", "", "" } }, { Segment{ "S-001", 1, 0, 1000, "1", "2" } } );
      sql( database( mDb ), "DROP ROLE IF EXISTS limes_auth_kg; CREATE ROLE limes_auth_kg LOGIN PASSWORD 'kg-secret' IN ROLE limes_party_kg" );
      QgsAuthManager *auth = QgsApplication::authManager();
      QVERIFY2( !auth->isDisabled(), qPrintable( auth->disabledMessage() ) );
      // a new authentication database takes the master password QGIS_AUTH_PASSWORD_FILE holds
      QVERIFY( auth->setMasterPassword( QStringLiteral( "limes-master-password" ), true ) );
      QgsAuthMethodConfig config( QStringLiteral( "Basic" ) );
      config.setName( QStringLiteral( "KG delegation" ) );
      config.setConfig( QStringLiteral( "username" ), QStringLiteral( "limes_auth_kg" ) );
      config.setConfig( QStringLiteral( "password" ), QStringLiteral( "kg-secret" ) );
      QVERIFY( QgsApplication::authManager()->storeAuthenticationConfig( config ) );
      QString conninfo = database( mDb );
      conninfo.replace( QRegularExpression( "user=\\S+" ), QStringLiteral( "authcfg=" ) + config.id() );
      QVERIFY( !conninfo.contains( "user=" ) );
      QVERIFY( PgStore::describeConnection( conninfo ).contains( "authcfg=" + config.id() ) );
      // the claim's owner is the connected delegation's party: the credentials were the KG login's
      PgStore::open( database( mDb ), QgsCoordinateTransformContext() )->registerKey( "KG", "KG delegation", "test", limes::test::kgKey() );
      const auto ws = PgStore::open( conninfo, QgsCoordinateTransformContext() );
      const auto line = std::make_unique<QgsVectorLayer>( "LineString?crs=EPSG:4326", "claim", "memory" );
      QgsFeature f;
      f.setGeometry( QgsGeometry::fromWkt( "LineString(70.5 39.9, 70.6 39.95)" ) );
      line->dataProvider()->addFeature( f );
      ws->importVersion( LineVersion{ -1, "KG claim", "claim", "", QDate(), "test", "", "KG", "TJ", 0, 0, QString(), -1, QString() }, line.get(), "memory", limes::test::kgKey() ); // owner: the connected delegation
      QCOMPARE( value( database( mDb ), "SELECT owner_party || ' ' || author FROM limes.line_versions WHERE name = 'KG claim'" ), QStringLiteral( "KG test" ) );
      QCOMPARE( ws->version( "KG claim" ).ownerParty, QStringLiteral( "KG" ) );
      QVERIFY_EXCEPTION_THROWN( PgStore::open( database( mDb ).replace( QRegularExpression( "user=\\S+" ), "authcfg=nope123" ), QgsCoordinateTransformContext() ), Error );
      // the headless CLI starts without initQgis: its authentication manager starts on first use
      QProcess cli;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert( "QGIS_AUTH_DB_DIR_PATH", mAuthDir->path() );
      env.insert( "QGIS_AUTH_PASSWORD_FILE", mAuthDir->filePath( "master" ) );
      cli.setProcessEnvironment( env );
      cli.setProgram( LIMES_CLI );
      cli.setArguments( { "workspace", "info", conninfo } );
      cli.open(); // starts it (start() is what the Qt 6 readiness check flags)
      QVERIFY( cli.waitForFinished( 120000 ) );
      const QString info = QString::fromUtf8( cli.readAllStandardOutput() ), infoErr = QString::fromUtf8( cli.readAllStandardError() );
      QVERIFY2( cli.exitCode() == 0, qPrintable( infoErr ) );
      QVERIFY2( info.contains( QStringLiteral( "KG claim" ) ), qPrintable( info ) );
      cli.setArguments( { "workspace", "info", database( mDb ).replace( QRegularExpression( "user=\\S+" ), "authcfg=nope123" ) } );
      cli.open(); // starts it (start() is what the Qt 6 readiness check flags)
      QVERIFY( cli.waitForFinished( 120000 ) );
      QCOMPARE( cli.exitCode(), 2 );
      QVERIFY2( QString::fromUtf8( cli.readAllStandardError() ).contains( QStringLiteral( "authentication configuration nope123 is not in QGIS's authentication database" ) ), "the unknown authcfg is named" );
      sql( database( mDb ), "DROP OWNED BY limes_auth_kg; DROP ROLE limes_auth_kg" );
    }

    void loginPartyIsTheDelegations()
    {
      PgStore::create( database( mDb ), { Party{ "TJ", "Tajikistan", "", "" }, Party{ "KG", "Kyrgyzstan", "", "" } }, { Segment{ "S-001", 1, 0, 1000, "1", "2" } } );
      sql( database( mDb ), "DROP ROLE IF EXISTS limes_login_tj; CREATE ROLE limes_login_tj LOGIN IN ROLE limes_party_tj; "
                            "DROP ROLE IF EXISTS limes_login_admin; CREATE ROLE limes_login_admin LOGIN IN ROLE limes_admin" );
      const auto as = [this]( const QString &user ) {
        return PgStore::open( database( mDb ).replace( QRegularExpression( "user=\\S+" ), "user=" + user ), QgsCoordinateTransformContext() )->loginParty();
      };
      QCOMPARE( as( "limes_login_tj" ), QStringLiteral( "TJ" ) );
      QCOMPARE( as( "limes_login_admin" ), QString() ); // the secretariat speaks for no party
      QCOMPARE( as( "postgres" ), QString() );          // a superuser is a member of every role, and of no delegation
      sql( database( mDb ), "DROP ROLE limes_login_tj; DROP ROLE limes_login_admin" );
    }

    void killedImportLeavesTheWorkspaceAsItWas()
    {
      PgStore::create( database( mDb ), { Party{ "TJ", "Tajikistan", "", "" }, Party{ "KG", "Kyrgyzstan", "", "" } }, {} );
      QTemporaryDir dir;
      // the import signs with the secretariat's key, registered first
      PgStore::open( database( mDb ), QgsCoordinateTransformContext() )->registerKey( ledger::secretariat(), "Secretariat", "test", limes::test::secretariatKey() );
      const QString keyFile = dir.filePath( "secretariat.key" );
      limes::test::secretariatKey().save( keyFile, limes::test::passphrase() );
      const QString source = dir.filePath( "large.gpkg" );
      {
        QgsFields fields;
        QgsVectorFileWriter::SaveVectorOptions options;
        options.driverName = "GPKG";
        std::unique_ptr<QgsVectorFileWriter> w( QgsVectorFileWriter::create( source, fields, limes::WkbType::LineString, QgsCoordinateReferenceSystem( "EPSG:4326" ), QgsCoordinateTransformContext(), options ) );
        for ( int i = 0; i < 20000; ++i )
        {
          QgsFeature f( fields );
          f.setGeometry( QgsGeometry::fromPolylineXY( { QgsPointXY( 70 + i * 1e-4, 40 ), QgsPointXY( 70 + i * 1e-4, 40.001 ) } ) );
          w->addFeature( f );
        }
      }
      QProcess import;
      QProcessEnvironment session;
      session.insert( "PGAPPNAME", "limes-import-under-test" ); // to find its session on the server
      session.insert( "LIMES_KEY", keyFile );
      session.insert( "LIMES_KEY_PASSPHRASE", QString::fromUtf8( limes::test::passphrase() ) );
      // the import stops inside its transaction once 10,000 of the 20,000 lines are written, and says so
      const QByteArray said = limes::test::startPausedImport( import, LIMES_CLI, { "workspace", "import-version", database( mDb ), "--name", "large", "--kind", "draft",
                              "--source", source, "--left", "KG", "--right", "TJ", "--author", "test" }, 10000, session );
      QVERIFY2( said.contains( limes::test::pauseMarker( 10000 ) ), said.constData() );
      const QString db = database( mDb );
      // its session holds an open transaction that has written version lines nobody else sees yet
      QCOMPARE( value( db, "SELECT state FROM pg_stat_activity WHERE application_name = 'limes-import-under-test'" ), QStringLiteral( "idle in transaction" ) );
      QCOMPARE( value( db, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_stat_activity a ON a.pid = l.pid "
                       "WHERE c.relname = 'version_lines' AND l.mode = 'RowExclusiveLock' AND a.application_name = 'limes-import-under-test'" ), QStringLiteral( "1" ) );
      QCOMPARE( value( db, "SELECT count(*) FROM limes.version_lines" ), QStringLiteral( "0" ) );
      ::kill( static_cast<pid_t>( import.processId() ), SIGKILL );
      QVERIFY( import.waitForFinished() );
      QCOMPARE( import.exitStatus(), QProcess::CrashExit );
      // the server ends the session once it reads the closed socket, rolling its transaction back
      QString sessions;
      for ( int i = 0; i < 200 && sessions != QLatin1String( "0" ); ++i )
      {
        sessions = value( db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'limes-import-under-test'" );
        if ( sessions != QLatin1String( "0" ) )
          QThread::msleep( 50 );
      }
      QCOMPARE( sessions, QStringLiteral( "0" ) );
      QCOMPARE( value( db, "SELECT (SELECT count(*) FROM limes.line_versions) + (SELECT count(*) FROM limes.version_lines)" ), QStringLiteral( "0" ) );
      const auto ws = PgStore::open( database( mDb ), QgsCoordinateTransformContext() );
      QVERIFY( ws->versions().isEmpty() );
    }

    void newerSchemaIsRefused()
    {
      PgStore::create( database( mDb ), {}, {} );
      // only a migration changes limes.meta, and then only the administrator's or the owner's
      sql( database( mDb ), "SET limes.migration = 'on'; UPDATE limes.meta SET value = '9' WHERE key = 'schema_version'" );
      QVERIFY_EXCEPTION_THROWN( PgStore::open( database( mDb ), QgsCoordinateTransformContext() ), Error );
    }
};

QGSTEST_MAIN( TestPgWorkspace )
#include "testpgworkspace.moc"
