// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/postgis/pgstore.h"
#include "workspace/importsource.h"
#include "workspace/ledger.h"
#include "error.h"

#include <QFile>

#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <cmath>
#include <limits>

static void initLimesSql()
{
  Q_INIT_RESOURCE( workspacesql );
}

namespace limes
{
  namespace
  {
    //! Doubles as exact text for a float8 parameter; NaN is '' (NULLIF makes it NULL).
    QString number( double v )
    {
      return std::isfinite( v ) ? QString::number( v, 'g', 17 ) : QString();
    }

    double numberAt( const pg::Result &r, int row, int column )
    {
      return r.isNull( row, column ) ? std::numeric_limits<double>::quiet_NaN() : r.text( row, column ).toDouble();
    }

    //! Runs schema steps from+1 .. to (plugin/core/sql/workspace-postgis-N.sql); the caller holds the transaction.
    void migrate( const pg::Connection &c, int from, int to )
    {
      initLimesSql();
      for ( int step = from + 1; step <= to; ++step )
      {
        QFile file( QStringLiteral( ":/limes/sql/workspace-postgis-%1.sql" ).arg( step ) );
        if ( !file.open( QIODevice::ReadOnly ) )
          throw Error( QStringLiteral( "schema step %1 is missing from this build" ).arg( step ), c.where() );
        c.script( file.readAll(), QStringLiteral( "cannot install schema %1" ).arg( step ) );
      }
    }

    const char *const INSERT_PARTY = "SELECT limes.add_party($1, $2, NULLIF($3, ''), NULLIF($4, ''))";
    const char *const INSERT_SEGMENT = "INSERT INTO limes.segments (code, seq, chainage_from_m, chainage_to_m, from_point, to_point) "
                                       "VALUES ($1, $2::integer, NULLIF($3, '')::float8, NULLIF($4, '')::float8, NULLIF($5, ''), NULLIF($6, ''))";
    const char *const UTC_TEXT = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";
  }

  PgStore::PgStore( pg::Connection connection, const QgsCoordinateTransformContext &context )
    : WorkspaceStore( context )
    , mConn( std::move( connection ) )
  {}

  bool PgStore::isConnection( const QString &target )
  {
    return pg::isConnection( target );
  }

  QString PgStore::describeConnection( const QString &conninfo )
  {
    return pg::describe( conninfo );
  }

  void PgStore::create( const QString &conninfo, const QList<Party> &parties, const QList<Segment> &segments, int schema )
  {
    const pg::Connection c = pg::Connection::open( conninfo );
    if ( c.exec( "SELECT 1 FROM pg_namespace WHERE nspname = 'limes'" ).rows() > 0 )
      throw Error( QStringLiteral( "already holds a Limes workspace (schema limes); a workspace is never overwritten" ), c.where() );
    c.transaction( [&] {
      migrate( c, 0, schema );
      for ( const Party &p : parties )
        c.exec( INSERT_PARTY, { p.code, p.name, p.localName, p.colour } );
      for ( const Segment &s : segments )
      {
        if ( schema >= 4 )
          c.exec( INSERT_SEGMENT, { s.code, QString::number( s.sequence ), number( s.chainageFrom ), number( s.chainageTo ), s.fromPoint, s.toPoint } );
        else
          c.exec( "INSERT INTO limes.segments (code, seq) VALUES ($1, $2::integer)", { s.code, QString::number( s.sequence ) } );
      }
      pauseInitForTest();
    } );
  }

  std::unique_ptr<PgStore> PgStore::open( const QString &conninfo, const QgsCoordinateTransformContext &context )
  {
    std::unique_ptr<PgStore> ws( new PgStore( pg::Connection::open( conninfo ), context ) );
    const pg::Connection &c = ws->mConn;
    if ( c.exec( "SELECT 1 FROM pg_namespace WHERE nspname = 'limes'" ).rows() == 0 )
      throw Error( QStringLiteral( "not a Limes workspace (no schema limes)" ), c.where() );
    const int v = ws->schemaVersion();
    if ( v > SCHEMA_VERSION )
      throw Error( QStringLiteral( "written by a newer Limes (schema %1; this Limes knows %2): upgrade Limes" ).arg( v ).arg( SCHEMA_VERSION ), c.where() );
    if ( v < SCHEMA_VERSION )
    {
      // every step in one transaction: a failed migration leaves the old schema as it was
      try
      {
        c.transaction( [&] { migrate( c, v, SCHEMA_VERSION ); } );
      }
      catch ( const Error &e )
      {
        throw Error( QStringLiteral( "this workspace (schema %1) needs migrating to schema %2, which failed (%3): connect as its owner or administrator" )
                     .arg( v ).arg( SCHEMA_VERSION ).arg( e.problem() ), c.where() );
      }
    }
    return ws;
  }

  QString PgStore::title() const
  {
    return QStringLiteral( "Workspace in %1" ).arg( describe() );
  }

  int PgStore::schemaVersion() const
  {
    return mConn.exec( "SELECT value::integer FROM limes.meta WHERE key = 'schema_version'" ).text( 0, 0 ).toInt();
  }

  WorkspaceStore::Capabilities PgStore::capabilities() const
  {
    return Capability::PartyRoles | Capability::RowVersions | Capability::ClaimOwners | Capability::Snapshot;
  }

  void PgStore::transaction( const std::function<void()> &work )
  {
    mConn.transaction( work );
  }

  void PgStore::readSnapshot( const std::function<void()> &work ) const
  {
    mConn.transaction( work, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" );
  }

  QList<Party> PgStore::parties() const
  {
    const pg::Result r = mConn.exec( "SELECT code, name, COALESCE(local_name, ''), COALESCE(colour, '') FROM limes.parties ORDER BY code" );
    QList<Party> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << Party{ r.text( i, 0 ), r.text( i, 1 ), r.text( i, 2 ), r.text( i, 3 ) };
    return list;
  }

  QString PgStore::partyRole( const QString &code ) const
  {
    const pg::Result r = mConn.exec( "SELECT role FROM limes.parties WHERE code = $1", { code } );
    return r.rows() > 0 ? r.text( 0, 0 ) : QString();
  }

  void PgStore::insertParty( const Party &p )
  {
    mConn.exec( INSERT_PARTY, { p.code, p.name, p.localName, p.colour } );
  }

  QList<Segment> PgStore::segments() const
  {
    const pg::Result r = mConn.exec( "SELECT code, seq, chainage_from_m, chainage_to_m, COALESCE(from_point, ''), COALESCE(to_point, '') FROM limes.segments ORDER BY seq, code" );
    QList<Segment> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << Segment{ r.text( i, 0 ), r.text( i, 1 ).toInt(), numberAt( r, i, 2 ), numberAt( r, i, 3 ), r.text( i, 4 ), r.text( i, 5 ) };
    return list;
  }

  void PgStore::insertSegment( const Segment &s )
  {
    mConn.exec( INSERT_SEGMENT, { s.code, QString::number( s.sequence ), number( s.chainageFrom ), number( s.chainageTo ), s.fromPoint, s.toPoint } );
  }

  QList<LineVersion> PgStore::versions() const
  {
    const pg::Result r = mConn.exec( "SELECT id, name, kind, COALESCE(source, ''), COALESCE(version_date::text, ''), author, COALESCE(notes, ''), "
                                     "COALESCE(left_party, ''), COALESCE(right_party, ''), (SELECT count(*) FROM limes.version_lines l WHERE l.version_id = v.id), "
                                     "row_version, COALESCE(owner_party, '') FROM limes.line_versions v ORDER BY id" );
    QList<LineVersion> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << LineVersion{ r.text( i, 0 ).toLongLong(), r.text( i, 1 ), r.text( i, 2 ), r.text( i, 3 ), QDate::fromString( r.text( i, 4 ), Qt::ISODate ),
                           r.text( i, 5 ), r.text( i, 6 ), r.text( i, 7 ), r.text( i, 8 ), r.text( i, 9 ).toLongLong(), r.text( i, 10 ).toInt(), r.text( i, 11 ) };
    return list;
  }

  long long PgStore::insertVersion( const LineVersion &v )
  {
    // a claim belongs to the connected delegation unless the version names its owner; row-level security refuses another party's
    const pg::Result id = mConn.exec( "INSERT INTO limes.line_versions (name, kind, owner_party, source, version_date, notes, left_party, right_party, author) "
                                      "VALUES ($1, $2, CASE WHEN $2 = 'claim' THEN COALESCE(NULLIF($3, ''), limes.my_party()) ELSE NULLIF($3, '') END, "
                                      "NULLIF($4, ''), NULLIF($5, '')::date, NULLIF($6, ''), $7, $8, $9) RETURNING id",
                                      { v.name, v.kind, v.ownerParty, v.source, v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString(), v.notes, v.leftParty, v.rightParty, v.author } );
    return id.text( 0, 0 ).toLongLong();
  }

  void PgStore::insertVersionLine( long long versionId, const VersionLine &line )
  {
    mConn.exec( "INSERT INTO limes.version_lines (version_id, segment, part, geom) VALUES ($1::bigint, NULLIF($2, ''), $3::integer, ST_GeomFromWKB(decode($4, 'hex'), 4326))",
                { QString::number( versionId ), line.segment, QString::number( line.part ), QString::fromLatin1( line.wkb.toHex() ) } );
  }

  VersionLayer PgStore::versionLayer( const LineVersion &v ) const
  {
    auto lines = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326&field=segment:string" ), v.name, QStringLiteral( "memory" ) );
    // row id order is the order of the import (see VersionLine::part)
    const pg::Result r = mConn.exec( "SELECT COALESCE(segment, ''), encode(ST_AsBinary(geom), 'hex') FROM limes.version_lines WHERE version_id = $1::bigint ORDER BY id",
                                     { QString::number( v.id ) } );
    QgsFeatureList features;
    for ( int k = 0; k < r.rows(); ++k )
    {
      QgsFeature f( lines->fields() );
      QgsGeometry g;
      g.fromWkb( QByteArray::fromHex( r.text( k, 1 ).toLatin1() ) );
      f.setGeometry( g );
      const QString segment = r.text( k, 0 );
      f.setAttribute( 0, segment.isEmpty() ? QVariant() : QVariant( segment ) );
      features << f;
    }
    lines->dataProvider()->addFeatures( features );
    lines->updateExtents();
    return VersionLayer{ std::move( lines ), QStringLiteral( "%1 version %2" ).arg( describe(), v.name ), QString() };
  }

  int PgStore::rowVersion( const QString &versionName ) const
  {
    const pg::Result r = mConn.exec( "SELECT row_version FROM limes.line_versions WHERE name = $1", { versionName } );
    if ( r.rows() == 0 )
      throw Error( QStringLiteral( "no version named '%1'" ).arg( versionName ), describe() );
    return r.text( 0, 0 ).toInt();
  }

  int PgStore::setVersionNotes( const QString &name, const QString &notes, int readRowVersion )
  {
    const pg::Result r = mConn.exec( "UPDATE limes.line_versions SET notes = $1 WHERE name = $2 AND row_version = $3::integer RETURNING row_version",
                                     { notes, name, QString::number( readRowVersion ) } );
    if ( r.rows() == 0 )
    {
      const int now = rowVersion( name );
      throw Error( QStringLiteral( "conflict: version '%1' was changed by someone else since you read it (row version %2, now %3, or it is not yours to change); "
                                   "nothing was written: read it again and redo your change" ).arg( name ).arg( readRowVersion ).arg( now ), describe() );
    }
    return r.text( 0, 0 ).toInt();
  }

  QList<Pillar> PgStore::pillars() const
  {
    const pg::Result r = mConn.exec( "SELECT number, COALESCE(type, ''), COALESCE(segment, ''), ST_X(geom), ST_Y(geom), surveyed_lon, surveyed_lat, survey_accuracy_m, "
                                     "COALESCE(survey_date::text, ''), author FROM limes.pillars ORDER BY id" );
    QList<Pillar> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << Pillar{ r.text( i, 0 ), r.text( i, 1 ), r.text( i, 2 ), numberAt( r, i, 3 ), numberAt( r, i, 4 ), numberAt( r, i, 5 ), numberAt( r, i, 6 ),
                      numberAt( r, i, 7 ), r.text( i, 8 ), r.text( i, 9 ) };
    return list;
  }

  long long PgStore::pillarCount() const
  {
    return mConn.exec( "SELECT count(*) FROM limes.pillars" ).text( 0, 0 ).toLongLong();
  }

  void PgStore::insertPillar( const Pillar &p )
  {
    mConn.exec( "INSERT INTO limes.pillars (number, type, segment, geom, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author) "
                "VALUES ($1, NULLIF($2, ''), NULLIF($3, ''), ST_SetSRID(ST_MakePoint($4::float8, $5::float8), 4326), NULLIF($6, '')::float8, NULLIF($7, '')::float8, "
                "NULLIF($8, '')::float8, NULLIF($9, '')::date, $10)",
                { p.number, p.type, p.segment, number( p.lon ), number( p.lat ), number( p.surveyedLon ), number( p.surveyedLat ), number( p.surveyAccuracy ),
                  p.surveyDate, p.author } );
  }

  QList<LedgerEntry> PgStore::ledger( const QString &segment ) const
  {
    const pg::Result r = mConn.exec( "SELECT id, segment, protocol, meeting_date::text, COALESCE(place, ''), decision, COALESCE(agreed_version, ''), positions::text, "
                                     "signatories::text, attachments::text, COALESCE(supersedes, -1), author, recorded_utc, previous_hash, hash "
                                     "FROM limes.ledger WHERE $1 = '' OR segment = $1 ORDER BY id", { segment } );
    QList<LedgerEntry> list;
    for ( int i = 0; i < r.rows(); ++i )
    {
      LedgerEntry e;
      e.id = r.text( i, 0 ).toLongLong();
      e.input.segment = r.text( i, 1 );
      e.input.protocol = r.text( i, 2 );
      e.input.meetingDate = QDate::fromString( r.text( i, 3 ), Qt::ISODate );
      e.input.place = r.text( i, 4 );
      e.input.decision = r.text( i, 5 );
      e.input.agreedVersion = r.text( i, 6 );
      ledger::readJson( e, r.text( i, 7 ), r.text( i, 8 ), r.text( i, 9 ) );
      e.input.supersedes = r.text( i, 10 ).toLongLong();
      e.input.author = r.text( i, 11 );
      e.recordedUtc = r.text( i, 12 );
      e.previousHash = r.text( i, 13 );
      e.hash = r.text( i, 14 );
      list << e;
    }
    return list;
  }

  LedgerHead PgStore::ledgerHead( bool lock ) const
  {
    // the head row stays locked until the transaction ends: a second writer waits, then chains after us
    const pg::Result head = mConn.exec( lock ? "SELECT value FROM limes.meta WHERE key = 'ledger_head' FOR UPDATE" : "SELECT value FROM limes.meta WHERE key = 'ledger_head'" );
    const pg::Result rest = mConn.exec( "SELECT (SELECT value FROM limes.meta WHERE key = 'ledger_entries'), COALESCE(MAX(id), 0) + 1 FROM limes.ledger" );
    return LedgerHead{ rest.text( 0, 0 ).toLongLong(), rest.text( 0, 1 ).toLongLong(), head.text( 0, 0 ) };
  }

  QString PgStore::ledgerSegmentOf( long long id ) const
  {
    const pg::Result r = mConn.exec( "SELECT segment FROM limes.ledger WHERE id = $1::bigint", { QString::number( id ) } );
    return r.rows() > 0 ? r.text( 0, 0 ) : QString();
  }

  void PgStore::insertLedgerEntry( const LedgerEntry &e )
  {
    mConn.exec( "INSERT INTO limes.ledger VALUES ($1::bigint, $2, $3, $4::date, NULLIF($5, ''), $6, NULLIF($7, ''), $8::jsonb, $9::jsonb, $10::jsonb, "
                "NULLIF($11, '')::bigint, $12, $13, $14, $15)",
                { QString::number( e.id ), e.input.segment, e.input.protocol, e.input.meetingDate.toString( Qt::ISODate ), e.input.place, e.input.decision, e.input.agreedVersion,
                  ledger::jsonOf( e.input.positions ), ledger::jsonOf( e.input.signatories ), ledger::jsonOf( e.attachmentHashes ),
                  e.input.supersedes >= 0 ? QString::number( e.input.supersedes ) : QString(), e.input.author, e.recordedUtc, e.previousHash, e.hash } );
    mConn.exec( "UPDATE limes.meta SET value = $1 WHERE key = 'ledger_head'", { e.hash } );
    mConn.exec( "UPDATE limes.meta SET value = $1 WHERE key = 'ledger_entries'", { QString::number( e.id ) } );
  }

  QList<AcceptedFinding> PgStore::acceptedFindings() const
  {
    const pg::Result r = mConn.exec( "SELECT rule, layer, fid, reason, author FROM limes.validation_exceptions ORDER BY id" );
    QList<AcceptedFinding> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << AcceptedFinding{ r.text( i, 0 ), r.text( i, 1 ), r.text( i, 2 ).toLongLong(), r.text( i, 3 ), r.text( i, 4 ) };
    return list;
  }

  void PgStore::insertFinding( const AcceptedFinding &x )
  {
    mConn.exec( "INSERT INTO limes.validation_exceptions (rule, layer, fid, reason, author) VALUES ($1, $2, $3::bigint, $4, $5)",
                { x.rule, x.layer, QString::number( x.fid ), x.reason, x.author } );
  }

  QList<StoredChange> PgStore::storedChanges() const
  {
    // jsonb gives the summary back as the same JSON value, spaced its own way
    const pg::Result r = mConn.exec( QStringLiteral( "SELECT id, old_version, new_version, to_char(recorded AT TIME ZONE 'UTC', %1), author, summary::text "
                                                     "FROM limes.change_results ORDER BY id" ).arg( QLatin1String( UTC_TEXT ) ).toUtf8().constData() );
    QList<StoredChange> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << StoredChange{ r.text( i, 0 ).toLongLong(), r.text( i, 1 ), r.text( i, 2 ), r.text( i, 3 ), r.text( i, 4 ), r.text( i, 5 ).toUtf8() };
    return list;
  }

  StoredChange PgStore::insertChange( const StoredChange &change )
  {
    const pg::Result r = mConn.exec( QStringLiteral( "INSERT INTO limes.change_results (old_version, new_version, summary, author) VALUES ($1, $2, $3::jsonb, $4) "
                                                     "RETURNING id, to_char(recorded AT TIME ZONE 'UTC', %1)" ).arg( QLatin1String( UTC_TEXT ) ).toUtf8().constData(),
                                     { change.oldVersion, change.newVersion, QString::fromUtf8( change.summaryJson ), change.author } );
    StoredChange c = change;
    c.id = r.text( 0, 0 ).toLongLong();
    c.recordedUtc = r.text( 0, 1 );
    return c;
  }
}
