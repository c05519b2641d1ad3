// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACESTORE_H
#define LIMES_WORKSPACESTORE_H

#include "workspace/model.h"

#include <QFlags>
#include <QSet>

#include <functional>
#include <memory>

#include <qgscoordinatetransformcontext.h>

class QgsFeatureSource;
class QgsVectorLayer;

namespace limes
{
  struct VersionLine;

  //! One version's lines as a layer for QGIS and the engines, and how provenance names it.
  struct VersionLayer
  {
    std::unique_ptr<QgsVectorLayer> layer;
    QString spec;   //!< how reports name the source
    QString path;   //!< the file to fingerprint; empty when the lines are not in a file
  };

  //! What `limes workspace info` shows.
  struct WorkspaceInfo
  {
    QString title;
    QList<Party> parties;
    QStringList segments;
    QMap<QString, QString> status;
    QList<LineVersion> versions;
    long long pillars = 0;
    QList<StoredChange> changes;
    long long ledgerEntries = 0;
    long long acceptedFindings = 0;
  };

  //! What a storage keeps beside the ledger entries: how many there are and the chain's head.
  struct LedgerHead
  {
    long long entries = 0;  //!< as recorded
    long long nextId = 1;   //!< one past the largest id present
    QString hash;           //!< hash of the last entry, 64 zeros when there is none
  };

  /**
   * A commission workspace, whatever stores it: parties, segments, line versions, pillars,
   * the hash-chained agreement ledger, accepted validation findings and stored change
   * results. The CLI, Processing and the desktop call only this.
   *
   * The public operations that write check their input with the shared rules (checks.h,
   * ledger.h, importsource.h) and then run the storage's primitives (the protected part) in
   * one transaction of the storage's: a storage adds no rule of its own beyond what its
   * database enforces (PostgreSQL's roles and row-level security).
   * Stores own a database handle: not copyable.
   */
  class WorkspaceStore
  {
    public:
      //! The model's version; both storages migrate an older workspace to it and refuse a newer one.
      static constexpr int SCHEMA_VERSION = 4;

      //! What only some storages do.
      enum class Capability
      {
        PartyRoles = 1 << 0,   //!< each party has a database role its delegation's logins join
        RowVersions = 1 << 1,  //!< versions carry row versions: setVersionNotes() (optimistic locking)
        ClaimOwners = 1 << 2,  //!< a claim belongs to a delegation (LineVersion::ownerParty)
        Snapshot = 1 << 3,     //!< exportTo() writes a GeoPackage snapshot
      };
      Q_DECLARE_FLAGS( Capabilities, Capability )

      virtual ~WorkspaceStore();
      WorkspaceStore( const WorkspaceStore & ) = delete;
      WorkspaceStore &operator=( const WorkspaceStore & ) = delete;

      //! How messages name the workspace: its path, or "PostgreSQL host=… dbname=…" (never a password).
      virtual QString describe() const = 0;
      //! Where it is, as a sentence says it: "/x/ws.gpkg", or "in PostgreSQL …".
      virtual QString place() const = 0;
      //! The heading of `limes workspace info`.
      virtual QString title() const = 0;
      virtual int schemaVersion() const = 0;
      virtual Capabilities capabilities() const = 0;

      virtual QList<Party> parties() const = 0;
      QStringList partyCodes() const;
      void addParty( const Party &party );
      //! The database role of a party's delegation; empty without Capability::PartyRoles.
      virtual QString partyRole( const QString &code ) const;

      //! In order (sequence, then code).
      virtual QList<Segment> segments() const = 0;
      QStringList segmentCodes() const;
      //! All or none, in one transaction.
      void addSegments( const QList<Segment> &segments );
      //! Status per segment derived from the ledger: the latest entry not superseded.
      QMap<QString, QString> segmentStatus() const;

      virtual QList<LineVersion> versions() const = 0;
      //! limes::Error naming the versions there are when there is none of that name.
      LineVersion version( const QString &name ) const;
      /**
       * Imports the lines of `source` (any CRS; stored in WGS 84) as a new version, in one
       * transaction. A `segment` field, when the source has one, is kept per line.
       */
      LineVersion importVersion( const LineVersion &version, QgsFeatureSource *source, const QString &sourceName );
      //! One version's lines (WGS 84, field `segment`), in the order they were imported.
      virtual VersionLayer versionLayer( const LineVersion &version ) const = 0;
      /**
       * Changes a version's notes if nobody has changed the version since it was read at
       * `readRowVersion`; otherwise a conflict error says so and nothing is written.
       * Returns the new row version. Needs Capability::RowVersions.
       */
      virtual int setVersionNotes( const QString &name, const QString &notes, int readRowVersion );

      /**
       * Imports pillars (designed position = the point; surveyed position, accuracy and date
       * from fields) in one transaction; numbers must be new and segments known.
       */
      long long importPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &fields, const QString &author );
      virtual QList<Pillar> pillars() const = 0;
      virtual long long pillarCount() const = 0;

      /**
       * Checks, seals and appends an entry in one transaction; the chain head is locked for
       * the time of it, so that two writers at once are chained one after the other.
       */
      LedgerEntry addLedgerEntry( const LedgerEntryInput &input );
      //! Appends an entry sealed elsewhere, as it is (an export); verify() then checks it.
      void appendSealedEntry( const LedgerEntry &entry );
      virtual QList<LedgerEntry> ledger( const QString &segment = QString() ) const = 0;
      //! Names any entry changed, removed or added behind Limes' back.
      VerifyReport verify() const;

      //! `knownRules`: the validation rule ids (Validator::allRules()).
      void acceptFinding( const AcceptedFinding &finding, const QStringList &knownRules );
      virtual QList<AcceptedFinding> acceptedFindings() const = 0;

      //! Keeps a change summary (the engine's JSON, as bytes) against the two versions it compares.
      StoredChange storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author );
      virtual QList<StoredChange> storedChanges() const = 0;

      //! The style (QGIS QML) a layer of the workspace opens with: `version_lines` or `pillars`.
      virtual QString layerStyle( const QString &table ) const;

      /**
       * A GeoPackage snapshot of the whole workspace (parties, segments, versions, pillars,
       * the ledger as sealed, accepted findings, stored changes), written under a temporary
       * name and renamed once the snapshot's ledger verifies. Needs Capability::Snapshot.
       */
      virtual void exportTo( const QString &gpkgPath ) const;

      WorkspaceInfo info() const;

    protected:
      explicit WorkspaceStore( const QgsCoordinateTransformContext &context );
      const QgsCoordinateTransformContext &transformContext() const { return mContext; }

      // The storage's primitives. They write what they are given, unchecked; the operations
      // above call them inside transaction().

      //! Runs `work` as one transaction: committed when it returns, rolled back when it throws.
      virtual void transaction( const std::function<void()> &work ) = 0;
      //! Runs reads that must agree with each other (the ledger and its head) on one snapshot, whoever writes meanwhile.
      virtual void readSnapshot( const std::function<void()> &work ) const = 0;
      //! What is wrong with the storage itself (a damaged file), one line each; verify() reports it first.
      virtual QStringList storageProblems() const;
      virtual void insertParty( const Party &party ) = 0;
      virtual void insertSegment( const Segment &segment ) = 0;
      //! Returns the new version's id.
      virtual long long insertVersion( const LineVersion &version ) = 0;
      virtual void insertVersionLine( long long versionId, const VersionLine &line ) = 0;
      virtual void insertPillar( const Pillar &pillar ) = 0;
      //! Locks the head until the transaction ends where the storage can.
      virtual LedgerHead ledgerHead( bool lock ) const = 0;
      //! The segment of entry `id`; a null string when there is no such entry.
      virtual QString ledgerSegmentOf( long long id ) const = 0;
      //! Writes the entry and moves the recorded head and count to it.
      virtual void insertLedgerEntry( const LedgerEntry &entry ) = 0;
      virtual void insertFinding( const AcceptedFinding &finding ) = 0;
      //! Returns the change with its id and time.
      virtual StoredChange insertChange( const StoredChange &change ) = 0;

    private:
      QgsCoordinateTransformContext mContext;
  };

  Q_DECLARE_OPERATORS_FOR_FLAGS( WorkspaceStore::Capabilities )

  //! TARGET names a PostgreSQL database (conninfo, service=, postgresql:// URI, authcfg=) rather than a GeoPackage file.
  bool isWorkspaceConnection( const QString &target );

  /**
   * Opens the workspace at `target`: a GeoPackage path or a PostgreSQL connection. An older
   * schema is migrated (a GeoPackage after a backup copy), a newer one refused. `context`
   * serves the reprojections of later imports.
   */
  std::unique_ptr<WorkspaceStore> openWorkspace( const QString &target, const QgsCoordinateTransformContext &context );

  /**
   * Creates a workspace with its parties and segments, in one transaction, and opens it.
   * Never overwrites: an existing file or a database that already holds a workspace is refused.
   */
  std::unique_ptr<WorkspaceStore> createWorkspace( const QString &target, const QList<Party> &parties, const QList<Segment> &segments,
      const QgsCoordinateTransformContext &context );

  /**
   * Test hook: with LIMES_TEST_PAUSE_INIT=1 in the environment, creating a workspace that has
   * written everything (a GeoPackage: under its temporary name, before the rename; PostgreSQL:
   * inside its transaction) prints "limes: test pause: workspace written, not yet in place" on
   * stderr and waits (up to five minutes, or until SIGUSR1), so that a test can kill it there,
   * or put a file in its way. Does nothing otherwise.
   */
  void pauseInitForTest();
}

#endif
