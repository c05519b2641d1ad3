// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_MEASURE_H
#define LIMES_CHANGE_MEASURE_H

#include "change/changeresult.h"
#include "change/overlaystage.h"
#include "geometry/ellipsoidmeasure.h"

#include <vector>

class QgsFeedback;

// Stage "measure": areas and perimeters on the ellipsoid, and the width of each piece.
namespace limes::change
{
  /**
   * A transfer per piece, measured; its segment is left to assignSegments(). Pieces are
   * independent, so they are measured on every core. Stops early (unfinished) once cancelled.
   */
  std::vector<Transfer> measurePieces( const std::vector<Piece> &pieces, const Ellipsoid &ellipsoid, double grid, QgsFeedback *feedback );

  //! Pieces below the minimum area set apart as noise; both lists in the order outputs list them.
  void separateNoise( std::vector<Transfer> measured, double minAreaM2, std::vector<Transfer> &transfers, std::vector<Transfer> &noise );
}

#endif
