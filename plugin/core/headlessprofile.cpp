// SPDX-License-Identifier: GPL-2.0-or-later
#include "headlessprofile.h"
#include "error.h"
#include "workspace/gpkg/sqlite.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>

#include <qgis.h>
#include <qgsstyle.h>
#include <qgsuserprofile.h>
#include <qgsuserprofilemanager.h>

#include <cstdio>
#include <memory>

namespace limes
{
  namespace
  {
    const char *const sMarkerKey = "limes_headless";

    bool isOurEmptyStyle( const QString &path )
    {
      if ( !QFile::exists( path ) )
        return false;
      try
      {
        const SqliteDb db( path );
        if ( !db.hasTable( QStringLiteral( "stylemetadata" ) ) )
          return false;
        Statement marker( db, QStringLiteral( "SELECT 1 FROM stylemetadata WHERE key = ?" ) );
        marker.bind( 1, QString::fromLatin1( sMarkerKey ) );
        return marker.next();
      }
      catch ( const Error & )
      {
        return false; // not a style at all: made anew
      }
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
    try
    {
      // stamped with this release's version, so that init's upgrade imports nothing
      {
        const SqliteDb db( aside );
        db.exec( QStringLiteral( "CREATE TABLE IF NOT EXISTS stylemetadata(id INTEGER PRIMARY KEY, key TEXT UNIQUE, value TEXT);"
                                 "INSERT OR REPLACE INTO stylemetadata(key, value) VALUES ('version', '%1');"
                                 "INSERT INTO stylemetadata(key, value) VALUES ('%2', 'no symbols: the limes CLI draws with its own');" )
                 .arg( Qgis::versionInt() ).arg( QLatin1String( sMarkerKey ) ) );
      }
      if ( std::rename( QFile::encodeName( aside ).constData(), QFile::encodeName( path ).constData() ) == 0 )
        return;
    }
    catch ( const Error & )
    {
    }
    QFile::remove( aside );
  }
}
