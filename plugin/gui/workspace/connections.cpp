// SPDX-License-Identifier: GPL-2.0-or-later
#include "connections.h"

#include <QCoreApplication>

#include <qgsabstractdatabaseproviderconnection.h>
#include <qgsdatasourceuri.h>
#include <qgsexception.h>
#include <qgsprovidermetadata.h>
#include <qgsproviderregistry.h>
#include <qgssettings.h>

namespace limes
{
  namespace
  {
    const QString RECENT_KEY = QStringLiteral( "Limes/recentWorkspaces" );

    SavedConnection fromUri( const QString &name, const QgsDataSourceUri &uri )
    {
      SavedConnection c;
      c.name = name;
      c.conninfo = uri.connectionInfo( false ); // keeps authcfg=ID for the store to resolve
      QgsDataSourceUri shown( uri );
      shown.setPassword( QString() );
      c.description = shown.connectionInfo( false );
      if ( !uri.authConfigId().isEmpty() )
        c.description = QCoreApplication::translate( "limes::SavedConnection", "%1 — user and password from QGIS's authentication database (configuration %2)" )
                        .arg( c.description, uri.authConfigId() );
      return c;
    }

    //! QGIS 3.22's own keys, for when the postgres provider is not loaded.
    QList<SavedConnection> fromSettings()
    {
      QList<SavedConnection> list;
      QgsSettings settings;
      settings.beginGroup( QStringLiteral( "PostgreSQL/connections" ) );
      for ( const QString &name : settings.childGroups() )
      {
        const QString key = name + QLatin1Char( '/' );
        QgsDataSourceUri uri;
        const QString service = settings.value( key + QStringLiteral( "service" ) ).toString();
        const QString user = settings.value( key + QStringLiteral( "saveUsername" ), true ).toBool() ? settings.value( key + QStringLiteral( "username" ) ).toString() : QString();
        const QString password = settings.value( key + QStringLiteral( "savePassword" ), false ).toBool() ? settings.value( key + QStringLiteral( "password" ) ).toString() : QString();
        const QString authcfg = settings.value( key + QStringLiteral( "authcfg" ) ).toString();
        if ( !service.isEmpty() )
          uri.setConnection( service, settings.value( key + QStringLiteral( "database" ) ).toString(), user, password, QgsDataSourceUri::SslPrefer, authcfg );
        else
          uri.setConnection( settings.value( key + QStringLiteral( "host" ) ).toString(), settings.value( key + QStringLiteral( "port" ) ).toString(),
                             settings.value( key + QStringLiteral( "database" ) ).toString(), user, password, QgsDataSourceUri::SslPrefer, authcfg );
        list << fromUri( name, uri );
      }
      return list;
    }
  }

  QList<SavedConnection> savedPostgresConnections()
  {
    QgsProviderMetadata *postgres = QgsProviderRegistry::instance()->providerMetadata( QStringLiteral( "postgres" ) );
    if ( !postgres )
      return fromSettings();
    QList<SavedConnection> list;
    try
    {
      const QMap<QString, QgsAbstractProviderConnection *> connections = postgres->connections( false );
      for ( auto it = connections.cbegin(); it != connections.cend(); ++it )
        list << fromUri( it.key(), QgsDataSourceUri( it.value()->uri() ) );
    }
    catch ( const QgsProviderConnectionException & )
    {
      return fromSettings();
    }
    return list;
  }

  SavedConnection savedPostgresConnection( const QString &name )
  {
    for ( const SavedConnection &c : savedPostgresConnections() )
      if ( c.name == name )
        return c;
    return SavedConnection();
  }

  QStringList RecentWorkspaces::entries()
  {
    return QgsSettings().value( RECENT_KEY ).toStringList();
  }

  void RecentWorkspaces::add( const QString &entry )
  {
    QStringList list = entries();
    list.removeAll( entry );
    list.prepend( entry );
    while ( list.size() > MAX )
      list.removeLast();
    QgsSettings().setValue( RECENT_KEY, list );
  }

  void RecentWorkspaces::remove( const QString &entry )
  {
    QStringList list = entries();
    list.removeAll( entry );
    QgsSettings().setValue( RECENT_KEY, list );
  }

  QString RecentWorkspaces::fileEntry( const QString &path )
  {
    return QStringLiteral( "file:" ) + path;
  }

  QString RecentWorkspaces::connectionEntry( const QString &name )
  {
    return QStringLiteral( "postgres:" ) + name;
  }

  QString RecentWorkspaces::label( const QString &entry )
  {
    if ( entry.startsWith( QLatin1String( "postgres:" ) ) )
      return QCoreApplication::translate( "limes::RecentWorkspaces", "PostgreSQL: %1" ).arg( entry.mid( 9 ) );
    return entry.startsWith( QLatin1String( "file:" ) ) ? entry.mid( 5 ) : entry;
  }
}
