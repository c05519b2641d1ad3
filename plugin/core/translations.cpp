// SPDX-License-Identifier: GPL-2.0-or-later
#include "translations.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initLimesTranslations()
{
  Q_INIT_RESOURCE( limes_i18n );
}

namespace limes
{
  void initTranslations()
  {
    static const bool done = ( initLimesTranslations(), true );
    Q_UNUSED( done )
  }
}
