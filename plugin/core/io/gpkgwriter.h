// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_GPKGWRITER_H
#define LIMES_GPKGWRITER_H

#include "qgiscompat.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <qgscoordinatereferencesystem.h>
#include <qgsfeature.h>
#include <qgsfields.h>

typedef void *GDALDatasetH;

namespace limes
{
  /**
   * A new GeoPackage written through GDAL directly, one layer after another, each in one
   * transaction. The layers are what QgsVectorFileWriter makes of the same fields (GDAL's
   * GeoPackage defaults: fid, geom, a spatial index), without its cost: it opens the file anew
   * for every layer and, through its render context, has QGIS 3.22 list every ellipsoid PROJ
   * knows; together a third of a small comparison. Failures are limes::Errors naming the file.
   */
  class GeoPackageWriter
  {
    public:
      //! Creates the file; it must not hold a dataset yet (callers write to an AtomicOutput's temporary).
      explicit GeoPackageWriter( const QString &path );
      ~GeoPackageWriter();
      GeoPackageWriter( const GeoPackageWriter & ) = delete;
      GeoPackageWriter &operator=( const GeoPackageWriter & ) = delete;

      /**
       * A layer of `features` (their attributes in `fields`' order, geometries of `type` or
       * none); `options` are GDAL's layer creation options, e.g. FID=NAME.
       */
      void writeLayer( const QString &name, limes::WkbType type, const QgsCoordinateReferenceSystem &crs, const QgsFields &fields, const QVector<QgsFeature> &features,
                       const QStringList &options = QStringList() );

      //! Closes the file; an error GDAL reports only then is thrown here, not lost in the destructor.
      void close();

    private:
      QString mPath;
      GDALDatasetH mDataset = nullptr;
  };
}

#endif
