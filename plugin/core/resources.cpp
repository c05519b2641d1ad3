// SPDX-License-Identifier: GPL-2.0-or-later
#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initLimesResources()
{
  Q_INIT_RESOURCE( limes );
}

namespace limes
{
  void initResources()
  {
    static const bool done = ( initLimesResources(), true );
    Q_UNUSED( done )
  }
}
