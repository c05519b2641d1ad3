// SPDX-License-Identifier: GPL-2.0-or-later
#include "host.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>

#include <qgisinterface.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>

namespace limes
{
  void Host::pushError( const QString &title, const QString &message ) const
  {
    if ( QgsMessageBar *bar = messageBar() )
      bar->pushMessage( title, QString( message ).replace( QLatin1Char( '\n' ), QLatin1Char( ' ' ) ), Qgis::MessageLevel::Critical );
  }

  void Host::pushSuccess( const QString &title, const QString &message ) const
  {
    if ( QgsMessageBar *bar = messageBar() )
      bar->pushMessage( title, message, Qgis::MessageLevel::Success );
  }

  IfaceHost::IfaceHost( QgisInterface *iface )
    : mIface( iface )
  {}

  QMainWindow *IfaceHost::mainWindow() const
  {
    return qobject_cast<QMainWindow *>( mIface->mainWindow() );
  }

  QgsMapCanvas *IfaceHost::mapCanvas() const
  {
    return mIface->mapCanvas();
  }

  QgsMessageBar *IfaceHost::messageBar() const
  {
    return mIface->messageBar();
  }

  QAction *IfaceHost::menuBefore() const
  {
    QMenu *help = mIface->helpMenu();
    return help ? help->menuAction() : nullptr;
  }

  void IfaceHost::addDockWidget( Qt::DockWidgetArea area, QDockWidget *dock )
  {
    mIface->addDockWidget( area, dock );
  }

  void IfaceHost::removeDockWidget( QDockWidget *dock )
  {
    mIface->removeDockWidget( dock );
  }

  WindowHost::WindowHost( QMainWindow *window, QAction *menuBefore )
    : mWindow( window )
    , mMenuBefore( menuBefore )
  {}

  WindowHost::~WindowHost() = default;

  QgsMapCanvas *WindowHost::mapCanvas() const
  {
    if ( !mCanvas )
      mCanvas = std::make_unique<QgsMapCanvas>();
    return mCanvas.get();
  }

  QgsMessageBar *WindowHost::messageBar() const
  {
    if ( !mBar )
      mBar = std::make_unique<QgsMessageBar>();
    return mBar.get();
  }

  void WindowHost::addDockWidget( Qt::DockWidgetArea area, QDockWidget *dock )
  {
    if ( mWindow )
      mWindow->addDockWidget( area, dock );
  }

  void WindowHost::removeDockWidget( QDockWidget *dock )
  {
    if ( mWindow )
      mWindow->removeDockWidget( dock );
  }
}
