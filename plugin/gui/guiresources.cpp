// SPDX-License-Identifier: GPL-2.0-or-later
#include "guiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initLimesGuiResources()
{
  Q_INIT_RESOURCE( limes_i18n );
}

namespace limes
{
  void initGuiResources()
  {
    static const bool done = ( initLimesGuiResources(), true );
    Q_UNUSED( done )
  }
}
