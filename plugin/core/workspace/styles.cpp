// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/styles.h"
#include "qgiscompat.h"

#include <QDomDocument>

#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbollayer.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace limes
{
  bool applyDefaultStyle( QgsVectorLayer &layer, const QString &table )
  {
    if ( table == QLatin1String( "version_lines" ) )
    {
      // one colour per version, stable for a version id
      std::unique_ptr<QgsLineSymbol> line = compat::createSimpleLine( { { QStringLiteral( "line_width" ), QStringLiteral( "0.8" ) } } );
      line->symbolLayer( 0 )->setDataDefinedProperty( compat::PropertyStrokeColor,
          QgsProperty::fromExpression( QStringLiteral( "color_hsv((\"version_id\" * 67) %% 360, 80, 75)" ).replace( QLatin1String( "%%" ), QLatin1String( "%" ) ) ) );
      layer.setRenderer( new QgsSingleSymbolRenderer( line.release() ) );
      return true;
    }
    if ( table == QLatin1String( "pillars" ) )
    {
      std::unique_ptr<QgsMarkerSymbol> marker = compat::createSimpleMarker( { { QStringLiteral( "name" ), QStringLiteral( "square" ) }, { QStringLiteral( "color" ), QStringLiteral( "white" ) },
        { QStringLiteral( "outline_color" ), QStringLiteral( "black" ) }, { QStringLiteral( "size" ), QStringLiteral( "2" ) } } );
      layer.setRenderer( new QgsSingleSymbolRenderer( marker.release() ) );
      QgsPalLayerSettings label;
      label.fieldName = QStringLiteral( "number" );
      // spelled out, not the profile style's "Default" format: the CLI's profile style is empty
      QgsTextFormat format;
      format.setSize( 10 );
      format.setColor( QColor( 50, 50, 50 ) );
      label.setFormat( format );
      layer.setLabeling( new QgsVectorLayerSimpleLabeling( label ) );
      layer.setLabelsEnabled( true );
      return true;
    }
    return false;
  }

  QString defaultLayerStyle( const QString &table )
  {
    const bool lines = table == QLatin1String( "version_lines" );
    QgsVectorLayer layer( lines ? QStringLiteral( "LineString?crs=EPSG:4326&field=version_id:integer&field=segment:string&field=part:integer" )
                          : QStringLiteral( "Point?crs=EPSG:4326&field=number:string&field=type:string&field=segment:string" ),
                          table, QStringLiteral( "memory" ) );
    if ( !applyDefaultStyle( layer, table ) )
      return QString();
    QDomDocument qml;
    QString error;
    layer.exportNamedStyle( qml, error );
    return error.isEmpty() ? qml.toString() : QString();
  }
}
