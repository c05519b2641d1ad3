#include "workspace.h"
#include "qgiscompat.h"
#include "error.h"
#include "fingerprint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>
#include <qgsgeometry.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayer.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <gdal.h>
#include <sqlite3.h>

#include <cmath>
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
        Statement &bindDouble( int i, double v )
        {
          sqlite3_bind_double( mStmt, i, v );
          return *this;
        }
        Statement &bindBlob( int i, const QByteArray &v )
        {
          sqlite3_bind_blob( mStmt, i, v.constData(), v.size(), SQLITE_TRANSIENT );
          return *this;
        }
        void reset()
        {
          sqlite3_reset( mStmt );
          sqlite3_clear_bindings( mStmt );
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

    //! GeoPackage binary geometry: "GP", version 0, flags (little endian, no envelope), srs id, WKB.
    QByteArray gpkgBlob( const QgsGeometry &g )
    {
      QByteArray blob( "GP\x00\x01", 4 );
      const qint32 srs = 4326;
      blob.append( reinterpret_cast<const char *>( &srs ), 4 );
      blob.append( g.asWkb() );
      return blob;
    }

    /**
     * Metres read as degrees (a projected layer declared as EPSG:4326) would put a pillar
     * on the other side of the planet: refuse what cannot be in the layer's CRS.
     */
    void checkCoordinatesFitCrs( QgsFeatureSource *source, const QString &sourceName )
    {
      const QgsCoordinateReferenceSystem crs = source->sourceCrs();
      const QgsRectangle extent = source->sourceExtent();
      if ( extent.isNull() )
        return;
      QgsRectangle valid = crs.bounds(); // the CRS's area of use, in WGS 84
      if ( crs.isGeographic() )
      {
        if ( std::fabs( extent.xMinimum() ) > 360 || std::fabs( extent.xMaximum() ) > 360 || std::fabs( extent.yMinimum() ) > 90 || std::fabs( extent.yMaximum() ) > 90 )
          throw Error( QStringLiteral( "coordinates up to %1, %2 cannot be degrees: the layer's CRS (%3) is wrong" )
                       .arg( extent.xMaximum(), 0, 'f', 1 ).arg( extent.yMaximum(), 0, 'f', 1 ).arg( crs.authid() ), sourceName );
        return;
      }
      if ( valid.isNull() )
        return;
      try
      {
        const QgsCoordinateTransform toWgs84( crs, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsCoordinateTransformContext() );
        const QgsRectangle where = toWgs84.transformBoundingBox( extent );
        valid.grow( 5 ); // degrees: data just outside the nominal area of use is common
        if ( !valid.contains( where ) )
          throw Error( QStringLiteral( "the data lies outside the area where %1 is defined: is the layer's CRS right?" ).arg( crs.authid() ), sourceName );
      }
      catch ( const QgsCsException & )
      {
        throw Error( QStringLiteral( "the data cannot be transformed from %1 to WGS 84: is the layer's CRS right?" ).arg( crs.authid() ), sourceName );
      }
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
        Statement( ws.mDb, QStringLiteral( "INSERT INTO limes_meta VALUES ('schema_version', '1'), ('ledger_entries', '0'), ('ledger_head', ?)" ), path )
          .bind( 1, QLatin1String( ZERO_HASH ) ).next();
        ws.migrate( 1 ); // one way to the current schema, for new and old workspaces alike
      } );
    }
    catch ( ... )
    {
      QFile::remove( path );
      throw;
    }
    saveDefaultStyles( path );
  }

  void Workspace::saveDefaultStyles( const QString &path )
  {
    // QGIS reads a GeoPackage's layer_styles: the workspace opens styled, with no project
    QgsVectorLayer::LayerOptions options( false, false );
    QgsVectorLayer lines( path + QStringLiteral( "|layername=version_lines" ), QStringLiteral( "version_lines" ), QStringLiteral( "ogr" ), options );
    QgsVectorLayer pillars( path + QStringLiteral( "|layername=pillars" ), QStringLiteral( "pillars" ), QStringLiteral( "ogr" ), options );
    if ( !lines.isValid() || !pillars.isValid() )
      throw Error( QStringLiteral( "cannot open the new workspace's layers" ), path );
    // one colour per version, stable for a version id
    std::unique_ptr<QgsLineSymbol> line = compat::createSimpleLine( { { QStringLiteral( "line_width" ), QStringLiteral( "0.8" ) } } );
    line->symbolLayer( 0 )->setDataDefinedProperty( limes::compat::PropertyStrokeColor,
        QgsProperty::fromExpression( QStringLiteral( "color_hsv((\"version_id\" * 67) %% 360, 80, 75)" ).replace( QLatin1String( "%%" ), QLatin1String( "%" ) ) ) );
    lines.setRenderer( new QgsSingleSymbolRenderer( line.release() ) );
    std::unique_ptr<QgsMarkerSymbol> marker = compat::createSimpleMarker( { { QStringLiteral( "name" ), QStringLiteral( "square" ) }, { QStringLiteral( "color" ), QStringLiteral( "white" ) },
      { QStringLiteral( "outline_color" ), QStringLiteral( "black" ) }, { QStringLiteral( "size" ), QStringLiteral( "2" ) } } );
    pillars.setRenderer( new QgsSingleSymbolRenderer( marker.release() ) );
    QgsPalLayerSettings label;
    label.fieldName = QStringLiteral( "number" );
    pillars.setLabeling( new QgsVectorLayerSimpleLabeling( label ) );
    pillars.setLabelsEnabled( true );
    // written with our own connection, in the table QGIS reads, so that GDAL never switches
    // the file to another journal mode behind our back
    Workspace ws( path );
    ws.transaction( [&] {
      ws.exec( QStringLiteral(
                 "CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT, f_table_schema TEXT, f_table_name TEXT,"
                 " f_geometry_column TEXT, styleName TEXT, styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, ui TEXT,"
                 " update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));"
                 "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('layer_styles', 'attributes', 'layer_styles');" ) );
      for ( QgsVectorLayer *layer : { &lines, &pillars } )
      {
        QDomDocument qml;
        QString error;
        layer->exportNamedStyle( qml, error );
        if ( !error.isEmpty() )
          throw Error( QStringLiteral( "cannot write the default style of %1: %2" ).arg( layer->name(), error ), path );
        Statement( ws.mDb, QStringLiteral( "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
                                           "VALUES ('', '', ?, 'geom', 'Limes', ?, '', 1, 'Limes default style', '', '')" ), path )
          .bind( 1, layer->name() ).bind( 2, qml.toString() ).next();
      }
    } );
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
    if ( version < SCHEMA_VERSION )
    {
      // a copy first, then the whole migration in one transaction
      const QString backup = QStringLiteral( "%1.schema%2-backup-%3.gpkg" ).arg( path ).arg( version ).arg( QDateTime::currentDateTimeUtc().toString( QStringLiteral( "yyyyMMddThhmmss" ) ) );
      Statement( ws->mDb, QStringLiteral( "VACUUM INTO ?" ), path ).bind( 1, backup ).next();
      ws->transaction( [&] { ws->migrate( version ); } );
    }
    return ws;
  }

  const QStringList Workspace::VERSION_KINDS{ QStringLiteral( "historical" ), QStringLiteral( "claim" ), QStringLiteral( "draft" ), QStringLiteral( "agreed" ), QStringLiteral( "ratified" ) };

  void Workspace::migrate( int from )
  {
    if ( from < 2 )
    {
      // schema 2: line versions and their geometry (a GeoPackage feature table in WGS 84)
      exec( QStringLiteral(
              "CREATE TABLE line_versions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL"
              " CHECK (kind IN ('historical','claim','draft','agreed','ratified')), source TEXT, version_date TEXT, author TEXT NOT NULL,"
              " notes TEXT, left_party TEXT REFERENCES parties(code), right_party TEXT REFERENCES parties(code), recorded_utc TEXT NOT NULL);"
              "CREATE TABLE version_lines (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom LINESTRING NOT NULL,"
              " version_id INTEGER NOT NULL REFERENCES line_versions(id), segment TEXT, part INTEGER NOT NULL);"
              "CREATE INDEX version_lines_version ON version_lines(version_id);"
              "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('line_versions', 'attributes', 'line_versions', NULL);"
              "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('version_lines', 'features', 'version_lines', 4326);"
              "INSERT INTO gpkg_geometry_columns VALUES ('version_lines', 'geom', 'LINESTRING', 4326, 0, 0);" ) );
    }
    if ( from < 3 )
    {
      // schema 3: pillars (designed positions as GeoPackage features, surveyed ones as
      // attributes in WGS 84) and change results kept against their pair of versions
      exec( QStringLiteral(
              "CREATE TABLE pillars (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, number TEXT NOT NULL UNIQUE, type TEXT,"
              " segment TEXT REFERENCES segments(code), surveyed_lon REAL, surveyed_lat REAL, survey_accuracy_m REAL, survey_date TEXT,"
              " author TEXT NOT NULL, recorded_utc TEXT NOT NULL);"
              "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('pillars', 'features', 'pillars', 4326);"
              "INSERT INTO gpkg_geometry_columns VALUES ('pillars', 'geom', 'POINT', 4326, 0, 0);"
              "CREATE TABLE change_results (id INTEGER PRIMARY KEY, old_version TEXT NOT NULL REFERENCES line_versions(name),"
              " new_version TEXT NOT NULL REFERENCES line_versions(name), recorded_utc TEXT NOT NULL, author TEXT NOT NULL, summary TEXT NOT NULL);"
              "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('change_results', 'attributes', 'change_results');" ) );
    }
    if ( from < 4 )
    {
      // schema 4: where a segment runs, along the line and between which points
      exec( QStringLiteral( "ALTER TABLE segments ADD COLUMN chainage_from_m REAL; ALTER TABLE segments ADD COLUMN chainage_to_m REAL;"
                            "ALTER TABLE segments ADD COLUMN from_point TEXT; ALTER TABLE segments ADD COLUMN to_point TEXT;" ) );
    }
    exec( QStringLiteral( "UPDATE limes_meta SET value = '%1' WHERE key = 'schema_version'" ).arg( SCHEMA_VERSION ) );
  }

  long long Workspace::importPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &names, const QString &author )
  {
    if ( QgsWkbTypes::geometryType( source->wkbType() ) != limes::geometrytype::Point )
      throw Error( QStringLiteral( "not a point layer" ), sourceName );
    if ( !source->sourceCrs().isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), sourceName );
    const QgsFields fields = source->fields();
    const int number = fields.lookupField( names.number );
    if ( number < 0 )
      throw Error( QStringLiteral( "no field '%1' with the pillar number (fields: %2)" ).arg( names.number, fields.names().join( QLatin1String( ", " ) ) ), sourceName );
    const int type = fields.lookupField( names.type ), segment = fields.lookupField( names.segment );
    const int sx = fields.lookupField( names.surveyedX ), sy = fields.lookupField( names.surveyedY );
    const int accuracy = fields.lookupField( names.accuracy ), date = fields.lookupField( names.surveyDate );
    const QStringList known = segments();
    const QgsCoordinateReferenceSystem wgs84( QStringLiteral( "EPSG:4326" ) );
    const QgsCoordinateTransform toWgs84( source->sourceCrs(), wgs84, QgsCoordinateTransformContext() );
    checkCoordinatesFitCrs( source, sourceName );
    long long imported = 0;
    transaction( [&] {
      Statement insert( mDb, QStringLiteral( "INSERT INTO pillars (geom, number, type, segment, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, author, recorded_utc) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ), mPath );
      Statement exists( mDb, QStringLiteral( "SELECT 1 FROM pillars WHERE number = ?" ), mPath );
      const QString now = QDateTime::currentDateTimeUtc().toString( Qt::ISODate );
      QgsFeatureRequest request;
      request.setDestinationCrs( wgs84, QgsCoordinateTransformContext() );
      QgsFeatureIterator it = source->getFeatures( request.addOrderBy( QStringLiteral( "$id" ) ) );
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        const QString n = f.attribute( number ).toString().trimmed();
        const QString where = QStringLiteral( "%1 feature %2" ).arg( sourceName ).arg( f.id() );
        if ( n.isEmpty() )
          throw Error( QStringLiteral( "pillar without a number" ), where );
        if ( f.geometry().isNull() || f.geometry().isEmpty() || f.geometry().isMultipart() )
          throw Error( QStringLiteral( "pillar %1 has no single point geometry" ).arg( n ), where );
        const QgsPointXY p = f.geometry().asPoint();
        if ( !std::isfinite( p.x() ) || !std::isfinite( p.y() ) || std::fabs( p.y() ) > 90 )
          throw Error( QStringLiteral( "pillar %1 has an invalid position" ).arg( n ), where );
        exists.reset();
        if ( exists.bind( 1, n ).next() )
          throw Error( QStringLiteral( "pillar number %1 exists already" ).arg( n ), where );
        const QString seg = segment >= 0 ? f.attribute( segment ).toString().trimmed() : QString();
        if ( !seg.isEmpty() && !known.contains( seg ) )
          throw Error( QStringLiteral( "pillar %1: unknown segment '%2'" ).arg( n, seg ), where );
        insert.reset();
        insert.bindBlob( 1, gpkgBlob( f.geometry() ) ).bind( 2, n ).bind( 3, type >= 0 ? f.attribute( type ).toString() : QString() ).bind( 4, seg.isEmpty() ? QString() : seg );
        if ( sx >= 0 && sy >= 0 && !f.attribute( sx ).isNull() && !f.attribute( sy ).isNull() )
        {
          const QgsPointXY surveyed = toWgs84.transform( QgsPointXY( f.attribute( sx ).toDouble(), f.attribute( sy ).toDouble() ) );
          insert.bindDouble( 5, surveyed.x() ).bindDouble( 6, surveyed.y() );
        }
        if ( accuracy >= 0 && !f.attribute( accuracy ).isNull() )
          insert.bindDouble( 7, f.attribute( accuracy ).toDouble() );
        insert.bind( 8, date >= 0 && !f.attribute( date ).isNull() ? f.attribute( date ).toString() : QString() ).bind( 9, author ).bind( 10, now );
        insert.next();
        ++imported;
      }
    } );
    return imported;
  }

  long long Workspace::pillarCount() const
  {
    Statement s( mDb, QStringLiteral( "SELECT COUNT(*) FROM pillars" ), mPath );
    s.next();
    return s.integer( 0 );
  }

  StoredChange Workspace::storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author )
  {
    StoredChange c{ -1, version( oldVersion ).name, version( newVersion ).name, QDateTime::currentDateTimeUtc().toString( Qt::ISODate ), author, summaryJson };
    transaction( [&] {
      Statement( mDb, QStringLiteral( "INSERT INTO change_results (old_version, new_version, recorded_utc, author, summary) VALUES (?, ?, ?, ?, ?)" ), mPath )
        .bind( 1, c.oldVersion ).bind( 2, c.newVersion ).bind( 3, c.recordedUtc ).bind( 4, author ).bind( 5, QString::fromUtf8( summaryJson ) ).next();
      c.id = sqlite3_last_insert_rowid( mDb );
    } );
    return c;
  }

  QList<StoredChange> Workspace::storedChanges() const
  {
    QList<StoredChange> list;
    Statement s( mDb, QStringLiteral( "SELECT id, old_version, new_version, recorded_utc, author, summary FROM change_results ORDER BY id" ), mPath );
    while ( s.next() )
      list << StoredChange{ s.integer( 0 ), s.text( 1 ), s.text( 2 ), s.text( 3 ), s.text( 4 ), s.text( 5 ).toUtf8() };
    return list;
  }

  void Workspace::checkVersion( const LineVersion &v, QgsFeatureSource *source, const QString &sourceName, const QStringList &codes, const QString &where )
  {
    if ( v.name.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a version needs a name" ), where );
    if ( !VERSION_KINDS.contains( v.kind ) )
      throw Error( QStringLiteral( "unknown version kind '%1' (kinds: %2)" ).arg( v.kind, VERSION_KINDS.join( QLatin1String( ", " ) ) ), where );
    for ( const QString &party : { v.leftParty, v.rightParty } )
      if ( !codes.contains( party ) )
        throw Error( QStringLiteral( "unknown party '%1' (parties: %2)" ).arg( party, codes.join( QLatin1String( ", " ) ) ), where );
    if ( v.leftParty == v.rightParty )
      throw Error( QStringLiteral( "left and right party are both '%1'" ).arg( v.leftParty ), where );
    if ( QgsWkbTypes::geometryType( source->wkbType() ) != limes::geometrytype::Line )
      throw Error( QStringLiteral( "not a line layer" ), sourceName );
    if ( !source->sourceCrs().isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), sourceName );
    checkCoordinatesFitCrs( source, sourceName );
  }

  void Workspace::checkVersionLine( const QgsGeometry &line, long long fid, const QString &sourceName )
  {
    const QgsPolylineXY vertices = line.asPolyline();
    bool finite = vertices.size() >= 2;
    for ( const QgsPointXY &p : vertices )
      finite = finite && std::isfinite( p.x() ) && std::isfinite( p.y() ) && std::fabs( p.y() ) <= 90;
    if ( !finite || line.length() <= 0 ) // zero length: every vertex the same
      throw Error( QStringLiteral( "feature %1 is not a valid line (fewer than two distinct vertices, or coordinates out of range)" ).arg( fid ), sourceName );
  }

  LineVersion Workspace::importVersion( const LineVersion &v, QgsFeatureSource *source, const QString &sourceName )
  {
    QStringList codes;
    for ( const Party &p : parties() )
      codes << p.code;
    checkVersion( v, source, sourceName, codes, mPath );
    LineVersion stored = v;
    transaction( [&] {
      Statement exists( mDb, QStringLiteral( "SELECT 1 FROM line_versions WHERE name = ?" ), mPath );
      if ( exists.bind( 1, v.name ).next() )
        throw Error( QStringLiteral( "a version named '%1' exists already; versions are never overwritten" ).arg( v.name ), mPath );
      Statement( mDb, QStringLiteral( "INSERT INTO line_versions (name, kind, source, version_date, author, notes, left_party, right_party, recorded_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" ), mPath )
        .bind( 1, v.name ).bind( 2, v.kind ).bind( 3, v.source ).bind( 4, v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString() ).bind( 5, v.author )
        .bind( 6, v.notes ).bind( 7, v.leftParty ).bind( 8, v.rightParty ).bind( 9, QDateTime::currentDateTimeUtc().toString( Qt::ISODate ) ).next();
      stored.id = sqlite3_last_insert_rowid( mDb );
      QgsFeatureRequest request;
      request.setDestinationCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsCoordinateTransformContext() );
      const int segmentField = source->fields().lookupField( QStringLiteral( "segment" ) );
      QgsFeatureIterator it = source->getFeatures( request.addOrderBy( QStringLiteral( "$id" ) ) );
      Statement insert( mDb, QStringLiteral( "INSERT INTO version_lines (geom, version_id, segment, part) VALUES (?, ?, ?, ?)" ), mPath );
      QgsFeature f;
      while ( it.nextFeature( f ) )
      {
        const QgsGeometry g = f.geometry();
        if ( g.isNull() || g.isEmpty() )
          throw Error( QStringLiteral( "feature %1 has no geometry" ).arg( f.id() ), sourceName );
        int part = 0;
        for ( const QgsGeometry &line : g.asGeometryCollection() )
        {
          checkVersionLine( line, f.id(), sourceName );
          insert.bindBlob( 1, gpkgBlob( line ) ).bind( 2, stored.id ).bind( 3, segmentField >= 0 ? f.attribute( segmentField ).toString() : QString() ).bind( 4, ++part );
          insert.next();
          insert.reset();
          ++stored.parts;
        }
      }
      if ( stored.parts == 0 )
        throw Error( QStringLiteral( "layer is empty" ), sourceName );
    } );
    return stored;
  }

  QList<LineVersion> Workspace::versions() const
  {
    QList<LineVersion> list;
    Statement s( mDb, QStringLiteral( "SELECT id, name, kind, source, version_date, author, notes, left_party, right_party, "
                                      "(SELECT COUNT(*) FROM version_lines WHERE version_id = line_versions.id) FROM line_versions ORDER BY id" ), mPath );
    while ( s.next() )
    {
      LineVersion v;
      v.id = s.integer( 0 );
      v.name = s.text( 1 );
      v.kind = s.text( 2 );
      v.source = s.text( 3 );
      v.date = QDate::fromString( s.text( 4 ), Qt::ISODate );
      v.author = s.text( 5 );
      v.notes = s.text( 6 );
      v.leftParty = s.text( 7 );
      v.rightParty = s.text( 8 );
      v.parts = s.integer( 9 );
      list << v;
    }
    return list;
  }

  LineVersion Workspace::version( const QString &name ) const
  {
    QStringList names;
    for ( const LineVersion &v : versions() )
    {
      if ( v.name == name )
        return v;
      names << v.name;
    }
    throw Error( QStringLiteral( "no version named '%1' (versions: %2)" ).arg( name, names.isEmpty() ? QStringLiteral( "none" ) : names.join( QLatin1String( ", " ) ) ), mPath );
  }

  QString Workspace::versionUri( const LineVersion &v ) const
  {
    return QStringLiteral( "%1|layername=version_lines|subset=version_id = %2" ).arg( mPath ).arg( v.id );
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

  void Workspace::addSegment( const Segment &s )
  {
    if ( s.code.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a segment needs a code" ), mPath );
    transaction( [&] {
      Statement exists( mDb, QStringLiteral( "SELECT 1 FROM segments WHERE code = ?" ), mPath );
      if ( exists.bind( 1, s.code ).next() )
        throw Error( QStringLiteral( "duplicate segment code %1" ).arg( s.code ), mPath );
      Statement insert( mDb, QStringLiteral( "INSERT INTO segments (code, seq, chainage_from_m, chainage_to_m, from_point, to_point) VALUES (?, ?, ?, ?, ?, ?)" ), mPath );
      insert.bind( 1, s.code ).bind( 2, s.sequence ).bind( 5, s.fromPoint.isEmpty() ? QString() : s.fromPoint ).bind( 6, s.toPoint.isEmpty() ? QString() : s.toPoint );
      if ( std::isfinite( s.chainageFrom ) )
        insert.bindDouble( 3, s.chainageFrom );
      if ( std::isfinite( s.chainageTo ) )
        insert.bindDouble( 4, s.chainageTo );
      insert.next();
    } );
  }

  QList<Segment> Workspace::segmentDetails() const
  {
    QList<Segment> list;
    Statement s( mDb, QStringLiteral( "SELECT code, seq, chainage_from_m, chainage_to_m, from_point, to_point FROM segments ORDER BY seq, code" ), mPath );
    while ( s.next() )
    {
      Segment g{ s.text( 0 ), static_cast<int>( s.integer( 1 ) ), std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), s.text( 4 ), s.text( 5 ) };
      if ( !s.text( 2 ).isEmpty() )
        g.chainageFrom = s.text( 2 ).toDouble();
      if ( !s.text( 3 ).isEmpty() )
        g.chainageTo = s.text( 3 ).toDouble();
      list << g;
    }
    return list;
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

  LedgerEntry Workspace::prepareEntry( const LedgerEntryInput &input, const QStringList &segmentCodes, const QStringList &codes, const QString &where )
  {
    if ( !segmentCodes.contains( input.segment ) )
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
    {
      QString error;
      const QString hash = fileSha256( path, &error );
      if ( hash.isEmpty() )
        throw Error( QStringLiteral( "cannot read attachment: %1" ).arg( error ), path );
      e.attachmentHashes.insert( path, hash );
    }
    return e;
  }

  void Workspace::seal( LedgerEntry &e, long long id, const QString &previousHash )
  {
    e.id = id;
    e.previousHash = previousHash;
    e.recordedUtc = QDateTime::currentDateTimeUtc().toString( Qt::ISODateWithMs );
    e.hash = QString::fromLatin1( QCryptographicHash::hash( canonical( e ), QCryptographicHash::Sha256 ).toHex() );
  }

  QString Workspace::jsonOf( const QMap<QString, QString> &map )
  {
    return compact( toJson( map ) );
  }

  QString Workspace::jsonOf( const QMap<QString, QStringList> &map )
  {
    return compact( toJson( map ) );
  }

  void Workspace::readJson( LedgerEntry &e, const QString &positions, const QString &signatories, const QString &attachments )
  {
    const QJsonObject p = QJsonDocument::fromJson( positions.toUtf8() ).object();
    for ( auto it = p.begin(); it != p.end(); ++it )
      e.input.positions.insert( it.key(), it.value().toString() );
    const QJsonObject s = QJsonDocument::fromJson( signatories.toUtf8() ).object();
    for ( auto it = s.begin(); it != s.end(); ++it )
      for ( const QJsonValue &name : it.value().toArray() )
        e.input.signatories[it.key()] << name.toString();
    const QJsonObject a = QJsonDocument::fromJson( attachments.toUtf8() ).object();
    for ( auto it = a.begin(); it != a.end(); ++it )
    {
      e.attachmentHashes.insert( it.key(), it.value().toString() );
      e.input.attachments << it.key();
    }
  }

  LedgerEntry Workspace::addLedgerEntry( const LedgerEntryInput &input )
  {
    const QString where = mPath;
    QStringList codes;
    for ( const Party &p : parties() )
      codes << p.code;
    LedgerEntry e = prepareEntry( input, segments(), codes, where );
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
      seal( e, head.integer( 0 ), head.text( 1 ) );
      Statement( mDb, QStringLiteral( "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ), where )
        .bind( 1, e.id ).bind( 2, input.segment ).bind( 3, input.protocol ).bind( 4, input.meetingDate.toString( Qt::ISODate ) ).bind( 5, input.place )
        .bind( 6, input.decision ).bind( 7, input.agreedVersion ).bind( 8, jsonOf( input.positions ) ).bind( 9, jsonOf( input.signatories ) )
        .bind( 10, jsonOf( e.attachmentHashes ) ).bind( 11, input.supersedes >= 0 ? QString::number( input.supersedes ) : QString() ).bind( 12, input.author ).bind( 13, e.recordedUtc )
        .bind( 14, e.previousHash ).bind( 15, e.hash ).next();
      Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_head'" ), where ).bind( 1, e.hash ).next();
      Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_entries'" ), where ).bind( 1, QString::number( e.id ) ).next();
    } );
    return e;
  }

  void Workspace::appendSealedEntry( const LedgerEntry &e )
  {
    transaction( [&] {
      Statement( mDb, QStringLiteral( "INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" ), mPath )
        .bind( 1, e.id ).bind( 2, e.input.segment ).bind( 3, e.input.protocol ).bind( 4, e.input.meetingDate.toString( Qt::ISODate ) ).bind( 5, e.input.place )
        .bind( 6, e.input.decision ).bind( 7, e.input.agreedVersion ).bind( 8, jsonOf( e.input.positions ) ).bind( 9, jsonOf( e.input.signatories ) )
        .bind( 10, jsonOf( e.attachmentHashes ) ).bind( 11, e.input.supersedes >= 0 ? QString::number( e.input.supersedes ) : QString() ).bind( 12, e.input.author )
        .bind( 13, e.recordedUtc ).bind( 14, e.previousHash ).bind( 15, e.hash ).next();
      Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_head'" ), mPath ).bind( 1, e.hash ).next();
      Statement( mDb, QStringLiteral( "UPDATE limes_meta SET value = ? WHERE key = 'ledger_entries'" ), mPath ).bind( 1, QString::number( e.id ) ).next();
    } );
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
      readJson( e, s.text( 7 ), s.text( 8 ), s.text( 9 ) );
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
    return statusOf( segments(), ledger() );
  }

  QMap<QString, QString> Workspace::statusOf( const QStringList &segmentCodes, const QList<LedgerEntry> &entries )
  {
    QMap<QString, QString> status;
    for ( const QString &code : segmentCodes )
      status.insert( code, QStringLiteral( "no decision yet" ) );
    QSet<long long> superseded;
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
    Statement meta( mDb, QStringLiteral( "SELECT (SELECT value FROM limes_meta WHERE key = 'ledger_entries'), (SELECT value FROM limes_meta WHERE key = 'ledger_head')" ), mPath );
    meta.next();
    return verifyChain( ledger(), meta.text( 0 ).toLongLong(), meta.text( 1 ) );
  }

  VerifyReport Workspace::verifyChain( const QList<LedgerEntry> &entries, long long recordedCount, const QString &recordedHead )
  {
    VerifyReport report;
    QString previous = QLatin1String( ZERO_HASH );
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
    if ( recordedCount != static_cast<long long>( entries.size() ) || recordedHead != previous )
      report.problems << QStringLiteral( "the ledger should hold %1 entries ending in %2…; it holds %3: entries were removed or added outside Limes" )
                      .arg( recordedCount ).arg( recordedHead.left( 12 ) ).arg( entries.size() );
    return report;
  }

  void Workspace::checkAcceptedFinding( const AcceptedException &x, const QString &author, const QString &where )
  {
    if ( !Validator::allRules().contains( x.rule ) )
      throw Error( QStringLiteral( "unknown rule '%1'" ).arg( x.rule ), where );
    if ( x.reason.trimmed().isEmpty() || author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "an accepted finding needs a reason and an author" ), where );
  }

  void Workspace::acceptFinding( const AcceptedException &x, const QString &author )
  {
    checkAcceptedFinding( x, author, mPath );
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
