// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_STYLES_H
#define LIMES_WORKSPACE_STYLES_H

// How a workspace's layers look when they are opened: a colour per version for the version
// lines, labelled squares for the pillars. Every storage offers the same defaults.

#include <QString>

class QgsVectorLayer;

namespace limes
{
  //! Gives `layer` the default look of the workspace table `table`; false for a table without one.
  bool applyDefaultStyle( QgsVectorLayer &layer, const QString &table );
  //! The default style of a workspace table as QGIS QML; empty for a table without one.
  QString defaultLayerStyle( const QString &table );
}

#endif
