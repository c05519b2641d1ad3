// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_INSCRIBEDCIRCLE_H
#define LIMES_INSCRIBEDCIRCLE_H

#include <vector>

namespace limes
{
  //! One polygon: its exterior ring, then its holes, each as x0,y0,x1,y1,... (closed or not).
  using PolygonRings = std::vector<std::vector<double>>;

  struct InscribedCircle
  {
    double x = 0, y = 0;     //!< the centre, inside the polygons
    double radius = 0;       //!< the centre's exact distance to the boundary: this circle fits
    double upperRadius = 0;  //!< no circle inside is larger
  };

  /**
   * The largest circle inside `polygons` (the width of a piece of land), on coordinates
   * alone: the same on every GEOS release. radius <= true radius <= upperRadius, and
   * upperRadius - radius <= tolerance / 2: the diameter is never more than `tolerance` short.
   *
   * Each ring is simplified (Douglas-Peucker, an eighth of the tolerance); a branch and bound
   * over rectangles of the simplified rings solves a rectangle exactly once only a few
   * segments can be nearest inside it (the circle's centre is where three of them, or a
   * rectangle's edge and two, are equally far), so a long sliver between two nearly parallel
   * lines costs its number of simplified segments, not its length over the tolerance as a
   * grid search does. The winning centre is measured again against the original rings.
   */
  InscribedCircle largestInscribedCircle( const std::vector<PolygonRings> &polygons, double tolerance );
}

#endif
