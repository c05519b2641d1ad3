// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VERSIONSCONTROLLER_H
#define LIMES_VERSIONSCONTROLLER_H

#include "forms/importversiondialog.h"
#include "versionsdock.h"

#include <QObject>
#include <QPointer>

namespace limes
{
  class Host;
  class SigningKeys;
  class WorkspaceSession;

  /**
   * Versions in the desktop: the Versions dock and Import Version (the form, the import as a
   * QGIS task signed with the recorder's key, then the list, the layer group and the message
   * bar following). The dock is made with the controller and removed by unload().
   */
  class VersionsController : public QObject
  {
      Q_OBJECT

    public:
      //! `tabWith`: the dock the Versions dock becomes a tab of when first shown (the Segments dock).
      VersionsController( Host *host, SigningKeys *keys, QDockWidget *tabWith = nullptr, QObject *parent = nullptr );
      ~VersionsController() override;

      //! The open workspace (null when none).
      void setWorkspace( WorkspaceSession *session );

      //! The Import Version form, offering the map's current layer first.
      void showImportDialog();
      /**
       * Starts an import as a task in QGIS's task manager, signed with `key` (which must
       * outlive it); `done` is called when it ended, after the session was read again.
       * Returns the task (owned by the task manager); null when it could not start.
       */
      ImportVersionTask *start( ImportVersionInputs inputs, const crypto::SigningKey &key, ImportVersionDialog::Done done );
      //! The import running now; null when none.
      ImportVersionTask *runningTask() const { return mTask; }

      VersionsDock *dock() const { return mDock; }
      //! Removes the dock; waits for an import still running (it cannot stop half-way).
      void unload();

    signals:
      //! An import ended (`ok` false: refused or failed, nothing written).
      void imported( bool ok, const QString &version );

    private:
      void taskFinished( ImportVersionTask &task, bool ok, const ImportVersionDialog::Done &done );

      Host *mHost = nullptr;
      SigningKeys *mKeys = nullptr;
      QPointer<WorkspaceSession> mSession;
      QPointer<VersionsDock> mDock;
      QPointer<QDockWidget> mTabWith;
      bool mTabified = false;
      QPointer<ImportVersionTask> mTask;
  };
}

#endif
