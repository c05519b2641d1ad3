// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_OVERLAYSTAGE_H
#define LIMES_CHANGE_OVERLAYSTAGE_H

#include "change/changerequest.h"
#include "change/lineoverlay.h"
#include "change/versions.h"

#include <QString>
#include <QStringList>

#include <vector>

#include <qgsgeometry.h>

class QgsFeedback;

// Stage "overlay": the pieces of land between the versions and which way each moves.
namespace limes::change
{
  //! A piece of land that changes sides, before it is measured.
  struct Piece
  {
    QString from;
    QString to;
    QgsGeometry geometry; //!< working CRS
  };

  struct Overlaid
  {
    std::vector<Piece> pieces;
    QStringList parties;                 //!< every party seen, sorted (lines: left, right)
    QgsGeometry oldBoundary;             //!< the line between the parties, for crossing counts
    QgsGeometry newBoundary;
    std::vector<EndConnector> connectors;
    QStringList warnings;                //!< connectors, repaired territories
    long long sharedSegments = 0;
    long long overlaidSegments = 0;
  };

  /**
   * Line versions: the winding-number overlay (LineOverlay) of old against new, each face
   * given to the party on its side. Uses the request's parties, grid and maximum end gap.
   */
  Overlaid overlayLines( LineVersions versions, const ChangeRequest &request, QgsFeedback *feedback );

  //! The warning an end connector gives.
  //! A version's parts as one multi-line geometry (for the crossing counts).
  QgsGeometry boundaryOf( const std::vector<Polyline> &parts );

  QString connectorWarning( const EndConnector &connector );

  //! The land a face moves, from the party on its side under the old version to the other.
  Piece pieceOf( const OverlayFace &face, const ChangeRequest &request );

  //! Territory versions: old-A ∩ new-B for each ordered pair of parties, on the grid.
  Overlaid overlayTerritories( const TerritoryVersions &versions, double grid, QgsFeedback *feedback );
}

#endif
