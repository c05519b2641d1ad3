// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/changeoutput.h"
#include "qgiscompat.h"
#include "error.h"
#include "rounding.h"
#include "outputgeometry.h"
#include "io/gpkgwriter.h"

#include <qgsfeature.h>
#include <qgsgeometrycollection.h>
#include <qgsfields.h>

#include <memory>

namespace limes
{
  namespace
  {
    QgsAttributes attributes( std::initializer_list<QVariant> values )
    {
      return QgsAttributes( QVector<QVariant>( values ) );
    }

    QgsField field( const QString &name, QMetaType::Type type )
    {
      return compat::field( name, type );
    }
  }

  QgsFields transferFields()
  {
    QgsFields fields;
    for ( const QgsField &f : { field( "from_party", QMetaType::QString ), field( "to_party", QMetaType::QString ), field( "segment", QMetaType::QString ),
                                field( "area_m2", QMetaType::Double ), field( "perimeter_m", QMetaType::Double ), field( "max_width_m", QMetaType::Double ) } )
      fields.append( f );
    return fields;
  }

  QgsFeature transferFeature( const Transfer &t, const QgsFields &fields )
  {
    QgsFeature f( fields );
    QgsGeometry g = t.geometry;
    g.convertToMultiType();
    f.setGeometry( g );
    f.setAttributes( attributes( { t.from, t.to, t.segment.isEmpty() ? QVariant() : QVariant( t.segment ), toMillimetre( t.areaM2 ), toMillimetre( t.perimeterM ), toMillimetre( t.maxWidthM ) } ) );
    return f;
  }

  QgsFields resourceChangeFields()
  {
    QgsFields fields;
    for ( const QgsField &f : { field( "layer", QMetaType::QString ), field( "feature_id", QMetaType::LongLong ), field( "geometry_type", QMetaType::QString ),
                                field( "from_party", QMetaType::QString ), field( "to_party", QMetaType::QString ), field( "segment", QMetaType::QString ),
                                field( "length_m", QMetaType::Double ), field( "area_m2", QMetaType::Double ) } )
      fields.append( f );
    return fields;
  }

  QgsFeature resourceChangeFeature( const ResourceChange &c, const QgsFields &fields )
  {
    QgsFeature f( fields );
    f.setGeometry( asCollection( c.geometry ) );
    f.setAttributes( attributes( { c.layer, static_cast<qint64>( c.fid ), geometryTypeName( c.type ), c.from, c.to, c.segment.isEmpty() ? QVariant() : QVariant( c.segment ),
                                   toMillimetre( c.lengthM ), toMillimetre( c.areaM2 ) } ) );
    return f;
  }

  QgsFields connectorFields()
  {
    QgsFields fields;
    for ( const QgsField &f : { field( "old_part", QMetaType::QString ), field( "new_part", QMetaType::QString ), field( "end", QMetaType::QString ), field( "length_m", QMetaType::Double ) } )
      fields.append( f );
    return fields;
  }

  QgsFeature connectorFeature( const EndConnector &c, const QgsFields &fields )
  {
    QgsFeature f( fields );
    f.setGeometry( c.line );
    f.setAttributes( attributes( { c.oldOrigin, c.newOrigin, c.atStart ? QStringLiteral( "start" ) : QStringLiteral( "end" ), toMillimetre( c.length ) } ) );
    return f;
  }

  void writeChangeGeoPackage( const ChangeResult &r, const QString &path )
  {
    GeoPackageWriter writer( path );
    auto write = [&]( const QString &name, limes::WkbType wkb, const QgsFields &fields, const auto &items, auto toFeature ) {
      QVector<QgsFeature> features;
      features.reserve( static_cast<int>( items.size() ) );
      for ( const auto &item : items )
        features << toFeature( item, fields );
      writer.writeLayer( name, wkb, r.workingCrs, fields, features );
    };
    write( QStringLiteral( "transfers" ), limes::WkbType::MultiPolygon, transferFields(), r.transfers, transferFeature );
    write( QStringLiteral( "resource_changes" ), limes::WkbType::GeometryCollection, resourceChangeFields(), r.resourceChanges, resourceChangeFeature );
    write( QStringLiteral( "noise" ), limes::WkbType::MultiPolygon, transferFields(), r.noise, transferFeature );
    write( QStringLiteral( "end_connectors" ), limes::WkbType::LineString, connectorFields(), r.connectors, connectorFeature );
    writer.close();
  }
}
