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

namespace limes
{
  class GeodesicRings;

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

  //! A geometry's area (m²) and perimeter (m) on the ellipsoid, measured together.
  struct AreaAndPerimeter
  {
    double areaM2 = 0;
    double perimeterM = 0;
  };

  /**
   * Ellipsoidal measures of working-CRS geometries: each geometry's coordinates transformed
   * once, in bulk, to the ellipsoid's own geographic CRS, then measured as GeographicLib
   * measures them (geodesic polygon areas and geodesic lengths, as PostGIS's geography), with
   * edges taken as geodesics between the vertices (GeodesicRings: short edges by closed
   * formulas, long ones by GeographicLib). One per thread.
   */
  class EllipsoidMeasure
  {
    public:
      explicit EllipsoidMeasure( const Ellipsoid &ellipsoid );

      //! Both at once: one transform and one pass over the edges.
      AreaAndPerimeter areaAndPerimeter( const QgsGeometry &g ) const;
      double area( const QgsGeometry &g ) const;
      //! Every ring's length (a line's length for lines).
      double perimeter( const QgsGeometry &g ) const;
      double length( const QgsGeometry &g ) const;

    private:
      AreaAndPerimeter measure( const QgsGeometry &g, bool withArea ) const;

      QgsCoordinateTransform mToEllipsoid;
      std::shared_ptr<const GeodesicRings> mRings;
  };
}

#endif
