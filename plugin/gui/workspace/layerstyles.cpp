// SPDX-License-Identifier: GPL-2.0-or-later
#include "layerstyles.h"
#include "qgiscompat.h"
#include "workspace/model.h"
#include "workspace/styles.h"

#include <QCryptographicHash>
#include <QCoreApplication>

#include <cmath>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgeometrygeneratorsymbollayer.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

namespace limes
{
  namespace
  {
    QgsLineSymbol *lineSymbol( const QColor &colour, double width, Qt::PenStyle style = Qt::SolidLine )
    {
      auto *layer = new QgsSimpleLineSymbolLayer( colour, width, style );
      layer->setPenCapStyle( Qt::RoundCap );
      return new QgsLineSymbol( QgsSymbolLayerList { layer } );
    }

    //! Labels with a white buffer, legible over any map.
    QgsPalLayerSettings bufferedLabel( const QString &expression, bool isExpression )
    {
      QgsPalLayerSettings settings;
      settings.fieldName = expression;
      settings.isExpression = isExpression;
      QgsTextFormat format = settings.format();
      format.setSize( 9 );
      QgsTextBufferSettings buffer;
      buffer.setEnabled( true );
      buffer.setSize( 1 );
      buffer.setColor( Qt::white );
      format.setBuffer( buffer );
      settings.setFormat( format );
      return settings;
    }
  }

  QStringList segmentStatuses()
  {
    return { QStringLiteral( "agreed" ), QStringLiteral( "awaiting" ), QStringLiteral( "disputed" ), QStringLiteral( "deferred" ),
             QStringLiteral( "referred to working group" ), QStringLiteral( "no decision yet" ) };
  }

  QString statusClass( const QString &status )
  {
    if ( status.startsWith( QLatin1String( "agreed (awaiting" ) ) )
      return QStringLiteral( "awaiting" );
    return segmentStatuses().contains( status ) ? status : QStringLiteral( "no decision yet" );
  }

  QString statusLabel( const QString &status )
  {
    if ( status == QLatin1String( "agreed" ) )
      return QCoreApplication::translate( "limes::LayerStyles", "agreed" );
    if ( status == QLatin1String( "awaiting" ) )
      return QCoreApplication::translate( "limes::LayerStyles", "agreed, awaiting countersignature" );
    if ( status.startsWith( QLatin1String( "agreed (awaiting " ) ) )
      return QCoreApplication::translate( "limes::LayerStyles", "agreed, awaiting %1" ).arg( status.mid( 17 ).chopped( 1 ) );
    if ( status == QLatin1String( "disputed" ) )
      return QCoreApplication::translate( "limes::LayerStyles", "disputed" );
    if ( status == QLatin1String( "deferred" ) )
      return QCoreApplication::translate( "limes::LayerStyles", "deferred" );
    if ( status == QLatin1String( "referred to working group" ) || status == QLatin1String( "referred" ) )
      return QCoreApplication::translate( "limes::LayerStyles", "referred" );
    if ( status == QLatin1String( "no decision yet" ) )
      return QCoreApplication::translate( "limes::LayerStyles", "no decision yet" );
    return status;
  }

  QColor statusColour( const QString &status )
  {
    static const QMap<QString, QColor> colours {
      { QStringLiteral( "agreed" ), QColor( 0x1a, 0x98, 0x50 ) },
      { QStringLiteral( "awaiting" ), QColor( 0xa6, 0xd9, 0x6a ) },
      { QStringLiteral( "disputed" ), QColor( 0xd7, 0x30, 0x27 ) },
      { QStringLiteral( "deferred" ), QColor( 0xfd, 0xae, 0x61 ) },
      { QStringLiteral( "referred to working group" ), QColor( 0x76, 0x2a, 0x83 ) },
    };
    return colours.value( statusClass( status ), QColor( 0x96, 0x96, 0x96 ) );
  }

  void styleSegments( QgsVectorLayer &layer )
  {
    QgsCategoryList categories;
    for ( const QString &status : segmentStatuses() )
    {
      QColor colour = statusColour( status );
      colour.setAlpha( 200 );
      categories << QgsRendererCategory( status, lineSymbol( colour, 1.8 ), statusLabel( status ) );
    }
    // an agreement waiting for a countersignature is its own class, whichever party it waits for
    layer.setRenderer( new QgsCategorizedSymbolRenderer( QStringLiteral( "CASE WHEN \"status\" LIKE 'agreed (awaiting%' THEN 'awaiting' ELSE \"status\" END" ), categories ) );
    QgsPalLayerSettings label = bufferedLabel( QStringLiteral( "code" ), false );
    label.placement = compat::LabelPlacementLine;
    layer.setLabeling( new QgsVectorLayerSimpleLabeling( label ) );
    layer.setLabelsEnabled( true );
  }

  void styleVersion( QgsVectorLayer &layer, const LineVersion &version, const QColor &partyColour )
  {
    QgsLineSymbol *symbol = nullptr;
    if ( version.kind == QLatin1String( "ratified" ) )
      symbol = lineSymbol( Qt::black, 0.9 );
    else if ( version.kind == QLatin1String( "agreed" ) )
      symbol = lineSymbol( QColor( 0x00, 0x44, 0x1b ), 0.7 );
    else if ( version.kind == QLatin1String( "claim" ) )
      symbol = lineSymbol( partyColour.isValid() ? partyColour : QColor( 0x55, 0x55, 0x55 ), 0.6, Qt::DashLine );
    else if ( version.kind == QLatin1String( "draft" ) )
      symbol = lineSymbol( QColor( 0x21, 0x66, 0xac ), 0.26 );
    else // historical
      symbol = lineSymbol( QColor( 0x8c, 0x51, 0x0a ), 0.46 );
    layer.setRenderer( new QgsSingleSymbolRenderer( symbol ) );
  }

  void stylePillars( QgsVectorLayer &layer )
  {
    applyDefaultStyle( layer, QStringLiteral( "pillars" ) );
    // where a pillar was surveyed: a red cross there and a line from the designed position (seen when zoomed in)
    if ( auto *single = dynamic_cast<QgsSingleSymbolRenderer *>( layer.renderer() ); single && single->symbol() && layer.fields().indexOf( QStringLiteral( "surveyed_x" ) ) >= 0 )
    {
      QgsSymbolLayer *line = QgsGeometryGeneratorSymbolLayer::create( { { QStringLiteral( "geometryModifier" ),
            QStringLiteral( "CASE WHEN \"surveyed_x\" IS NOT NULL THEN make_line($geometry, make_point(\"surveyed_x\", \"surveyed_y\")) END" ) },
        { QStringLiteral( "SymbolType" ), QStringLiteral( "Line" ) } } );
      line->setSubSymbol( new QgsLineSymbol( QgsSymbolLayerList { new QgsSimpleLineSymbolLayer( QColor( 215, 25, 28 ), 0.4, Qt::DashLine ) } ) );
      QgsSymbolLayer *cross = QgsGeometryGeneratorSymbolLayer::create( { { QStringLiteral( "geometryModifier" ),
            QStringLiteral( "CASE WHEN \"surveyed_x\" IS NOT NULL THEN make_point(\"surveyed_x\", \"surveyed_y\") END" ) },
        { QStringLiteral( "SymbolType" ), QStringLiteral( "Marker" ) } } );
      cross->setSubSymbol( compat::createSimpleMarker( { { QStringLiteral( "name" ), QStringLiteral( "cross2" ) }, { QStringLiteral( "outline_color" ), QStringLiteral( "215,25,28,255" ) },
        { QStringLiteral( "outline_width" ), QStringLiteral( "0.5" ) }, { QStringLiteral( "size" ), QStringLiteral( "3" ) } } ).release() );
      single->symbol()->appendSymbolLayer( line );
      single->symbol()->appendSymbolLayer( cross );
    }
    // hundreds of numbers along a whole border are unreadable: label from 1:400 000 in
    if ( QgsAbstractVectorLayerLabeling *labeling = layer.labeling() )
    {
      QgsPalLayerSettings settings = labeling->settings();
      settings.scaleVisibility = true;
      settings.minimumScale = 400000;
      layer.setLabeling( new QgsVectorLayerSimpleLabeling( settings ) );
    }
  }

  QColor fallbackPartyColour( const QString &code )
  {
    // a stable hue per code on every Qt (qHash's type and seed differ between Qt 5 and 6)
    const QByteArray h = QCryptographicHash::hash( code.toUtf8(), QCryptographicHash::Sha256 );
    const int hue = ( static_cast<unsigned char>( h.at( 0 ) ) * 256 + static_cast<unsigned char>( h.at( 1 ) ) ) % 360;
    return QColor::fromHsv( hue, 160, 200 );
  }

  void styleTransfers( QgsVectorLayer &layer, const QStringList &directions, const QMap<QString, QColor> &partyColours )
  {
    QgsCategoryList categories;
    for ( const QString &direction : directions )
    {
      const QString to = direction.section( QStringLiteral( " → " ), 1 );
      QColor fill = partyColours.value( to, fallbackPartyColour( to ) );
      fill.setAlpha( 150 );
      auto *fillLayer = new QgsSimpleFillSymbolLayer( fill, Qt::SolidPattern, fill.darker( 160 ), Qt::SolidLine, 0.3 );
      categories << QgsRendererCategory( direction, new QgsFillSymbol( QgsSymbolLayerList { fillLayer } ), direction );
    }
    layer.setRenderer( new QgsCategorizedSymbolRenderer( QStringLiteral( "\"from_party\" || ' → ' || \"to_party\"" ), categories ) );
    // ha below one square kilometre, km² above: what the protocols quote
    layer.setLabeling( new QgsVectorLayerSimpleLabeling( bufferedLabel(
                         QStringLiteral( "CASE WHEN \"area_m2\" >= 1000000 THEN format_number(\"area_m2\" / 1000000, 2) || ' km²' "
                                         "ELSE format_number(\"area_m2\" / 10000, 2) || ' ha' END" ), true ) ) );
    layer.setLabelsEnabled( true );
  }

  void styleResourceChanges( QgsVectorLayer &layer )
  {
    const QColor highlight( 0x00, 0xb4, 0xff );
    QgsSymbol *symbol = nullptr;
    switch ( layer.geometryType() )
    {
      case geometrytype::Point:
        symbol = compat::createSimpleMarker( { { QStringLiteral( "name" ), QStringLiteral( "circle" ) }, { QStringLiteral( "color" ), highlight.name() },
          { QStringLiteral( "outline_color" ), QStringLiteral( "black" ) }, { QStringLiteral( "size" ), QStringLiteral( "3.2" ) } } ).release();
        break;
      case geometrytype::Line:
        symbol = lineSymbol( highlight, 1.2 );
        break;
      default:
        symbol = new QgsFillSymbol( QgsSymbolLayerList { new QgsSimpleFillSymbolLayer( QColor( 0x00, 0xb4, 0xff, 170 ), Qt::SolidPattern, Qt::black, Qt::SolidLine, 0.4 ) } );
        break;
    }
    layer.setRenderer( new QgsSingleSymbolRenderer( symbol ) );
  }

  QString formatArea( double m2 )
  {
    if ( std::abs( m2 ) >= 1e6 ) // net changes are signed
      return QCoreApplication::translate( "limes::LayerStyles", "%1 km²" ).arg( QLocale().toString( m2 / 1e6, 'f', 2 ) );
    return QCoreApplication::translate( "limes::LayerStyles", "%1 ha" ).arg( QLocale().toString( m2 / 1e4, 'f', 2 ) );
  }
}
