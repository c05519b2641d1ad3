// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/gpkg/gpkgstore.h"
#include "workspace/gpkg/gpkgschema.h"
#include "workspace/importsource.h"
#include "workspace/ledger.h"
#include "error.h"
#include "layersource.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <gdal.h>

namespace limes
{
  namespace
  {
    //! GeoPackage binary geometry: "GP", version 0, flags (little endian, no envelope), srs id, WKB.
    QByteArray gpkgBlob( const QByteArray &wkb )
    {
      QByteArray blob( "GP\x00\x01", 4 );
      const qint32 srs = qToLittleEndian<qint32>( 4326 );
      blob.append( reinterpret_cast<const char *>( &srs ), 4 );
      blob.append( wkb );
      return blob;
    }

    //! The WKB in a GeoPackage geometry, whatever envelope QGIS or GDAL gave it.
    QgsGeometry fromGpkgBlob( const QByteArray &blob )
    {
      if ( blob.size() < 8 || !blob.startsWith( "GP" ) )
        return QgsGeometry();
      static const int envelopeSize[] = { 0, 32, 48, 48, 64, 0, 0, 0 };
      QgsGeometry g;
      g.fromWkb( blob.mid( 8 + envelopeSize[( static_cast<unsigned char>( blob.at( 3 ) ) >> 1 ) & 0x07] ) );
      return g;
    }

    QString nowUtc()
    {
      return QDateTime::currentDateTimeUtc().toString( Qt::ISODate );
    }
  }

  GpkgStore::GpkgStore( SqliteDb db, const QgsCoordinateTransformContext &context )
    : WorkspaceStore( context )
    , mDb( std::move( db ) )
  {}

  void GpkgStore::create( const QString &path, const QList<Party> &parties, const QList<Segment> &segments )
  {
    if ( QFileInfo::exists( path ) )
      throw Error( QStringLiteral( "already exists; a workspace is never overwritten" ), path );
    if ( !QFileInfo( path ).absoluteDir().exists() )
      throw Error( QStringLiteral( "directory does not exist" ), QFileInfo( path ).absolutePath() );
    // GDAL lays down the GeoPackage itself (gpkg_contents, spatial reference systems...)
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName( "GPKG" );
    GDALDatasetH ds = driver ? GDALCreate( driver, QFile::encodeName( path ).constData(), 0, 0, 0, GDT_Unknown, nullptr ) : nullptr;
    if ( !ds )
      throw Error( QStringLiteral( "cannot create a GeoPackage: %1" ).arg( QString::fromUtf8( CPLGetLastErrorMsg() ) ), path );
    GDALClose( ds );
    try
    {
      GpkgStore ws{ SqliteDb( path ), QgsCoordinateTransformContext() };
      ws.transaction( [&] {
        installGpkgSchema( ws.mDb );
        for ( const Party &p : parties )
          ws.insertParty( p );
        for ( const Segment &s : segments )
          ws.insertSegment( s );
      } );
      saveGpkgDefaultStyles( ws.mDb );
    }
    catch ( ... )
    {
      QFile::remove( path ); // a half-made workspace is no workspace
      throw;
    }
  }

  std::unique_ptr<GpkgStore> GpkgStore::open( const QString &path, const QgsCoordinateTransformContext &context )
  {
    if ( !QFileInfo::exists( path ) )
      throw Error( QStringLiteral( "no such file" ), path );
    std::unique_ptr<GpkgStore> ws( new GpkgStore( SqliteDb( path ), context ) );
    int version = 0;
    try
    {
      version = ws->schemaVersion();
    }
    catch ( const Error & )
    {
      throw Error( QStringLiteral( "not a Limes workspace (no limes_meta table)" ), path );
    }
    if ( version > SCHEMA_VERSION )
      throw Error( QStringLiteral( "written by a newer Limes (schema %1; this Limes knows %2): upgrade Limes" ).arg( version ).arg( SCHEMA_VERSION ), path );
    if ( version < SCHEMA_VERSION )
    {
      // a copy first, then the whole migration in one transaction
      const QString backup = QStringLiteral( "%1.schema%2-backup-%3.gpkg" ).arg( path ).arg( version ).arg( QDateTime::currentDateTimeUtc().toString( QStringLiteral( "yyyyMMddThhmmss" ) ) );
      Statement( ws->mDb, QStringLiteral( "VACUUM INTO ?" ) ).bind( 1, backup ).next();
      ws->transaction( [&] { migrateGpkgSchema( ws->mDb, version ); } );
    }
    return ws;
  }

  QString GpkgStore::title() const
  {
    return QStringLiteral( "Workspace %1 (schema %2)" ).arg( path() ).arg( schemaVersion() );
  }

  int GpkgStore::schemaVersion() const
  {
    Statement s( mDb, QStringLiteral( "SELECT value FROM limes_meta WHERE key = 'schema_version'" ) );
    if ( !s.next() )
      throw Error( QStringLiteral( "no schema version" ), path() );
    return s.text( 0 ).toInt();
  }

  void GpkgStore::transaction( const std::function<void()> &work )
  {
    mDb.transaction( work );
  }

  void GpkgStore::readSnapshot( const std::function<void()> &work ) const
  {
    mDb.readTransaction( work );
  }

  QList<Party> GpkgStore::parties() const
  {
    QList<Party> list;
    Statement s( mDb, QStringLiteral( "SELECT code, name, local_name, colour FROM parties ORDER BY code" ) );
    while ( s.next() )
      list << Party{ s.text( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ) };
    return list;
  }

  void GpkgStore::insertParty( const Party &p )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO parties VALUES (?, ?, ?, ?)" ) ).bind( 1, p.code ).bind( 2, p.name ).bind( 3, p.localName ).bind( 4, p.colour ).next();
  }

  QList<Segment> GpkgStore::segments() const
  {
    QList<Segment> list;
    Statement s( mDb, QStringLiteral( "SELECT code, seq, chainage_from_m, chainage_to_m, from_point, to_point FROM segments ORDER BY seq, code" ) );
    while ( s.next() )
      list << Segment{ s.text( 0 ), static_cast<int>( s.integer( 1 ) ), s.real( 2 ), s.real( 3 ), s.text( 4 ), s.text( 5 ) };
    return list;
  }

  void GpkgStore::insertSegment( const Segment &s )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO segments (code, seq, chainage_from_m, chainage_to_m, from_point, to_point) VALUES (?, ?, ?, ?, ?, ?)" ) )
      .bind( 1, s.code ).bind( 2, static_cast<long long>( s.sequence ) ).bindDouble( 3, s.chainageFrom ).bindDouble( 4, s.chainageTo )
      .bind( 5, s.fromPoint.isEmpty() ? QString() : s.fromPoint ).bind( 6, s.toPoint.isEmpty() ? QString() : s.toPoint ).next();
  }

  QList<LineVersion> GpkgStore::versions() const
  {
    QList<LineVersion> list;
    Statement s( mDb, QStringLiteral( "SELECT id, name, kind, source, version_date, author, notes, left_party, right_party, "
                                      "(SELECT COUNT(*) FROM version_lines WHERE version_id = line_versions.id) FROM line_versions ORDER BY id" ) );
    while ( s.next() )
      list << LineVersion{ s.integer( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ), QDate::fromString( s.text( 4 ), Qt::ISODate ), s.text( 5 ), s.text( 6 ),
                           s.text( 7 ), s.text( 8 ), s.integer( 9 ), 0, QString() };
    return list;
  }

  long long GpkgStore::insertVersion( const LineVersion &v )
  {
    // a GeoPackage has no delegations: ownerParty is not kept
    Statement( mDb, QStringLiteral( "INSERT INTO line_versions (name, kind, source, version_date, author, notes, left_party, right_party, recorded_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" ) )
      .bind( 1, v.name ).bind( 2, v.kind ).bind( 3, v.source ).bind( 4, v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString() ).bind( 5, v.author )
      .bind( 6, v.notes ).bind( 7, v.leftParty ).bind( 8, v.rightParty ).bind( 9, nowUtc() ).next();
    return mDb.lastInsertId();
  }

  void GpkgStore::insertVersionLine( long long versionId, const VersionLine &line )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO version_lines (geom, version_id, segment, part) VALUES (?, ?, ?, ?)" ) )
      .bindBlob( 1, gpkgBlob( line.wkb ) ).bind( 2, versionId ).bind( 3, line.segment.isEmpty() ? QString() : line.segment ).bind( 4, static_cast<long long>( line.part ) ).next();
  }

  VersionLayer GpkgStore::versionLayer( const LineVersion &v ) const
  {
    // OGR reads a feature table in fid order: the order of the import
    const QString uri = QStringLiteral( "%1|layername=version_lines|subset=version_id = %2" ).arg( path() ).arg( v.id );
    return VersionLayer{ LayerSource( uri ).open(), uri, path() };
  }

  QList<Pillar> GpkgStore::pillars() const
  {
    QList<Pillar> list;
    Statement s( mDb, QStringLiteral( "SELECT number, type, segment, geom, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author FROM pillars ORDER BY fid" ) );
    while ( s.next() )
    {
      const QgsPointXY point = fromGpkgBlob( s.blob( 3 ) ).asPoint();
      list << Pillar{ s.text( 0 ), s.text( 1 ), s.text( 2 ), point.x(), point.y(), s.real( 4 ), s.real( 5 ), s.real( 6 ), s.text( 7 ), s.text( 8 ) };
    }
    return list;
  }

  long long GpkgStore::pillarCount() const
  {
    Statement s( mDb, QStringLiteral( "SELECT COUNT(*) FROM pillars" ) );
    s.next();
    return s.integer( 0 );
  }

  void GpkgStore::insertPillar( const Pillar &p )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO pillars (geom, number, type, segment, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author, recorded_utc) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ) )
      .bindBlob( 1, gpkgBlob( QgsGeometry::fromPointXY( QgsPointXY( p.lon, p.lat ) ).asWkb() ) ).bind( 2, p.number ).bind( 3, p.type )
      .bind( 4, p.segment.isEmpty() ? QString() : p.segment ).bindDouble( 5, p.surveyedLon ).bindDouble( 6, p.surveyedLat ).bindDouble( 7, p.surveyAccuracy )
      .bind( 8, p.surveyDate ).bind( 9, p.author ).bind( 10, nowUtc() ).next();
  }

  QList<LedgerEntry> GpkgStore::ledger( const QString &segment ) const
  {
    QList<LedgerEntry> list;
    Statement s( mDb, QStringLiteral( "SELECT id, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments, "
                                      "supersedes, author, recorded_utc, previous_hash, hash FROM ledger %1 ORDER BY id" )
                 .arg( segment.isEmpty() ? QString() : QStringLiteral( "WHERE segment = ?" ) ) );
    if ( !segment.isEmpty() )
      s.bind( 1, segment );
    while ( s.next() )
    {
      LedgerEntry e;
      e.id = s.integer( 0 );
      e.input.segment = s.text( 1 );
      e.input.protocol = s.text( 2 );
      e.input.meetingDate = QDate::fromString( s.text( 3 ), Qt::ISODate );
      e.input.place = s.text( 4 );
      e.input.decision = s.text( 5 );
      e.input.agreedVersion = s.text( 6 );
      ledger::readJson( e, s.text( 7 ), s.text( 8 ), s.text( 9 ) );
      e.input.supersedes = s.integer( 10 );
      e.input.author = s.text( 11 );
      e.recordedUtc = s.text( 12 );
      e.previousHash = s.text( 13 );
      e.hash = s.text( 14 );
      list << e;
    }
    return list;
  }

  LedgerHead GpkgStore::ledgerHead( bool ) const
  {
    // inside a transaction BEGIN IMMEDIATE has locked the whole file already
    Statement s( mDb, QStringLiteral( "SELECT (SELECT value FROM limes_meta WHERE key = 'ledger_entries'), COALESCE(MAX(id), 0) + 1, "
                                      "(SELECT value FROM limes_meta WHERE key = 'ledger_head') FROM ledger" ) );
    s.next();
    return LedgerHead{ s.text( 0 ).toLongLong(), s.integer( 1 ), s.text( 2 ) };
  }

  QString GpkgStore::ledgerSegmentOf( long long id ) const
  {
    Statement s( mDb, QStringLiteral( "SELECT segment FROM ledger WHERE id = ?" ) );
    return s.bind( 1, id ).next() ? s.text( 0 ) : QString();
  }

  void GpkgStore::insertLedgerEntry( const LedgerEntry &e )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ) )
      .bind( 1, e.id ).bind( 2, e.input.segment ).bind( 3, e.input.protocol ).bind( 4, e.input.meetingDate.toString( Qt::ISODate ) ).bind( 5, e.input.place )
      .bind( 6, e.input.decision ).bind( 7, e.input.agreedVersion ).bind( 8, ledger::jsonOf( e.input.positions ) ).bind( 9, ledger::jsonOf( e.input.signatories ) )
      .bind( 10, ledger::jsonOf( e.attachmentHashes ) ).bind( 11, e.input.supersedes >= 0 ? QString::number( e.input.supersedes ) : QString() ).bind( 12, e.input.author )
      .bind( 13, e.recordedUtc ).bind( 14, e.previousHash ).bind( 15, e.hash ).next();
    Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_head'" ) ).bind( 1, e.hash ).next();
    Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_entries'" ) ).bind( 1, QString::number( e.id ) ).next();
  }

  QList<AcceptedFinding> GpkgStore::acceptedFindings() const
  {
    QList<AcceptedFinding> list;
    Statement s( mDb, QStringLiteral( "SELECT rule, layer, fid, reason, author FROM validation_exceptions ORDER BY id" ) );
    while ( s.next() )
      list << AcceptedFinding{ s.text( 0 ), s.text( 1 ), s.integer( 2 ), s.text( 3 ), s.text( 4 ) };
    return list;
  }

  void GpkgStore::insertFinding( const AcceptedFinding &x )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO validation_exceptions (rule, layer, fid, reason, author, recorded_utc) VALUES (?, ?, ?, ?, ?, ?)" ) )
      .bind( 1, x.rule ).bind( 2, x.layer ).bind( 3, x.fid ).bind( 4, x.reason ).bind( 5, x.author ).bind( 6, nowUtc() ).next();
  }

  QList<StoredChange> GpkgStore::storedChanges() const
  {
    QList<StoredChange> list;
    Statement s( mDb, QStringLiteral( "SELECT id, old_version, new_version, recorded_utc, author, summary FROM change_results ORDER BY id" ) );
    while ( s.next() )
      list << StoredChange{ s.integer( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ), s.text( 4 ), s.text( 5 ).toUtf8() };
    return list;
  }

  StoredChange GpkgStore::insertChange( const StoredChange &change )
  {
    StoredChange c = change;
    c.recordedUtc = nowUtc();
    Statement( mDb, QStringLiteral( "INSERT INTO change_results (old_version, new_version, recorded_utc, author, summary) VALUES (?, ?, ?, ?, ?)" ) )
      .bind( 1, c.oldVersion ).bind( 2, c.newVersion ).bind( 3, c.recordedUtc ).bind( 4, c.author ).bind( 5, QString::fromUtf8( c.summaryJson ) ).next();
    c.id = mDb.lastInsertId();
    return c;
  }

  QString GpkgStore::layerStyle( const QString &table ) const
  {
    // what QGIS would open the layer with: the default style in layer_styles, if someone kept one
    try
    {
      Statement s( mDb, QStringLiteral( "SELECT styleQML FROM layer_styles WHERE f_table_name = ? ORDER BY useAsDefault DESC, id DESC LIMIT 1" ) );
      if ( s.bind( 1, table ).next() && !s.text( 0 ).isEmpty() )
        return s.text( 0 );
    }
    catch ( const Error & )
    {
      // a workspace made before Limes stored styles
    }
    return WorkspaceStore::layerStyle( table );
  }

  void GpkgStore::exportTo( const QString & ) const
  {
    throw Error( QStringLiteral( "export takes a PostgreSQL workspace; a GeoPackage workspace is already one file" ), path() );
  }
}
