// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_TEST_STOREFIXTURE_H
#define LIMES_TEST_STOREFIXTURE_H

// What the suites that run on every storage share: a new workspace per test, on a GeoPackage
// or on the PostGIS fixture (a database of its own), with TJ's, KG's and the secretariat's
// fixed keys registered (entries 1 to 3), and SQL behind Limes' back for tests that tamper.

#include "error.h"
#include "support/keys.h"
#include "workspace/gpkg/gpkgstore.h"
#include "workspace/postgis/pgstore.h"
#include "workspace/workspacestore.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <limits>

namespace limes::test
{
  class StoreFixture
  {
    public:
      std::unique_ptr<WorkspaceStore> ws;
      QString target;     //!< this test's workspace: a path or a conninfo
      QString database;   //!< PostgreSQL: this test's database
      QString adminConn;  //!< the PostGIS fixture's conninfo

      bool postgis() const { return !database.isEmpty(); }

      void initTestCase()
      {
        QFile f( qEnvironmentVariable( "LIMES_PG_CONNINFO_FILE" ) );
        if ( f.open( QIODevice::ReadOnly ) )
          adminConn = QString::fromUtf8( f.readAll().trimmed() );
      }

      static QList<Party> parties() { return { { "TJ", "Tajikistan", "Тоҷикистон", "#1a9850" }, { "KG", "Kyrgyzstan", "Кыргызстан", "#d7301f" } }; }
      static QList<Segment> segments()
      {
        return { { "S-001", 1, 0, 1000.123456789, "1", "12" }, { "S-002", 2, 1000.123456789, 2500.5, "12", "40a" },
          { "S-003", 3, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), QString(), QString() } };
      }

      //! A new, empty workspace on `storage`, at `schema` (older ones as Limes wrote them, for migrations); keys registered at the current schema.
      void init( const QString &storage, int schema = WorkspaceStore::SCHEMA_VERSION )
      {
        static int n = 0;
        ++n;
        database.clear();
        if ( storage == QLatin1String( "postgis" ) )
        {
          QVERIFY2( !adminConn.isEmpty(), "no PostGIS cluster: run through ctest (fixture postgis)" );
          database = QStringLiteral( "limes_store_%1_%2" ).arg( QCoreApplication::applicationPid() ).arg( n );
          admin( QStringLiteral( "CREATE DATABASE %1" ).arg( database ) );
          target = QString( adminConn ).replace( QStringLiteral( "dbname=limes_test" ), QStringLiteral( "dbname=" ) + database );
        }
        else
          target = mDir.filePath( QStringLiteral( "ws-%1.gpkg" ).arg( n ) );
        if ( schema < WorkspaceStore::SCHEMA_VERSION )
        {
          if ( postgis() )
            PgStore::create( target, parties(), segments(), schema );
          else
            GpkgStore::create( target, parties(), segments(), schema );
          return; // opened (and migrated) by the test
        }
        ws = createWorkspace( target, parties(), segments(), QgsCoordinateTransformContext() );
        registerKeys( *ws );
      }

      void cleanup()
      {
        ws.reset();
        if ( postgis() )
          admin( QStringLiteral( "DROP DATABASE IF EXISTS %1" ).arg( database ) );
      }

      //! Runs SQL on the workspace behind Limes' back (as the database's superuser); returns the first column. `gpkg` and `pg` are the two dialects of one statement.
      QStringList raw( const QString &gpkg, const QString &pg, bool *ok = nullptr, QString *error = nullptr ) const
      {
        QStringList rows;
        bool success = false;
        if ( postgis() )
        {
          PGconn *c = PQconnectdb( target.toUtf8().constData() );
          PGresult *r = PQexec( c, pg.toUtf8().constData() );
          success = PQresultStatus( r ) == PGRES_COMMAND_OK || PQresultStatus( r ) == PGRES_TUPLES_OK;
          for ( int i = 0; success && i < PQntuples( r ); ++i )
            rows << QString::fromUtf8( PQgetvalue( r, i, 0 ) );
          if ( error )
            *error = QString::fromUtf8( PQerrorMessage( c ) );
          PQclear( r );
          PQfinish( c );
        }
        else
        {
          sqlite3 *db = nullptr;
          sqlite3_open( QFile::encodeName( target ).constData(), &db );
          auto collect = []( void *into, int, char **values, char ** ) { *static_cast<QStringList *>( into ) << QString::fromUtf8( values[0] ? values[0] : "" ); return 0; };
          success = sqlite3_exec( db, gpkg.toUtf8().constData(), collect, &rows, nullptr ) == SQLITE_OK;
          if ( error )
            *error = QString::fromUtf8( sqlite3_errmsg( db ) );
          sqlite3_close( db );
        }
        if ( ok )
          *ok = success;
        return rows;
      }

      void admin( const QString &sql ) const
      {
        PGconn *c = PQconnectdb( adminConn.toUtf8().constData() );
        PGresult *r = PQexec( c, sql.toUtf8().constData() );
        const bool ok = PQresultStatus( r ) == PGRES_COMMAND_OK;
        const QString error = QString::fromUtf8( PQerrorMessage( c ) );
        PQclear( r );
        PQfinish( c );
        QVERIFY2( ok, qPrintable( error ) );
      }

      QString filePath( const QString &name ) const { return mDir.filePath( name ); }

    private:
      QTemporaryDir mDir;
  };

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
}

#endif
