// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGECONTROLLER_H
#define LIMES_CHANGECONTROLLER_H

#include "changesummarydock.h"
#include "tasks/changetask.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace limes
{
  class ChangeLayers;
  class Host;
  class SigningKeys;
  class WorkspaceLayers;
  class WorkspaceSession;

  /**
   * Compare Versions in the desktop: the dialog, the comparison as a QGIS task, and its
   * results (the "Change: OLD → NEW" layer group and the summary dock), kept until unload.
   */
  class ChangeController : public QObject
  {
      Q_OBJECT

    public:
      ChangeController( Host *host, SigningKeys *keys, QObject *parent = nullptr );
      ~ChangeController() override;

      //! The open workspace (null when none): its versions, parties and segments are offered.
      void setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers );

      //! The Compare Versions dialog; starts the comparison when the user confirms.
      void showDialog();
      //! Starts a comparison as a task in QGIS's task manager; returns it (owned by the task manager).
      ChangeTask *start( ChangeTaskInputs inputs );
      //! The task running now; null when none.
      ChangeTask *runningTask() const { return mTask; }

      ChangeSummaryDock *summaryDock() const { return mDock; }
      //! The results' layer groups, oldest first.
      QList<ChangeLayers *> results() const;

      //! Removes the summary dock and every result group; cancels a running comparison.
      void unload();

    signals:
      //! A comparison ended (`ok` false: failed or cancelled).
      void finished( bool ok );

    private:
      void taskFinished( ChangeTask &task, bool ok );
      void keep();
      ChangeSummaryDock *dock();

      Host *mHost = nullptr;
      SigningKeys *mKeys = nullptr;
      QPointer<WorkspaceSession> mSession;
      QPointer<WorkspaceLayers> mLayers;
      QPointer<ChangeTask> mTask;
      QPointer<ChangeSummaryDock> mDock;
      std::vector<std::unique_ptr<ChangeLayers>> mResults;
      bool mKeepable = false;
  };
}

#endif
