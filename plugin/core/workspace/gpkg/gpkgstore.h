// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_GPKGSTORE_H
#define LIMES_WORKSPACE_GPKGSTORE_H

#include "workspace/workspacestore.h"
#include "workspace/gpkg/sqlite.h"

namespace limes
{
  /**
   * A commission workspace in one GeoPackage a commission can send by e-mail: the model's
   * tables beside GeoPackage feature tables (version_lines, pillars) QGIS opens styled.
   * Triggers make SQLite itself refuse updates and deletes of ledger entries; anyone holding
   * the file can still rewrite it, which the signatures and verify() are for.
   */
  class GpkgStore : public WorkspaceStore
  {
    public:
      /**
       * Creates the file with its parties and segments; refuses to overwrite, removes what it
       * wrote on failure. A `schema` below the current one is for testing migrations.
       */
      static void create( const QString &path, const QList<Party> &parties, const QList<Segment> &segments, int schema = SCHEMA_VERSION );
      //! Opens a workspace; an older schema is migrated after a backup copy, a newer one refused.
      static std::unique_ptr<GpkgStore> open( const QString &path, const QgsCoordinateTransformContext &context );

      QString path() const { return mDb.path(); }

      QString describe() const override { return mDb.path(); }
      QString place() const override { return mDb.path(); }
      QString title() const override;
      int schemaVersion() const override;
      Capabilities capabilities() const override { return Capabilities(); }
      QList<Party> parties() const override;
      QList<Segment> segments() const override;
      QList<LineVersion> versions() const override;
      VersionLayer versionLayer( const LineVersion &version ) const override;
      QList<Pillar> pillarRows() const override;
      long long pillarCount() const override;
      QList<ledger::Row> ledgerRows() const override;
      QList<AcceptedFinding> acceptedFindings() const override;
      QList<StoredChange> storedChanges() const override;
      QString layerStyle( const QString &table ) const override;
      //! Refused: a GeoPackage workspace is already one file.
      void exportTo( const QString &gpkgPath ) const override;

    protected:
      void transaction( const std::function<void()> &work ) override;
      void readSnapshot( const std::function<void()> &work ) const override;
      //! PRAGMA integrity_check's findings, as one line.
      QStringList storageProblems() const override;
      void insertParty( const Party &party ) override;
      void insertSegment( const Segment &segment ) override;
      long long insertVersion( const LineVersion &version ) override;
      void insertVersionLine( long long versionId, const VersionLine &line ) override;
      void insertPillar( const Pillar &pillar ) override;
      LedgerHead ledgerHead( bool lock ) const override;
      void insertLedgerRow( const ledger::Row &row ) override;
      QList<VersionLine> versionLines( long long versionId ) const override;
      void insertFinding( const AcceptedFinding &finding ) override;
      StoredChange insertChange( const StoredChange &change ) override;
      QMap<QString, long long> legacyIds() const override;
      void setLegacyIds( const QMap<QString, long long> &ids ) override;

    private:
      GpkgStore( SqliteDb db, const QgsCoordinateTransformContext &context );

      SqliteDb mDb;
  };
}

#endif
