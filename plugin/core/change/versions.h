// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_VERSIONS_H
#define LIMES_CHANGE_VERSIONS_H

#include "change/changerequest.h"
#include "change/lineoverlay.h"
#include "change/reading.h"

#include <QStringList>

#include <map>
#include <vector>

#include <qgsgeometry.h>

class QgsFeedback;

namespace limes
{
  class EdgeDensifier;
}

// Stage "read versions": both versions in the working CRS, as the overlay takes them.
namespace limes::change
{
  //! Line versions: their parts in working-CRS metres, named "feature 3 part 1" for messages.
  struct LineVersions
  {
    std::vector<Polyline> oldParts;
    std::vector<Polyline> newParts;
  };

  //! Both versions' parts, their long edges densified along their curve (`edges`, may be null).
  LineVersions readLineVersions( const ChangeRequest &request, const WorkingFrame &frame, QgsFeedback *feedback, const EdgeDensifier *edges = nullptr );

  //! One territory version: each party's land, made valid and dissolved on the grid.
  struct Territories
  {
    std::map<QString, QgsGeometry> byParty; //!< only what each party holds alone
    QStringList warnings;                   //!< repaired polygons, land two parties hold
  };

  struct TerritoryVersions
  {
    Territories oldTerritories;
    Territories newTerritories;
  };

  TerritoryVersions readTerritoryVersions( const ChangeRequest &request, const WorkingFrame &frame, QgsFeedback *feedback, const EdgeDensifier *edges = nullptr );
}

#endif
