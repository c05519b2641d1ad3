// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGEOUTPUT_H
#define LIMES_CHANGEOUTPUT_H

#include "change/changeresult.h"
#include "change/summary.h"

#include <QString>

#include <qgsfeature.h>
#include <qgsfields.h>

namespace limes
{
  //! Output features: the same fields in the GeoPackage, the Processing sinks and the GUI.
  QgsFields transferFields();
  QgsFeature transferFeature( const Transfer &transfer, const QgsFields &fields );
  QgsFields resourceChangeFields();
  QgsFeature resourceChangeFeature( const ResourceChange &change, const QgsFields &fields );
  QgsFields connectorFields();
  QgsFeature connectorFeature( const EndConnector &connector, const QgsFields &fields );

  /**
   * Writes layers transfers, resource_changes, noise and end_connectors (working CRS) into a
   * new GeoPackage at `path`. Callers write to an AtomicOutput's temporary path.
   */
  void writeChangeGeoPackage( const ChangeResult &result, const QString &path );
}

#endif
