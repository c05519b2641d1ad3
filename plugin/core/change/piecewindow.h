// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_PIECEWINDOW_H
#define LIMES_CHANGE_PIECEWINDOW_H

#include <memory>
#include <vector>

class QgsAbstractGeometry;
class QgsGeometry;
class QgsRectangle;

namespace limes::change
{
  /**
   * A big transfer piece (a sliver of 100k vertices) cut, for one resource feature, to a box
   * around it: GEOS then intersects the feature with the few vertices near it instead of
   * walking the whole piece for every canal. The box holds every segment of the piece that
   * meets the feature's extent whole and unmoved, so GEOS nodes the feature against the same
   * segments as with the whole piece; the rest of the window is the box's edge.
   *
   * The rings are indexed once in runs of segments; a window costs what is near the feature.
   */
  class PieceWindow
  {
    public:
      //! Indexes the rings of `piece` (a polygon or multipolygon), which must outlive this object.
      explicit PieceWindow( const QgsGeometry &piece );
      ~PieceWindow();
      PieceWindow( const PieceWindow & ) = delete;
      PieceWindow &operator=( const PieceWindow & ) = delete;

      //! Whether windows pay for a piece of this many vertices.
      static bool worthIt( const QgsGeometry &piece );

      /**
       * The piece within a box around `extent`, the extent of a feature that meets the piece.
       * Nullptr where the window would not be plain (a ring wholly inside the box, a vertex on
       * its edge, curved rings...): the caller then uses the whole piece.
       */
      std::unique_ptr<QgsAbstractGeometry> around( const QgsRectangle &extent ) const;

      struct Box
      {
        double xmin, ymin, xmax, ymax;
      };
      struct Ring
      {
        const double *x = nullptr;
        const double *y = nullptr;
        int vertices = 0;            //!< the closing vertex included
        bool interiorLeft = true;    //!< the piece lies left of the ring as stored
        std::vector<Box> chunks;     //!< extent of each run of segments
        std::vector<Box> groups;     //!< extent of each run of chunks
      };

    private:
      std::vector<Ring> mRings;
      bool mPlain = true;            //!< only straight rings: windows can be cut
  };
}

#endif
