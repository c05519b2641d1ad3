// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_CHECKS_H
#define LIMES_CHANGE_CHECKS_H

#include "change/changerequest.h"

#include <QStringList>

// Stage "check": everything that can be refused before anything is read, one error per
// call naming the input (limes::Error).
namespace limes::change
{
  enum class VersionKind
  {
    Lines,       //!< line versions, with a party on each side
    Territories, //!< polygon versions, with the party in an attribute
  };

  //! The versions and the parameters: layers, CRS, geometry types, parties, grid, minimum area.
  VersionKind checkVersions( const ChangeRequest &request );

  /**
   * The segments and resource layers. Returns the name each resource layer reports under:
   * its own, or "rivers (2)" for a second layer of the same name, so totals never pool.
   */
  QStringList checkSupportingLayers( const ChangeRequest &request );
}

#endif
