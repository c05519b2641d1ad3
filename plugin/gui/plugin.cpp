// SPDX-License-Identifier: GPL-2.0-or-later
#include "plugin.h"
#include "host.h"
#include "pluginui.h"
#include "qgiscompat.h"

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
    mUi = std::make_unique<PluginUi>( std::make_unique<IfaceHost>( mIface ) );
    mUi->load(); // installs the translator first
  }

  void Plugin::unload()
  {
    mUi.reset(); // removes docks, toolbar, menu, translator and the workspace's layers; ends Limes' tasks
    // QGIS unloads plugins on quit before it destroys its managers (see the function)
    compat::endIdleTaskThreads( 0 );
  }
}
