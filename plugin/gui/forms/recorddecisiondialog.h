// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_RECORDDECISIONDIALOG_H
#define LIMES_RECORDDECISIONDIALOG_H

#include "workspace/model.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui
{
  class LimesRecordDecisionDialog;
}

namespace limes
{
  struct WorkspaceData;

  /**
   * What a protocol decided about a segment: protocol, date (never in the future), place,
   * decision, the version agreed, each party's position and signatories, attachments (their
   * SHA-256 shown), and the entry it corrects (one of this segment's). What is missing or
   * wrong is listed before saving, and Save stays disabled until it is put right. Saving
   * calls `saver` (WorkspaceSession::recordDecision with the recorder's key); when that
   * fails, its one line is shown and nothing is lost from the form. A delegation login on
   * PostgreSQL (WorkspaceData::loginParty) records its own party's position and signatories only.
   */
  class RecordDecisionDialog : public QDialog
  {
      Q_OBJECT

    public:
      //! A decision as the form names it ("referred to a working group"), translated.
      static QString decisionLabel( const QString &decision );

      //! Returns why saving failed; empty when the entry was recorded.
      using Saver = std::function<QString( const LedgerEntryInput &input )>;

      RecordDecisionDialog( const WorkspaceData &data, const QString &segment, const QString &signingInfo, Saver saver, QWidget *parent = nullptr );
      ~RecordDecisionDialog() override;

      void setSegment( const QString &code );
      void setProtocol( const QString &protocol );
      void setMeetingDate( const QDate &date );
      void setPlace( const QString &place );
      void setDecision( const QString &decision );
      void setAgreedVersion( const QString &version );
      void setPosition( const QString &party, const QString &position );
      void setSignatories( const QString &party, const QStringList &names );
      void addAttachment( const QString &path );
      void setSupersedes( long long entry );
      void setAuthor( const QString &author );

      LedgerEntryInput input() const;
      //! What must be put right before saving; empty when nothing.
      QStringList problems() const;

    private:
      //! A delegation login (WorkspaceData::loginParty): the other parties' cells read-only, and a note saying so.
      void setDelegationMode();
      void fillSupersedes();
      void updateState();
      void trySave();
      int partyRow( const QString &party ) const;

      std::unique_ptr<Ui::LimesRecordDecisionDialog> mUi;
      const WorkspaceData &mData;
      Saver mSaver;
      QString mSaveError;
  };
}

#endif
