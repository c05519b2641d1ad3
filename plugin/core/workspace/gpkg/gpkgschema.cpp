// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/gpkg/gpkgschema.h"
#include "workspace/gpkg/sqlite.h"
#include "workspace/canonicaljson.h"
#include "workspace/ledger.h"
#include "workspace/styles.h"
#include "workspace/workspacestore.h"
#include "error.h"

#include <QDomDocument>

#include <qgsvectorlayer.h>

namespace limes
{
  namespace
  {
    /**
     * Schema 5: the ledger signed and of several kinds (the decision columns may be empty, the
     * payload, signer and sealed bytes beside them), content rows naming the entry that recorded
     * them, and the largest row id of each content table as it was before signatures. SQLite
     * cannot drop NOT NULL: the ledger is rebuilt, its rows copied as they are.
     */
    void migrateToSignedLedger( const SqliteDb &db )
    {
      db.exec( QStringLiteral(
                 "CREATE TABLE ledger_v5 (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('decision','countersign','key','key_revoke','version','pillars','finding','change')),"
                 " segment TEXT REFERENCES segments(code), protocol TEXT, meeting_date TEXT, place TEXT,"
                 " decision TEXT CHECK (decision IS NULL OR decision IN ('agreed','disputed','deferred','referred')), agreed_version TEXT,"
                 " positions TEXT, signatories TEXT, attachments TEXT, supersedes INTEGER REFERENCES ledger_v5(id), author TEXT NOT NULL, recorded_utc TEXT NOT NULL,"
                 " previous_hash TEXT NOT NULL, hash TEXT NOT NULL, payload TEXT, signer_party TEXT, signer_key TEXT, signature TEXT, sealed TEXT);"
                 "INSERT INTO ledger_v5 (id, kind, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments, supersedes,"
                 " author, recorded_utc, previous_hash, hash) SELECT id, 'decision', segment, protocol, meeting_date, place, decision, agreed_version, positions,"
                 " signatories, attachments, supersedes, author, recorded_utc, previous_hash, hash FROM ledger ORDER BY id;"
                 "DROP TABLE ledger;"
                 "ALTER TABLE ledger_v5 RENAME TO ledger;"
                 "CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;"
                 "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;"
                 "ALTER TABLE line_versions ADD COLUMN ledger_entry INTEGER; ALTER TABLE pillars ADD COLUMN ledger_entry INTEGER;"
                 "ALTER TABLE validation_exceptions ADD COLUMN ledger_entry INTEGER; ALTER TABLE change_results ADD COLUMN ledger_entry INTEGER;" ) );
      QJsonObject legacy;
      for ( const char *table : { "line_versions", "pillars", "validation_exceptions", "change_results" } )
      {
        Statement max( db, QStringLiteral( "SELECT COALESCE(MAX(%1), 0) FROM %2" ).arg( QLatin1String( qstrcmp( table, "pillars" ) == 0 ? "fid" : "id" ), QLatin1String( table ) ) );
        max.next();
        legacy.insert( QLatin1String( table ), max.integer( 0 ) );
      }
      Statement( db, QStringLiteral( "INSERT INTO limes_meta VALUES ('legacy_ids', ?)" ) ).bind( 1, QString::fromUtf8( canonicaljson::serialise( legacy ) ) ).next();
    }
  }

  namespace
  {
    /**
     * Schema 7: ledger entries of kind segment_split. SQLite cannot change a CHECK constraint:
     * the ledger is rebuilt with the longer list of kinds, its rows copied as they are.
     */
    void allowSegmentSplits( const SqliteDb &db )
    {
      db.exec( QStringLiteral(
                 "CREATE TABLE ledger_v7 (id INTEGER PRIMARY KEY, kind TEXT NOT NULL"
                 " CHECK (kind IN ('decision','countersign','key','key_revoke','version','pillars','finding','change','segment_split')),"
                 " segment TEXT REFERENCES segments(code), protocol TEXT, meeting_date TEXT, place TEXT,"
                 " decision TEXT CHECK (decision IS NULL OR decision IN ('agreed','disputed','deferred','referred')), agreed_version TEXT,"
                 " positions TEXT, signatories TEXT, attachments TEXT, supersedes INTEGER REFERENCES ledger_v7(id), author TEXT NOT NULL, recorded_utc TEXT NOT NULL,"
                 " previous_hash TEXT NOT NULL, hash TEXT NOT NULL, payload TEXT, signer_party TEXT, signer_key TEXT, signature TEXT, sealed TEXT);"
                 "INSERT INTO ledger_v7 SELECT id, kind, segment, protocol, meeting_date, place, decision, agreed_version, positions, signatories, attachments,"
                 " supersedes, author, recorded_utc, previous_hash, hash, payload, signer_party, signer_key, signature, sealed FROM ledger ORDER BY id;"
                 "DROP TABLE ledger;"
                 "ALTER TABLE ledger_v7 RENAME TO ledger;"
                 "CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;"
                 "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: record a correcting entry'); END;" ) );
    }
  }

  void installGpkgSchema( const SqliteDb &db, int schema )
  {
    db.exec( QStringLiteral(
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
      Statement( db, QStringLiteral( "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, 'attributes', ?)" ) )
        .bind( 1, QLatin1String( table ) ).bind( 2, QLatin1String( table ) ).next();
    Statement( db, QStringLiteral( "INSERT INTO limes_meta VALUES ('schema_version', '1'), ('ledger_entries', '0'), ('ledger_head', ?)" ) )
      .bind( 1, ledger::zeroHash() ).next();
    migrateGpkgSchema( db, 1, schema ); // one way to the current schema, for new and old workspaces alike
  }

  void migrateGpkgSchema( const SqliteDb &db, int from, int to )
  {
    if ( from < 2 && to >= 2 )
    {
      // schema 2: line versions and their geometry (a GeoPackage feature table in WGS 84)
      db.exec( QStringLiteral(
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
    if ( from < 3 && to >= 3 )
    {
      // schema 3: pillars (designed positions as GeoPackage features, surveyed ones as
      // attributes in WGS 84) and change results kept against their pair of versions
      db.exec( QStringLiteral(
                 "CREATE TABLE pillars (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT NOT NULL, number TEXT NOT NULL UNIQUE, type TEXT,"
                 " segment TEXT REFERENCES segments(code), surveyed_lon REAL, surveyed_lat REAL, survey_accuracy_m REAL, survey_date TEXT,"
                 " author TEXT NOT NULL, recorded_utc TEXT NOT NULL);"
                 "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('pillars', 'features', 'pillars', 4326);"
                 "INSERT INTO gpkg_geometry_columns VALUES ('pillars', 'geom', 'POINT', 4326, 0, 0);"
                 "CREATE TABLE change_results (id INTEGER PRIMARY KEY, old_version TEXT NOT NULL REFERENCES line_versions(name),"
                 " new_version TEXT NOT NULL REFERENCES line_versions(name), recorded_utc TEXT NOT NULL, author TEXT NOT NULL, summary TEXT NOT NULL);"
                 "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('change_results', 'attributes', 'change_results');" ) );
    }
    if ( from < 4 && to >= 4 )
    {
      // schema 4: where a segment runs, along the line and between which points
      db.exec( QStringLiteral( "ALTER TABLE segments ADD COLUMN chainage_from_m REAL; ALTER TABLE segments ADD COLUMN chainage_to_m REAL;"
                               "ALTER TABLE segments ADD COLUMN from_point TEXT; ALTER TABLE segments ADD COLUMN to_point TEXT;" ) );
    }
    if ( from < 5 && to >= 5 )
      migrateToSignedLedger( db );
    if ( from < 6 && to >= 6 )
    {
      // schema 6: a version's edge interpretation (NULL: not recorded, as for every older version)
      db.exec( QStringLiteral( "ALTER TABLE line_versions ADD COLUMN edges TEXT" ) );
    }
    if ( from < 7 && to >= 7 )
      allowSegmentSplits( db );
    db.exec( QStringLiteral( "UPDATE limes_meta SET value = '%1' WHERE key = 'schema_version'" ).arg( to ) );
  }

  void saveGpkgDefaultStyles( const SqliteDb &db )
  {
    const QString path = db.path();
    QgsVectorLayer::LayerOptions options( false, false );
    QgsVectorLayer lines( path + QStringLiteral( "|layername=version_lines" ), QStringLiteral( "version_lines" ), QStringLiteral( "ogr" ), options );
    QgsVectorLayer pillars( path + QStringLiteral( "|layername=pillars" ), QStringLiteral( "pillars" ), QStringLiteral( "ogr" ), options );
    if ( !lines.isValid() || !pillars.isValid() )
      throw Error( QStringLiteral( "cannot open the new workspace's layers" ), path );
    // written with our own connection, in the table QGIS reads, so that GDAL never switches
    // the file to another journal mode behind our back
    db.transaction( [&] {
      db.exec( QStringLiteral(
                 "CREATE TABLE IF NOT EXISTS layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT, f_table_schema TEXT, f_table_name TEXT,"
                 " f_geometry_column TEXT, styleName TEXT, styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT, ui TEXT,"
                 " update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));"
                 "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('layer_styles', 'attributes', 'layer_styles');" ) );
      for ( QgsVectorLayer *layer : { &lines, &pillars } )
      {
        applyDefaultStyle( *layer, layer->name() );
        QDomDocument qml;
        QString error;
        layer->exportNamedStyle( qml, error );
        if ( !error.isEmpty() )
          throw Error( QStringLiteral( "cannot write the default style of %1: %2" ).arg( layer->name(), error ), path );
        Statement( db, QStringLiteral( "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
                                       "VALUES ('', '', ?, 'geom', 'Limes', ?, '', 1, 'Limes default style', '', '')" ) )
          .bind( 1, layer->name() ).bind( 2, qml.toString() ).next();
      }
    } );
  }
}
