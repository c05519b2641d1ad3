// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACESESSION_H
#define LIMES_WORKSPACESESSION_H

#include "workspace/model.h"
#include "workspace/segmentlines.h"

#include <QSet>

#include <QObject>

#include <memory>

#include <qgscoordinatetransformcontext.h>

namespace limes
{
  class WorkspaceStore;
  namespace crypto
  {
    class SigningKey;
  }

  //! What the desktop shows of an open workspace, read in one go after every write.
  struct WorkspaceData
  {
    QList<Party> parties;
    QList<Segment> segments;
    QMap<QString, QString> status;        //!< segment -> status derived from the ledger
    QList<LedgerEntry> ledger;            //!< every entry of every kind, in id order
    QList<RegisteredKey> keys;            //!< the signing keys the ledger registers
    QMap<long long, QSet<QString>> signedBy; //!< decision -> parties whose valid signature is on it
    QList<LineVersion> versions;
    QList<Pillar> pillars;
    QList<AcceptedFinding> accepted;
    QMap<QString, SegmentLine> lines;     //!< where each segment runs, when a version says so
    QMap<QString, double> lengthKm;       //!< segment -> length of its lines on the ellipsoid
    QString loginParty;                   //!< on PostgreSQL, the party whose delegation is logged in; empty for the secretariat or a file

    QStringList partyCodes() const;
    //! The party's colour as recorded (#rrggbb); empty when it has none.
    QString partyColour( const QString &code ) const;
    //! One segment's decisions, oldest first.
    QList<LedgerEntry> entries( const QString &segment ) const;
    //! The newest decision about a segment (the one its status comes from); null when there is none.
    const LedgerEntry *lastEntry( const QString &segment ) const;
    //! The parties an agreed decision still waits for (their signatory is named, their signature missing).
    QStringList awaiting( const LedgerEntry &decision ) const;
    //! Decision ids that a later decision supersedes.
    QSet<long long> superseded() const;
    const LineVersion *version( const QString &name ) const;
    //! A claim's party: its owner where the storage records one, else a party code in its name ("TJ claim S-003").
    QString claimParty( const LineVersion &version ) const;
    //! The accepted finding for rule/layer/fid; null when there is none.
    const AcceptedFinding *acceptedFinding( const QString &rule, const QString &layer, long long fid ) const;
  };

  /**
   * An open commission workspace in the desktop: the store (opened only through
   * openWorkspace()/createWorkspace()), how to reach it again (for tasks, which open their
   * own connection), and its data as last read. Every write goes through the store and is
   * followed by a fresh read and changed().
   */
  class WorkspaceSession : public QObject
  {
      Q_OBJECT

    public:
      /**
       * Opens `target` (a GeoPackage path or a PostgreSQL connection string); `name` is how
       * the desktop calls it (file name or saved connection name). Throws limes::Error.
       */
      static std::unique_ptr<WorkspaceSession> open( const QString &target, const QString &name, const QgsCoordinateTransformContext &context );
      //! Creates a workspace with its parties and segments, then opens it. Throws limes::Error.
      static std::unique_ptr<WorkspaceSession> create( const QString &target, const QString &name, const QList<Party> &parties,
          const QList<Segment> &segments, const QgsCoordinateTransformContext &context );
      ~WorkspaceSession() override;

      //! How to open the workspace again (may hold a password: never shown, never stored).
      QString target() const { return mTarget; }
      QString name() const { return mName; }
      //! How messages name it (never a password).
      QString describe() const;
      QgsCoordinateTransformContext transformContext() const { return mContext; }
      const WorkspaceData &data() const { return mData; }
      WorkspaceStore &store() const { return *mStore; }

      //! Reads everything again and emits changed(). Throws limes::Error.
      void reload();

      // Writes: each one transaction with its ledger entry, signed with `key`. They throw
      // limes::Error (nothing is written then).

      /**
       * Refused when someone else recorded about the segment since data() was read (another
       * delegation at the same time): the data is read again, and the error says who wrote
       * what, so the form can keep the user's entry for a second look. A delegation login
       * records with its own party's key only.
       */
      LedgerEntry recordDecision( const LedgerEntryInput &input, const crypto::SigningKey &key );
      //! Signs an agreed decision for the key's party.
      LedgerEntry countersign( long long decision, const crypto::SigningKey &key );
      void acceptFinding( const AcceptedFinding &finding, const crypto::SigningKey &key );
      StoredChange storeChange( const QString &oldVersion, const QString &newVersion, const QByteArray &summaryJson, const QString &author,
                                const crypto::SigningKey &key );

    signals:
      void changed();

    private:
      WorkspaceSession( std::unique_ptr<WorkspaceStore> store, const QString &target, const QString &name, const QgsCoordinateTransformContext &context );

      std::unique_ptr<WorkspaceStore> mStore;
      QString mTarget;
      QString mName;
      QgsCoordinateTransformContext mContext;
      WorkspaceData mData;
  };

  //! Who records: the Limes author setting, else $LIMES_AUTHOR, else the user's full or login name.
  QString authorName();
}

#endif
