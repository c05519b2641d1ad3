#include "pgworkspace.h"
#include "qgiscompat.h"
#include "atomicoutput.h"
#include "error.h"
#include "workspace.h"

#include <QDate>
#include <QFile>

#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <qgsapplication.h>
#include <qgsauthmanager.h>
#include <qgsdatasourceuri.h>

#include <libpq-fe.h>

#include <functional>
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
      QgsAuthManager *auth = QgsApplication::authManager();
      if ( !auth || auth->isDisabled() || !auth->updateDataSourceUriItems( items, authcfg, QStringLiteral( "postgres" ) ) )
        throw Error( QStringLiteral( "authentication configuration %1 is not in QGIS's authentication database (or its master password is not available)" ).arg( authcfg ),
                     PgWorkspace::describe( conninfo ) );
      return items.join( QLatin1Char( ' ' ) );
    }

    Connection connect( const QString &conninfo )
    {
      Connection c( PQconnectdb( withCredentials( conninfo ).toUtf8().constData() ) );
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

    //! Runs `work` as one transaction: committed when it returns, rolled back when it throws.
    void transaction( PGconn *c, const QString &where, const std::function<void()> &work )
    {
      exec( c, "BEGIN", {}, where );
      try
      {
        work();
        exec( c, "COMMIT", {}, where );
      }
      catch ( ... )
      {
        PQclear( PQexec( c, "ROLLBACK" ) );
        throw;
      }
    }
  }

  namespace
  {
    //! Runs schema steps from+1 .. to; the caller holds the transaction.
    void migrate( PGconn *c, int from, int to, const QString &where )
    {
      initLimesSql();
      for ( int step = from + 1; step <= to; ++step )
      {
        QFile file( QStringLiteral( ":/limes/sql/workspace-postgis-%1.sql" ).arg( step ) );
        if ( !file.open( QIODevice::ReadOnly ) )
          throw Error( QStringLiteral( "schema step %1 is missing from this build" ).arg( step ), where );
        Result r( PQexec( c, file.readAll().constData() ) );
        if ( PQresultStatus( r.get() ) != PGRES_COMMAND_OK && PQresultStatus( r.get() ) != PGRES_TUPLES_OK )
          throw Error( QStringLiteral( "cannot install schema %1: %2" ).arg( step ).arg( QString::fromUtf8( PQresultErrorField( r.get(), PG_DIAG_MESSAGE_PRIMARY ) ) ), where );
      }
    }
  }

  std::unique_ptr<PgWorkspace> PgWorkspace::open( const QString &conninfo )
  {
    std::unique_ptr<PgWorkspace> ws( new PgWorkspace() );
    ws->mWhere = describe( conninfo );
    ws->mConn = connect( conninfo ).release();
    const Result schema = exec( ws->mConn, "SELECT 1 FROM pg_namespace WHERE nspname = 'limes'", {}, ws->mWhere );
    if ( PQntuples( schema.get() ) == 0 )
      throw Error( QStringLiteral( "not a Limes workspace (no schema limes)" ), ws->mWhere );
    const Result version = exec( ws->mConn, "SELECT value::integer FROM limes.meta WHERE key = 'schema_version'", {}, ws->mWhere );
    const int v = QString::fromUtf8( PQgetvalue( version.get(), 0, 0 ) ).toInt();
    if ( v > Workspace::SCHEMA_VERSION )
      throw Error( QStringLiteral( "written by a newer Limes (schema %1; this Limes knows %2): upgrade Limes" ).arg( v ).arg( Workspace::SCHEMA_VERSION ), ws->mWhere );
    if ( v < Workspace::SCHEMA_VERSION )
    {
      // every step in one transaction: a failed migration leaves the old schema as it was
      try
      {
        transaction( ws->mConn, ws->mWhere, [&] { migrate( ws->mConn, v, Workspace::SCHEMA_VERSION, ws->mWhere ); } );
      }
      catch ( const Error &e )
      {
        throw Error( QStringLiteral( "this workspace (schema %1) needs migrating to schema %2, which failed (%3): connect as its owner or administrator" )
                     .arg( v ).arg( Workspace::SCHEMA_VERSION ).arg( e.problem() ), ws->mWhere );
      }
    }
    return ws;
  }

  PgWorkspace::~PgWorkspace()
  {
    PQfinish( mConn );
  }

  QStringList PgWorkspace::column( const char *sql ) const
  {
    const Result r = exec( mConn, sql, {}, mWhere );
    QStringList values;
    for ( int i = 0; i < PQntuples( r.get() ); ++i )
      values << QString::fromUtf8( PQgetvalue( r.get(), i, 0 ) );
    return values;
  }

  QStringList PgWorkspace::partyCodes() const
  {
    return column( "SELECT code FROM limes.parties ORDER BY code" );
  }

  QStringList PgWorkspace::segments() const
  {
    return column( "SELECT code FROM limes.segments ORDER BY seq, code" );
  }

  LedgerEntry PgWorkspace::addLedgerEntry( const LedgerEntryInput &input )
  {
    LedgerEntry e = Workspace::prepareEntry( input, segments(), partyCodes(), mWhere );
    transaction( mConn, mWhere, [&] {
      const Result head = exec( mConn, "SELECT value FROM limes.meta WHERE key = 'ledger_head' FOR UPDATE", {}, mWhere );
      const Result next = exec( mConn, "SELECT COALESCE(MAX(id), 0) + 1 FROM limes.ledger", {}, mWhere );
      if ( input.supersedes >= 0 )
      {
        const Result s = exec( mConn, "SELECT segment FROM limes.ledger WHERE id = $1::bigint", { QString::number( input.supersedes ) }, mWhere );
        if ( PQntuples( s.get() ) == 0 )
          throw Error( QStringLiteral( "entry %1 to supersede does not exist" ).arg( input.supersedes ), mWhere );
        if ( QString::fromUtf8( PQgetvalue( s.get(), 0, 0 ) ) != input.segment )
          throw Error( QStringLiteral( "entry %1 is about segment %2, not %3" ).arg( input.supersedes ).arg( QString::fromUtf8( PQgetvalue( s.get(), 0, 0 ) ), input.segment ), mWhere );
      }
      Workspace::seal( e, QString::fromUtf8( PQgetvalue( next.get(), 0, 0 ) ).toLongLong(), QString::fromUtf8( PQgetvalue( head.get(), 0, 0 ) ) );
      exec( mConn, "INSERT INTO limes.ledger VALUES ($1::bigint, $2, $3, $4::date, NULLIF($5, ''), $6, NULLIF($7, ''), $8::jsonb, $9::jsonb, $10::jsonb, "
            "NULLIF($11, '')::bigint, $12, $13, $14, $15)",
            { QString::number( e.id ), input.segment, input.protocol, input.meetingDate.toString( Qt::ISODate ), input.place, input.decision, input.agreedVersion,
              Workspace::jsonOf( input.positions ), Workspace::jsonOf( input.signatories ), Workspace::jsonOf( e.attachmentHashes ),
              input.supersedes >= 0 ? QString::number( input.supersedes ) : QString(), input.author, e.recordedUtc, e.previousHash, e.hash }, mWhere );
      exec( mConn, "UPDATE limes.meta SET value = $1 WHERE key = 'ledger_head'", { e.hash }, mWhere );
      exec( mConn, "UPDATE limes.meta SET value = $1 WHERE key = 'ledger_entries'", { QString::number( e.id ) }, mWhere );
    } );
    return e;
  }

  QList<LedgerEntry> PgWorkspace::ledger( const QString &segment ) const
  {
    const Result r = exec( mConn, "SELECT id, segment, protocol, meeting_date::text, COALESCE(place, ''), decision, COALESCE(agreed_version, ''), positions::text, "
                           "signatories::text, attachments::text, COALESCE(supersedes, -1), author, recorded_utc, previous_hash, hash "
                           "FROM limes.ledger WHERE $1 = '' OR segment = $1 ORDER BY id", { segment }, mWhere );
    QList<LedgerEntry> list;
    auto text = [&]( int row, int col ) { return QString::fromUtf8( PQgetvalue( r.get(), row, col ) ); };
    for ( int i = 0; i < PQntuples( r.get() ); ++i )
    {
      LedgerEntry e;
      e.id = text( i, 0 ).toLongLong();
      e.input.segment = text( i, 1 );
      e.input.protocol = text( i, 2 );
      e.input.meetingDate = QDate::fromString( text( i, 3 ), Qt::ISODate );
      e.input.place = text( i, 4 );
      e.input.decision = text( i, 5 );
      e.input.agreedVersion = text( i, 6 );
      Workspace::readJson( e, text( i, 7 ), text( i, 8 ), text( i, 9 ) );
      e.input.supersedes = text( i, 10 ).toLongLong();
      e.input.author = text( i, 11 );
      e.recordedUtc = text( i, 12 );
      e.previousHash = text( i, 13 );
      e.hash = text( i, 14 );
      list << e;
    }
    return list;
  }

  VerifyReport PgWorkspace::verify() const
  {
    const QStringList meta = column( "SELECT value FROM limes.meta WHERE key IN ('ledger_entries', 'ledger_head') ORDER BY key" ); // entries, then head
    return Workspace::verifyChain( ledger(), meta.value( 0 ).toLongLong(), meta.value( 1 ) );
  }

  QList<Party> PgWorkspace::parties() const
  {
    const Result r = exec( mConn, "SELECT code, name, COALESCE(local_name, ''), COALESCE(colour, '') FROM limes.parties ORDER BY code", {}, mWhere );
    QList<Party> list;
    for ( int i = 0; i < PQntuples( r.get() ); ++i )
      list << Party{ QString::fromUtf8( PQgetvalue( r.get(), i, 0 ) ), QString::fromUtf8( PQgetvalue( r.get(), i, 1 ) ),
                     QString::fromUtf8( PQgetvalue( r.get(), i, 2 ) ), QString::fromUtf8( PQgetvalue( r.get(), i, 3 ) ) };
    return list;
  }

  QMap<QString, QString> PgWorkspace::segmentStatus() const
  {
    return Workspace::statusOf( segments(), ledger() );
  }

  QList<LineVersion> PgWorkspace::versions() const
  {
    const Result r = exec( mConn, "SELECT id, name, kind, COALESCE(source, ''), COALESCE(version_date::text, ''), author, COALESCE(notes, ''), "
                           "COALESCE(left_party, ''), COALESCE(right_party, ''), (SELECT count(*) FROM limes.version_lines l WHERE l.version_id = v.id), row_version "
                           "FROM limes.line_versions v ORDER BY id", {}, mWhere );
    QList<LineVersion> list;
    auto text = [&]( int row, int col ) { return QString::fromUtf8( PQgetvalue( r.get(), row, col ) ); };
    for ( int i = 0; i < PQntuples( r.get() ); ++i )
      list << LineVersion{ text( i, 0 ).toLongLong(), text( i, 1 ), text( i, 2 ), text( i, 3 ), QDate::fromString( text( i, 4 ), Qt::ISODate ),
                           text( i, 5 ), text( i, 6 ), text( i, 7 ), text( i, 8 ), text( i, 9 ).toLongLong(), text( i, 10 ).toInt() };
    return list;
  }

  LineVersion PgWorkspace::version( const QString &name ) const
  {
    QStringList names;
    for ( const LineVersion &v : versions() )
    {
      if ( v.name == name )
        return v;
      names << v.name;
    }
    throw Error( QStringLiteral( "no version named '%1' (versions: %2)" ).arg( name, names.isEmpty() ? QStringLiteral( "none" ) : names.join( QLatin1String( ", " ) ) ), mWhere );
  }

  std::unique_ptr<QgsVectorLayer> PgWorkspace::versionLayer( const LineVersion &v ) const
  {
    auto lines = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326&field=segment:string" ), v.name, QStringLiteral( "memory" ) );
    const Result geometry = exec( mConn, "SELECT COALESCE(segment, ''), encode(ST_AsBinary(geom), 'hex') FROM limes.version_lines WHERE version_id = $1::bigint ORDER BY part, id",
                                  { QString::number( v.id ) }, mWhere );
    QgsFeatureList features;
    for ( int k = 0; k < PQntuples( geometry.get() ); ++k )
    {
      QgsFeature f( lines->fields() );
      QgsGeometry g;
      g.fromWkb( QByteArray::fromHex( QByteArray( PQgetvalue( geometry.get(), k, 1 ) ) ) );
      f.setGeometry( g );
      const QString segment = QString::fromUtf8( PQgetvalue( geometry.get(), k, 0 ) );
      f.setAttribute( 0, segment.isEmpty() ? QVariant() : QVariant( segment ) );
      features << f;
    }
    lines->dataProvider()->addFeatures( features );
    lines->updateExtents();
    return lines;
  }

  LineVersion PgWorkspace::importVersion( const LineVersion &v, QgsFeatureSource *source, const QString &sourceName, const QString &ownerParty )
  {
    Workspace::checkVersion( v, source, sourceName, partyCodes(), mWhere );
    LineVersion stored = v;
    transaction( mConn, mWhere, [&] {
      const Result id = exec( mConn, "INSERT INTO limes.line_versions (name, kind, owner_party, source, version_date, notes, left_party, right_party, author) "
                              "VALUES ($1, $2, CASE WHEN $2 = 'claim' THEN COALESCE(NULLIF($3, ''), limes.my_party()) ELSE NULLIF($3, '') END, "
                              "NULLIF($4, ''), NULLIF($5, '')::date, NULLIF($6, ''), $7, $8, $9) RETURNING id",
                              { v.name, v.kind, ownerParty, v.source, v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString(), v.notes, v.leftParty, v.rightParty, v.author }, mWhere );
      stored.id = QString::fromUtf8( PQgetvalue( id.get(), 0, 0 ) ).toLongLong();
      QgsFeatureRequest request;
      request.setDestinationCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsCoordinateTransformContext() );
      const int segmentField = source->fields().lookupField( QStringLiteral( "segment" ) );
      QgsFeatureIterator it = source->getFeatures( request.addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        if ( f.geometry().isNull() || f.geometry().isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), sourceName );
        for ( const QgsGeometry &line : f.geometry().asGeometryCollection() )
        {
          Workspace::checkVersionLine( line, f.id(), sourceName );
          exec( mConn, "INSERT INTO limes.version_lines (version_id, segment, part, geom) VALUES ($1::bigint, NULLIF($2, ''), $3::integer, ST_GeomFromWKB(decode($4, 'hex'), 4326))",
                { QString::number( stored.id ), segmentField >= 0 ? f.attribute( segmentField ).toString() : QString(), QString::number( ++stored.parts ),
                  QString::fromLatin1( line.asWkb().toHex() ) }, sourceName );
        }
      }
      if ( stored.parts == 0 )
        throw Error( QStringLiteral( "layer is empty" ), sourceName );
    } );
    return stored;
  }

  long long PgWorkspace::pillarCount() const
  {
    return column( "SELECT count(*) FROM limes.pillars" ).value( 0 ).toLongLong();
  }

  void PgWorkspace::addParty( const Party &p )
  {
    exec( mConn, "SELECT limes.add_party($1, $2, NULLIF($3, ''), NULLIF($4, ''))", { p.code, p.name, p.localName, p.colour }, mWhere );
  }

  namespace
  {
    QStringList segmentParams( const Segment &s )
    {
      auto number = []( double v ) { return std::isfinite( v ) ? QString::number( v, 'f', 3 ) : QString(); };
      return { s.code, QString::number( s.sequence ), number( s.chainageFrom ), number( s.chainageTo ), s.fromPoint, s.toPoint };
    }
    const char *const INSERT_SEGMENT = "INSERT INTO limes.segments (code, seq, chainage_from_m, chainage_to_m, from_point, to_point) "
                                       "VALUES ($1, $2::integer, NULLIF($3, '')::float8, NULLIF($4, '')::float8, NULLIF($5, ''), NULLIF($6, ''))";
  }

  void PgWorkspace::addSegment( const Segment &s )
  {
    if ( segments().contains( s.code ) )
      throw Error( QStringLiteral( "duplicate segment code %1" ).arg( s.code ), mWhere );
    exec( mConn, INSERT_SEGMENT, segmentParams( s ), mWhere );
  }

  long long PgWorkspace::importPillars( QgsFeatureSource *source, const QString &sourceName, const QString &numberField, const QString &author )
  {
    if ( QgsWkbTypes::geometryType( source->wkbType() ) != limes::geometrytype::Point )
      throw Error( QStringLiteral( "not a point layer" ), sourceName );
    const QgsFields fields = source->fields();
    const int number = fields.lookupField( numberField );
    if ( number < 0 )
      throw Error( QStringLiteral( "no field '%1' with the pillar number" ).arg( numberField ), sourceName );
    const PillarFields names;
    const int type = fields.lookupField( names.type ), segment = fields.lookupField( names.segment );
    const int sx = fields.lookupField( names.surveyedX ), sy = fields.lookupField( names.surveyedY );
    const int accuracy = fields.lookupField( names.accuracy ), date = fields.lookupField( names.surveyDate );
    const QgsCoordinateReferenceSystem wgs84( QStringLiteral( "EPSG:4326" ) );
    const QgsCoordinateTransform toWgs84( source->sourceCrs(), wgs84, QgsCoordinateTransformContext() );
    long long imported = 0;
    transaction( mConn, mWhere, [&] {
      QgsFeatureRequest request;
      request.setDestinationCrs( wgs84, QgsCoordinateTransformContext() );
      QgsFeatureIterator it = source->getFeatures( request.addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      auto text = [&]( int field ) { return field >= 0 && !f.attribute( field ).isNull() ? f.attribute( field ).toString() : QString(); };
      while ( it.nextFeature( f ) )
      {
        const QString where = QStringLiteral( "%1 feature %2" ).arg( sourceName ).arg( f.id() );
        if ( f.geometry().isNull() || f.geometry().isEmpty() )
          throw Error( QStringLiteral( "pillar %1 has no geometry" ).arg( text( number ) ), where );
        QString lon, lat;
        if ( sx >= 0 && sy >= 0 && !f.attribute( sx ).isNull() && !f.attribute( sy ).isNull() )
        {
          const QgsPointXY surveyed = toWgs84.transform( QgsPointXY( f.attribute( sx ).toDouble(), f.attribute( sy ).toDouble() ) );
          lon = QString::number( surveyed.x(), 'f', 10 );
          lat = QString::number( surveyed.y(), 'f', 10 );
        }
        exec( mConn, "INSERT INTO limes.pillars (number, type, segment, geom, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author) "
              "VALUES ($1, NULLIF($2, ''), NULLIF($3, ''), ST_GeomFromWKB(decode($4, 'hex'), 4326), NULLIF($5, '')::float8, NULLIF($6, '')::float8, "
              "NULLIF($7, '')::float8, NULLIF($8, '')::date, $9)",
              { text( number ), text( type ), text( segment ), QString::fromLatin1( f.geometry().asWkb().toHex() ), lon, lat, text( accuracy ), text( date ), author }, where );
        ++imported;
      }
    } );
    return imported;
  }

  int PgWorkspace::rowVersion( const QString &versionName ) const
  {
    const Result r = exec( mConn, "SELECT row_version FROM limes.line_versions WHERE name = $1", { versionName }, mWhere );
    if ( PQntuples( r.get() ) == 0 )
      throw Error( QStringLiteral( "no version named '%1'" ).arg( versionName ), mWhere );
    return QString::fromUtf8( PQgetvalue( r.get(), 0, 0 ) ).toInt();
  }

  int PgWorkspace::setVersionNotes( const QString &name, const QString &notes, int readRowVersion )
  {
    const Result r = exec( mConn, "UPDATE limes.line_versions SET notes = $1 WHERE name = $2 AND row_version = $3::integer RETURNING row_version",
                           { notes, name, QString::number( readRowVersion ) }, mWhere );
    if ( PQntuples( r.get() ) == 0 )
    {
      const int now = rowVersion( name );
      throw Error( QStringLiteral( "conflict: version '%1' was changed by someone else since you read it (row version %2, now %3, or it is not yours to change); "
                                   "nothing was written: read it again and redo your change" ).arg( name ).arg( readRowVersion ).arg( now ), mWhere );
    }
    return QString::fromUtf8( PQgetvalue( r.get(), 0, 0 ) ).toInt();
  }

  void PgWorkspace::storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author )
  {
    exec( mConn, "INSERT INTO limes.change_results (old_version, new_version, summary, author) VALUES ($1, $2, $3::jsonb, $4)",
          { version( oldVersion ).name, version( newVersion ).name, QString::fromUtf8( summaryJson ), author }, mWhere );
  }

  void PgWorkspace::acceptFinding( const AcceptedException &x, const QString &author )
  {
    Workspace::checkAcceptedFinding( x, author, mWhere );
    exec( mConn, "INSERT INTO limes.validation_exceptions (rule, layer, fid, reason, author) VALUES ($1, $2, $3::bigint, $4, $5)",
          { x.rule, x.layer, QString::number( x.fid ), x.reason, author }, mWhere );
  }

  QList<AcceptedException> PgWorkspace::acceptedFindings() const
  {
    const Result r = exec( mConn, "SELECT rule, layer, fid, reason FROM limes.validation_exceptions ORDER BY id", {}, mWhere );
    QList<AcceptedException> list;
    for ( int i = 0; i < PQntuples( r.get() ); ++i )
      list << AcceptedException{ QString::fromUtf8( PQgetvalue( r.get(), i, 0 ) ), QString::fromUtf8( PQgetvalue( r.get(), i, 1 ) ),
                                 QString::fromUtf8( PQgetvalue( r.get(), i, 2 ) ).toLongLong(), QString::fromUtf8( PQgetvalue( r.get(), i, 3 ) ) };
    return list;
  }

  void PgWorkspace::exportTo( const QString &gpkgPath ) const
  {
    AtomicOutput out( gpkgPath );
    Workspace::create( out.temporaryPath() );
    {
      auto ws = Workspace::open( out.temporaryPath() );
      auto rows = [&]( const char *sql, const QStringList &params = {} ) { return exec( mConn, sql, params, mWhere ); };
      auto value = []( const Result &r, int row, int col ) { return QString::fromUtf8( PQgetvalue( r.get(), row, col ) ); };
      const Result parties = rows( "SELECT code, name, COALESCE(local_name, ''), COALESCE(colour, '') FROM limes.parties ORDER BY code" );
      for ( int i = 0; i < PQntuples( parties.get() ); ++i )
        ws->addParty( Party{ value( parties, i, 0 ), value( parties, i, 1 ), value( parties, i, 2 ), value( parties, i, 3 ) } );
      const Result segments = rows( "SELECT code, seq, COALESCE(chainage_from_m::text, ''), COALESCE(chainage_to_m::text, ''), COALESCE(from_point, ''), COALESCE(to_point, '') "
                                    "FROM limes.segments ORDER BY seq, code" );
      for ( int i = 0; i < PQntuples( segments.get() ); ++i )
      {
        Segment g{ value( segments, i, 0 ), value( segments, i, 1 ).toInt(), std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
                   value( segments, i, 4 ), value( segments, i, 5 ) };
        if ( !value( segments, i, 2 ).isEmpty() )
          g.chainageFrom = value( segments, i, 2 ).toDouble();
        if ( !value( segments, i, 3 ).isEmpty() )
          g.chainageTo = value( segments, i, 3 ).toDouble();
        ws->addSegment( g );
      }

      const Result versions = rows( "SELECT id, name, kind, COALESCE(source, ''), COALESCE(version_date::text, ''), COALESCE(notes, ''), "
                                    "COALESCE(left_party, ''), COALESCE(right_party, ''), author FROM limes.line_versions ORDER BY id" );
      for ( int i = 0; i < PQntuples( versions.get() ); ++i )
      {
        LineVersion v{ value( versions, i, 0 ).toLongLong(), value( versions, i, 1 ), value( versions, i, 2 ), value( versions, i, 3 ), QDate::fromString( value( versions, i, 4 ), Qt::ISODate ),
                       value( versions, i, 8 ), value( versions, i, 5 ), value( versions, i, 6 ), value( versions, i, 7 ), 0 };
        const auto lines = versionLayer( v );
        ws->importVersion( v, lines.get(), mWhere );
      }

      QgsVectorLayer pillars( QStringLiteral( "Point?crs=EPSG:4326&field=number:string&field=type:string&field=segment:string&field=surveyed_x:double"
                                              "&field=surveyed_y:double&field=survey_accuracy:double&field=survey_date:string" ), QStringLiteral( "pillars" ), QStringLiteral( "memory" ) );
      const Result pillarRows = rows( "SELECT number, type, segment, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date::text, encode(ST_AsBinary(geom), 'hex') FROM limes.pillars ORDER BY id" );
      QgsFeatureList pillarFeatures;
      for ( int i = 0; i < PQntuples( pillarRows.get() ); ++i )
      {
        QgsFeature f( pillars.fields() );
        QgsGeometry g;
        g.fromWkb( QByteArray::fromHex( value( pillarRows, i, 7 ).toLatin1() ) );
        f.setGeometry( g );
        for ( int c = 0; c < 7; ++c )
          f.setAttribute( c, PQgetisnull( pillarRows.get(), i, c ) ? QVariant() : QVariant( value( pillarRows, i, c ) ) );
        pillarFeatures << f;
      }
      pillars.dataProvider()->addFeatures( pillarFeatures );
      if ( !pillarFeatures.isEmpty() )
        ws->importPillars( &pillars, mWhere, PillarFields(), QStringLiteral( "export from %1" ).arg( mWhere ) );

      for ( const LedgerEntry &e : ledger() )
        ws->appendSealedEntry( e );
      const Result findings = rows( "SELECT rule, layer, fid, reason, author FROM limes.validation_exceptions ORDER BY id" );
      for ( int i = 0; i < PQntuples( findings.get() ); ++i )
        ws->acceptFinding( AcceptedException{ value( findings, i, 0 ), value( findings, i, 1 ), value( findings, i, 2 ).toLongLong(), value( findings, i, 3 ) }, value( findings, i, 4 ) );
      const Result changes = rows( "SELECT old_version, new_version, summary::text, author FROM limes.change_results ORDER BY id" );
      for ( int i = 0; i < PQntuples( changes.get() ); ++i )
        ws->storeChange( value( changes, i, 0 ), value( changes, i, 1 ), value( changes, i, 2 ).toUtf8(), value( changes, i, 3 ) );
      const VerifyReport check = ws->verify();
      if ( !check.clean() )
        throw Error( QStringLiteral( "the ledger does not verify: %1" ).arg( check.problems.first() ), mWhere );
    }
    out.commit();
  }

  bool PgWorkspace::isConnection( const QString &target )
  {
    return target.startsWith( QLatin1String( "postgresql://" ) ) || target.startsWith( QLatin1String( "postgres://" ) )
           || target.contains( QLatin1String( "service=" ) ) || target.contains( QLatin1String( "dbname=" ) ) || target.contains( QLatin1String( "host=" ) );
  }

  QString PgWorkspace::describe( const QString &conninfo )
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

  void PgWorkspace::create( const QString &conninfo, const QList<Party> &parties, const QList<Segment> &segments, int schema )
  {
    const QString where = describe( conninfo );
    Connection c = connect( conninfo );
    const Result existing = exec( c.get(), "SELECT 1 FROM pg_namespace WHERE nspname = 'limes'", {}, where );
    if ( PQntuples( existing.get() ) > 0 )
      throw Error( QStringLiteral( "already holds a Limes workspace (schema limes); a workspace is never overwritten" ), where );
    transaction( c.get(), where, [&] {
      migrate( c.get(), 0, schema, where );
      for ( const Party &p : parties )
        exec( c.get(), "SELECT limes.add_party($1, $2, NULLIF($3, ''), NULLIF($4, ''))", { p.code, p.name, p.localName, p.colour }, where );
      for ( const Segment &s : segments )
        exec( c.get(), schema >= 4 ? INSERT_SEGMENT : "INSERT INTO limes.segments (code, seq) VALUES ($1, $2::integer)",
              schema >= 4 ? segmentParams( s ) : QStringList{ s.code, QString::number( s.sequence ) }, where );
    } );
  }
}
