// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_EDGES_H
#define LIMES_EDGES_H

#include <QString>

#include <memory>
#include <vector>

class QgsGeometry;

namespace limes
{
  struct Ellipsoid;

  /**
   * What the boundary is between two consecutive vertices, as the treaty says: a geodesic
   * (most treaties), a rhumb line, or a straight line on a named map projection. Without it
   * the answer would depend on the CRS the inputs happen to be stored or worked in.
   */
  struct EdgeInterpretation
  {
    enum class Kind
    {
      Geodesic,  //!< shortest path on the ellipsoid
      Rhumb,     //!< constant bearing (loxodrome)
      Projected, //!< straight on a map projection: `crs` (EPSG:4326: in degrees), or the working CRS when empty
    };

    Kind kind = Kind::Geodesic;
    QString crs; //!< Projected only: e.g. "EPSG:3857"; empty = the working CRS (no densification)

    //! "geodesic", "rhumb", "projected" or "projected:EPSG:3857"; throws limes::Error otherwise.
    static EdgeInterpretation parse( const QString &text );
    //! As parse() reads it; the provenance's name.
    QString name() const;
    bool operator==( const EdgeInterpretation &o ) const { return kind == o.kind && crs == o.crs; }
  };

  /**
   * Adds vertices along each edge's curve wherever the straight chord in the working CRS
   * strays from it by more than `tolerance` metres, so that everything after (overlay,
   * measures) may treat edges as straight. Works on working-CRS vertices: each long edge's
   * ends are taken back to the ellipsoid (or the named projection), the curve is followed
   * there and brought to the working CRS. Short edges (under 50 m, where no curve strays
   * 0.1 mm from its chord) are left alone, so dense lines cost nothing.
   */
  class EdgeDensifier
  {
    public:
      /**
       * Edges between vertices in `ellipsoid.sourceCrs` (the working CRS), followed on `ellipsoid`.
       * Throws limes::Error for an unknown projection.
       */
      EdgeDensifier( const EdgeInterpretation &edges, const Ellipsoid &ellipsoid, double tolerance = DEFAULT_TOLERANCE );
      ~EdgeDensifier();
      EdgeDensifier( const EdgeDensifier & ) = delete;
      EdgeDensifier &operator=( const EdgeDensifier & ) = delete;

      static constexpr double DEFAULT_TOLERANCE = 1e-4; //!< metres
      static constexpr double SHORT_EDGE = 50;          //!< metres in the working CRS

      //! False when edges are straight in the working CRS: nothing to add.
      bool isActive() const { return static_cast<bool>( mCurve ); }

      //! x0,y0,x1,y1,... in the working CRS, densified in place. Throws limes::Error when a transform fails.
      void densify( std::vector<double> &xy ) const;

      //! Every ring or line of `g` (working CRS) densified.
      QgsGeometry densified( const QgsGeometry &g ) const;

      //! Vertices added so far.
      long long added() const { return mAdded; }

      class Curve;

    private:
      void densifyEdge( double ax, double ay, double bx, double by, std::vector<double> &out ) const;

      std::unique_ptr<Curve> mCurve;
      double mTolerance;
      mutable long long mAdded = 0;
  };
}

#endif
