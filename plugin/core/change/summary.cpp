// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/summary.h"
#include "rounding.h"
#include "versioninfo.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <map>
#include <set>
#include <tuple>

namespace limes
{
  namespace
  {
    QJsonArray byDirection( const ChangeResult &r )
    {
      std::map<std::pair<QString, QString>, std::pair<double, int>> totals;
      for ( const Transfer &t : r.transfers )
      {
        auto &e = totals[{ t.from, t.to }];
        e.first += t.areaM2;
        e.second += 1;
      }
      QJsonArray transfers;
      for ( const auto &[dir, e] : totals )
        transfers.append( QJsonObject{ { "from", dir.first }, { "to", dir.second }, { "area_m2", toMillimetre( e.first ) }, { "parts", e.second } } );
      return transfers;
    }

    QJsonArray netPerParty( const ChangeResult &r )
    {
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
      return net;
    }

    QJsonObject noise( const ChangeResult &r )
    {
      double area = 0;
      for ( const Transfer &t : r.noise )
        area += t.areaM2;
      return QJsonObject{ { "parts", static_cast<int>( r.noise.size() ) }, { "area_m2", toMillimetre( area ) }, { "min_area_m2", r.minAreaM2 } };
    }

    //! Per segment and direction, with the number of resource features per layer in them.
    QJsonArray bySegment( const ChangeResult &r )
    {
      std::map<std::tuple<QString, QString, QString>, std::pair<double, int>> totals;
      for ( const Transfer &t : r.transfers )
        if ( !t.segment.isEmpty() )
        {
          auto &e = totals[{ t.segment, t.from, t.to }];
          e.first += t.areaM2;
          e.second += 1;
        }
      std::map<std::tuple<QString, QString, QString, QString>, std::set<QgsFeatureId>> waterBySegment;
      for ( const ResourceChange &c : r.resourceChanges )
        if ( !c.segment.isEmpty() )
          waterBySegment[{ c.segment, c.from, c.to, c.layer }].insert( c.fid );
      QJsonArray segments;
      for ( const auto &[key, e] : totals )
      {
        QJsonObject water;
        for ( const auto &[wkey, fids] : waterBySegment )
          if ( std::get<0>( wkey ) == std::get<0>( key ) && std::get<1>( wkey ) == std::get<1>( key ) && std::get<2>( wkey ) == std::get<2>( key ) )
            water[std::get<3>( wkey )] = static_cast<int>( fids.size() );
        segments.append( QJsonObject{ { "code", std::get<0>( key ) }, { "from", std::get<1>( key ) }, { "to", std::get<2>( key ) },
          { "area_m2", toMillimetre( e.first ) }, { "parts", e.second }, { "water_features", water } } );
      }
      return segments;
    }

    //! Per resource layer (in the order given) and direction.
    QJsonArray water( const ChangeResult &r )
    {
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
          water.append( QJsonObject{ { "layer", layer }, { "geometry", geometryTypeName( a.type ) }, { "from", dir.first }, { "to", dir.second },
            { "length_m", toMillimetre( a.length ) }, { "area_m2", toMillimetre( a.area ) }, { "count", static_cast<int>( a.fids.size() ) }, { "features", fids } } );
        }
      }
      return water;
    }

    QJsonArray crossings( const ChangeResult &r )
    {
      QJsonArray crossings;
      for ( const CrossingChange &c : r.crossings )
        crossings.append( QJsonObject{ { "layer", c.layer }, { "fid", static_cast<qint64>( c.fid ) }, { "old", c.oldCrossings }, { "new", c.newCrossings } } );
      return crossings;
    }

    QJsonArray connectors( const ChangeResult &r )
    {
      QJsonArray connectors;
      for ( const EndConnector &c : r.connectors )
        connectors.append( QJsonObject{ { "old", c.oldOrigin }, { "new", c.newOrigin }, { "end", c.atStart ? "start" : "end" }, { "length_m", toMillimetre( c.length ) } } );
      return connectors;
    }

    QJsonObject provenance( const ChangeResult &r )
    {
      QJsonArray inputs;
      for ( const InputProvenance &p : r.inputs )
        inputs.append( QJsonObject{ { "role", p.role }, { "source", p.source }, { "layer", p.layer }, { "sha256", p.sha256 },
          { "features", static_cast<qint64>( p.features ) }, { "crs", p.crs } } );
      const VersionInfo v = VersionInfo::current();
      QJsonObject p{
        { "inputs", inputs },
        { "parameters", QJsonObject{ { "grid_m", r.gridM }, { "min_area_m2", r.minAreaM2 }, { "max_end_gap_m", r.maxEndGapM } } },
        { "working_crs", r.workingCrs.authid() },
        { "ellipsoid", r.ellipsoid },
        { "edges", QJsonObject{ { "interpretation", r.edges }, { "densified_vertices", static_cast<qint64>( r.densifiedVertices ) } } },
        { "overlay", QJsonObject{ { "shared_segments", static_cast<qint64>( r.sharedSegments ) }, { "overlaid_segments", static_cast<qint64>( r.overlaidSegments ) } } },
        { "versions", QJsonObject{ { "limes", v.limes }, { "qgis", v.qgis }, { "geos", v.geos }, { "proj", v.proj } } } };
      // the record the versions were read from, as it stood: the head goes on paper with the numbers
      if ( !r.workspace.isEmpty() )
        p.insert( QStringLiteral( "workspace" ), QJsonObject{ { "name", r.workspace }, { "ledger_head", r.ledgerHead } } );
      return p;
    }
  }

  QString geometryTypeName( limes::GeometryType t )
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

  QJsonObject changeSummary( const ChangeResult &r )
  {
    QJsonObject root;
    root[QStringLiteral( "mode" )] = r.mode;
    root[QStringLiteral( "ellipsoid" )] = r.ellipsoid;
    root[QStringLiteral( "working_crs" )] = r.workingCrs.authid();
    root[QStringLiteral( "transfers" )] = byDirection( r );
    root[QStringLiteral( "net" )] = netPerParty( r );
    root[QStringLiteral( "noise" )] = noise( r );
    root[QStringLiteral( "segments" )] = bySegment( r );
    root[QStringLiteral( "water" )] = water( r );
    root[QStringLiteral( "crossings" )] = crossings( r );
    root[QStringLiteral( "end_connectors" )] = connectors( r );
    root[QStringLiteral( "warnings" )] = QJsonArray::fromStringList( r.warnings );
    if ( r.mode == QLatin1String( "lines" ) )
      root[QStringLiteral( "parties" )] = QJsonObject{ { "left", r.leftParty }, { "right", r.rightParty } };
    else
      root[QStringLiteral( "parties" )] = QJsonObject{ { "field", r.partyField }, { "codes", QJsonArray::fromStringList( r.parties ) } };
    root[QStringLiteral( "provenance" )] = provenance( r );
    return root;
  }

  QByteArray changeSummaryJson( const ChangeResult &result )
  {
    return QJsonDocument( changeSummary( result ) ).toJson( QJsonDocument::Indented );
  }
}
