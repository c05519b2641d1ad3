// SPDX-License-Identifier: GPL-2.0-or-later
#include "qgiscompat.h"

#include <qgsfillsymbol.h>
#include <qgslayoutitemlabel.h>
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

  std::unique_ptr<QgsFillSymbol> createSimpleFill( const QVariantMap &properties )
  {
    return std::unique_ptr<QgsFillSymbol>( QgsFillSymbol::createSimple( properties ) );
  }

  void setLabelFont( QgsLayoutItemLabel *label, const QFont &font, const QColor &color )
  {
#if _QGIS_VERSION_INT >= 32400
    QgsTextFormat format = QgsTextFormat::fromQFont( font );
    format.setColor( color );
    label->setTextFormat( format );
#else
    label->setFont( font );
    label->setFontColor( color );
#endif
  }
} // namespace limes::compat
