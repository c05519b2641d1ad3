// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_LAYERSNAPSHOT_H
#define LIMES_LAYERSNAPSHOT_H

#include "change/changerequest.h"
#include "qgiscompat.h"

#include <memory>

#include <qgsfeaturesource.h>
#include <qgsfields.h>
#include <qgsvectorlayerfeatureiterator.h>

class QgsVectorLayer;

namespace limes
{
  /**
   * A loaded layer as a task may read it in its worker thread: QGIS's thread-safe
   * QgsVectorLayerFeatureSource (with the layer's edits and filter as they are now), with the
   * layer's fields, CRS, type and name copied. Made on the main thread, before the task starts.
   */
  class LayerSnapshot : public QgsFeatureSource
  {
    public:
      explicit LayerSnapshot( QgsVectorLayer *layer );

      QgsFeatureIterator getFeatures( const QgsFeatureRequest &request = QgsFeatureRequest() ) const override;
      QString sourceName() const override { return mName; }
      QgsCoordinateReferenceSystem sourceCrs() const override { return mCrs; }
      QgsFields fields() const override { return mFields; }
      limes::WkbType wkbType() const override { return mWkbType; }
      long long featureCount() const override { return mFeatureCount; }
      QgsRectangle sourceExtent() const override { return mExtent; }

      //! The engines' input: named and with the file behind it as Processing names a layer.
      InputLayer input() const { return mInput; }
      //! Names the input otherwise (the workspace's own layers: as the workspace names its tables).
      void setInputName( const QString &name ) { mInput.name = name; }
      QString layerId() const { return mLayerId; }

    private:
      std::unique_ptr<QgsVectorLayerFeatureSource> mSource;
      QString mName;
      QString mLayerId;
      QgsCoordinateReferenceSystem mCrs;
      QgsFields mFields;
      limes::WkbType mWkbType;
      long long mFeatureCount = 0;
      QgsRectangle mExtent;
      InputLayer mInput;
  };
}

#endif
