// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_GPKGSCHEMA_H
#define LIMES_WORKSPACE_GPKGSCHEMA_H

namespace limes
{
  class SqliteDb;

  //! The workspace's tables in a new GeoPackage, at the current schema (an older `schema` to test migrations); the caller holds the transaction.
  void installGpkgSchema( const SqliteDb &db, int schema );
  //! Brings a workspace from schema `from` to `to`; the caller holds the transaction.
  void migrateGpkgSchema( const SqliteDb &db, int from, int to );
  //! The default styles in the GeoPackage's layer_styles, which QGIS reads: the workspace opens styled.
  void saveGpkgDefaultStyles( const SqliteDb &db );
}

#endif
