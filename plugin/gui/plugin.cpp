// SPDX-License-Identifier: GPL-2.0-or-later
#include "plugin.h"
#include "pluginui.h"

#include <QMainWindow>
#include <QMenu>

#include <qgisinterface.h>

namespace limes
{
  Plugin::Plugin( QgisInterface *iface )
    : QgisPlugin( QStringLiteral( "Limes" ), QStringLiteral( "Boundary commission tools" ), QStringLiteral( "Vector" ),
                  QStringLiteral( LIMES_VERSION ), QgisPlugin::UI )
    , mIface( iface )
  {
  }

  Plugin::~Plugin() = default;

  void Plugin::initGui()
  {
    QMenu *help = mIface->helpMenu();
    mUi = std::make_unique<PluginUi>( qobject_cast<QMainWindow *>( mIface->mainWindow() ), help ? help->menuAction() : nullptr );
    mUi->load();
  }

  void Plugin::unload()
  {
    mUi.reset();
  }
}
