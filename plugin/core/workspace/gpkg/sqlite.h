// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_SQLITE_H
#define LIMES_WORKSPACE_SQLITE_H

#include <QByteArray>
#include <QString>

#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace limes
{
  /**
   * An open SQLite database (the GeoPackage): owns the handle, so it moves but never copies.
   * Every failure is a limes::Error naming the file.
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

    private:
      sqlite3 *mDb = nullptr;
      QString mPath;
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
