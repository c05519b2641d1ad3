// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGESUMMARYDOCK_H
#define LIMES_CHANGESUMMARYDOCK_H

#include <QByteArray>
#include <QJsonObject>

#include <qgsdockwidget.h>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace limes
{
  /**
   * The summary of a comparison, from the same JSON `limes change --summary` writes: land per
   * direction, net change per party, per segment, water and other resources per layer. While
   * the comparison runs it shows its progress and a Cancel button. The table can be copied
   * (tab-separated, for a spreadsheet) or saved as CSV, and kept in the workspace.
   */
  class ChangeSummaryDock : public QgsDockWidget
  {
      Q_OBJECT

    public:
      static constexpr const char *OBJECT_NAME = "LimesChangeSummaryDock";

      explicit ChangeSummaryDock( QWidget *parent = nullptr );

      //! A comparison has started.
      void showRunning( const QString &oldName, const QString &newName );
      void setProgress( double percent );
      //! It finished: `summaryJson` as changeSummaryJson() made it; `keepable` when both are workspace versions.
      void showSummary( const QString &oldName, const QString &newName, const QByteArray &summaryJson, const QStringList &warnings, bool keepable );
      //! It failed or was cancelled: one line.
      void showMessage( const QString &message );
      //! The result was kept in the workspace.
      void setKept( const QString &note );

      QString oldName() const { return mOld; }
      QString newName() const { return mNew; }
      QByteArray summaryJson() const { return mJson; }
      //! Every row, with exact values (m², m): the CSV's body, `separator` between columns.
      QString table( QChar separator ) const;
      //! Writes table( ',' ) with its header; false and `error` when the file cannot be written.
      bool saveCsv( const QString &path, QString *error = nullptr ) const;

      QTreeWidget *tree() const { return mTree; }
      QPushButton *copyButton() const { return mCopy; }
      QPushButton *saveButton() const { return mSave; }
      QPushButton *keepButton() const { return mKeep; }
      QPushButton *cancelButton() const { return mCancel; }
      QProgressBar *progressBar() const { return mProgress; }

    signals:
      void cancelRequested();
      void keepRequested();
      //! Something the user asked for failed: one line for the message bar.
      void errorOccurred( const QString &message );

    private:
      void fill( const QJsonObject &summary, const QStringList &warnings );
      void askSaveCsv();

      QString mOld;
      QString mNew;
      QByteArray mJson;
      QLabel *mHeading = nullptr;
      QProgressBar *mProgress = nullptr;
      QPushButton *mCancel = nullptr;
      QTreeWidget *mTree = nullptr;
      QPushButton *mCopy = nullptr;
      QPushButton *mSave = nullptr;
      QPushButton *mKeep = nullptr;
  };
}

#endif
