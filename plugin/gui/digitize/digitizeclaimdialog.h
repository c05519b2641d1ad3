// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_DIGITIZECLAIMDIALOG_H
#define LIMES_DIGITIZECLAIMDIALOG_H

#include <QDialog>
#include <QStringList>

#include <memory>

class QgsProject;

namespace Ui
{
  class LimesDigitizeClaimDialog;
}

namespace limes
{
  struct WorkspaceData;

  /**
   * Digitize Claim: the segment, the party whose claim is drawn, the version the live preview
   * compares the line with (the versions that have lines for the segment; by default its
   * latest agreed version, else the other party's claim, else the current working version)
   * and the loaded layers whose resources the preview counts.
   */
  class DigitizeClaimDialog : public QDialog
  {
      Q_OBJECT

    public:
      //! `segment`, `party`: preselected when given (the Segments dock's row, the key's delegation).
      DigitizeClaimDialog( const WorkspaceData &data, const QString &segment, const QString &party, QgsProject *project, QWidget *parent = nullptr );
      ~DigitizeClaimDialog() override;

      QString segment() const;
      QString party() const;
      QString reference() const;
      QStringList resourceLayerIds() const;

      bool setSegment( const QString &code );
      bool setParty( const QString &code );
      bool setReference( const QString &version );
      void setResources( const QStringList &layerIds );
      //! Draft from Version: no party; the version chosen is the one copied (and compared with).
      void setDraftMode();

      //! The default reference for a segment and party (empty when no version has lines for the segment).
      static QString defaultReference( const WorkspaceData &data, const QString &segment, const QString &party );

    private:
      void fillReferences();
      void updateOk();

      std::unique_ptr<Ui::LimesDigitizeClaimDialog> mUi;
      const WorkspaceData &mData;
  };
}

#endif
