// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CONNECTIONS_H
#define LIMES_CONNECTIONS_H

#include <QList>
#include <QString>
#include <QStringList>

namespace limes
{
  //! A PostgreSQL connection the user saved in QGIS (Data Source Manager, Browser).
  struct SavedConnection
  {
    QString name;
    QString conninfo;     //!< for openWorkspace(): may hold a password, or authcfg=ID
    QString description;  //!< for people: never a password
  };

  /**
   * QGIS's saved PostgreSQL connections, by name: from the provider registry's connections
   * API, or, where the postgres provider is not loaded, from QgsSettings
   * (PostgreSQL/connections/NAME/…), with their authentication configuration (authcfg).
   */
  QList<SavedConnection> savedPostgresConnections();
  //! The saved connection of that name; an empty conninfo when there is none.
  SavedConnection savedPostgresConnection( const QString &name );

  /**
   * Workspaces opened lately, newest first, as "file:PATH" or "postgres:CONNECTION NAME"
   * (the connection's name, so that no password is ever stored with them).
   */
  class RecentWorkspaces
  {
    public:
      static constexpr int MAX = 8;
      static QStringList entries();
      static void add( const QString &entry );
      static void remove( const QString &entry );
      static QString fileEntry( const QString &path );
      static QString connectionEntry( const QString &name );
      //! How a menu shows it: the path, or "PostgreSQL: NAME".
      static QString label( const QString &entry );
  };
}

#endif
