// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/gpkg/sqlite.h"
#include "error.h"

#include <QFile>

#include <sqlite3.h>

#include <cmath>
#include <limits>
#include <utility>

namespace limes
{
  SqliteDb::SqliteDb( const QString &path )
    : mPath( path )
  {
    if ( sqlite3_open_v2( QFile::encodeName( path ).constData(), &mDb, SQLITE_OPEN_READWRITE, nullptr ) != SQLITE_OK )
    {
      const QString message = mDb ? QString::fromUtf8( sqlite3_errmsg( mDb ) ) : QStringLiteral( "cannot open" );
      sqlite3_close( mDb );
      mDb = nullptr;
      throw Error( QStringLiteral( "cannot open workspace: %1" ).arg( message ), path );
    }
    sqlite3_busy_timeout( mDb, 5000 );
    exec( QStringLiteral( "PRAGMA foreign_keys = ON" ) );
  }

  SqliteDb::~SqliteDb()
  {
    sqlite3_close( mDb );
  }

  SqliteDb::SqliteDb( SqliteDb &&other ) noexcept
    : mDb( std::exchange( other.mDb, nullptr ) )
    , mPath( std::move( other.mPath ) )
  {}

  SqliteDb &SqliteDb::operator=( SqliteDb &&other ) noexcept
  {
    if ( this != &other )
    {
      sqlite3_close( mDb );
      mDb = std::exchange( other.mDb, nullptr );
      mPath = std::move( other.mPath );
    }
    return *this;
  }

  void SqliteDb::exec( const QString &sql ) const
  {
    char *error = nullptr;
    if ( sqlite3_exec( mDb, sql.toUtf8().constData(), nullptr, nullptr, &error ) != SQLITE_OK )
    {
      const QString message = QString::fromUtf8( error ? error : "failed" );
      sqlite3_free( error );
      throw Error( QStringLiteral( "database: %1" ).arg( message ), mPath );
    }
  }

  void SqliteDb::transaction( const std::function<void()> &work ) const
  {
    exec( QStringLiteral( "BEGIN IMMEDIATE" ) );
    try
    {
      work();
      exec( QStringLiteral( "COMMIT" ) );
    }
    catch ( ... )
    {
      sqlite3_exec( mDb, "ROLLBACK", nullptr, nullptr, nullptr );
      throw;
    }
  }

  void SqliteDb::readTransaction( const std::function<void()> &work ) const
  {
    exec( QStringLiteral( "BEGIN" ) );
    try
    {
      work();
    }
    catch ( ... )
    {
      sqlite3_exec( mDb, "ROLLBACK", nullptr, nullptr, nullptr );
      throw;
    }
    exec( QStringLiteral( "COMMIT" ) );
  }

  long long SqliteDb::lastInsertId() const
  {
    return sqlite3_last_insert_rowid( mDb );
  }

  Statement::Statement( const SqliteDb &db, const QString &sql )
    : mDb( db.handle() )
    , mWhere( db.path() )
  {
    if ( sqlite3_prepare_v2( mDb, sql.toUtf8().constData(), -1, &mStmt, nullptr ) != SQLITE_OK )
      throw Error( QStringLiteral( "database: %1" ).arg( QString::fromUtf8( sqlite3_errmsg( mDb ) ) ), mWhere );
  }

  Statement::~Statement()
  {
    sqlite3_finalize( mStmt );
  }

  Statement::Statement( Statement &&other ) noexcept
    : mDb( other.mDb )
    , mStmt( std::exchange( other.mStmt, nullptr ) )
    , mWhere( std::move( other.mWhere ) )
  {}

  Statement &Statement::operator=( Statement &&other ) noexcept
  {
    if ( this != &other )
    {
      sqlite3_finalize( mStmt );
      mDb = other.mDb;
      mStmt = std::exchange( other.mStmt, nullptr );
      mWhere = std::move( other.mWhere );
    }
    return *this;
  }

  Statement &Statement::bind( int i, const QString &v )
  {
    const QByteArray utf8 = v.toUtf8();
    if ( v.isNull() )
      sqlite3_bind_null( mStmt, i );
    else
      sqlite3_bind_text( mStmt, i, utf8.constData(), utf8.size(), SQLITE_TRANSIENT );
    return *this;
  }

  Statement &Statement::bind( int i, long long v )
  {
    sqlite3_bind_int64( mStmt, i, v );
    return *this;
  }

  Statement &Statement::bindDouble( int i, double v )
  {
    if ( std::isnan( v ) )
      sqlite3_bind_null( mStmt, i );
    else
      sqlite3_bind_double( mStmt, i, v );
    return *this;
  }

  Statement &Statement::bindBlob( int i, const QByteArray &v )
  {
    sqlite3_bind_blob( mStmt, i, v.constData(), v.size(), SQLITE_TRANSIENT );
    return *this;
  }

  void Statement::reset()
  {
    sqlite3_reset( mStmt );
    sqlite3_clear_bindings( mStmt );
  }

  bool Statement::next()
  {
    const int rc = sqlite3_step( mStmt );
    if ( rc == SQLITE_ROW )
      return true;
    if ( rc != SQLITE_DONE )
      throw Error( QStringLiteral( "database: %1" ).arg( QString::fromUtf8( sqlite3_errmsg( mDb ) ) ), mWhere );
    return false;
  }

  QString Statement::text( int c ) const
  {
    const unsigned char *t = sqlite3_column_text( mStmt, c );
    return t ? QString::fromUtf8( reinterpret_cast<const char *>( t ) ) : QString();
  }

  long long Statement::integer( int c ) const
  {
    return sqlite3_column_type( mStmt, c ) == SQLITE_NULL ? -1 : sqlite3_column_int64( mStmt, c );
  }

  double Statement::real( int c ) const
  {
    return sqlite3_column_type( mStmt, c ) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN() : sqlite3_column_double( mStmt, c );
  }

  QByteArray Statement::blob( int c ) const
  {
    const void *data = sqlite3_column_blob( mStmt, c );
    return data ? QByteArray( static_cast<const char *>( data ), sqlite3_column_bytes( mStmt, c ) ) : QByteArray();
  }
}
