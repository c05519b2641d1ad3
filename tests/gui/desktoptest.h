// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_DESKTOPTEST_H
#define LIMES_DESKTOPTEST_H

// What the desktop's widget tests start from: a main window with Limes loaded and the sample
// workspace (guifixture.h) it opens. Each test derives from DesktopTest and calls these from
// its own initTestCase/init/cleanup slots.

#include "guifixture.h"
#include "forms/openworkspacedialog.h"
#include "pluginui.h"
#include "workspace/connections.h"

#include <QMainWindow>
#include <QTemporaryDir>

#include <memory>

namespace limes::test
{
  class DesktopTest : public QObject
  {
    protected:
      QTemporaryDir mDir;
      SampleWorkspace mWs;
      QMainWindow *mWindow = nullptr;
      std::unique_ptr<PluginUi> mUi;

      //! A new main window with Limes loaded into it.
      void loadLimes()
      {
        mWindow = new QMainWindow;
        mUi = std::make_unique<PluginUi>( mWindow, nullptr );
        mUi->load();
      }

      //! Opens the workspace at `path` (default: the sample workspace) as the desktop does.
      bool openWorkspace( const QString &path = QString() )
      {
        return mUi->openWorkspace( choiceFromRecent( RecentWorkspaces::fileEntry( path.isEmpty() ? mWs.path : path ) ) );
      }

      //! Unloads Limes and closes its window.
      void closeDesktop()
      {
        mUi.reset();
        delete mWindow;
        mWindow = nullptr;
      }
  };
}

#endif
