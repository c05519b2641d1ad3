// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_PGCONNECTION_H
#define LIMES_WORKSPACE_PGCONNECTION_H

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct pg_conn;
struct pg_result;

namespace limes::pg
{
  //! A query's rows as text; frees itself.
  class Result
  {
    public:
      explicit Result( pg_result *result );
      int rows() const;
      QString text( int row, int column ) const;
      //! A null QString for NULL.
      QString nullableText( int row, int column ) const;
      //! The value's bytes exactly as the server sent them.
      QByteArray bytes( int row, int column ) const;
      bool isNull( int row, int column ) const;

    private:
      struct Deleter
      {
        void operator()( pg_result *r ) const;
      };
      std::unique_ptr<pg_result, Deleter> mResult;
  };

  /**
   * One libpq connection; owns it, so it moves but never copies. Parameters are always bound,
   * never spliced into SQL text; errors are limes::Error naming the connection without its password.
   */
  class Connection
  {
    public:
      //! Connects; `authcfg=ID` takes the user and password from QGIS's authentication database.
      static Connection open( const QString &conninfo );
      Connection( Connection && ) noexcept = default;
      Connection &operator=( Connection && ) noexcept = default;
      Connection( const Connection & ) = delete;
      Connection &operator=( const Connection & ) = delete;
      ~Connection();

      //! The connection as messages name it (describe()).
      QString where() const { return mWhere; }
      //! A null QString in `params` binds NULL.
      Result exec( const char *sql, const QStringList &params = QStringList(), const QString &where = QString() ) const;
      //! Runs a whole SQL script (several statements, no parameters).
      void script( const QByteArray &sql, const QString &what ) const;
      //! Runs `work` as one transaction (opened by `begin`): committed when it returns, rolled back when it throws.
      void transaction( const std::function<void()> &work, const char *begin = "BEGIN" ) const;

    private:
      Connection() = default;
      struct Deleter
      {
        void operator()( pg_conn *c ) const;
      };
      std::unique_ptr<pg_conn, Deleter> mConn;
      QString mWhere;
  };

  //! TARGET names a PostgreSQL database rather than a file.
  bool isConnection( const QString &target );
  //! "PostgreSQL host=… dbname=…": the connection without its password, for messages.
  QString describe( const QString &conninfo );
  /**
   * `conninfo` with an `authcfg=ID` replaced by the user and password from QGIS's
   * authentication database; unchanged without one. limes::Error when it cannot be read.
   */
  QString withCredentials( const QString &conninfo );
}

#endif
