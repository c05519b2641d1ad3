// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_GEODESICRINGS_H
#define LIMES_GEODESICRINGS_H

#include <GeographicLib/Geodesic.hpp>

namespace limes
{
  /**
   * Geodesic lengths and areas of lines and rings given in degrees (longitude, latitude) on one
   * ellipsoid, edges taken as geodesics between the vertices: GeographicLib's numbers, fast.
   * Edges up to SHORT_EDGE_M are measured by closed formulas (an area on the authalic sphere
   * plus the ellipsoid's own bow, the chord plus the geodesic's curvature), longer ones by
   * GeographicLib itself; tests/core/testgeodesicrings.cpp holds both to GeographicLib and to
   * an equal-area projection. Const and shareable between threads.
   */
  class GeodesicRings
  {
    public:
      GeodesicRings( double semiMajor, double flattening );

      /**
       * Edges longer than this (m) go to GeographicLib. The formulas' per-edge error, measured
       * against GeographicLib where it shows (40-100 km edges), grows as the length's fifth
       * power: 1.2 m² for a 40 km edge at 84°, 0.27 m² at 70°, so ~1e-8 m² at 1 km, 5e-12 of
       * even a 1 km × 2 m sliver. Below a few kilometres GeographicLib's own rounding
       * (1e-5 to 1e-2 m² per edge) is the larger.
       */
      static constexpr double SHORT_EDGE_M = 1000;

      //! Geodesic length (m) of the path through the n points.
      double length( const double *lon, const double *lat, int n ) const;

      /**
       * Area (m², unsigned) and perimeter (m) of the ring through the n points, closed whether
       * or not it repeats its first point.
       */
      void ring( const double *lon, const double *lat, int n, double &area, double &perimeter ) const;

    private:
      struct Vertex;
      double atanhEOverE( double x ) const;
      Vertex vertex( double lon, double lat, bool forArea ) const;
      //! edge( v1, v2 ) for every edge of the path (and the closing one if `closed`).
      template<typename F> void forEachEdge( const double *lon, const double *lat, int n, bool closed, bool forArea, F &&edge ) const;

      GeographicLib::Geodesic mGeodesic;
      double mA;      //!< semi-major axis
      double mE2;     //!< first eccentricity squared
      double mE;
      double mQp;     //!< q at the pole: sin(authalic latitude) = q / mQp
      double mRq2;    //!< authalic radius squared
  };
}

#endif
