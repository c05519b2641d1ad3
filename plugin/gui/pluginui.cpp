// SPDX-License-Identifier: GPL-2.0-or-later
#include "pluginui.h"
#include "aboutdialog.h"
#include "provider.h"
#include "resources.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

#include <qgsapplication.h>
#include <qgsprocessingregistry.h>
#include <qgspythonrunner.h>

namespace limes
{
  PluginUi::PluginUi( QMainWindow *mainWindow, QAction *menuBefore, QObject *parent )
    : QObject( parent )
    , mMainWindow( mainWindow )
    , mMenuBefore( menuBefore )
  {
    initResources();
  }

  PluginUi::~PluginUi()
  {
    unload();
  }

  void PluginUi::load()
  {
    if ( isLoaded() || !mMainWindow )
      return;

    mMenu = new QMenu( tr( "&Limes" ), mMainWindow );
    mMenu->setObjectName( QStringLiteral( "mLimesMenu" ) );
    if ( mMenuBefore )
      mMainWindow->menuBar()->insertMenu( mMenuBefore, mMenu );
    else
      mMainWindow->menuBar()->addMenu( mMenu );

    mToolBar = new QToolBar( tr( "Limes" ), mMainWindow );
    mToolBar->setObjectName( QStringLiteral( "mLimesToolBar" ) );
    mMainWindow->addToolBar( mToolBar );

    mChangeAction = new QAction( QIcon( QStringLiteral( ":/limes/icons/change.svg" ) ), tr( "Boundary Change…" ), mMenu );
    mChangeAction->setObjectName( QStringLiteral( "mActionLimesChange" ) );
    mChangeAction->setToolTip( tr( "Land, water and other resources that change sides between two versions of a boundary" ) );
    // QGIS 3.22 builds algorithm dialogs in Python only; without Python there is the toolbox-less CLI
    mChangeAction->setEnabled( QgsPythonRunner::isValid() );
    connect( mChangeAction, &QAction::triggered, this, &PluginUi::showChangeDialog );
    mMenu->addAction( mChangeAction );
    mToolBar->addAction( mChangeAction );
    mMenu->addSeparator();

    mAboutAction = new QAction( QIcon( QStringLiteral( ":/limes/icons/about.svg" ) ), tr( "About Limes…" ), mMenu );
    mAboutAction->setObjectName( QStringLiteral( "mActionLimesAbout" ) );
    mAboutAction->setToolTip( tr( "Limes version, the library versions its numbers come from, and the sample data's provenance" ) );
    connect( mAboutAction, &QAction::triggered, this, &PluginUi::showAbout );
    mMenu->addAction( mAboutAction );
    mToolBar->addAction( mAboutAction );

    QgsProcessingRegistry *registry = QgsApplication::processingRegistry();
    if ( registry && !registry->providerById( QString::fromLatin1( ProcessingProvider::ID ) ) )
    {
      mProvider = new ProcessingProvider();
      if ( !registry->addProvider( mProvider ) )
        mProvider = nullptr; // the registry deleted it
    }
  }

  void PluginUi::unload()
  {
    if ( mProvider )
    {
      if ( QgsProcessingRegistry *registry = QgsApplication::processingRegistry() )
        registry->removeProvider( mProvider ); // deletes it
      mProvider = nullptr;
    }
    // Deleting the menu and toolbar removes them, and the actions they own, from the window.
    delete mToolBar;
    delete mMenu;
  }

  void PluginUi::showChangeDialog()
  {
    QgsPythonRunner::run( QStringLiteral( "import processing\nprocessing.execAlgorithmDialog('limes:boundarychange')" ) );
  }

  void PluginUi::showAbout()
  {
    AboutDialog dialog( mMainWindow );
    dialog.exec();
  }
}
