// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SEGMENTSDOCK_H
#define LIMES_SEGMENTSDOCK_H

#include <QPointer>

#include <qgsdockwidget.h>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;
class QUrl;
class QgsFilterLineEdit;

namespace limes
{
  class Host;
  class SegmentsFilterModel;
  class SegmentsModel;
  class WorkspaceLayers;
  class WorkspaceSession;

  /**
   * The Segments dock: the open workspace's segments in a sortable, filterable table, and the
   * selected segment's ledger history, claims and pillars. Selecting a row zooms the map to the
   * segment and flashes it; selecting a segment on the map selects its row.
   */
  class SegmentsDock : public QgsDockWidget
  {
      Q_OBJECT

    public:
      static constexpr const char *OBJECT_NAME = "LimesSegmentsDock";

      explicit SegmentsDock( Host *host, QWidget *parent = nullptr );
      ~SegmentsDock() override;

      //! Shows a workspace; null clears the dock.
      void setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers );

      //! The selected segment's code; empty when none.
      QString currentSegment() const;
      //! Selects a segment's row (as a click would); false when it is not listed.
      bool selectSegment( const QString &code );

      SegmentsModel *model() const { return mModel; }
      SegmentsFilterModel *filterModel() const { return mFilter; }
      QTableView *view() const { return mView; }
      QTextBrowser *detail() const { return mDetail; }
      QgsFilterLineEdit *filterEdit() const { return mFilterEdit; }
      QComboBox *statusCombo() const { return mStatusCombo; }
      QPushButton *recordButton() const { return mRecordButton; }
      QPushButton *countersignButton() const { return mCountersignButton; }
      QPushButton *digitizeButton() const { return mDigitizeButton; }
      QPushButton *splitButton() const { return mSplitButton; }

    signals:
      void recordDecisionRequested( const QString &segment );
      //! Digitize Claim… for the selected segment.
      void digitizeClaimRequested( const QString &segment );
      //! Split… for the selected segment.
      void splitSegmentRequested( const QString &segment );
      //! The segment's agreement waits for a party's signature, and the user offers it.
      void countersignRequested( long long entry );
      //! A click on an attachment in the ledger history (it is opened with the desktop's viewer too).
      void attachmentOpened( const QUrl &url );

    private:
      void refresh();
      void rowSelected();
      void mapSelectionChanged();
      void showDetail( const QString &code );
      //! The newest decision of the segment when it waits for a countersignature; -1 otherwise.
      long long awaitingEntry( const QString &code ) const;

      Host *mHost = nullptr;
      QPointer<WorkspaceSession> mSession;
      QPointer<WorkspaceLayers> mLayers;
      SegmentsModel *mModel = nullptr;
      SegmentsFilterModel *mFilter = nullptr;
      QTableView *mView = nullptr;
      QTextBrowser *mDetail = nullptr;
      QgsFilterLineEdit *mFilterEdit = nullptr;
      QComboBox *mStatusCombo = nullptr;
      QPushButton *mRecordButton = nullptr;
      QPushButton *mCountersignButton = nullptr;
      QPushButton *mDigitizeButton = nullptr;
      QPushButton *mSplitButton = nullptr;
      QLabel *mEmpty = nullptr;
      QMetaObject::Connection mLayerSelection;
      bool mSyncing = false;
  };
}

#endif
