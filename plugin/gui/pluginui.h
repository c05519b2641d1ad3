// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_PLUGINUI_H
#define LIMES_PLUGINUI_H

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QObject>
#include <QPointer>
#include <QToolBar>

namespace limes
{
  class ProcessingProvider;

  /**
   * Everything Limes adds to a QGIS main window: the Limes menu, the Limes toolbar and the
   * Processing provider. Kept apart from QgisInterface so that load/unload/reload can be
   * tested against a plain QMainWindow; unload() leaves the window as it found it.
   */
  class PluginUi : public QObject
  {
      Q_OBJECT

    public:
      /**
       * \param mainWindow window that receives the menu and toolbar
       * \param menuBefore menu action to insert the Limes menu before (QGIS's Help menu); null appends
       */
      PluginUi( QMainWindow *mainWindow, QAction *menuBefore = nullptr, QObject *parent = nullptr );
      ~PluginUi() override;

      void load();
      void unload();
      bool isLoaded() const { return mMenu != nullptr; }

      QMenu *menu() const { return mMenu; }
      QToolBar *toolBar() const { return mToolBar; }
      QAction *aboutAction() const { return mAboutAction; }
      QAction *changeAction() const { return mChangeAction; }

    private:
      void showAbout();
      //! The Processing dialog of limes:boundarychange (QGIS builds it in Python).
      void showChangeDialog();

      QPointer<QMainWindow> mMainWindow;
      QPointer<QAction> mMenuBefore;
      QPointer<QMenu> mMenu;
      QPointer<QToolBar> mToolBar;
      QPointer<QAction> mAboutAction;
      QPointer<QAction> mChangeAction;
      ProcessingProvider *mProvider = nullptr; // owned by the processing registry while registered
  };
}

#endif
