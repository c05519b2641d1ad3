// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACESTORE_H
#define LIMES_WORKSPACESTORE_H

#include "workspace/ledger.h"
#include "workspace/model.h"
#include "workspace/segmentsplit.h"
#include "workspace/survey.h"

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
  class WorkspaceStore;
  void exportSnapshot( const WorkspaceStore &from, const QString &gpkgPath, const QgsCoordinateTransformContext &context );

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
    QList<RegisteredKey> keys;
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
   * the hash-chained, signed agreement ledger, accepted validation findings and stored change
   * results. The CLI, Processing and the desktop call only this.
   *
   * The public operations that write check their input with the shared rules (checks.h,
   * ledger.h, keyring.h, coverage.h, importsource.h) and then run the storage's primitives
   * (the protected part) in one transaction of the storage's: a storage adds no rule of its own
   * beyond what its database enforces (PostgreSQL's roles and row-level security). Every write
   * of content records a ledger entry signed with the writer's key, in the same transaction.
   * Stores own a database handle: not copyable.
   */
  class WorkspaceStore
  {
    public:
      //! The model's version; both storages migrate an older workspace to it and refuse a newer one.
      static constexpr int SCHEMA_VERSION = 7;

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
      /**
       * The party whose delegation this connection is logged in as (Capability::PartyRoles: a
       * login member of the party's role); empty for the secretariat, the owner, or a storage
       * without party roles. The database records only that party's positions for it.
       */
      virtual QString loginParty() const;

      //! In order (sequence, then code).
      virtual QList<Segment> segments() const = 0;
      QStringList segmentCodes() const;
      //! All or none, in one transaction.
      void addSegments( const QList<Segment> &segments );
      //! Status per segment derived from the ledger: the latest decision not superseded ("agreed (awaiting KG)" until every party signed it).
      QMap<QString, QString> segmentStatus() const;
      /**
       * Splits a segment in two at a pillar or a vertex of its line (segmentsplit.h): the two
       * new segment rows (codes new; from the old start to the split point, and on to the old
       * end; chainages from the split point's ellipsoidal distance along the line) and a signed
       * `segment_split` entry, in one transaction. The old row stays: it is retired by the
       * entry, not edited. Returns the split as recorded.
       */
      SegmentSplit splitSegment( const SegmentSplitInput &input, const crypto::SigningKey &key );
      //! The splits the ledger records, in order.
      QList<SegmentSplit> segmentSplits() const;
      //! segments() without those a split retired: what the commission works on now.
      QList<Segment> currentSegments() const;
      QStringList currentSegmentCodes() const;

      virtual QList<LineVersion> versions() const = 0;
      //! limes::Error naming the versions there are when there is none of that name.
      LineVersion version( const QString &name ) const;
      /**
       * Imports the lines of `source` (any CRS; stored in WGS 84) as a new version, in one
       * transaction with the `version` entry, signed with `key`, that records its content's
       * hashes. A `segment` field, when the source has one, is kept per line.
       */
      LineVersion importVersion( const LineVersion &version, QgsFeatureSource *source, const QString &sourceName, const crypto::SigningKey &key );
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
       * from fields) in one transaction with their signed `pillars` entry; numbers must be new
       * and segments known.
       */
      long long importPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &fields, const QString &author, const crypto::SigningKey &key );
      //! Each pillar with its latest survey (surveyPillar()), else the surveyed position imported (survey.cpp).
      QList<Pillar> pillars() const;
      //! The pillars as imported, in row order (their surveyed positions as imported, before any survey entry).
      virtual QList<Pillar> pillarRows() const = 0;
      virtual long long pillarCount() const = 0;
      /**
       * Records where pillar `survey.pillar` was found standing (WGS 84), with the accuracy and
       * date, as a signed `pillars` entry whose payload is the survey and the designed position
       * it was measured against; the pillar's row, its designed position, is never changed.
       * Returns the survey as recorded (entry, designed position, signer).
       */
      PillarSurvey surveyPillar( const PillarSurvey &survey, const crypto::SigningKey &key );
      //! The surveys recorded with surveyPillar(), in entry order; of one pillar when `number` is given.
      QList<PillarSurvey> pillarSurveys( const QString &number = QString() ) const;

      /**
       * Checks, seals, signs with `key` and appends a decision in one transaction; the chain
       * head is locked for the time of it, so that two writers at once are chained one after
       * the other. The key must be registered and active; its party is the entry's signer.
       * `precondition`, when given, sees the ledger as it stands under that lock and may throw
       * limes::Error to write nothing (a front end's check that nobody wrote meanwhile).
       */
      LedgerEntry addLedgerEntry( const LedgerEntryInput &input, const crypto::SigningKey &key,
                                  const std::function<void( const QList<LedgerEntry> &entries )> &precondition = {} );
      /**
       * Front ends that hold no signing key yet (the desktop) call these: every write that
       * records an entry needs a key, so they refuse with one line saying so.
       */
      LedgerEntry addLedgerEntry( const LedgerEntryInput &input );
      void acceptFinding( const AcceptedFinding &finding, const QStringList &knownRules );
      StoredChange storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author );
      //! Signs decision `entry` for the party of `key` (a countersignature): an agreement takes effect once every party signed it.
      LedgerEntry countersign( long long entry, const QString &author, const crypto::SigningKey &key );
      /**
       * Registers `key`'s public key for `party` (a party code, or ledger::secretariat()): an
       * entry signed by the key itself. When the party has an active key already, `endorser`
       * must be one of them (a rotation).
       */
      LedgerEntry registerKey( const QString &party, const QString &holder, const QString &author, const crypto::SigningKey &key,
                               const crypto::SigningKey *endorser = nullptr );
      //! Revokes a key, signed by an active key of its party or of the secretariat; it signs nothing after.
      LedgerEntry revokeKey( const QString &fingerprint, const QString &reason, const QString &author, const crypto::SigningKey &key );
      /**
       * The entries in order; with `segment`, only its history: the decisions about it and,
       * for a segment made by a split, its parent's decisions up to the split and the split
       * entries that made or retired it (splits::history).
       */
      QList<LedgerEntry> ledger( const QString &segment = QString() ) const;
      //! Every ledger row in id order, exactly as stored (limes workspace compare).
      virtual QList<ledger::Row> ledgerRows() const = 0;
      //! The keys registered in the ledger, derived from its entries.
      QList<RegisteredKey> keys() const;
      //! The ledger as it stands: how many entries, and the last one's hash (for `limes workspace head`).
      LedgerHead head() const;
      /**
       * Names any entry changed, removed or added behind Limes' back, any signature that does
       * not hold, any covered content changed since, and what `options` anchor (verify.h).
       */
      VerifyReport verify( const VerifyOptions &options = VerifyOptions() ) const;

      //! `knownRules`: the validation rule ids (Validator::allRules()); recorded by a signed `finding` entry.
      void acceptFinding( const AcceptedFinding &finding, const QStringList &knownRules, const crypto::SigningKey &key );
      virtual QList<AcceptedFinding> acceptedFindings() const = 0;

      //! Keeps a change summary (the engine's JSON, exactly these bytes) against the two versions it compares, with its signed `change` entry.
      StoredChange storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author,
                                const crypto::SigningKey &key );
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
      //! The head as the storage records it; `lock` locks it until the transaction ends where the storage can.
      virtual LedgerHead ledgerHead( bool lock ) const = 0;
      //! Writes the row and moves the recorded head and count to it.
      virtual void insertLedgerRow( const ledger::Row &row ) = 0;
      //! A version's lines as stored, in row order.
      virtual QList<VersionLine> versionLines( long long versionId ) const = 0;
      virtual void insertFinding( const AcceptedFinding &finding ) = 0;
      //! Returns the change with its id and time.
      virtual StoredChange insertChange( const StoredChange &change ) = 0;
      //! Per content table, the largest row id present before signatures (schema 5's migration).
      virtual QMap<QString, long long> legacyIds() const = 0;
      virtual void setLegacyIds( const QMap<QString, long long> &ids ) = 0;

    private:
      struct Chain;
      //! Inside a write transaction: locks the head and reads the chain; `key` must be an active key (unless `newKey`).
      Chain lockChain( const crypto::SigningKey &key, bool newKey ) const;
      //! Seals, signs and appends `entry` at the head of `chain`.
      LedgerEntry append( const Chain &chain, LedgerEntry entry, const QString &signerParty, const crypto::SigningKey &key );
      QList<LedgerEntry> readEntries() const;

      friend void exportSnapshot( const WorkspaceStore &from, const QString &gpkgPath, const QgsCoordinateTransformContext &context );

      QgsCoordinateTransformContext mContext;
  };

  Q_DECLARE_OPERATORS_FOR_FLAGS( WorkspaceStore::Capabilities )

  //! TARGET names a PostgreSQL database (conninfo, service=, postgresql:// URI, authcfg=) rather than a GeoPackage file.
  bool isWorkspaceConnection( const QString &target );

  /**
   * `target` to open in a worker thread: a PostgreSQL connection's `authcfg` resolved here,
   * in the calling (main) thread. QGIS's authentication manager keeps a database connection
   * per thread that reads it and cleans it up when the thread ends, which crashes QGIS 3.40 on
   * quit when a task thread is still idle in the pool.
   */
  QString workspaceTargetForWorker( const QString &target );

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
