#include "change/changeoutput.h"
#include "qgiscompat.h"
#include "error.h"
#include "rounding.h"
#include "outputgeometry.h"
#include "versioninfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <qgsfeature.h>
#include <qgsgeometrycollection.h>
#include <qgsfields.h>
#include <qgsproject.h>
#include <qgsvectorfilewriter.h>

#include <cmath>
#include <map>
#include <set>

namespace limes
{
  namespace
  {
    QString geometryName( limes::GeometryType t )
    {
      switch ( t )
      {
        case limes::geometrytype::Point:
          return QStringLiteral( "point" );
        case limes::geometrytype::Line:
          return QStringLiteral( "line" );
        case limes::geometrytype::Polygon:
          return QStringLiteral( "polygon" );
        default:
          return QStringLiteral( "unknown" );
      }
    }

    QgsAttributes attributes( std::initializer_list<QVariant> values )
    {
      return QgsAttributes( QVector<QVariant>( values ) );
    }

    QgsField field( const QString &name, QMetaType::Type type )
    {
      return compat::field( name, type );
    }
  }

  QJsonObject changeSummary( const ChangeResult &r )
  {
    QJsonObject root;
    root[QStringLiteral( "mode" )] = r.mode;
    root[QStringLiteral( "ellipsoid" )] = r.ellipsoid;
    root[QStringLiteral( "working_crs" )] = r.workingCrs.authid();

    // per direction
    std::map<std::pair<QString, QString>, std::pair<double, int>> byDirection;
    for ( const Transfer &t : r.transfers )
    {
      auto &e = byDirection[{ t.from, t.to }];
      e.first += t.areaM2;
      e.second += 1;
    }
    QJsonArray transfers;
    for ( const auto &[dir, e] : byDirection )
      transfers.append( QJsonObject{ { "from", dir.first }, { "to", dir.second }, { "area_m2", toMillimetre( e.first ) }, { "parts", e.second } } );
    root[QStringLiteral( "transfers" )] = transfers;

    // net change per party
    QJsonArray net;
    for ( const QString &party : r.parties )
    {
      double gained = 0, lost = 0;
      for ( const Transfer &t : r.transfers )
      {
        if ( t.to == party )
          gained += t.areaM2;
        if ( t.from == party )
          lost += t.areaM2;
      }
      net.append( QJsonObject{ { "party", party }, { "gained_m2", toMillimetre( gained ) }, { "lost_m2", toMillimetre( lost ) }, { "net_m2", toMillimetre( gained - lost ) } } );
    }
    root[QStringLiteral( "net" )] = net;

    double noiseArea = 0;
    for ( const Transfer &t : r.noise )
      noiseArea += t.areaM2;
    root[QStringLiteral( "noise" )] = QJsonObject{ { "parts", static_cast<int>( r.noise.size() ) }, { "area_m2", toMillimetre( noiseArea ) }, { "min_area_m2", r.minAreaM2 } };

    // per segment and direction
    std::map<std::tuple<QString, QString, QString>, std::pair<double, int>> bySegment;
    for ( const Transfer &t : r.transfers )
      if ( !t.segment.isEmpty() )
      {
        auto &e = bySegment[{ t.segment, t.from, t.to }];
        e.first += t.areaM2;
        e.second += 1;
      }
    std::map<std::tuple<QString, QString, QString, QString>, std::set<QgsFeatureId>> waterBySegment;
    for ( const ResourceChange &c : r.resourceChanges )
      if ( !c.segment.isEmpty() )
        waterBySegment[{ c.segment, c.from, c.to, c.layer }].insert( c.fid );
    QJsonArray segments;
    for ( const auto &[key, e] : bySegment )
    {
      QJsonObject water;
      for ( const auto &[wkey, fids] : waterBySegment )
        if ( std::get<0>( wkey ) == std::get<0>( key ) && std::get<1>( wkey ) == std::get<1>( key ) && std::get<2>( wkey ) == std::get<2>( key ) )
          water[std::get<3>( wkey )] = static_cast<int>( fids.size() );
      segments.append( QJsonObject{ { "code", std::get<0>( key ) }, { "from", std::get<1>( key ) }, { "to", std::get<2>( key ) },
        { "area_m2", toMillimetre( e.first ) }, { "parts", e.second }, { "water_features", water } } );
    }
    root[QStringLiteral( "segments" )] = segments;

    // per resource layer and direction
    QJsonArray water;
    for ( const QString &layer : r.resourceLayers )
    {
      struct Agg
      {
        double length = 0, area = 0;
        std::set<QgsFeatureId> fids;
        limes::GeometryType type = limes::geometrytype::Unknown;
      };
      std::map<std::pair<QString, QString>, Agg> agg;
      for ( const ResourceChange &c : r.resourceChanges )
        if ( c.layer == layer )
        {
          Agg &a = agg[{ c.from, c.to }];
          a.length += c.lengthM;
          a.area += c.areaM2;
          a.fids.insert( c.fid );
          a.type = c.type;
        }
      for ( const auto &[dir, a] : agg )
      {
        QJsonArray fids;
        for ( QgsFeatureId id : a.fids )
          fids.append( static_cast<qint64>( id ) );
        water.append( QJsonObject{ { "layer", layer }, { "geometry", geometryName( a.type ) }, { "from", dir.first }, { "to", dir.second },
          { "length_m", toMillimetre( a.length ) }, { "area_m2", toMillimetre( a.area ) }, { "count", static_cast<int>( a.fids.size() ) }, { "features", fids } } );
      }
    }
    root[QStringLiteral( "water" )] = water;

    QJsonArray crossings;
    for ( const CrossingChange &c : r.crossings )
      crossings.append( QJsonObject{ { "layer", c.layer }, { "fid", static_cast<qint64>( c.fid ) }, { "old", c.oldCrossings }, { "new", c.newCrossings } } );
    root[QStringLiteral( "crossings" )] = crossings;

    QJsonArray connectors;
    for ( const EndConnector &c : r.connectors )
      connectors.append( QJsonObject{ { "old", c.oldOrigin }, { "new", c.newOrigin }, { "end", c.atStart ? "start" : "end" }, { "length_m", toMillimetre( c.length ) } } );
    root[QStringLiteral( "end_connectors" )] = connectors;
    root[QStringLiteral( "warnings" )] = QJsonArray::fromStringList( r.warnings );

    if ( r.mode == QLatin1String( "lines" ) )
      root[QStringLiteral( "parties" )] = QJsonObject{ { "left", r.leftParty }, { "right", r.rightParty } };
    else
      root[QStringLiteral( "parties" )] = QJsonObject{ { "field", r.partyField }, { "codes", QJsonArray::fromStringList( r.parties ) } };

    QJsonArray inputs;
    for ( const InputProvenance &p : r.inputs )
      inputs.append( QJsonObject{ { "role", p.role }, { "source", p.source }, { "layer", p.layer }, { "sha256", p.sha256 },
        { "features", static_cast<qint64>( p.features ) }, { "crs", p.crs } } );
    const VersionInfo v = VersionInfo::current();
    root[QStringLiteral( "provenance" )] = QJsonObject{
      { "inputs", inputs },
      { "parameters", QJsonObject{ { "grid_m", r.gridM }, { "min_area_m2", r.minAreaM2 }, { "max_end_gap_m", r.maxEndGapM } } },
      { "working_crs", r.workingCrs.authid() },
      { "ellipsoid", r.ellipsoid },
      { "overlay", QJsonObject{ { "shared_segments", static_cast<qint64>( r.sharedSegments ) }, { "overlaid_segments", static_cast<qint64>( r.overlaidSegments ) } } },
      { "versions", QJsonObject{ { "limes", v.limes }, { "qgis", v.qgis }, { "geos", v.geos }, { "proj", v.proj } } } };
    return root;
  }

  QByteArray changeSummaryJson( const ChangeResult &result )
  {
    return QJsonDocument( changeSummary( result ) ).toJson( QJsonDocument::Indented );
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
    f.setAttributes( attributes( { c.layer, static_cast<qint64>( c.fid ), geometryName( c.type ), c.from, c.to, c.segment.isEmpty() ? QVariant() : QVariant( c.segment ),
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
    bool first = true;
    auto writeLayer = [&]( const QString &name, limes::WkbType wkb, const QgsFields &fields, const QVector<QgsFeature> &features ) {
      QgsVectorFileWriter::SaveVectorOptions options;
      options.driverName = QStringLiteral( "GPKG" );
      options.layerName = name;
      options.actionOnExistingFile = first ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
      first = false;
      std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( path, fields, wkb, r.workingCrs, QgsProject::instance()->transformContext(), options ) );
      if ( writer->hasError() != QgsVectorFileWriter::NoError )
        throw Error( QStringLiteral( "cannot create layer %1: %2" ).arg( name, writer->errorMessage() ), path );
      for ( QgsFeature f : features )
        if ( !writer->addFeature( f ) )
          throw Error( QStringLiteral( "cannot write to layer %1: %2" ).arg( name, writer->errorMessage() ), path );
      if ( !writer->flushBuffer() )
        throw Error( QStringLiteral( "cannot write to layer %1: %2" ).arg( name, writer->errorMessage() ), path );
    };
    auto write = [&]( const QString &name, limes::WkbType wkb, const QgsFields &fields, const auto &items, auto toFeature ) {
      QVector<QgsFeature> features;
      for ( const auto &item : items )
        features << toFeature( item, fields );
      writeLayer( name, wkb, fields, features );
    };
    write( QStringLiteral( "transfers" ), limes::WkbType::MultiPolygon, transferFields(), r.transfers, transferFeature );
    write( QStringLiteral( "resource_changes" ), limes::WkbType::GeometryCollection, resourceChangeFields(), r.resourceChanges, resourceChangeFeature );
    write( QStringLiteral( "noise" ), limes::WkbType::MultiPolygon, transferFields(), r.noise, transferFeature );
    write( QStringLiteral( "end_connectors" ), limes::WkbType::LineString, connectorFields(), r.connectors, connectorFeature );
  }
}
