// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspaceoptions.h"
#include "error.h"
#include "layersource.h"

#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

namespace limes::cli
{
  QString author( const QCommandLineParser &parser )
  {
    QString name = parser.value( QStringLiteral( "author" ) ).trimmed();
    if ( name.isEmpty() )
      name = qEnvironmentVariable( "LIMES_AUTHOR" ).trimmed();
    if ( name.isEmpty() )
      name = qEnvironmentVariable( "USER" ).trimmed();
    if ( name.isEmpty() )
      throw Error( QStringLiteral( "who is writing? give --author NAME (or set LIMES_AUTHOR)" ) );
    return name;
  }

  QString required( const QCommandLineParser &parser, const char *option )
  {
    if ( !parser.isSet( QLatin1String( option ) ) || parser.value( QLatin1String( option ) ).trimmed().isEmpty() )
      throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( option ) ) );
    return parser.value( QLatin1String( option ) ).trimmed();
  }

  QMap<QString, QStringList> pairs( const QStringList &values, const char *option )
  {
    QMap<QString, QStringList> map;
    for ( const QString &v : values )
    {
      const int eq = v.indexOf( QLatin1Char( '=' ) );
      if ( eq <= 0 || eq == v.size() - 1 )
        throw Error( QStringLiteral( "--%1 takes PARTY=TEXT (got '%2')" ).arg( QLatin1String( option ), v ) );
      map[v.left( eq ).trimmed()] << v.mid( eq + 1 ).trimmed();
    }
    return map;
  }

  QList<Segment> segmentsFrom( const QString &spec, const QString &field )
  {
    const auto layer = LayerSource( spec ).open();
    const QgsFields fields = layer->fields();
    const int code = fields.lookupField( field );
    if ( code < 0 )
      throw Error( QStringLiteral( "no field '%1' with the segment code" ).arg( field ), spec );
    const int seq = fields.lookupField( QStringLiteral( "seq" ) );
    const int from = fields.lookupField( QStringLiteral( "chainage_from_m" ) ), to = fields.lookupField( QStringLiteral( "chainage_to_m" ) );
    const int fromPoint = fields.lookupField( QStringLiteral( "from_point" ) ), toPoint = fields.lookupField( QStringLiteral( "to_point" ) );
    QList<Segment> list;
    QgsFeature f;
    QgsFeatureIterator it = layer->getFeatures( QgsFeatureRequest().addOrderBy( QStringLiteral( "$id" ) ) );
    auto number = [&]( int field ) { return field >= 0 && !f.attribute( field ).isNull() ? f.attribute( field ).toDouble() : std::numeric_limits<double>::quiet_NaN(); };
    auto text = [&]( int field ) { return field >= 0 && !f.attribute( field ).isNull() ? f.attribute( field ).toString() : QString(); };
    while ( it.nextFeature( f ) )
      list << Segment{ f.attribute( code ).toString(), seq >= 0 ? f.attribute( seq ).toInt() : list.size() + 1, number( from ), number( to ), text( fromPoint ), text( toPoint ) };
    return list;
  }

  QgsCoordinateTransformContext transformContext()
  {
    // no project: PROJ's default operations plus any default datum transformations in the
    // settings, as `limes change` and a new QGIS project have them
    QgsCoordinateTransformContext context;
    context.readSettings();
    return context;
  }

  std::unique_ptr<WorkspaceStore> openStore( const QString &target )
  {
    return openWorkspace( target, transformContext() );
  }
}
