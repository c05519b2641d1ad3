// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_PLUGIN_H
#define LIMES_PLUGIN_H

#include <QObject>
#include <qgisplugin.h>

#include <memory>

class QgisInterface;

namespace limes
{
  class PluginUi;

  //! The QgisPlugin QGIS instantiates; a thin adapter from QgisInterface to PluginUi.
  class Plugin : public QObject, public QgisPlugin
  {
      Q_OBJECT

    public:
      explicit Plugin( QgisInterface *iface );
      ~Plugin() override;

      void initGui() override;
      void unload() override;

    private:
      QgisInterface *mIface = nullptr;
      std::unique_ptr<PluginUi> mUi;
  };
}

#endif
