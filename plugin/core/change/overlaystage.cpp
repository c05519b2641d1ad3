// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/overlaystage.h"
#include "change/reading.h"
#include "error.h"
#include "geometry/geos.h"
#include "qgiscompat.h"

#include <QSet>
#include <QVector>

#include <qgslinestring.h>
#include <qgsmultilinestring.h>

#include <algorithm>
#include <iterator>

namespace limes::change
{
  namespace
  {
    //! Where parties' territories meet: the boundary of a territory version.
    QgsGeometry partyBoundary( const std::map<QString, QgsGeometry> &territory )
    {
      QVector<QgsGeometry> shared;
      for ( auto i = territory.begin(); i != territory.end(); ++i )
        for ( auto j = std::next( i ); j != territory.end(); ++j )
          shared << i->second.convertToType( limes::geometrytype::Line, true ).intersection( j->second.convertToType( limes::geometrytype::Line, true ) );
      return QgsGeometry::unaryUnion( shared ).mergeLines();
    }

    std::vector<QgsGeometry> polygonParts( const QgsGeometry &g )
    {
      std::vector<QgsGeometry> out;
      for ( const QgsGeometry &part : g.asGeometryCollection() )
        if ( part.type() == limes::geometrytype::Polygon && part.area() > 0 )
          out.push_back( part );
      return out;
    }
  }

  QgsGeometry boundaryOf( const std::vector<Polyline> &parts )
  {
    // straight from the coordinate arrays: a QgsPointXY per vertex cost a tenth of a 1M-vertex run
    auto lines = std::make_unique<QgsMultiLineString>();
    for ( const Polyline &p : parts )
    {
      const size_t n = p.xy.size() / 2;
      QVector<double> x( static_cast<int>( n ) ), y( static_cast<int>( n ) );
      for ( size_t i = 0; i < n; ++i )
      {
        x[static_cast<int>( i )] = p.xy[2 * i];
        y[static_cast<int>( i )] = p.xy[2 * i + 1];
      }
      lines->addGeometry( new QgsLineString( x, y ) );
    }
    return QgsGeometry( std::move( lines ) );
  }

  Overlaid overlayLines( LineVersions versions, const ChangeRequest &request, QgsFeedback *feedback )
  {
    Overlaid out;
    out.oldBoundary = boundaryOf( versions.oldParts );
    out.newBoundary = boundaryOf( versions.newParts );
    LineOverlayResult overlay;
    try
    {
      overlay = LineOverlay( request.gridM, request.maxEndGapM ).run( std::move( versions.oldParts ), std::move( versions.newParts ), feedback );
    }
    catch ( const Error &e )
    {
      throw Error( e.problem(), e.where().isEmpty() ? QStringLiteral( "%1 vs %2" ).arg( request.oldVersion.spec, request.newVersion.spec ) : e.where() );
    }
    checkCanceled( feedback );
    out.sharedSegments = overlay.sharedSegments;
    out.overlaidSegments = overlay.chainSegments;
    for ( const EndConnector &c : overlay.connectors )
      out.warnings << connectorWarning( c );
    out.connectors = std::move( overlay.connectors );
    for ( const OverlayFace &face : overlay.faces )
      out.pieces.push_back( pieceOf( face, request ) );
    out.parties = QStringList{ request.leftParty, request.rightParty };
    return out;
  }

  QString connectorWarning( const EndConnector &c )
  {
    return QStringLiteral( "the %1 of old %2 and new %3 differ by %4 m: closed with a straight connector" )
           .arg( c.atStart ? QStringLiteral( "starts" ) : QStringLiteral( "ends" ), c.oldOrigin, c.newOrigin ).arg( c.length, 0, 'f', 3 );
  }

  Piece pieceOf( const OverlayFace &face, const ChangeRequest &request )
  {
    const bool leftToRight = face.winding > 0;
    return { leftToRight ? request.leftParty : request.rightParty, leftToRight ? request.rightParty : request.leftParty, face.polygon };
  }

  Overlaid overlayTerritories( const TerritoryVersions &versions, double grid, QgsFeedback *feedback )
  {
    const std::map<QString, QgsGeometry> &oldTerritory = versions.oldTerritories.byParty;
    const std::map<QString, QgsGeometry> &newTerritory = versions.newTerritories.byParty;
    Overlaid out;
    out.warnings << versions.oldTerritories.warnings << versions.newTerritories.warnings;
    QSet<QString> parties;
    for ( const auto &e : oldTerritory )
      parties << e.first;
    for ( const auto &e : newTerritory )
      parties << e.first;
    out.parties = QStringList( parties.begin(), parties.end() );
    std::sort( out.parties.begin(), out.parties.end() );
    const geos::Context ctx;
    for ( const auto &[a, oldA] : oldTerritory )
      for ( const auto &[b, newB] : newTerritory )
      {
        checkCanceled( feedback );
        if ( a == b )
          continue;
        const geos::GeomPtr ga = ctx.fromQgs( oldA );
        const geos::GeomPtr gb = ctx.fromQgs( newB );
        const QgsGeometry moved = ctx.toQgs( ctx.intersection( ga.get(), gb.get(), grid ).get() );
        for ( const QgsGeometry &part : polygonParts( moved ) )
          out.pieces.push_back( { a, b, part } );
      }
    out.oldBoundary = partyBoundary( oldTerritory );
    out.newBoundary = partyBoundary( newTerritory );
    return out;
  }
}
