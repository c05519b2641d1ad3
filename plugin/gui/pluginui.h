// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_PLUGINUI_H
#define LIMES_PLUGINUI_H

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QObject>
#include <QPointer>
#include <QToolBar>

#include "workspace/changecontroller.h"
#include "workspace/segmentsdock.h"
#include "workspace/signingkeys.h"
#include "workspace/validatedock.h"

#include <memory>

class QTranslator;

namespace limes
{
  class Host;
  class ProcessingProvider;
  class VersionsController;
  class ClaimController;
  class SurveyController;
  class SplitController;
  class WorkspaceLayers;
  class WorkspaceSession;
  struct Party;
  struct Segment;
  struct WorkspaceChoice;

  /**
   * Everything Limes adds to a QGIS main window: the Limes menu and toolbar, the translator,
   * the Processing provider, the docks and the open workspace with its layer group. Kept apart
   * from QgisInterface (through Host) so that load/unload/reload can be tested against a plain
   * QMainWindow; unload() leaves the window and the project as it found them.
   */
  class PluginUi : public QObject
  {
      Q_OBJECT

    public:
      //! A plain window (tests): the map canvas and message bar are the host's own.
      PluginUi( QMainWindow *mainWindow, QAction *menuBefore = nullptr, QObject *parent = nullptr );
      explicit PluginUi( std::unique_ptr<Host> host, QObject *parent = nullptr );
      ~PluginUi() override;

      void load();
      void unload();
      bool isLoaded() const { return mMenu != nullptr; }

      Host *host() const { return mHost.get(); }
      QMenu *menu() const { return mMenu; }
      QMenu *recentMenu() const { return mRecentMenu; }
      QToolBar *toolBar() const { return mToolBar; }
      QAction *aboutAction() const { return mAboutAction; }
      QAction *changeAction() const { return mChangeAction; }
      QAction *openAction() const { return mOpenAction; }
      QAction *newAction() const { return mNewAction; }
      QAction *closeAction() const { return mCloseAction; }
      QAction *compareAction() const { return mCompareAction; }
      ChangeController *changes() const { return mChanges.get(); }
      QAction *keyAction() const { return mKeyAction; }
      QAction *validateAction() const { return mValidateAction; }
      QAction *recordAction() const { return mRecordAction; }
      QAction *importVersionAction() const { return mImportVersionAction; }
      QAction *digitizeAction() const { return mDigitizeAction; }
      QAction *draftAction() const { return mDraftAction; }
      //! Digitize Claim: the map tool, its preview and the Claim Preview panel.
      ClaimController *claims() const { return mClaims.get(); }
      //! Survey Pillar: the map tool and its form.
      SurveyController *surveys() const { return mSurveys.get(); }
      QAction *surveyAction() const { return mSurveyAction; }
      SplitController *splits() const { return mSplits.get(); }
      QAction *splitAction() const { return mSplitAction; }
      //! The Versions dock and Import Version.
      VersionsController *versions() const { return mVersions.get(); }
      //! The Validate panel; made when first asked for.
      ValidateDock *validateDock();
      //! The recorder's signing key for this session (asked for once).
      SigningKeys *signingKeys() const { return mKeys.get(); }
      SegmentsDock *segmentsDock() const { return mSegmentsDock; }
      //! The translator installed while loaded; null when no translation matches the locale.
      QTranslator *translator() const { return mTranslator.get(); }

      WorkspaceSession *session() const { return mSession.get(); }
      WorkspaceLayers *workspaceLayers() const { return mLayers.get(); }

      /**
       * Opens a workspace in place of the one open: its layer group, the Segments dock. On
       * failure one line in the message bar, the previous workspace stays, and false.
       */
      bool openWorkspace( const WorkspaceChoice &choice );
      //! Creates a workspace and opens it; the same reporting as openWorkspace().
      bool createWorkspace( const WorkspaceChoice &choice, const QList<Party> &parties, const QList<Segment> &segments );
      //! Removes the layer group and every Limes object of the workspace.
      void closeWorkspace();

    signals:
      void workspaceChanged();

    private:
      void installTranslator();
      void removeTranslator();
      QAction *addAction( const QString &icon, const QString &text, const QString &objectName, const QString &tip, bool onToolBar );
      void showAbout();
      //! The Processing dialog of limes:boundarychange (QGIS builds it in Python).
      void showChangeDialog();
      void showOpenDialog();
      void showNewDialog();
      void fillRecentMenu();
      void setSession( std::unique_ptr<WorkspaceSession> session );
      //! The Record Decision form for a segment (the selected one when empty).
      void showRecordDecision( const QString &segment );
      //! Signs a decision for the key's party; asks for another delegation's key when the held one cannot.
      void countersign( long long entry );
      void updateActions();

      std::unique_ptr<Host> mHost;
      std::unique_ptr<QTranslator> mTranslator;
      QPointer<QMenu> mMenu;
      QPointer<QMenu> mRecentMenu;
      QPointer<QToolBar> mToolBar;
      QPointer<QAction> mAboutAction;
      QPointer<QAction> mChangeAction;
      QPointer<QAction> mOpenAction;
      QPointer<QAction> mNewAction;
      QPointer<QAction> mCloseAction;
      QPointer<QAction> mCompareAction;
      QPointer<QAction> mKeyAction;
      QPointer<QAction> mValidateAction;
      QPointer<QAction> mRecordAction;
      QPointer<QAction> mImportVersionAction;
      QPointer<QAction> mDigitizeAction;
      QPointer<QAction> mSurveyAction;
      QPointer<QAction> mSplitAction;
      QPointer<QAction> mDraftAction;
      QPointer<ValidateDock> mValidateDock;
      std::unique_ptr<SigningKeys> mKeys;
      std::unique_ptr<ChangeController> mChanges;
      std::unique_ptr<VersionsController> mVersions;
      std::unique_ptr<ClaimController> mClaims;
      std::unique_ptr<SurveyController> mSurveys;
      std::unique_ptr<SplitController> mSplits;
      QPointer<SegmentsDock> mSegmentsDock;
      std::unique_ptr<WorkspaceSession> mSession;
      std::unique_ptr<WorkspaceLayers> mLayers;
      ProcessingProvider *mProvider = nullptr; // owned by the processing registry while registered
  };
}

#endif
