#include "pgworkspace.h"
#include "error.h"
#include "workspace.h"

#include <QFile>

#include <libpq-fe.h>

#include <memory>

static void initLimesSql()
{
  Q_INIT_RESOURCE( workspacesql );
}

namespace limes
{
  namespace
  {
    struct ConnectionDeleter
    {
      void operator()( PGconn *c ) const { PQfinish( c ); }
    };
    struct ResultDeleter
    {
      void operator()( PGresult *r ) const { PQclear( r ); }
    };
    using Connection = std::unique_ptr<PGconn, ConnectionDeleter>;
    using Result = std::unique_ptr<PGresult, ResultDeleter>;

    Connection connect( const QString &conninfo )
    {
      Connection c( PQconnectdb( conninfo.toUtf8().constData() ) );
      if ( PQstatus( c.get() ) != CONNECTION_OK )
        throw Error( QStringLiteral( "cannot connect: %1" ).arg( QString::fromUtf8( PQerrorMessage( c.get() ) ).simplified() ), PgWorkspace::describe( conninfo ) );
      return c;
    }

    //! Parameters are always bound, never spliced into SQL text.
    Result exec( PGconn *c, const char *sql, const QStringList &params, const QString &where )
    {
      std::vector<QByteArray> utf8;
      std::vector<const char *> values;
      for ( const QString &p : params )
        utf8.push_back( p.toUtf8() );
      for ( const QByteArray &b : utf8 )
        values.push_back( b.constData() );
      Result r( PQexecParams( c, sql, static_cast<int>( values.size() ), nullptr, values.data(), nullptr, nullptr, 0 ) );
      const ExecStatusType status = PQresultStatus( r.get() );
      if ( status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK )
        throw Error( QString::fromUtf8( PQresultErrorField( r.get(), PG_DIAG_MESSAGE_PRIMARY ) ), where );
      return r;
    }
  }

  bool PgWorkspace::isConnection( const QString &target )
  {
    return target.startsWith( QLatin1String( "postgresql://" ) ) || target.startsWith( QLatin1String( "postgres://" ) )
           || target.contains( QLatin1String( "service=" ) ) || target.contains( QLatin1String( "dbname=" ) ) || target.contains( QLatin1String( "host=" ) );
  }

  QString PgWorkspace::describe( const QString &conninfo )
  {
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse( conninfo.toUtf8().constData(), &error );
    if ( !options )
    {
      PQfreemem( error );
      return QStringLiteral( "PostgreSQL (unreadable connection string)" );
    }
    QStringList parts;
    for ( PQconninfoOption *o = options; o->keyword; ++o )
      if ( o->val && *o->val && QByteArray( o->keyword ) != "password" )
        parts << QStringLiteral( "%1=%2" ).arg( QString::fromLatin1( o->keyword ), QString::fromUtf8( o->val ) );
    PQconninfoFree( options );
    return QStringLiteral( "PostgreSQL %1" ).arg( parts.join( QLatin1Char( ' ' ) ) );
  }

  void PgWorkspace::create( const QString &conninfo, const QList<Party> &parties, const QList<QPair<QString, int>> &segments )
  {
    initLimesSql();
    const QString where = describe( conninfo );
    QFile file( QStringLiteral( ":/limes/sql/workspace-postgis.sql" ) );
    if ( !file.open( QIODevice::ReadOnly ) )
      throw Error( QStringLiteral( "the PostgreSQL schema is missing from this build" ), where );
    const QByteArray schema = file.readAll();
    Connection c = connect( conninfo );
    const Result existing = exec( c.get(), "SELECT 1 FROM pg_namespace WHERE nspname = 'limes'", {}, where );
    if ( PQntuples( existing.get() ) > 0 )
      throw Error( QStringLiteral( "already holds a Limes workspace (schema limes); a workspace is never overwritten" ), where );
    exec( c.get(), "BEGIN", {}, where );
    try
    {
      Result r( PQexec( c.get(), schema.constData() ) );
      if ( PQresultStatus( r.get() ) != PGRES_COMMAND_OK && PQresultStatus( r.get() ) != PGRES_TUPLES_OK )
        throw Error( QStringLiteral( "cannot install the schema: %1" ).arg( QString::fromUtf8( PQresultErrorField( r.get(), PG_DIAG_MESSAGE_PRIMARY ) ) ), where );
      for ( const Party &p : parties )
        exec( c.get(), "SELECT limes.add_party($1, $2, NULLIF($3, ''), NULLIF($4, ''))", { p.code, p.name, p.localName, p.colour }, where );
      for ( const auto &s : segments )
        exec( c.get(), "INSERT INTO limes.segments (code, seq) VALUES ($1, $2::integer)", { s.first, QString::number( s.second ) }, where );
      exec( c.get(), "COMMIT", {}, where );
    }
    catch ( ... )
    {
      PQclear( PQexec( c.get(), "ROLLBACK" ) );
      throw;
    }
  }
}
