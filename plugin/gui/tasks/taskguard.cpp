// SPDX-License-Identifier: GPL-2.0-or-later
#include "taskguard.h"
#include "guard.h"

#include <qgsexception.h>

namespace limes
{
  bool runGuarded( const std::function<bool()> &isCanceled, QString &error, const std::function<void()> &body )
  {
    try
    {
      processing::guarded( [&] {
        body();
        return QVariantMap();
      } );
      return !isCanceled();
    }
    catch ( const QgsProcessingException &e )
    {
      if ( !isCanceled() )
        error = e.what();
    }
    return false;
  }
}
