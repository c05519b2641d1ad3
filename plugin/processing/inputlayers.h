// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_INPUTLAYERS_H
#define LIMES_INPUTLAYERS_H

#include "change/changeengine.h"

#include <qgsprocessingalgorithm.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

namespace limes
{
  /**
   * An algorithm's feature source as the engines want it: named as the CLI names a source
   * (its layername, else the layer's name) and with the file behind it for provenance.
   */
  inline InputLayer processingInput( QgsFeatureSource *source, const QgsVectorLayer *layer )
  {
    InputLayer l;
    l.source = source;
    l.name = source ? source->sourceName() : QString();
    if ( layer )
    {
      const QVariantMap parts = QgsProviderRegistry::instance()->decodeUri( layer->providerType(), layer->source() );
      const QString layerName = parts.value( QStringLiteral( "layerName" ) ).toString();
      l.name = layerName.isEmpty() ? layer->name() : layerName;
      l.path = parts.value( QStringLiteral( "path" ) ).toString();
      l.spec = layer->source();
    }
    return l;
  }
}

#endif
