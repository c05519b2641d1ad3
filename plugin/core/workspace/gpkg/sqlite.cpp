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
  namespace
  {
    QString seconds( int ms )
    {
      return QString::number( ms / 1000.0, 'g', 3 );
    }

    /**
     * SQLite's result as the user must act on it: wait for the other process, restore a
     * damaged file, free the disk. A text file handed in as a workspace is no damage.
     */
    SqliteError failure( int rc, const QString &message, const QString &path, int lockTimeoutMs )
    {
      switch ( rc & 0xff )
      {
        case SQLITE_BUSY:
          return SqliteError( rc, QStringLiteral( "is locked by another process (waited %1 s)" ).arg( seconds( lockTimeoutMs ) ), path );
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
          if ( !hasSqliteHeader( path ) )
            return SqliteError( rc, QStringLiteral( "is not a Limes workspace (not a GeoPackage)" ), path );
          return SqliteError( rc, QStringLiteral( "is damaged: %1; restore it from a copy" ).arg( message ), path );
        case SQLITE_FULL:
          return SqliteError( rc, QStringLiteral( "the disk is full" ), path );
        case SQLITE_IOERR:
          return SqliteError( rc, QStringLiteral( "the file system reported an error (%1)" ).arg( message ), path );
        default:
          return SqliteError( rc, QStringLiteral( "database: %1" ).arg( message ), path );
      }
    }
  }

  bool SqliteError::isStorageFault() const
  {
    return ( mCode & 0xff ) == SQLITE_FULL || ( mCode & 0xff ) == SQLITE_IOERR;
  }

  bool SqliteError::isDamage() const
  {
    return ( mCode & 0xff ) == SQLITE_CORRUPT || ( mCode & 0xff ) == SQLITE_NOTADB;
  }

  bool hasSqliteHeader( const QString &path )
  {
    QFile file( path );
    return file.open( QIODevice::ReadOnly ) && file.read( 16 ) == QByteArray( "SQLite format 3\0", 16 );
  }

  int SqliteDb::lockTimeoutMs()
  {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue( "LIMES_LOCK_TIMEOUT_MS", &ok );
    return ok && ms >= 0 ? ms : 10000;
  }

  SqliteDb::SqliteDb( const QString &path )
    : mPath( path )
    , mLockTimeoutMs( lockTimeoutMs() )
  {
    const int rc = sqlite3_open_v2( QFile::encodeName( path ).constData(), &mDb, SQLITE_OPEN_READWRITE, nullptr );
    if ( rc != SQLITE_OK )
    {
      const QString message = mDb ? QString::fromUtf8( sqlite3_errmsg( mDb ) ) : QStringLiteral( "cannot open" );
      sqlite3_close( mDb );
      mDb = nullptr;
      throw failure( rc, QStringLiteral( "cannot open: %1" ).arg( message ), path, mLockTimeoutMs );
    }
    // another process writing for a moment is waited for, not mistaken for a fault
    sqlite3_busy_timeout( mDb, mLockTimeoutMs );
    exec( QStringLiteral( "PRAGMA foreign_keys = ON" ) );
  }

  SqliteDb::~SqliteDb()
  {
    sqlite3_close( mDb );
  }

  SqliteDb::SqliteDb( SqliteDb &&other ) noexcept
    : mDb( std::exchange( other.mDb, nullptr ) )
    , mPath( std::move( other.mPath ) )
    , mLockTimeoutMs( other.mLockTimeoutMs )
    , mIntact( other.mIntact )
  {}

  SqliteDb &SqliteDb::operator=( SqliteDb &&other ) noexcept
  {
    if ( this != &other )
    {
      sqlite3_close( mDb );
      mDb = std::exchange( other.mDb, nullptr );
      mPath = std::move( other.mPath );
      mLockTimeoutMs = other.mLockTimeoutMs;
      mIntact = other.mIntact;
    }
    return *this;
  }

  void SqliteDb::exec( const QString &sql ) const
  {
    char *error = nullptr;
    const int rc = sqlite3_exec( mDb, sql.toUtf8().constData(), nullptr, nullptr, &error );
    if ( rc != SQLITE_OK )
    {
      const QString message = QString::fromUtf8( error ? error : "failed" );
      sqlite3_free( error );
      throw failure( rc, message, mPath, mLockTimeoutMs );
    }
  }

  void SqliteDb::transaction( const std::function<void()> &work ) const
  {
    exec( QStringLiteral( "BEGIN IMMEDIATE" ) );
    // SQLITE_FULL or an I/O error may have rolled back already. Should the disk still fail
    // the rollback, the journal stays beside the file and the next opener plays it back.
    auto rollBack = [this] {
      if ( !sqlite3_get_autocommit( mDb ) )
        sqlite3_exec( mDb, "ROLLBACK", nullptr, nullptr, nullptr );
    };
    try
    {
      // writing into a damaged file spreads the damage
      if ( !mIntact )
        checkIntact();
      work();
      exec( QStringLiteral( "COMMIT" ) );
    }
    catch ( const SqliteError &e )
    {
      rollBack();
      // COMMIT failed before its journal was removed: the transaction did not happen
      if ( e.isStorageFault() )
        throw SqliteError( e.code(), e.problem() + QStringLiteral( "; the change was not saved" ), e.where() );
      throw;
    }
    catch ( ... )
    {
      rollBack();
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

  bool SqliteDb::hasTable( const QString &name ) const
  {
    Statement s( *this, QStringLiteral( "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?" ) );
    return s.bind( 1, name ).next();
  }

  void SqliteDb::checkIntact() const
  {
    Statement s( *this, QStringLiteral( "PRAGMA quick_check(1)" ) );
    if ( s.next() && s.text( 0 ) != QLatin1String( "ok" ) )
      throw failure( SQLITE_CORRUPT, s.text( 0 ).simplified(), mPath, mLockTimeoutMs );
    mIntact = true;
  }

  QStringList SqliteDb::integrityProblems() const
  {
    QStringList problems;
    Statement s( *this, QStringLiteral( "PRAGMA integrity_check" ) );
    while ( s.next() )
      if ( s.text( 0 ) != QLatin1String( "ok" ) )
        problems << s.text( 0 ).simplified();
    return problems;
  }

  Statement::Statement( const SqliteDb &db, const QString &sql )
    : mDb( db.handle() )
    , mWhere( db.path() )
  {
    const int rc = sqlite3_prepare_v2( mDb, sql.toUtf8().constData(), -1, &mStmt, nullptr );
    if ( rc != SQLITE_OK )
      throw failure( rc, QString::fromUtf8( sqlite3_errmsg( mDb ) ), mWhere, SqliteDb::lockTimeoutMs() );
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

  Statement &Statement::bindUtf8( int i, const QByteArray &v )
  {
    sqlite3_bind_text( mStmt, i, v.constData(), v.size(), SQLITE_TRANSIENT );
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
      throw failure( rc, QString::fromUtf8( sqlite3_errmsg( mDb ) ), mWhere, SqliteDb::lockTimeoutMs() );
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
