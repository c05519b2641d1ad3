// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_HOST_H
#define LIMES_HOST_H

#include <QAction>
#include <QMainWindow>
#include <QPointer>
#include <Qt>

#include <memory>

class QDockWidget;
class QgisInterface;
class QgsMapCanvas;
class QgsMessageBar;

namespace limes
{
  /**
   * What Limes needs from the window it lives in: the main window, the map canvas, the
   * message bar and the dock areas. QGIS's own (QgisInterface) in the desktop; a plain
   * window with a canvas and a bar of its own in the widget tests.
   */
  class Host
  {
    public:
      virtual ~Host() = default;
      virtual QMainWindow *mainWindow() const = 0;
      virtual QgsMapCanvas *mapCanvas() const = 0;
      virtual QgsMessageBar *messageBar() const = 0;
      //! Menu action to insert the Limes menu before (QGIS's Help menu); null appends.
      virtual QAction *menuBefore() const = 0;
      virtual void addDockWidget( Qt::DockWidgetArea area, QDockWidget *dock ) = 0;
      //! Removes the dock from the window; the caller deletes it.
      virtual void removeDockWidget( QDockWidget *dock ) = 0;

      //! One clear line in the message bar, never a dialog: errors do not interrupt work.
      void pushError( const QString &title, const QString &message ) const;
      void pushSuccess( const QString &title, const QString &message ) const;
  };

  //! The desktop: everything through QgisInterface.
  class IfaceHost : public Host
  {
    public:
      explicit IfaceHost( QgisInterface *iface );
      QMainWindow *mainWindow() const override;
      QgsMapCanvas *mapCanvas() const override;
      QgsMessageBar *messageBar() const override;
      QAction *menuBefore() const override;
      void addDockWidget( Qt::DockWidgetArea area, QDockWidget *dock ) override;
      void removeDockWidget( QDockWidget *dock ) override;

    private:
      QgisInterface *mIface = nullptr;
  };

  /**
   * A plain QMainWindow, with a map canvas and a message bar of the host's own (made when
   * first asked for, not children of the window, deleted with the host). For tests.
   */
  class WindowHost : public Host
  {
    public:
      WindowHost( QMainWindow *window, QAction *menuBefore );
      ~WindowHost() override;
      QMainWindow *mainWindow() const override { return mWindow; }
      QgsMapCanvas *mapCanvas() const override;
      QgsMessageBar *messageBar() const override;
      QAction *menuBefore() const override { return mMenuBefore; }
      void addDockWidget( Qt::DockWidgetArea area, QDockWidget *dock ) override;
      void removeDockWidget( QDockWidget *dock ) override;

    private:
      QPointer<QMainWindow> mWindow;
      QPointer<QAction> mMenuBefore;
      mutable std::unique_ptr<QgsMapCanvas> mCanvas;
      mutable std::unique_ptr<QgsMessageBar> mBar;
  };
}

#endif
