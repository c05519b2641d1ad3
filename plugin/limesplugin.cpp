// SPDX-License-Identifier: GPL-2.0-or-later
// The module QGIS loads: the C ABI entry points of a QGIS 3.22 C++ plugin and nothing else.
#include "plugin.h"

#include <qgis.h>
#include <qgisplugin.h>

namespace
{
  const QString sName = QStringLiteral( "Limes" );
  const QString sDescription = QStringLiteral( "Boundary commission tools: disputed segments, agreements, land and water side changes, validation, reports" );
  const QString sCategory = QStringLiteral( "Vector" );
  const QString sVersion = QStringLiteral( LIMES_VERSION );
  const QString sIcon = QStringLiteral( ":/limes/icons/limes.svg" );
}

QGISEXTERN QgisPlugin *classFactory( QgisInterface *iface )
{
  return new limes::Plugin( iface );
}

QGISEXTERN const QString *name()
{
  return &sName;
}

QGISEXTERN const QString *description()
{
  return &sDescription;
}

QGISEXTERN const QString *category()
{
  return &sCategory;
}

QGISEXTERN int type()
{
  return QgisPlugin::UI;
}

QGISEXTERN const QString *version()
{
  return &sVersion;
}

QGISEXTERN const QString *icon()
{
  return &sIcon;
}

QGISEXTERN void unload( QgisPlugin *plugin )
{
  delete plugin;
}
