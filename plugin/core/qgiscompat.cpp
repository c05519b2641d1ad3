// SPDX-License-Identifier: GPL-2.0-or-later
#include "qgiscompat.h"

#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>

namespace limes::compat
{
  std::unique_ptr<QgsLineSymbol> createSimpleLine( const QVariantMap &properties )
  {
    return std::unique_ptr<QgsLineSymbol>( QgsLineSymbol::createSimple( properties ) );
  }

  std::unique_ptr<QgsMarkerSymbol> createSimpleMarker( const QVariantMap &properties )
  {
    return std::unique_ptr<QgsMarkerSymbol>( QgsMarkerSymbol::createSimple( properties ) );
  }
} // namespace limes::compat
