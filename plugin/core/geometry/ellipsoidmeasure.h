// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ELLIPSOIDMEASURE_H
#define LIMES_ELLIPSOIDMEASURE_H

#include <QString>

#include <memory>

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsdistancearea.h>

class QgsGeometry;
class QgsLineString;

namespace GeographicLib
{
  class Geodesic;
}

namespace limes
{
  /**
   * An ellipsoid that working-CRS geometries are measured on, already checked. A plain value,
   * so that each worker thread builds its own EllipsoidMeasure (PROJ state is per thread).
   */
  struct Ellipsoid
  {
    QgsCoordinateReferenceSystem sourceCrs;        //!< the CRS measured geometries are in
    QgsCoordinateReferenceSystem geographicCrs;    //!< the ellipsoid's own geographic CRS
    QString id;                                    //!< as QgsDistanceArea names it, e.g. EPSG:7030
    QgsCoordinateTransformContext transformContext;

    //! Throws limes::Error for an ellipsoid PROJ does not know.
    static Ellipsoid checked( const QgsCoordinateReferenceSystem &sourceCrs, const QString &id, const QgsCoordinateTransformContext &context );
  };

  /**
   * Distances between WGS 84 positions on the WGS 84 ellipsoid (EPSG:7030), for the rules
   * that take a tolerance in metres on stored coordinates (a claim's ends, a split point).
   * One per thread: QgsDistanceArea is not to be shared between threads.
   */
  const QgsDistanceArea &wgs84Distance();

  /**
   * Ellipsoidal measures of working-CRS geometries: each geometry transformed once, in bulk,
   * to the ellipsoid's own geographic CRS, then measured exactly with GeographicLib (geodesic
   * polygon areas and geodesic lengths, as PostGIS's geography measures them), with edges
   * taken as geodesics between the vertices. One per thread.
   */
  class EllipsoidMeasure
  {
    public:
      explicit EllipsoidMeasure( const Ellipsoid &ellipsoid );

      double area( const QgsGeometry &g ) const;
      double perimeter( const QgsGeometry &g ) const;
      double length( const QgsGeometry &g ) const;

    private:
      QgsGeometry geographic( QgsGeometry g ) const;
      double geodesicLength( const QgsLineString &line ) const;

      QgsCoordinateTransform mToEllipsoid;
      std::shared_ptr<const GeographicLib::Geodesic> mGeodesic;
  };
}

#endif
