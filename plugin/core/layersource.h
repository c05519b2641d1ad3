// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_LAYERSOURCE_H
#define LIMES_LAYERSOURCE_H

#include "qgiscompat.h"
#include <QList>
#include <QString>

#include <memory>

#include <qgsrectangle.h>
#include <qgswkbtypes.h>

class QgsVectorLayer;

namespace limes
{
  /**
   * A vector source as users write it on the command line and in Processing:
   * a path, or a QGIS-style "path|layername=NAME|subset=SQL". Opening it is where bad input is
   * caught, so every failure names the path and the layer.
   */
  class LayerSource
  {
    public:
      //! One layer of a data source, as listed by `limes info`.
      struct Sublayer
      {
        QString name;
        limes::WkbType wkbType = limes::WkbType::Unknown;
        QString crs;             //!< auth id, e.g. EPSG:4326; empty when the layer has none
        long long featureCount = -1;
        QgsRectangle extent;
      };

      LayerSource() = default;
      explicit LayerSource( const QString &spec );

      QString spec() const { return mSpec; }
      QString path() const { return mPath; }
      //! The layername part, empty when the spec names only a file.
      QString layerName() const { return mLayerName; }
      //! The subset part: an OGR SQL filter, empty when not given.
      QString subset() const { return mSubset; }
      //! Name used in reports: the layername, else the file's base name.
      QString displayName() const;

      /**
       * Opens the source as a vector layer; throws limes::Error when the file is missing or
       * unreadable, the layer does not exist, or the source is not vector data.
       */
      std::unique_ptr<QgsVectorLayer> open() const;

      //! Every vector layer of the file, in the order the driver lists them.
      QList<Sublayer> sublayers() const;

    private:
      void checkReadable() const;
      //! detailed: also feature counts, CRS and extent, which cost a pass over each layer
      QList<Sublayer> sublayers( bool detailed ) const;

      QString mSpec;
      QString mPath;
      QString mLayerName;
    QString mSubset;
  };
}

#endif
