// SPDX-License-Identifier: GPL-2.0-or-later
#include "layersnapshot.h"
#include "inputlayers.h"

#include <qgsdatasourceuri.h>
#include <qgsvectorlayer.h>

namespace limes
{
  LayerSnapshot::LayerSnapshot( QgsVectorLayer *layer )
    : mSource( std::make_unique<QgsVectorLayerFeatureSource>( layer ) )
    , mName( layer->name() )
    , mLayerId( layer->id() )
    , mCrs( layer->crs() )
    , mFields( layer->fields() )
    , mWkbType( layer->wkbType() )
    , mFeatureCount( layer->featureCount() )
    , mExtent( layer->extent() )
  {
    mInput = processingInput( this, layer );
    // provenance names the source as the user would; never with a password in it
    mInput.spec = QgsDataSourceUri::removePassword( mInput.spec );
  }

  QgsFeatureIterator LayerSnapshot::getFeatures( const QgsFeatureRequest &request ) const
  {
    return mSource->getFeatures( request );
  }
}
