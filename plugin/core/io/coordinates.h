// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_IO_COORDINATES_H
#define LIMES_IO_COORDINATES_H

// Coordinates that cannot be where a layer says they are: checked at every input, by the
// change engine, the validator and the workspace imports alike. A NaN that reaches an
// overlay hangs it or measures nothing; 1e300 gives findings about nowhere.

#include <QString>

#include <functional>

#include <qgscoordinatereferencesystem.h>
#include <qgsfeatureid.h>

class QgsCoordinateTransformContext;
class QgsFeature;
class QgsFeatureSource;
class QgsGeometry;

namespace limes::io
{
  /**
   * What a position in a CRS can be: finite, and in a geographic CRS a longitude from -180
   * to 180 or from 0 to 360 and a latitude from -90 to 90; in a projected one within 1e9
   * units of the origin (the planet is 4e7 m round: 1e9 is a number gone wrong, not a place).
   */
  class CoordinateLimits
  {
    public:
      enum Kind
      {
        Geographic,
        Projected,
      };

      explicit CoordinateLimits( const QgsCoordinateReferenceSystem &crs );
      //! Limits of a kind of CRS, named in messages as `crsName` ("the working CRS").
      CoordinateLimits( Kind kind, const QString &crsName );

      //! Why (x, y) cannot be a position in the CRS; empty when it can.
      QString problem( double x, double y ) const;
      //! The first vertex of `geometry` that cannot be a position in the CRS, and why; empty when all can.
      QString problem( const QgsGeometry &geometry ) const;
      /**
       * limes::Error "feature FID: coordinate (nan, 4430100) is not finite" at `where`
       * (the layer) for a geometry with such a vertex.
       */
      void check( const QgsGeometry &geometry, QgsFeatureId fid, const QString &where ) const;

    private:
      QString mCrs;
      bool mGeographic = false;
  };

  /**
   * Metres read as degrees (a projected layer declared as EPSG:4326) would put a line or a
   * pillar on the other side of the planet: refuse a layer whose extent cannot be in the
   * layer's CRS (beyond ±360/±90 degrees, or outside the CRS's area of use, grown by 5
   * degrees) or cannot be transformed to WGS 84. An extent that is not finite or beyond the
   * limits of a projected CRS names the first feature with such a coordinate.
   */
  void checkCoordinatesFitCrs( QgsFeatureSource *source, const QString &sourceName, const QgsCoordinateTransformContext &context );

  /**
   * Thrown out of a feature iterator for a feature that cannot be transformed to the
   * request's destination CRS, where QGIS would drop its geometry and go on (a version or a
   * river silently losing a feature). Readers catch it where they know the layer's name.
   */
  struct TransformFailure
  {
    QgsFeatureId fid = FID_NULL;
    QString crs;   //!< the destination, when the callback knew it
  };

  //! For QgsFeatureRequest::setTransformErrorCallback and QgsProcessingContext::setTransformErrorCallback.
  std::function<void( const QgsFeature & )> throwTransformFailure( const QString &destinationCrs = QString() );

  //! "feature 12 cannot be transformed to the working CRS (EPSG:32642)"
  QString describe( const TransformFailure &failure );
}

#endif
