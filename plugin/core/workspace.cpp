#include "workspace.h"
#include "error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <gdal.h>
#include <sqlite3.h>

#include <functional>

namespace limes
{
  namespace
  {
    const QStringList DECISIONS{ QStringLiteral( "agreed" ), QStringLiteral( "disputed" ), QStringLiteral( "deferred" ), QStringLiteral( "referred" ) };
    const char *const ZERO_HASH = "0000000000000000000000000000000000000000000000000000000000000000";

    //! One prepared statement; binds by position, steps, reads columns as QString.
    class Statement
    {
      public:
        Statement( sqlite3 *db, const QString &sql, const QString &where )
          : mDb( db )
          , mWhere( where )
        {
          if ( sqlite3_prepare_v2( db, sql.toUtf8().constData(), -1, &mStmt, nullptr ) != SQLITE_OK )
            throw Error( QStringLiteral( "database: %1" ).arg( QString::fromUtf8( sqlite3_errmsg( db ) ) ), where );
        }
        ~Statement() { sqlite3_finalize( mStmt ); }
        Statement &bind( int i, const QString &v )
        {
          const QByteArray utf8 = v.toUtf8();
          if ( v.isNull() )
            sqlite3_bind_null( mStmt, i );
          else
            sqlite3_bind_text( mStmt, i, utf8.constData(), utf8.size(), SQLITE_TRANSIENT );
          return *this;
        }
        Statement &bind( int i, long long v )
        {
          sqlite3_bind_int64( mStmt, i, v );
          return *this;
        }
        bool next()
        {
          const int rc = sqlite3_step( mStmt );
          if ( rc == SQLITE_ROW )
            return true;
          if ( rc != SQLITE_DONE )
            throw Error( QStringLiteral( "database: %1" ).arg( QString::fromUtf8( sqlite3_errmsg( mDb ) ) ), mWhere );
          return false;
        }
        QString text( int c ) const
        {
          const unsigned char *t = sqlite3_column_text( mStmt, c );
          return t ? QString::fromUtf8( reinterpret_cast<const char *>( t ) ) : QString();
        }
        long long integer( int c ) const { return sqlite3_column_type( mStmt, c ) == SQLITE_NULL ? -1 : sqlite3_column_int64( mStmt, c ); }

      private:
        sqlite3 *mDb;
        sqlite3_stmt *mStmt = nullptr;
        QString mWhere;
    };

    QString fileSha256( const QString &path )
    {
      QFile f( path );
      if ( !f.open( QIODevice::ReadOnly ) )
        throw Error( QStringLiteral( "cannot read attachment: %1" ).arg( f.errorString() ), path );
      QCryptographicHash hash( QCryptographicHash::Sha256 );
      hash.addData( &f );
      return QString::fromLatin1( hash.result().toHex() );
    }

    QJsonObject toJson( const QMap<QString, QString> &map )
    {
      QJsonObject o;
      for ( auto it = map.cbegin(); it != map.cend(); ++it )
        o[it.key()] = it.value();
      return o;
    }

    QJsonObject toJson( const QMap<QString, QStringList> &map )
    {
      QJsonObject o;
      for ( auto it = map.cbegin(); it != map.cend(); ++it )
        o[it.key()] = QJsonArray::fromStringList( it.value() );
      return o;
    }

    QString compact( const QJsonObject &o )
    {
      return QString::fromUtf8( QJsonDocument( o ).toJson( QJsonDocument::Compact ) );
    }
  }

  void Workspace::create( const QString &path )
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
      Workspace ws( path );
      ws.transaction( [&] {
        ws.exec( QStringLiteral(
                   "CREATE TABLE limes_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                   "CREATE TABLE parties (code TEXT PRIMARY KEY, name TEXT NOT NULL, local_name TEXT, colour TEXT);"
                   "CREATE TABLE segments (code TEXT PRIMARY KEY, seq INTEGER NOT NULL);"
                   "CREATE TABLE ledger (id INTEGER PRIMARY KEY, segment TEXT NOT NULL REFERENCES segments(code), protocol TEXT NOT NULL,"
                   " meeting_date TEXT NOT NULL, place TEXT, decision TEXT NOT NULL CHECK (decision IN ('agreed','disputed','deferred','referred')),"
                   " agreed_version TEXT, positions TEXT NOT NULL, signatories TEXT NOT NULL, attachments TEXT NOT NULL,"
                   " supersedes INTEGER REFERENCES ledger(id), author TEXT NOT NULL, recorded_utc TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);"
                   "CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;"
                   "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;"
                   "CREATE TABLE validation_exceptions (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, layer TEXT NOT NULL, fid INTEGER NOT NULL,"
                   " reason TEXT NOT NULL, author TEXT NOT NULL, recorded_utc TEXT NOT NULL);" ) );
        // listed in gpkg_contents as attribute tables, so that QGIS shows them
        for ( const char *table : { "parties", "segments", "ledger", "validation_exceptions" } )
          Statement( ws.mDb, QStringLiteral( "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, 'attributes', ?)" ), path )
            .bind( 1, QLatin1String( table ) ).bind( 2, QLatin1String( table ) ).next();
        Statement( ws.mDb, QStringLiteral( "INSERT INTO limes_meta VALUES ('schema_version', ?), ('ledger_entries', '0'), ('ledger_head', ?)" ), path )
          .bind( 1, QString::number( SCHEMA_VERSION ) ).bind( 2, QLatin1String( ZERO_HASH ) ).next();
      } );
    }
    catch ( ... )
    {
      QFile::remove( path );
      throw;
    }
  }

  Workspace::Workspace( const QString &path )
    : mPath( path )
  {
    if ( sqlite3_open_v2( QFile::encodeName( path ).constData(), &mDb, SQLITE_OPEN_READWRITE, nullptr ) != SQLITE_OK )
    {
      const QString message = mDb ? QString::fromUtf8( sqlite3_errmsg( mDb ) ) : QStringLiteral( "cannot open" );
      sqlite3_close( mDb );
      mDb = nullptr;
      throw Error( QStringLiteral( "cannot open workspace: %1" ).arg( message ), path );
    }
    sqlite3_busy_timeout( mDb, 5000 );
    exec( QStringLiteral( "PRAGMA foreign_keys = ON" ) );
  }

  Workspace::~Workspace()
  {
    sqlite3_close( mDb );
  }

  std::unique_ptr<Workspace> Workspace::open( const QString &path )
  {
    if ( !QFileInfo::exists( path ) )
      throw Error( QStringLiteral( "no such file" ), path );
    std::unique_ptr<Workspace> ws( new Workspace( path ) );
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
    return ws;
  }

  int Workspace::schemaVersion() const
  {
    Statement s( mDb, QStringLiteral( "SELECT value FROM limes_meta WHERE key = 'schema_version'" ), mPath );
    if ( !s.next() )
      throw Error( QStringLiteral( "no schema version" ), mPath );
    return s.text( 0 ).toInt();
  }

  void Workspace::exec( const QString &sql ) const
  {
    char *error = nullptr;
    if ( sqlite3_exec( mDb, sql.toUtf8().constData(), nullptr, nullptr, &error ) != SQLITE_OK )
    {
      const QString message = QString::fromUtf8( error ? error : "failed" );
      sqlite3_free( error );
      throw Error( QStringLiteral( "database: %1" ).arg( message ), mPath );
    }
  }

  void Workspace::transaction( const std::function<void()> &work )
  {
    exec( QStringLiteral( "BEGIN IMMEDIATE" ) );
    try
    {
      work();
      exec( QStringLiteral( "COMMIT" ) );
    }
    catch ( ... )
    {
      sqlite3_exec( mDb, "ROLLBACK", nullptr, nullptr, nullptr );
      throw;
    }
  }

  void Workspace::addParty( const Party &p )
  {
    if ( p.code.trimmed().isEmpty() || p.name.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a party needs a code and a name" ), mPath );
    transaction( [&] {
      Statement exists( mDb, QStringLiteral( "SELECT 1 FROM parties WHERE code = ?" ), mPath );
      if ( exists.bind( 1, p.code ).next() )
        throw Error( QStringLiteral( "party %1 already exists" ).arg( p.code ), mPath );
      Statement( mDb, QStringLiteral( "INSERT INTO parties VALUES (?, ?, ?, ?)" ), mPath ).bind( 1, p.code ).bind( 2, p.name ).bind( 3, p.localName ).bind( 4, p.colour ).next();
    } );
  }

  QList<Party> Workspace::parties() const
  {
    QList<Party> list;
    Statement s( mDb, QStringLiteral( "SELECT code, name, local_name, colour FROM parties ORDER BY code" ), mPath );
    while ( s.next() )
      list << Party{ s.text( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ) };
    return list;
  }

  void Workspace::addSegment( const QString &code, int sequence )
  {
    if ( code.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a segment needs a code" ), mPath );
    transaction( [&] {
      Statement exists( mDb, QStringLiteral( "SELECT 1 FROM segments WHERE code = ?" ), mPath );
      if ( exists.bind( 1, code ).next() )
        throw Error( QStringLiteral( "duplicate segment code %1" ).arg( code ), mPath );
      Statement( mDb, QStringLiteral( "INSERT INTO segments VALUES (?, ?)" ), mPath ).bind( 1, code ).bind( 2, sequence ).next();
    } );
  }

  QStringList Workspace::segments() const
  {
    QStringList list;
    Statement s( mDb, QStringLiteral( "SELECT code FROM segments ORDER BY seq, code" ), mPath );
    while ( s.next() )
      list << s.text( 0 );
    return list;
  }

  QByteArray Workspace::canonical( const LedgerEntry &e )
  {
    // every field, keys sorted (QJsonObject), no whitespace: the same bytes on every machine
    QJsonObject o{ { "id", static_cast<qint64>( e.id ) }, { "segment", e.input.segment }, { "protocol", e.input.protocol },
      { "meeting_date", e.input.meetingDate.toString( Qt::ISODate ) }, { "place", e.input.place }, { "decision", e.input.decision },
      { "agreed_version", e.input.agreedVersion }, { "positions", toJson( e.input.positions ) }, { "signatories", toJson( e.input.signatories ) },
      { "attachments", toJson( e.attachmentHashes ) }, { "supersedes", static_cast<qint64>( e.input.supersedes ) }, { "author", e.input.author },
      { "recorded_utc", e.recordedUtc }, { "previous_hash", e.previousHash } };
    return QJsonDocument( o ).toJson( QJsonDocument::Compact );
  }

  LedgerEntry Workspace::addLedgerEntry( const LedgerEntryInput &input )
  {
    const QString where = mPath;
    if ( !segments().contains( input.segment ) )
      throw Error( QStringLiteral( "unknown segment '%1'" ).arg( input.segment ), where );
    if ( input.protocol.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs a protocol number" ), where );
    if ( !input.meetingDate.isValid() )
      throw Error( QStringLiteral( "a ledger entry needs the meeting date (YYYY-MM-DD)" ), where );
    if ( input.meetingDate > QDateTime::currentDateTimeUtc().date() )
      throw Error( QStringLiteral( "protocol date %1 is in the future" ).arg( input.meetingDate.toString( Qt::ISODate ) ), where );
    if ( !DECISIONS.contains( input.decision ) )
      throw Error( QStringLiteral( "unknown decision '%1' (decisions: %2)" ).arg( input.decision, DECISIONS.join( QLatin1String( ", " ) ) ), where );
    if ( input.author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a ledger entry needs its author" ), where );
    QStringList codes;
    for ( const Party &p : parties() )
      codes << p.code;
    for ( const QString &party : input.positions.keys() + input.signatories.keys() )
      if ( !codes.contains( party ) )
        throw Error( QStringLiteral( "unknown party '%1' (parties: %2)" ).arg( party, codes.join( QLatin1String( ", " ) ) ), where );
    if ( input.decision == QLatin1String( "agreed" ) )
    {
      QStringList missing;
      for ( const QString &party : codes )
        if ( input.signatories.value( party ).isEmpty() )
          missing << party;
      if ( !missing.isEmpty() || codes.isEmpty() )
        throw Error( QStringLiteral( "decision 'agreed' needs a signatory of every party; missing: %1" ).arg( codes.isEmpty() ? QStringLiteral( "no parties defined" ) : missing.join( QLatin1String( ", " ) ) ), where );
    }
    LedgerEntry e;
    e.input = input;
    for ( const QString &path : input.attachments )
      e.attachmentHashes.insert( path, fileSha256( path ) );
    transaction( [&] {
      if ( input.supersedes >= 0 )
      {
        Statement s( mDb, QStringLiteral( "SELECT segment FROM ledger WHERE id = ?" ), where );
        if ( !s.bind( 1, input.supersedes ).next() )
          throw Error( QStringLiteral( "entry %1 to supersede does not exist" ).arg( input.supersedes ), where );
        if ( s.text( 0 ) != input.segment )
          throw Error( QStringLiteral( "entry %1 is about segment %2, not %3" ).arg( input.supersedes ).arg( s.text( 0 ), input.segment ), where );
      }
      Statement head( mDb, QStringLiteral( "SELECT COALESCE(MAX(id), 0) + 1, (SELECT value FROM limes_meta WHERE key = 'ledger_head') FROM ledger" ), where );
      head.next();
      e.id = head.integer( 0 );
      e.previousHash = head.text( 1 );
      e.recordedUtc = QDateTime::currentDateTimeUtc().toString( Qt::ISODateWithMs );
      e.hash = QString::fromLatin1( QCryptographicHash::hash( canonical( e ), QCryptographicHash::Sha256 ).toHex() );
      Statement( mDb, QStringLiteral( "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ), where )
        .bind( 1, e.id ).bind( 2, input.segment ).bind( 3, input.protocol ).bind( 4, input.meetingDate.toString( Qt::ISODate ) ).bind( 5, input.place )
        .bind( 6, input.decision ).bind( 7, input.agreedVersion ).bind( 8, compact( toJson( input.positions ) ) ).bind( 9, compact( toJson( input.signatories ) ) )
        .bind( 10, compact( toJson( e.attachmentHashes ) ) ).bind( 11, input.supersedes >= 0 ? QString::number( input.supersedes ) : QString() ).bind( 12, input.author ).bind( 13, e.recordedUtc )
        .bind( 14, e.previousHash ).bind( 15, e.hash ).next();
      Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_head'" ), where ).bind( 1, e.hash ).next();
      Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_entries'" ), where ).bind( 1, QString::number( e.id ) ).next();
    } );
    return e;
  }

  QList<LedgerEntry> Workspace::ledger( const QString &segment ) const
  {
    QList<LedgerEntry> list;
    Statement s( mDb, QStringLiteral( "SELECT id, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments, "
                                      "supersedes, author, recorded_utc, previous_hash, hash FROM ledger %1 ORDER BY id" )
                 .arg( segment.isEmpty() ? QString() : QStringLiteral( "WHERE segment = ?" ) ), mPath );
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
      const QJsonObject positions = QJsonDocument::fromJson( s.text( 7 ).toUtf8() ).object();
      for ( auto it = positions.begin(); it != positions.end(); ++it )
        e.input.positions.insert( it.key(), it.value().toString() );
      const QJsonObject signatories = QJsonDocument::fromJson( s.text( 8 ).toUtf8() ).object();
      for ( auto it = signatories.begin(); it != signatories.end(); ++it )
        for ( const QJsonValue &name : it.value().toArray() )
          e.input.signatories[it.key()] << name.toString();
      const QJsonObject attachments = QJsonDocument::fromJson( s.text( 9 ).toUtf8() ).object();
      for ( auto it = attachments.begin(); it != attachments.end(); ++it )
      {
        e.attachmentHashes.insert( it.key(), it.value().toString() );
        e.input.attachments << it.key();
      }
      e.input.supersedes = s.integer( 10 );
      e.input.author = s.text( 11 );
      e.recordedUtc = s.text( 12 );
      e.previousHash = s.text( 13 );
      e.hash = s.text( 14 );
      list << e;
    }
    return list;
  }

  QMap<QString, QString> Workspace::segmentStatus() const
  {
    QMap<QString, QString> status;
    for ( const QString &code : segments() )
      status.insert( code, QStringLiteral( "no decision yet" ) );
    QSet<long long> superseded;
    const QList<LedgerEntry> entries = ledger();
    for ( const LedgerEntry &e : entries )
      if ( e.input.supersedes >= 0 )
        superseded.insert( e.input.supersedes );
    for ( const LedgerEntry &e : entries ) // in id order: the latest standing entry wins
      if ( !superseded.contains( e.id ) )
        status[e.input.segment] = e.input.decision == QLatin1String( "referred" ) ? QStringLiteral( "referred to working group" ) : e.input.decision;
    return status;
  }

  VerifyReport Workspace::verify() const
  {
    VerifyReport report;
    QString previous = QLatin1String( ZERO_HASH );
    const QList<LedgerEntry> entries = ledger();
    report.entries = entries.size();
    long long expectedId = 1;
    for ( const LedgerEntry &e : entries )
    {
      const QString label = QStringLiteral( "entry %1 (protocol %2, segment %3)" ).arg( e.id ).arg( e.input.protocol, e.input.segment );
      if ( e.id != expectedId )
        report.problems << QStringLiteral( "entries %1 to %2 are missing before %3" ).arg( expectedId ).arg( e.id - 1 ).arg( label );
      expectedId = e.id + 1;
      if ( e.previousHash != previous )
        report.problems << QStringLiteral( "%1 does not follow the entry before it: the chain was changed" ).arg( label );
      const QString recomputed = QString::fromLatin1( QCryptographicHash::hash( canonical( e ), QCryptographicHash::Sha256 ).toHex() );
      if ( recomputed != e.hash )
        report.problems << QStringLiteral( "%1 was changed outside Limes: its content does not match its hash" ).arg( label );
      previous = e.hash;
    }
    Statement meta( mDb, QStringLiteral( "SELECT (SELECT value FROM limes_meta WHERE key = 'ledger_entries'), (SELECT value FROM limes_meta WHERE key = 'ledger_head')" ), mPath );
    meta.next();
    if ( meta.text( 0 ).toLongLong() != static_cast<long long>( entries.size() ) || meta.text( 1 ) != previous )
      report.problems << QStringLiteral( "the ledger should hold %1 entries ending in %2…; it holds %3: entries were removed or added outside Limes" )
                      .arg( meta.text( 0 ), meta.text( 1 ).left( 12 ) ).arg( entries.size() );
    return report;
  }

  void Workspace::acceptFinding( const AcceptedException &x, const QString &author )
  {
    if ( !Validator::allRules().contains( x.rule ) )
      throw Error( QStringLiteral( "unknown rule '%1'" ).arg( x.rule ), mPath );
    if ( x.reason.trimmed().isEmpty() || author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "an accepted finding needs a reason and an author" ), mPath );
    transaction( [&] {
      Statement( mDb, QStringLiteral( "INSERT INTO validation_exceptions (rule, layer, fid, reason, author, recorded_utc) VALUES (?, ?, ?, ?, ?, ?)" ), mPath )
        .bind( 1, x.rule ).bind( 2, x.layer ).bind( 3, x.fid ).bind( 4, x.reason ).bind( 5, author ).bind( 6, QDateTime::currentDateTimeUtc().toString( Qt::ISODate ) ).next();
    } );
  }

  QList<AcceptedException> Workspace::acceptedFindings() const
  {
    QList<AcceptedException> list;
    Statement s( mDb, QStringLiteral( "SELECT rule, layer, fid, reason FROM validation_exceptions ORDER BY id" ), mPath );
    while ( s.next() )
      list << AcceptedException{ s.text( 0 ), s.text( 1 ), s.integer( 2 ), s.text( 3 ) };
    return list;
  }
}
