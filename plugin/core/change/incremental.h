// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_INCREMENTAL_H
#define LIMES_CHANGE_INCREMENTAL_H

#include "change/changerequest.h"
#include "change/changeresult.h"

#include <memory>
#include <vector>

class QgsFeedback;

namespace limes::change
{
  /**
   * The change between two line versions of a full border, kept so that the desktop can
   * redraw one stretch of the new version and have the transfers and resource changes again
   * while the mouse moves: only the disputed windows the edit touches are noded, classified,
   * measured and intersected with the resources again, by the same stages ChangeEngine::run
   * uses. result() equals a fresh ChangeEngine::run on the versions as edited, except the
   * crossings, which are counted once, for the versions as read.
   */
  class IncrementalChange
  {
    public:
      //! Reads the line versions, segments and resources once and computes the whole change; throws limes::Error.
      explicit IncrementalChange( const ChangeRequest &request, QgsFeedback *feedback = nullptr );
      ~IncrementalChange();
      IncrementalChange( const IncrementalChange & ) = delete;
      IncrementalChange &operator=( const IncrementalChange & ) = delete;

      //! The new version's parts as the overlay sees them: working CRS, densified, on the grid.
      const std::vector<Polyline> &newParts() const;
      const std::vector<Polyline> &oldParts() const;

      /**
       * Replaces vertices first..last of new part `part` (indices into newParts(); first =
       * last + 1 inserts before first) by `xy` (working CRS: x0,y0,x1,y1,...; may be empty),
       * densified along the request's edges and snapped to the grid. Returns the number of
       * windows computed again. Throws limes::Error for an edit the overlay refuses (ends
       * too far apart, fewer than two vertices left, a version running back over itself);
       * nothing has changed then.
       */
      int replaceNewStretch( size_t part, size_t first, size_t last, const std::vector<double> &xy );

      //! The change as it stands: transfers, noise, resource changes, connectors, provenance.
      ChangeResult result() const;

      //! How many disputed windows the versions differ in now.
      size_t windowCount() const;

    private:
      struct State;
      std::unique_ptr<State> d;
  };
}

#endif
