// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_SQLITE_H
#define LIMES_WORKSPACE_SQLITE_H

#include "error.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace limes
{
  /**
   * A failure SQLite reported, as one line naming the file: "is locked by another process
   * (waited 10 s)", "is damaged: …; restore it from a copy", "the disk is full", … `code()`
   * is SQLite's primary result code (SQLITE_BUSY, SQLITE_CORRUPT, SQLITE_FULL, …).
   */
  class SqliteError : public Error
  {
    public:
      SqliteError( int code, const QString &what, const QString &where )
        : Error( what, where )
        , mCode( code )
      {}
      int code() const { return mCode; }
      //! The file system failed or is full: the write did not happen, the file is not to blame.
      bool isStorageFault() const;
      //! The file is damaged (or no SQLite file at all).
      bool isDamage() const;

    private:
      int mCode = 0;
  };

  //! The file starts as every SQLite database does ("SQLite format 3"); false for an empty file.
  bool hasSqliteHeader( const QString &path );

  /**
   * An open SQLite database (the GeoPackage): owns the handle, so it moves but never copies.
   * Every failure is a limes::Error naming the file; SQLite's own are SqliteErrors.
   * Another process's lock is waited for lockTimeoutMs() before it is reported.
   */
  class SqliteDb
  {
    public:
      //! Opens an existing file read-write, with foreign keys on and a busy timeout.
      explicit SqliteDb( const QString &path );
      ~SqliteDb();
      SqliteDb( SqliteDb &&other ) noexcept;
      SqliteDb &operator=( SqliteDb &&other ) noexcept;
      SqliteDb( const SqliteDb & ) = delete;
      SqliteDb &operator=( const SqliteDb & ) = delete;

      sqlite3 *handle() const { return mDb; }
      QString path() const { return mPath; }
      //! Runs one or more statements without parameters.
      void exec( const QString &sql ) const;
      //! Runs `work` as one write transaction (BEGIN IMMEDIATE): committed when it returns, rolled back when it throws.
      void transaction( const std::function<void()> &work ) const;
      //! Runs `work` as one read transaction (BEGIN): every read sees the same state of the file.
      void readTransaction( const std::function<void()> &work ) const;
      long long lastInsertId() const;
      //! Whether the database has a table of that name.
      bool hasTable( const QString &name ) const;

      //! "is damaged: …" when PRAGMA quick_check finds a fault; transaction() runs it once before the first write.
      void checkIntact() const;
      //! What PRAGMA integrity_check finds (one line each, at most 100); empty when the file is sound.
      QStringList integrityProblems() const;
      //! How long to wait for another process's lock: LIMES_LOCK_TIMEOUT_MS, else 10 s.
      static int lockTimeoutMs();

    private:
      sqlite3 *mDb = nullptr;
      QString mPath;
      int mLockTimeoutMs = 0;
      mutable bool mIntact = false; //!< quick_check has passed on this connection
  };

  //! One prepared statement; binds by position, steps, reads columns. Owns its handle: moves, never copies.
  class Statement
  {
    public:
      Statement( const SqliteDb &db, const QString &sql );
      ~Statement();
      Statement( Statement &&other ) noexcept;
      Statement &operator=( Statement &&other ) noexcept;
      Statement( const Statement & ) = delete;
      Statement &operator=( const Statement & ) = delete;

      //! A null QString binds NULL.
      Statement &bind( int i, const QString &v );
      Statement &bind( int i, long long v );
      //! NaN binds NULL.
      Statement &bindDouble( int i, double v );
      Statement &bindBlob( int i, const QByteArray &v );
      //! Text given as its UTF-8 bytes, stored exactly.
      Statement &bindUtf8( int i, const QByteArray &v );
      void reset();
      //! Steps; true while there is a row.
      bool next();
      QString text( int c ) const;
      //! -1 for NULL.
      long long integer( int c ) const;
      //! NaN for NULL.
      double real( int c ) const;
      QByteArray blob( int c ) const;

    private:
      sqlite3 *mDb = nullptr;
      sqlite3_stmt *mStmt = nullptr;
      QString mWhere;
  };
}

#endif
