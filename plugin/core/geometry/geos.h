// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_GEOS_H
#define LIMES_GEOS_H

#include <QString>

#include <memory>
#include <string>
#include <vector>

#include <geos_c.h>

class QgsGeometry;

namespace limes::geos
{
  class Context;

  struct Deleter
  {
    GEOSContextHandle_t handle = nullptr;
    void operator()( GEOSGeometry *g ) const
    {
      if ( g )
        GEOSGeom_destroy_r( handle, g );
    }
  };
  using GeomPtr = std::unique_ptr<GEOSGeometry, Deleter>;

  /**
   * The one adapter to the GEOS C API. QgsGeometry in QGIS 3.22 has no fixed-precision
   * overlays, which the change engine needs so that both delegations get bit-identical
   * noding; every call goes through check(), the single place where a GEOS failure becomes
   * a limes::Error naming the operation. One Context per thread.
   */
  class Context
  {
    public:
      Context();
      ~Context();
      // GEOS reports errors to this object's address: it owns its handle and never moves
      Context( const Context & ) = delete;
      Context &operator=( const Context & ) = delete;
      Context( Context && ) = delete;
      Context &operator=( Context && ) = delete;

      GEOSContextHandle_t handle() const { return mHandle; }

      //! Takes ownership of a GEOS result; throws limes::Error with GEOS's message if it is null.
      GeomPtr check( GEOSGeometry *g, const char *operation ) const;
      //! For GEOS calls returning 0/1 and 2 on error.
      bool checkBool( char result, const char *operation ) const;
      double checkDouble( int ok, double value, const char *operation ) const;

      GeomPtr fromQgs( const QgsGeometry &geometry ) const;
      QgsGeometry toQgs( const GEOSGeometry *geometry ) const;

      GeomPtr lineString( const std::vector<double> &xy ) const;
      GeomPtr point( double x, double y ) const;
      //! Consumes the parts.
      GeomPtr collection( int type, std::vector<GeomPtr> &parts ) const;
      GeomPtr clone( const GEOSGeometry *g ) const;

      //! Nodes and dissolves linework, snap-rounding every vertex and node to `grid`.
      GeomPtr unaryUnion( const GEOSGeometry *g, double grid ) const;
      //! Lines joined where exactly two meet (directions may be reversed to join them).
      GeomPtr lineMerge( const GEOSGeometry *lines ) const;
      GeomPtr polygonize( const std::vector<const GEOSGeometry *> &edges ) const;
      GeomPtr intersection( const GEOSGeometry *a, const GEOSGeometry *b, double grid ) const;
      GeomPtr difference( const GEOSGeometry *a, const GEOSGeometry *b, double grid ) const;
      GeomPtr unionOf( const GEOSGeometry *a, const GEOSGeometry *b, double grid ) const;
      GeomPtr setPrecision( const GEOSGeometry *g, double grid ) const;
      GeomPtr makeValid( const GEOSGeometry *g ) const;
      GeomPtr pointOnSurface( const GEOSGeometry *g ) const;
      /**
       * Diameter of the largest circle that fits inside: the width of a piece of land. Never
       * wider than that circle, short of it by at most `tolerance` (largestInscribedCircle).
       */
      double maximumInscribedDiameter( const GEOSGeometry *polygon, double tolerance ) const;

      bool isValid( const GEOSGeometry *g, QString *reason = nullptr ) const;
      bool isEmpty( const GEOSGeometry *g ) const;
      double area( const GEOSGeometry *g ) const;
      double length( const GEOSGeometry *g ) const;
      int geometryCount( const GEOSGeometry *g ) const;
      const GEOSGeometry *geometryN( const GEOSGeometry *g, int n ) const;
      int typeId( const GEOSGeometry *g ) const;
      //! Vertices of a LineString or LinearRing as x0,y0,x1,y1...
      std::vector<double> coordinates( const GEOSGeometry *curve ) const;

      //! Messages GEOS reported as notices (e.g. while repairing), for the caller to report.
      const std::string &lastError() const { return mLastError; }

    private:
      static void onError( const char *message, void *userdata );

      GEOSContextHandle_t mHandle = nullptr;
      mutable std::string mLastError;
  };
}

#endif
