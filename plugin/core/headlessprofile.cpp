// SPDX-License-Identifier: GPL-2.0-or-later
#include "headlessprofile.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>

#include <qgis.h>
#include <qgsstyle.h>
#include <qgsuserprofile.h>
#include <qgsuserprofilemanager.h>

#include <sqlite3.h>

#include <cstdio>
#include <memory>

namespace limes
{
  namespace
  {
    const char *const sMarkerKey = "limes_headless";

    struct SqliteClose
    {
      void operator()( sqlite3 *db ) const { sqlite3_close( db ); }
    };
    using SqliteHandle = std::unique_ptr<sqlite3, SqliteClose>;

    SqliteHandle openSqlite( const QString &path, int flags )
    {
      sqlite3 *db = nullptr;
      const int rc = sqlite3_open_v2( QFile::encodeName( path ).constData(), &db, flags, nullptr );
      SqliteHandle handle( db );
      return rc == SQLITE_OK ? std::move( handle ) : SqliteHandle();
    }

    bool isOurEmptyStyle( const QString &path )
    {
      if ( !QFile::exists( path ) )
        return false;
      const SqliteHandle db = openSqlite( path, SQLITE_OPEN_READONLY );
      if ( !db )
        return false;
      sqlite3_stmt *statement = nullptr;
      bool found = false;
      if ( sqlite3_prepare_v2( db.get(), "SELECT 1 FROM stylemetadata WHERE key = ?", -1, &statement, nullptr ) == SQLITE_OK )
      {
        sqlite3_bind_text( statement, 1, sMarkerKey, -1, SQLITE_STATIC );
        found = sqlite3_step( statement ) == SQLITE_ROW;
      }
      sqlite3_finalize( statement );
      return found;
    }
  }

  QString headlessProfileFolder()
  {
    QString root = qEnvironmentVariable( "QGIS_CUSTOM_CONFIG_PATH" );
    if ( root.isEmpty() )
      root = QStandardPaths::standardLocations( QStandardPaths::AppDataLocation ).value( 0 );
    QgsUserProfileManager manager( QgsUserProfileManager::resolveProfilesFolder( root ) );
    const std::unique_ptr<QgsUserProfile> profile( manager.getProfile() );
    const QString folder = profile->folder();
    ensureEmptyStyle( folder + QStringLiteral( "/symbology-style.db" ) );
    return folder;
  }

  void ensureEmptyStyle( const QString &path )
  {
    if ( isOurEmptyStyle( path ) )
      return;
    const QString aside = QStringLiteral( "%1.%2.tmp" ).arg( path ).arg( QCoreApplication::applicationPid() );
    QFile::remove( aside );
    {
      // QGIS's own tables, whatever this release's are
      QgsStyle style;
      if ( !style.createDatabase( aside ) )
        return;
    }
    bool written = false;
    if ( const SqliteHandle db = openSqlite( aside, SQLITE_OPEN_READWRITE ) )
    {
      // stamped with this release's version, so that init's upgrade imports nothing
      const QByteArray sql = QStringLiteral( "CREATE TABLE IF NOT EXISTS stylemetadata(id INTEGER PRIMARY KEY, key TEXT UNIQUE, value TEXT);"
                                             "INSERT OR REPLACE INTO stylemetadata(key, value) VALUES ('version', '%1');"
                                             "INSERT INTO stylemetadata(key, value) VALUES ('%2', 'no symbols: the limes CLI draws with its own');" )
                             .arg( Qgis::versionInt() ).arg( QLatin1String( sMarkerKey ) ).toUtf8();
      written = sqlite3_exec( db.get(), sql.constData(), nullptr, nullptr, nullptr ) == SQLITE_OK;
    }
    if ( !written || std::rename( QFile::encodeName( aside ).constData(), QFile::encodeName( path ).constData() ) != 0 )
      QFile::remove( aside );
  }
}
