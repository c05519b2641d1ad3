// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_PGSTORE_H
#define LIMES_WORKSPACE_PGSTORE_H

#include "workspace/workspacestore.h"
#include "workspace/postgis/pgconnection.h"

namespace limes
{
  /**
   * The commission workspace on PostgreSQL/PostGIS, for commissions whose cartographers work
   * at once from several places: the model in schema `limes`, with the rules the delegations
   * work under enforced by the database (roles per party, row-level security on claims and
   * positions, an append-only ledger, row versions for optimistic locking).
   * Connection passwords come from libpq's service file, ~/.pgpass or QGIS's authentication
   * database: never from our messages.
   */
  class PgStore : public WorkspaceStore
  {
    public:
      //! TARGET names a PostgreSQL database rather than a GeoPackage file.
      static bool isConnection( const QString &target );
      //! The connection without its password, for messages.
      static QString describeConnection( const QString &conninfo );
      /**
       * Installs the schema, the parties (and their roles) and segments, in one transaction.
       * A `schema` below the current one is for testing migrations.
       */
      static void create( const QString &conninfo, const QList<Party> &parties, const QList<Segment> &segments, int schema = SCHEMA_VERSION );
      //! Connects; an older schema is migrated in one transaction, a newer one refused.
      static std::unique_ptr<PgStore> open( const QString &conninfo, const QgsCoordinateTransformContext &context );

      QString describe() const override { return mConn.where(); }
      QString place() const override { return QStringLiteral( "in %1" ).arg( mConn.where() ); }
      QString title() const override;
      int schemaVersion() const override;
      Capabilities capabilities() const override;
      QList<Party> parties() const override;
      QString partyRole( const QString &code ) const override;
      QString loginParty() const override;
      QList<Segment> segments() const override;
      QList<LineVersion> versions() const override;
      //! A memory layer: the lines are copied out of the database.
      VersionLayer versionLayer( const LineVersion &version ) const override;
      int setVersionNotes( const QString &name, const QString &notes, int readRowVersion ) override;
      QList<Pillar> pillarRows() const override;
      long long pillarCount() const override;
      QList<ledger::Row> ledgerRows() const override;
      QList<AcceptedFinding> acceptedFindings() const override;
      QList<StoredChange> storedChanges() const override;

    protected:
      void transaction( const std::function<void()> &work ) override;
      void readSnapshot( const std::function<void()> &work ) const override;
      void insertParty( const Party &party ) override;
      void insertSegment( const Segment &segment ) override;
      long long insertVersion( const LineVersion &version ) override;
      void insertVersionLine( long long versionId, const VersionLine &line ) override;
      void insertPillar( const Pillar &pillar ) override;
      LedgerHead ledgerHead( bool lock ) const override;
      //! The database chains it (trigger chained), moves the head (trigger head) and checks its signer (row-level security).
      void insertLedgerRow( const ledger::Row &row ) override;
      QList<VersionLine> versionLines( long long versionId ) const override;
      void insertFinding( const AcceptedFinding &finding ) override;
      StoredChange insertChange( const StoredChange &change ) override;
      QMap<QString, long long> legacyIds() const override;
      //! Refused: only a GeoPackage snapshot is written this way.
      void setLegacyIds( const QMap<QString, long long> &ids ) override;

    private:
      PgStore( pg::Connection connection, const QgsCoordinateTransformContext &context );
      int rowVersion( const QString &versionName ) const;

      pg::Connection mConn;
  };
}

#endif
