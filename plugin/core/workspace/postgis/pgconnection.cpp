// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/postgis/pgconnection.h"
#include "error.h"
#include "qgiscompat.h"

#include <qgsapplication.h>
#include <qgsauthmanager.h>
#include <qgsdatasourceuri.h>

#include <libpq-fe.h>

#include <vector>

namespace limes::pg
{
  namespace
  {
    QString primaryMessage( const PGresult *r )
    {
      return QString::fromUtf8( PQresultErrorField( r, PG_DIAG_MESSAGE_PRIMARY ) );
    }
  }

  /**
   * `authcfg=ID` takes the user and password from QGIS's authentication database
   * (QGIS_AUTH_DB_DIR_PATH and QGIS_AUTH_PASSWORD_FILE headless, as QGIS Server does).
   */
  QString withCredentials( const QString &conninfo )
  {
    const QString authcfg = QgsDataSourceUri( conninfo ).authConfigId();
    if ( authcfg.isEmpty() )
      return conninfo;
    QStringList items;
    for ( const QString &item : conninfo.split( QLatin1Char( ' ' ), Qt::SkipEmptyParts ) )
      if ( !item.startsWith( QLatin1String( "authcfg=" ) ) )
        items << item;
    QgsAuthManager *auth = compat::authManager();
    if ( !auth || auth->isDisabled() || !auth->updateDataSourceUriItems( items, authcfg, QStringLiteral( "postgres" ) ) )
      throw Error( QStringLiteral( "authentication configuration %1 is not in QGIS's authentication database (or its master password is not available)" ).arg( authcfg ),
                   describe( conninfo ) );
    return items.join( QLatin1Char( ' ' ) );
  }

  Result::Result( pg_result *result )
    : mResult( result )
  {}

  void Result::Deleter::operator()( pg_result *r ) const
  {
    PQclear( r );
  }

  int Result::rows() const
  {
    return PQntuples( mResult.get() );
  }

  QString Result::text( int row, int column ) const
  {
    return QString::fromUtf8( PQgetvalue( mResult.get(), row, column ) );
  }

  QString Result::nullableText( int row, int column ) const
  {
    return isNull( row, column ) ? QString() : text( row, column );
  }

  QByteArray Result::bytes( int row, int column ) const
  {
    return QByteArray( PQgetvalue( mResult.get(), row, column ), PQgetlength( mResult.get(), row, column ) );
  }

  bool Result::isNull( int row, int column ) const
  {
    return PQgetisnull( mResult.get(), row, column );
  }

  void Connection::Deleter::operator()( pg_conn *c ) const
  {
    PQfinish( c );
  }

  Connection::~Connection() = default;

  Connection Connection::open( const QString &conninfo )
  {
    Connection c;
    c.mWhere = describe( conninfo );
    c.mConn.reset( PQconnectdb( withCredentials( conninfo ).toUtf8().constData() ) );
    if ( PQstatus( c.mConn.get() ) != CONNECTION_OK )
      throw Error( QStringLiteral( "cannot connect: %1" ).arg( QString::fromUtf8( PQerrorMessage( c.mConn.get() ) ).simplified() ), c.mWhere );
    return c;
  }

  Result Connection::exec( const char *sql, const QStringList &params, const QString &where ) const
  {
    std::vector<QByteArray> utf8;
    std::vector<const char *> values;
    for ( const QString &p : params )
      utf8.push_back( p.toUtf8() );
    for ( int i = 0; i < params.size(); ++i )
      values.push_back( params[i].isNull() ? nullptr : utf8[i].constData() );
    PGresult *r = PQexecParams( mConn.get(), sql, static_cast<int>( values.size() ), nullptr, values.data(), nullptr, nullptr, 0 );
    Result result( r );
    const ExecStatusType status = PQresultStatus( r );
    if ( status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK )
      throw Error( primaryMessage( r ), where.isEmpty() ? mWhere : where );
    return result;
  }

  void Connection::script( const QByteArray &sql, const QString &what ) const
  {
    PGresult *r = PQexec( mConn.get(), sql.constData() );
    const Result result( r );
    if ( PQresultStatus( r ) != PGRES_COMMAND_OK && PQresultStatus( r ) != PGRES_TUPLES_OK )
      throw Error( QStringLiteral( "%1: %2" ).arg( what, primaryMessage( r ) ), mWhere );
  }

  void Connection::transaction( const std::function<void()> &work, const char *begin ) const
  {
    exec( begin );
    try
    {
      work();
      exec( "COMMIT" );
    }
    catch ( ... )
    {
      PQclear( PQexec( mConn.get(), "ROLLBACK" ) );
      throw;
    }
  }

  bool isConnection( const QString &target )
  {
    return target.startsWith( QLatin1String( "postgresql://" ) ) || target.startsWith( QLatin1String( "postgres://" ) )
           || target.contains( QLatin1String( "service=" ) ) || target.contains( QLatin1String( "dbname=" ) ) || target.contains( QLatin1String( "host=" ) );
  }

  QString describe( const QString &conninfo )
  {
    // libpq does not know authcfg=: keep it aside, it names no secret
    QStringList plain, parts;
    for ( const QString &item : conninfo.split( QLatin1Char( ' ' ), Qt::SkipEmptyParts ) )
      ( item.startsWith( QLatin1String( "authcfg=" ) ) ? parts : plain ) << item;
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse( plain.join( QLatin1Char( ' ' ) ).toUtf8().constData(), &error );
    if ( !options )
    {
      PQfreemem( error );
      return QStringLiteral( "PostgreSQL (unreadable connection string)" );
    }
    for ( PQconninfoOption *o = options; o->keyword; ++o )
      if ( o->val && *o->val && QByteArray( o->keyword ) != "password" )
        parts << QStringLiteral( "%1=%2" ).arg( QString::fromLatin1( o->keyword ), QString::fromUtf8( o->val ) );
    PQconninfoFree( options );
    return QStringLiteral( "PostgreSQL %1" ).arg( parts.join( QLatin1Char( ' ' ) ) );
  }
}
