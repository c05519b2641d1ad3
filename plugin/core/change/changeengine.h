// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGEENGINE_H
#define LIMES_CHANGEENGINE_H

#include "change/changerequest.h"
#include "change/changeresult.h"

class QgsFeedback;

namespace limes
{
  /**
   * Land and resources that change sides between two versions of a boundary.
   * Throws limes::Error for bad input, naming the input; never returns half a result.
   *
   * A pipeline of stages (plugin/core/change/), each a function or class of its own with its
   * inputs and outputs as plain values: check the versions, choose the working CRS, read and
   * overlay the versions, measure the pieces, name their segments, the resources in them, the
   * crossings, and the provenance. The summary is changeSummary() (summary.h).
   */
  class ChangeEngine
  {
    public:
      static ChangeResult run( const ChangeRequest &request, QgsFeedback *feedback = nullptr );
  };
}

#endif
