// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_LINEOVERLAY_H
#define LIMES_LINEOVERLAY_H

#include <QString>

#include <cmath>
#include <vector>

#include <qgsgeometry.h>

class QgsFeedback;

namespace limes
{
  //! One part of a boundary version, in working-CRS metres: x0,y0,x1,y1,...
  struct Polyline
  {
    std::vector<double> xy;
    QString origin; //!< "feature 3 part 1", for messages

    size_t size() const { return xy.size() / 2; }
    bool isClosed() const { return size() >= 4 && xy[0] == xy[xy.size() - 2] && xy[1] == xy[xy.size() - 1]; }
  };

  //! A straight line added between corresponding ends of two versions that do not meet.
  struct EndConnector
  {
    QString oldOrigin;
    QString newOrigin;
    bool atStart = true;
    double length = 0; //!< in working-CRS metres
    QgsGeometry line;
  };

  //! A piece of land between the two versions, and which way it moves.
  struct OverlayFace
  {
    QgsGeometry polygon;
    /**
     * +1: on the left of the old line and the right of the new one (left party -> right party);
     * -1: the reverse.
     */
    int winding = 0;
  };

  struct LineOverlayResult
  {
    std::vector<OverlayFace> faces;
    std::vector<EndConnector> connectors;
    long long sharedSegments = 0; //!< segments identical in both versions, never overlaid
    long long chainSegments = 0;  //!< segments that differ, the only ones noded
  };

  /**
   * Land that changes sides between two versions of a line.
   *
   * Each pair of corresponding parts, closed by straight connectors between their ends,
   * is a closed chain old - new. The winding number of that chain around a point is
   * [left of old] - [left of new], so the faces with winding +-1 are exactly the land that
   * changes sides, whatever the number of crossings. Segments identical in both versions
   * cancel in the chain, so they are dropped before noding: only the differing windows are
   * overlaid, which keeps the cost close to linear in the size of the difference.
   * run() is a short pipeline of the phases in overlayphases.h.
   */
  class LineOverlay
  {
    public:
      LineOverlay( double grid, double maxEndGap );

      LineOverlayResult run( std::vector<Polyline> oldParts, std::vector<Polyline> newParts, QgsFeedback *feedback = nullptr ) const;

      //! Rounds every vertex to the grid and drops the repeated vertices that creates.
      static Polyline snapped( const Polyline &line, double grid );

      /**
       * A coordinate on the grid, as snapped() rounds it: the one arithmetic for every
       * coordinate the overlay compares exactly (GEOS's precision model may differ in the last bit).
       */
      static double onGrid( double v, double grid ) { return std::round( v / grid ) * grid; }

      //! One step of the chain old - new: +1 old, -1 new, +-1 connectors.
      struct Segment
      {
        double x0, y0, x1, y1;
        int weight;
      };

    private:
      double mGrid;
      double mMaxEndGap;
  };
}

#endif
