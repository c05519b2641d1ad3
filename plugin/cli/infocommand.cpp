// SPDX-License-Identifier: GPL-2.0-or-later
#include "infocommand.h"
#include "layersource.h"
#include "terminal.h"

#include <qgsvectorlayer.h>

namespace limes::cli
{
  QString InfoCommand::summary() const
  {
    return QStringLiteral( "List the layers of vector sources: geometry type, CRS, feature count, extent" );
  }

  void InfoCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addPositionalArgument( QStringLiteral( "SRC" ), QStringLiteral( "A vector file, or PATH|layername=NAME for one layer." ) );
  }

  int InfoCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    for ( const QString &spec : positional( parser, 1 ) )
    {
      const LayerSource source( spec );
      QList<LayerSource::Sublayer> layers = source.sublayers();
      if ( !source.layerName().isEmpty() )
      {
        source.open(); // names the missing layer, if it is
        layers.erase( std::remove_if( layers.begin(), layers.end(), [&]( const LayerSource::Sublayer &s ) { return s.name != source.layerName(); } ), layers.end() );
      }
      out << terminalSafe( source.path() ) << '\n';
      out << QStringLiteral( "  %1 %2 %3 %4  %5\n" ).arg( QStringLiteral( "layer" ), -24 ).arg( QStringLiteral( "geometry" ), -18 ).arg( QStringLiteral( "crs" ), -11 ).arg( QStringLiteral( "features" ), 9 ).arg( QStringLiteral( "extent" ) );
      for ( const LayerSource::Sublayer &s : layers )
      {
        out << QStringLiteral( "  %1 %2 %3 %4  %5\n" )
            .arg( terminalSafe( s.name ), -24 )
            .arg( QgsWkbTypes::displayString( s.wkbType ), -18 )
            .arg( s.crs.isEmpty() ? QStringLiteral( "(none)" ) : s.crs, -11 )
            .arg( s.featureCount, 9 )
            .arg( s.extent.isNull() ? QString() : s.extent.toString( 4 ) );
      }
    }
    return 0;
  }
}
