// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_OUTPUTGEOMETRY_H
#define LIMES_OUTPUTGEOMETRY_H

#include <qgsgeometry.h>
#include <qgsgeometrycollection.h>

namespace limes
{
  /**
   * One output layer for points, lines and polygons (findings, resource changes): a
   * geometry collection, which every QGIS renderer and the GeoPackage driver accept.
   */
  inline QgsGeometry asCollection( const QgsGeometry &g )
  {
    if ( g.isNull() )
      return g;
    auto collection = std::make_unique<QgsGeometryCollection>();
    for ( const QgsGeometry &part : g.asGeometryCollection() )
      collection->addGeometry( part.constGet()->clone() );
    return QgsGeometry( collection.release() );
  }
}

#endif
