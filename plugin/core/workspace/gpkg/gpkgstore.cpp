// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/gpkg/gpkgstore.h"
#include "workspace/gpkg/gpkgschema.h"
#include "workspace/canonicaljson.h"
#include "workspace/importsource.h"
#include "workspace/ledger.h"
#include "error.h"
#include "layersource.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtEndian>

#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <gdal.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

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

    // Files are made complete under a temporary name beside their target
    // (".NAME.PID-XXXXXXXX.tmp.gpkg", as atomicoutput.h names them), flushed, and only then
    // linked into place, never over an existing file: a kill leaves no half-made workspace
    // or backup under the real name.

    const char *const JOURNALS[] = { "", "-journal", "-wal", "-shm" };

    QString systemError()
    {
      return QString::fromLocal8Bit( std::strerror( errno ) );
    }

    //! ".NAME." of the temporaries of `target` (NAME without its suffix).
    QString temporaryPrefix( const QFileInfo &target )
    {
      return QStringLiteral( ".%1." ).arg( target.completeBaseName() );
    }

    QString temporaryFor( const QFileInfo &target )
    {
      return target.absoluteDir().filePath( temporaryPrefix( target ) + QStringLiteral( "%1-%2.tmp.gpkg" )
                                            .arg( ::getpid() ).arg( QRandomGenerator::global()->generate(), 8, 16, QLatin1Char( '0' ) ) );
    }

    /**
     * Removes what a killed run left: temporaries in `dir` whose name matches `prefixPattern`
     * (a regular expression) then "PID-XXXXXXXX.tmp.gpkg", and whose process is gone.
     */
    void removeStaleTemporaries( const QDir &dir, const QString &prefixPattern )
    {
      const QRegularExpression pattern( QStringLiteral( "^" ) + prefixPattern + QStringLiteral( "(\\d+)-[0-9a-f]{8}\\.tmp\\.gpkg(-journal|-wal|-shm)?$" ) );
      for ( const QString &name : dir.entryList( QDir::Files | QDir::Hidden | QDir::System ) )
      {
        const QRegularExpressionMatch m = pattern.match( name );
        if ( !m.hasMatch() )
          continue;
        const pid_t pid = static_cast<pid_t>( m.captured( 1 ).toLongLong() );
        // our own pid is a dead run's: pids are reused
        if ( pid != ::getpid() && ( ::kill( pid, 0 ) == 0 || errno != ESRCH ) )
          continue;
        QFile::remove( dir.filePath( name ) );
      }
    }

    //! A temporary file and its SQLite journals, removed unless released.
    class Temporary
    {
      public:
        explicit Temporary( const QString &path )
          : mPath( path )
        {}
        ~Temporary()
        {
          if ( !mPath.isEmpty() )
            for ( const char *journal : JOURNALS )
              QFile::remove( mPath + QLatin1String( journal ) );
        }
        Temporary( const Temporary & ) = delete;
        Temporary &operator=( const Temporary & ) = delete;
        const QString &path() const { return mPath; }
        void release() { mPath.clear(); }

      private:
        QString mPath;
    };

    //! Flushes a file, or a directory's entries, to disk.
    void flushToDisk( const QString &path, bool directory )
    {
      const int fd = ::open( QFile::encodeName( path ).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY );
      if ( fd < 0 || ::fsync( fd ) != 0 )
      {
        const QString error = systemError();
        if ( fd >= 0 )
          ::close( fd );
        throw Error( QStringLiteral( "cannot flush to disk: %1" ).arg( error ), path );
      }
      ::close( fd );
    }

    /**
     * Renames `from` to `to` unless `to` exists, atomically: renameat2(RENAME_NOREPLACE), or
     * link() and unlink() where the file system lacks it. False (errno EEXIST) when `to` exists.
     */
    bool renameNoReplace( const QString &from, const QString &to )
    {
      const QByteArray source = QFile::encodeName( from ), target = QFile::encodeName( to );
      if ( ::renameat2( AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE ) == 0 )
        return true;
      if ( errno != EINVAL && errno != ENOSYS )
        return false;
      if ( ::link( source.constData(), target.constData() ) != 0 )
        return false;
      ::unlink( source.constData() );
      return true;
    }

    //! Puts a complete temporary in place as `target`, refusing to replace anything; flushed to disk.
    void putInPlace( Temporary &temporary, const QString &target, const QString &existsMessage )
    {
      flushToDisk( temporary.path(), false );
      if ( !renameNoReplace( temporary.path(), target ) )
      {
        if ( errno == EEXIST )
          throw Error( existsMessage, target );
        throw Error( QStringLiteral( "cannot rename %1 into place: %2" ).arg( QFileInfo( temporary.path() ).fileName(), systemError() ), target );
      }
      temporary.release();
      // the file is complete in place; should its directory not flush, a crash could at worst
      // show it under the temporary name again: no reason to call the whole write failed
      try
      {
        flushToDisk( QFileInfo( target ).absolutePath(), true );
      }
      catch ( const Error & )
      {
      }
    }

    /**
     * A copy of the workspace as it is (VACUUM INTO), complete on disk under `backup` before
     * anything is migrated; any failure removes what was written and stops the migration.
     */
    void writeBackup( const SqliteDb &db, const QString &backup )
    {
      const QFileInfo info( backup );
      removeStaleTemporaries( info.absoluteDir(), QRegularExpression::escape( QStringLiteral( ".%1.schema" ).arg( QFileInfo( db.path() ).fileName() ) )
                              + QStringLiteral( "\\d+-backup-\\d{8}T\\d{6}\\." ) );
      Temporary temporary( temporaryFor( info ) );
      try
      {
        Statement( db, QStringLiteral( "VACUUM INTO ?" ) ).bind( 1, temporary.path() ).next();
        putInPlace( temporary, backup, QStringLiteral( "already exists" ) );
      }
      catch ( const Error &e )
      {
        throw Error( QStringLiteral( "cannot write the backup copy %1 before migrating the workspace (%2); the workspace was not changed" )
                     .arg( info.fileName(), e.problem() ), db.path() );
      }
    }
  }

  GpkgStore::GpkgStore( SqliteDb db, const QgsCoordinateTransformContext &context )
    : WorkspaceStore( context )
    , mDb( std::move( db ) )
  {}

  void GpkgStore::create( const QString &path, const QList<Party> &parties, const QList<Segment> &segments, int schema )
  {
    const QString exists = QStringLiteral( "already exists; a workspace is never overwritten" );
    const QFileInfo target( path );
    if ( target.exists() || target.isSymLink() )
      throw Error( exists, path );
    if ( !target.absoluteDir().exists() )
      throw Error( QStringLiteral( "directory does not exist" ), target.absolutePath() );
    removeStaleTemporaries( target.absoluteDir(), QRegularExpression::escape( temporaryPrefix( target ) ) );
    // the whole workspace under a temporary name first: a kill leaves nothing under `path`
    Temporary temporary( temporaryFor( target ) );
    // GDAL lays down the GeoPackage itself (gpkg_contents, spatial reference systems...)
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName( "GPKG" );
    GDALDatasetH ds = driver ? GDALCreate( driver, QFile::encodeName( temporary.path() ).constData(), 0, 0, 0, GDT_Unknown, nullptr ) : nullptr;
    if ( !ds )
      throw Error( QStringLiteral( "cannot create a GeoPackage: %1" ).arg( QString::fromUtf8( CPLGetLastErrorMsg() ) ), path );
    GDALClose( ds );
    try
    {
      GpkgStore ws{ SqliteDb( temporary.path() ), QgsCoordinateTransformContext() };
      ws.transaction( [&] {
        installGpkgSchema( ws.mDb, schema );
        for ( const Party &p : parties )
          ws.insertParty( p );
        for ( const Segment &s : segments )
        {
          if ( schema >= 4 )
            ws.insertSegment( s );
          else
            Statement( ws.mDb, QStringLiteral( "INSERT INTO segments (code, seq) VALUES (?, ?)" ) ).bind( 1, s.code ).bind( 2, static_cast<long long>( s.sequence ) ).next();
        }
      } );
      if ( schema >= 3 ) // the styled layers exist from schema 3 on
        saveGpkgDefaultStyles( ws.mDb );
    }
    catch ( const Error &e )
    {
      throw Error( e.problem(), path ); // named as the user named it, not by the temporary
    }
    pauseInitForTest();
    putInPlace( temporary, path, exists );
  }

  std::unique_ptr<GpkgStore> GpkgStore::open( const QString &path, const QgsCoordinateTransformContext &context )
  {
    const QFileInfo info( path );
    if ( !info.exists() )
      throw Error( QStringLiteral( "no such file" ), path );
    if ( info.isDir() )
      throw Error( QStringLiteral( "is not a Limes workspace (a directory)" ), path );
    if ( !hasSqliteHeader( path ) )
      throw Error( QStringLiteral( "is not a Limes workspace (not a GeoPackage)" ), path );
    std::unique_ptr<GpkgStore> ws( new GpkgStore( SqliteDb( path ), context ) );
    // a locked or damaged file says so (SqliteError); only a sound one without our table is no workspace
    if ( !ws->mDb.hasTable( QStringLiteral( "limes_meta" ) ) )
      throw Error( QStringLiteral( "is not a Limes workspace (no limes_meta table)" ), path );
    const int version = ws->schemaVersion();
    if ( version > SCHEMA_VERSION )
      throw Error( QStringLiteral( "written by a newer Limes (schema %1; this Limes knows %2): upgrade Limes" ).arg( version ).arg( SCHEMA_VERSION ), path );
    if ( version < SCHEMA_VERSION )
    {
      // a damaged file is not migrated; a complete copy first, then the whole migration in one transaction
      ws->mDb.checkIntact();
      writeBackup( ws->mDb, QStringLiteral( "%1.schema%2-backup-%3.gpkg" ).arg( path ).arg( version ).arg( QDateTime::currentDateTimeUtc().toString( QStringLiteral( "yyyyMMddThhmmss" ) ) ) );
      ws->transaction( [&] { migrateGpkgSchema( ws->mDb, version, SCHEMA_VERSION ); } );
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

  QStringList GpkgStore::storageProblems() const
  {
    QStringList found;
    try
    {
      found = mDb.integrityProblems();
    }
    catch ( const SqliteError &e )
    {
      if ( !e.isDamage() )
        throw;
      found << e.problem();
    }
    if ( found.isEmpty() )
      return {};
    return { QStringLiteral( "the file is damaged (SQLite integrity check: %1%2); restore it from a copy" )
             .arg( found.first() ).arg( found.size() > 1 ? QStringLiteral( ", and %1 more" ).arg( found.size() - 1 ) : QString() ) };
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
                                      "(SELECT COUNT(*) FROM version_lines WHERE version_id = line_versions.id), ledger_entry, edges FROM line_versions ORDER BY id" ) );
    while ( s.next() )
      list << LineVersion{ s.integer( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ), QDate::fromString( s.text( 4 ), Qt::ISODate ), s.text( 5 ), s.text( 6 ),
                           s.text( 7 ), s.text( 8 ), s.integer( 9 ), 0, QString(), s.integer( 10 ), s.text( 11 ) };
    return list;
  }

  long long GpkgStore::insertVersion( const LineVersion &v )
  {
    // a GeoPackage has no delegations: ownerParty is not kept
    Statement s( mDb, QStringLiteral( "INSERT INTO line_versions (name, kind, source, version_date, author, notes, left_party, right_party, recorded_utc, ledger_entry, edges) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ) );
    s.bind( 1, v.name ).bind( 2, v.kind ).bind( 3, v.source ).bind( 4, v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString() ).bind( 5, v.author )
    .bind( 6, v.notes ).bind( 7, v.leftParty ).bind( 8, v.rightParty ).bind( 9, nowUtc() );
    if ( v.ledgerEntry >= 1 )
      s.bind( 10, v.ledgerEntry );
    if ( !v.edges.isEmpty() )
      s.bind( 11, v.edges );
    s.next();
    return mDb.lastInsertId();
  }

  void GpkgStore::insertVersionLine( long long versionId, const VersionLine &line )
  {
    Statement( mDb, QStringLiteral( "INSERT INTO version_lines (geom, version_id, segment, part) VALUES (?, ?, ?, ?)" ) )
      .bindBlob( 1, gpkgBlob( line.wkb ) ).bind( 2, versionId ).bind( 3, line.segment.isEmpty() ? QString() : line.segment ).bind( 4, static_cast<long long>( line.part ) ).next();
  }

  QList<VersionLine> GpkgStore::versionLines( long long versionId ) const
  {
    QList<VersionLine> lines;
    Statement s( mDb, QStringLiteral( "SELECT segment, part, geom FROM version_lines WHERE version_id = ? ORDER BY fid" ) );
    s.bind( 1, versionId );
    while ( s.next() )
      lines << VersionLine{ s.text( 0 ), static_cast<int>( s.integer( 1 ) ), fromGpkgBlob( s.blob( 2 ) ).asWkb() };
    return lines;
  }

  VersionLayer GpkgStore::versionLayer( const LineVersion &v ) const
  {
    // OGR reads a feature table in fid order: the order of the import
    const QString uri = QStringLiteral( "%1|layername=version_lines|subset=version_id = %2" ).arg( path() ).arg( v.id );
    return VersionLayer{ LayerSource( uri ).open(), uri, path() };
  }

  QList<Pillar> GpkgStore::pillarRows() const
  {
    QList<Pillar> list;
    Statement s( mDb, QStringLiteral( "SELECT number, type, segment, geom, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author, ledger_entry, fid "
                                      "FROM pillars ORDER BY fid" ) );
    while ( s.next() )
    {
      const QgsPointXY point = fromGpkgBlob( s.blob( 3 ) ).asPoint();
      list << Pillar{ s.text( 0 ), s.text( 1 ), s.text( 2 ), point.x(), point.y(), s.real( 4 ), s.real( 5 ), s.real( 6 ), s.text( 7 ), s.text( 8 ), s.integer( 9 ), s.integer( 10 ) };
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
    Statement s( mDb, QStringLiteral( "INSERT INTO pillars (geom, number, type, segment, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author, recorded_utc, ledger_entry) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ) );
    s.bindBlob( 1, gpkgBlob( QgsGeometry::fromPointXY( QgsPointXY( p.lon, p.lat ) ).asWkb() ) ).bind( 2, p.number ).bind( 3, p.type )
    .bind( 4, p.segment.isEmpty() ? QString() : p.segment ).bindDouble( 5, p.surveyedLon ).bindDouble( 6, p.surveyedLat ).bindDouble( 7, p.surveyAccuracy )
    .bind( 8, p.surveyDate ).bind( 9, p.author ).bind( 10, nowUtc() );
    if ( p.ledgerEntry >= 1 )
      s.bind( 11, p.ledgerEntry );
    s.next();
  }

  namespace
  {
    const char *const LEDGER_COLUMNS = "id, kind, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments, supersedes, "
                                       "author, recorded_utc, previous_hash, hash, payload, signer_party, signer_key, signature, sealed";
  }

  QList<ledger::Row> GpkgStore::ledgerRows() const
  {
    QList<ledger::Row> rows;
    Statement s( mDb, QStringLiteral( "SELECT %1 FROM ledger ORDER BY id" ).arg( QLatin1String( LEDGER_COLUMNS ) ) );
    while ( s.next() )
    {
      ledger::Row r;
      r.id = s.integer( 0 );
      QString *columns[] = { &r.kind, &r.segment, &r.protocol, &r.meetingDate, &r.place, &r.decision, &r.agreedVersion, &r.positions, &r.signatories, &r.attachments,
                             &r.supersedes, &r.author, &r.recordedUtc, &r.previousHash, &r.hash, &r.payload, &r.signerParty, &r.signerKey, &r.signature, &r.sealed };
      for ( int c = 0; c < 20; ++c )
        *columns[c] = s.text( c + 1 );
      rows << r;
    }
    return rows;
  }

  LedgerHead GpkgStore::ledgerHead( bool ) const
  {
    // inside a transaction BEGIN IMMEDIATE has locked the whole file already
    Statement s( mDb, QStringLiteral( "SELECT (SELECT value FROM limes_meta WHERE key = 'ledger_entries'), COALESCE(MAX(id), 0) + 1, "
                                      "(SELECT value FROM limes_meta WHERE key = 'ledger_head') FROM ledger" ) );
    s.next();
    return LedgerHead{ s.text( 0 ).toLongLong(), s.integer( 1 ), s.text( 2 ) };
  }

  void GpkgStore::insertLedgerRow( const ledger::Row &r )
  {
    Statement s( mDb, QStringLiteral( "INSERT INTO ledger (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ).arg( QLatin1String( LEDGER_COLUMNS ) ) );
    s.bind( 1, r.id );
    const QString columns[] = { r.kind, r.segment, r.protocol, r.meetingDate, r.place, r.decision, r.agreedVersion, r.positions, r.signatories, r.attachments,
                                r.supersedes, r.author, r.recordedUtc, r.previousHash, r.hash, r.payload, r.signerParty, r.signerKey, r.signature, r.sealed };
    for ( int c = 0; c < 20; ++c )
      s.bind( c + 2, columns[c] );
    s.next();
    Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_head'" ) ).bind( 1, r.hash ).next();
    Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_entries'" ) ).bind( 1, QString::number( r.id ) ).next();
  }

  QMap<QString, long long> GpkgStore::legacyIds() const
  {
    Statement s( mDb, QStringLiteral( "SELECT value FROM limes_meta WHERE key = 'legacy_ids'" ) );
    QMap<QString, long long> ids;
    QJsonObject o;
    if ( s.next() && canonicaljson::parseObject( s.text( 0 ), &o ) )
      for ( auto it = o.begin(); it != o.end(); ++it )
        ids.insert( it.key(), static_cast<long long>( it.value().toDouble() ) );
    return ids;
  }

  void GpkgStore::setLegacyIds( const QMap<QString, long long> &ids )
  {
    QJsonObject o;
    for ( auto it = ids.cbegin(); it != ids.cend(); ++it )
      o.insert( it.key(), static_cast<qint64>( it.value() ) );
    Statement( mDb, QStringLiteral( "INSERT OR REPLACE INTO limes_meta VALUES ('legacy_ids', ?)" ) ).bind( 1, QString::fromUtf8( canonicaljson::serialise( o ) ) ).next();
  }

  QList<AcceptedFinding> GpkgStore::acceptedFindings() const
  {
    QList<AcceptedFinding> list;
    Statement s( mDb, QStringLiteral( "SELECT rule, layer, fid, reason, author, ledger_entry, id FROM validation_exceptions ORDER BY id" ) );
    while ( s.next() )
      list << AcceptedFinding{ s.text( 0 ), s.text( 1 ), s.integer( 2 ), s.text( 3 ), s.text( 4 ), s.integer( 5 ), s.integer( 6 ) };
    return list;
  }

  void GpkgStore::insertFinding( const AcceptedFinding &x )
  {
    Statement s( mDb, QStringLiteral( "INSERT INTO validation_exceptions (rule, layer, fid, reason, author, recorded_utc, ledger_entry) VALUES (?, ?, ?, ?, ?, ?, ?)" ) );
    s.bind( 1, x.rule ).bind( 2, x.layer ).bind( 3, x.fid ).bind( 4, x.reason ).bind( 5, x.author ).bind( 6, nowUtc() );
    if ( x.ledgerEntry >= 1 )
      s.bind( 7, x.ledgerEntry );
    s.next();
  }

  QList<StoredChange> GpkgStore::storedChanges() const
  {
    QList<StoredChange> list;
    // the summary's bytes exactly as stored
    Statement s( mDb, QStringLiteral( "SELECT id, old_version, new_version, recorded_utc, author, summary, ledger_entry FROM change_results ORDER BY id" ) );
    while ( s.next() )
      list << StoredChange{ s.integer( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ), s.text( 4 ), s.blob( 5 ), s.integer( 6 ) };
    return list;
  }

  StoredChange GpkgStore::insertChange( const StoredChange &change )
  {
    StoredChange c = change;
    if ( c.recordedUtc.isEmpty() )
      c.recordedUtc = nowUtc();
    Statement s( mDb, QStringLiteral( "INSERT INTO change_results (old_version, new_version, recorded_utc, author, summary, ledger_entry) VALUES (?, ?, ?, ?, ?, ?)" ) );
    s.bind( 1, c.oldVersion ).bind( 2, c.newVersion ).bind( 3, c.recordedUtc ).bind( 4, c.author ).bindUtf8( 5, c.summaryJson );
    if ( c.ledgerEntry >= 1 )
      s.bind( 6, c.ledgerEntry );
    s.next();
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
