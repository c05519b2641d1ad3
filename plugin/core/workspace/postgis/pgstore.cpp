// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/postgis/pgstore.h"
#include "workspace/canonicaljson.h"
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
      // from schema 5 on, limes.meta and the ledger change only while migrating (the transaction's setting)
      c.exec( "SELECT set_config('limes.migration', 'on', true)" );
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
    //! Any number every writer of this database's ledger takes: they append one after the other.
    const char *const LOCK_LEDGER = "SELECT pg_advisory_xact_lock(7130125405)";
    //! Dates as ISO text whatever the server's DateStyle.
    const char *const LEDGER_SELECT = "SELECT id, kind, segment, protocol, to_char(meeting_date, 'YYYY-MM-DD'), place, decision, agreed_version, positions, signatories, "
                                      "attachments, supersedes::text, author, recorded_utc, previous_hash, hash, payload, signer_party, signer_key, signature, sealed "
                                      "FROM limes.ledger ORDER BY id";
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

  QString PgStore::loginParty() const
  {
    // a superuser is a member of every role, the administrator speaks for the secretariat
    const pg::Result r = mConn.exec( "SELECT CASE WHEN r.rolsuper OR pg_has_role(current_user, 'limes_admin', 'MEMBER') THEN NULL "
                                     "ELSE limes.my_party() END FROM pg_roles r WHERE r.rolname = current_user" );
    return r.rows() > 0 ? r.nullableText( 0, 0 ) : QString();
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
    const pg::Result r = mConn.exec( "SELECT id, name, kind, COALESCE(source, ''), COALESCE(to_char(version_date, 'YYYY-MM-DD'), ''), author, COALESCE(notes, ''), "
                                     "COALESCE(left_party, ''), COALESCE(right_party, ''), (SELECT count(*) FROM limes.version_lines l WHERE l.version_id = v.id), "
                                     "row_version, COALESCE(owner_party, ''), COALESCE(ledger_entry, -1), COALESCE(edges, '') FROM limes.line_versions v ORDER BY id" );
    QList<LineVersion> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << LineVersion{ r.text( i, 0 ).toLongLong(), r.text( i, 1 ), r.text( i, 2 ), r.text( i, 3 ), QDate::fromString( r.text( i, 4 ), Qt::ISODate ),
                           r.text( i, 5 ), r.text( i, 6 ), r.text( i, 7 ), r.text( i, 8 ), r.text( i, 9 ).toLongLong(), r.text( i, 10 ).toInt(), r.text( i, 11 ),
                           r.text( i, 12 ).toLongLong(), r.text( i, 13 ) };
    return list;
  }

  long long PgStore::insertVersion( const LineVersion &v )
  {
    // a claim belongs to the connected delegation unless the version names its owner; row-level security refuses another party's
    const pg::Result id = mConn.exec( "INSERT INTO limes.line_versions (name, kind, owner_party, source, version_date, notes, left_party, right_party, author, ledger_entry, edges) "
                                      "VALUES ($1, $2, CASE WHEN $2 = 'claim' THEN COALESCE(NULLIF($3, ''), limes.my_party()) ELSE NULLIF($3, '') END, "
                                      "NULLIF($4, ''), NULLIF($5, '')::date, NULLIF($6, ''), $7, $8, $9, $10::bigint, NULLIF($11, '')) RETURNING id",
                                      { v.name, v.kind, v.ownerParty, v.source, v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString(), v.notes, v.leftParty, v.rightParty, v.author,
                                        v.ledgerEntry >= 1 ? QString::number( v.ledgerEntry ) : QString(), v.edges } );
    return id.text( 0, 0 ).toLongLong();
  }

  void PgStore::insertVersionLine( long long versionId, const VersionLine &line )
  {
    mConn.exec( "INSERT INTO limes.version_lines (version_id, segment, part, geom) VALUES ($1::bigint, NULLIF($2, ''), $3::integer, ST_GeomFromWKB(decode($4, 'hex'), 4326))",
                { QString::number( versionId ), line.segment, QString::number( line.part ), QString::fromLatin1( line.wkb.toHex() ) } );
  }

  QList<VersionLine> PgStore::versionLines( long long versionId ) const
  {
    const pg::Result r = mConn.exec( "SELECT COALESCE(segment, ''), part, encode(ST_AsBinary(geom), 'hex') FROM limes.version_lines WHERE version_id = $1::bigint ORDER BY id",
                                     { QString::number( versionId ) } );
    QList<VersionLine> lines;
    for ( int k = 0; k < r.rows(); ++k )
      lines << VersionLine{ r.text( k, 0 ), r.text( k, 1 ).toInt(), QByteArray::fromHex( r.text( k, 2 ).toLatin1() ) };
    return lines;
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

  QList<Pillar> PgStore::pillarRows() const
  {
    const pg::Result r = mConn.exec( "SELECT number, COALESCE(type, ''), COALESCE(segment, ''), ST_X(geom), ST_Y(geom), surveyed_lon, surveyed_lat, survey_accuracy_m, "
                                     "COALESCE(to_char(survey_date, 'YYYY-MM-DD'), ''), author, COALESCE(ledger_entry, -1), id FROM limes.pillars ORDER BY id" );
    QList<Pillar> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << Pillar{ r.text( i, 0 ), r.text( i, 1 ), r.text( i, 2 ), numberAt( r, i, 3 ), numberAt( r, i, 4 ), numberAt( r, i, 5 ), numberAt( r, i, 6 ),
                      numberAt( r, i, 7 ), r.text( i, 8 ), r.text( i, 9 ), r.text( i, 10 ).toLongLong(), r.text( i, 11 ).toLongLong() };
    return list;
  }

  long long PgStore::pillarCount() const
  {
    return mConn.exec( "SELECT count(*) FROM limes.pillars" ).text( 0, 0 ).toLongLong();
  }

  void PgStore::insertPillar( const Pillar &p )
  {
    mConn.exec( "INSERT INTO limes.pillars (number, type, segment, geom, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author, ledger_entry) "
                "VALUES ($1, NULLIF($2, ''), NULLIF($3, ''), ST_SetSRID(ST_MakePoint($4::float8, $5::float8), 4326), NULLIF($6, '')::float8, NULLIF($7, '')::float8, "
                "NULLIF($8, '')::float8, NULLIF($9, '')::date, $10, $11::bigint)",
                { p.number, p.type, p.segment, number( p.lon ), number( p.lat ), number( p.surveyedLon ), number( p.surveyedLat ), number( p.surveyAccuracy ),
                  p.surveyDate, p.author, p.ledgerEntry >= 1 ? QString::number( p.ledgerEntry ) : QString() } );
  }

  QList<ledger::Row> PgStore::ledgerRows() const
  {
    const pg::Result r = mConn.exec( LEDGER_SELECT );
    QList<ledger::Row> rows;
    for ( int i = 0; i < r.rows(); ++i )
    {
      ledger::Row row;
      row.id = r.text( i, 0 ).toLongLong();
      QString *columns[] = { &row.kind, &row.segment, &row.protocol, &row.meetingDate, &row.place, &row.decision, &row.agreedVersion, &row.positions, &row.signatories,
                             &row.attachments, &row.supersedes, &row.author, &row.recordedUtc, &row.previousHash, &row.hash, &row.payload, &row.signerParty,
                             &row.signerKey, &row.signature, &row.sealed };
      for ( int c = 0; c < 20; ++c )
        *columns[c] = r.nullableText( i, c + 1 );
      rows << row;
    }
    return rows;
  }

  LedgerHead PgStore::ledgerHead( bool lock ) const
  {
    // a second writer waits for the lock, then chains after us
    if ( lock )
      mConn.exec( LOCK_LEDGER );
    const pg::Result r = mConn.exec( "SELECT (SELECT value FROM limes.meta WHERE key = 'ledger_entries'), COALESCE(MAX(id), 0) + 1, "
                                     "(SELECT value FROM limes.meta WHERE key = 'ledger_head') FROM limes.ledger" );
    return LedgerHead{ r.text( 0, 0 ).toLongLong(), r.text( 0, 1 ).toLongLong(), r.text( 0, 2 ) };
  }

  void PgStore::insertLedgerRow( const ledger::Row &r )
  {
    mConn.exec( "INSERT INTO limes.ledger (id, kind, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments, supersedes, "
                "author, recorded_utc, previous_hash, hash, payload, signer_party, signer_key, signature, sealed) VALUES ($1::bigint, $2, $3, $4, $5::date, $6, $7, $8, "
                "$9, $10, $11, $12::bigint, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
                { QString::number( r.id ), r.kind, r.segment, r.protocol, r.meetingDate, r.place, r.decision, r.agreedVersion, r.positions, r.signatories,
                  r.attachments, r.supersedes, r.author, r.recordedUtc, r.previousHash, r.hash, r.payload, r.signerParty, r.signerKey, r.signature, r.sealed } );
  }

  QMap<QString, long long> PgStore::legacyIds() const
  {
    const pg::Result r = mConn.exec( "SELECT value FROM limes.meta WHERE key = 'legacy_ids'" );
    QMap<QString, long long> ids;
    QJsonObject o;
    if ( r.rows() > 0 && canonicaljson::parseObject( r.text( 0, 0 ), &o ) )
      for ( auto it = o.begin(); it != o.end(); ++it )
        ids.insert( it.key(), static_cast<long long>( it.value().toDouble() ) );
    return ids;
  }

  void PgStore::setLegacyIds( const QMap<QString, long long> & )
  {
    throw Error( QStringLiteral( "a shared workspace keeps what its migration recorded" ), describe() );
  }

  QList<AcceptedFinding> PgStore::acceptedFindings() const
  {
    const pg::Result r = mConn.exec( "SELECT rule, layer, fid, reason, author, COALESCE(ledger_entry, -1), id FROM limes.validation_exceptions ORDER BY id" );
    QList<AcceptedFinding> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << AcceptedFinding{ r.text( i, 0 ), r.text( i, 1 ), r.text( i, 2 ).toLongLong(), r.text( i, 3 ), r.text( i, 4 ), r.text( i, 5 ).toLongLong(),
                               r.text( i, 6 ).toLongLong() };
    return list;
  }

  void PgStore::insertFinding( const AcceptedFinding &x )
  {
    mConn.exec( "INSERT INTO limes.validation_exceptions (rule, layer, fid, reason, author, ledger_entry) VALUES ($1, $2, $3::bigint, $4, $5, $6::bigint)",
                { x.rule, x.layer, QString::number( x.fid ), x.reason, x.author, x.ledgerEntry >= 1 ? QString::number( x.ledgerEntry ) : QString() } );
  }

  QList<StoredChange> PgStore::storedChanges() const
  {
    // text since schema 5: the summary's bytes as given (jsonb would have respaced it)
    const pg::Result r = mConn.exec( QStringLiteral( "SELECT id, old_version, new_version, to_char(recorded AT TIME ZONE 'UTC', %1), author, summary, COALESCE(ledger_entry, -1) "
                                                     "FROM limes.change_results ORDER BY id" ).arg( QLatin1String( UTC_TEXT ) ).toUtf8().constData() );
    QList<StoredChange> list;
    for ( int i = 0; i < r.rows(); ++i )
      list << StoredChange{ r.text( i, 0 ).toLongLong(), r.text( i, 1 ), r.text( i, 2 ), r.text( i, 3 ), r.text( i, 4 ), r.bytes( i, 5 ), r.text( i, 6 ).toLongLong() };
    return list;
  }

  StoredChange PgStore::insertChange( const StoredChange &change )
  {
    const pg::Result r = mConn.exec( QStringLiteral( "INSERT INTO limes.change_results (old_version, new_version, summary, author, ledger_entry) VALUES ($1, $2, $3, $4, $5::bigint) "
                                                     "RETURNING id, to_char(recorded AT TIME ZONE 'UTC', %1)" ).arg( QLatin1String( UTC_TEXT ) ).toUtf8().constData(),
                                     { change.oldVersion, change.newVersion, QString::fromUtf8( change.summaryJson ), change.author,
                                       change.ledgerEntry >= 1 ? QString::number( change.ledgerEntry ) : QString() } );
    StoredChange c = change;
    c.id = r.text( 0, 0 ).toLongLong();
    c.recordedUtc = r.text( 0, 1 );
    return c;
  }
}
