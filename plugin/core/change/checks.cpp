// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/checks.h"
#include "change/reading.h"
#include "change/workingcrschoice.h"
#include "error.h"
#include "io/coordinates.h"
#include "io/datum.h"
#include "qgiscompat.h"

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeaturesource.h>
#include <qgswkbtypes.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace limes::change
{
  namespace
  {
    // What no boundary needs: beyond them a parameter is a typo, not a choice.
    const double MAX_GRID_M = 10;
    const double MIN_GRID_M = 1e-6;
    const double MAX_DISTANCE_M = 2.0e7;   // half the equator
    const double MAX_AREA_M2 = 5.1e14;     // the planet's surface
    /**
     * Snap-rounding scales coordinates by 1 / grid: beyond 1e12 the products of a double
     * (53 bits, about 9e15) keep too few digits for the noding and the winding numbers.
     */
    const double GRID_RESOLUTION = 1e-12;

    void checkLayer( const InputLayer &l, const char *role )
    {
      if ( !l.source )
        throw Error( QStringLiteral( "no layer given" ), QLatin1String( role ) );
      if ( !l.source->sourceCrs().isValid() )
        throw Error( QStringLiteral( "layer has no CRS; set one (e.g. EPSG:4326) before comparing" ), describe( l, role ) );
      if ( l.source->featureCount() == 0 )
        throw Error( QStringLiteral( "layer is empty" ), describe( l, role ) );
    }

    //! Coordinates that fit the layer's CRS, and one way to the working CRS.
    void checkPlacement( const InputLayer &l, const char *role, const QgsCoordinateReferenceSystem &working, const QgsCoordinateTransformContext &context )
    {
      io::checkCoordinatesFitCrs( l.source, describe( l, role ), context );
      io::checkUnambiguousTransform( l.source->sourceCrs(), working, context, describe( l, role ) );
    }

    void checkParameters( const ChangeRequest &request )
    {
      if ( !std::isfinite( request.gridM ) || request.gridM < MIN_GRID_M || request.gridM > MAX_GRID_M )
        throw Error( QStringLiteral( "grid must be between %1 and %2 m (got %3)" ).arg( MIN_GRID_M ).arg( MAX_GRID_M ).arg( request.gridM ) );
      if ( !std::isfinite( request.minAreaM2 ) || request.minAreaM2 < 0 || request.minAreaM2 > MAX_AREA_M2 )
        throw Error( QStringLiteral( "minimum area must be between 0 and %1 m² (got %2)" ).arg( MAX_AREA_M2 ).arg( request.minAreaM2 ) );
      if ( !std::isfinite( request.maxEndGapM ) || request.maxEndGapM < 0 || request.maxEndGapM > MAX_DISTANCE_M )
        throw Error( QStringLiteral( "maximum end gap must be between 0 and %1 m (got %2)" ).arg( MAX_DISTANCE_M ).arg( request.maxEndGapM ) );
    }

    //! The largest coordinate of the versions in the working CRS; 0 when their extents are not known.
    double magnitude( const ChangeRequest &request, const QgsCoordinateReferenceSystem &working )
    {
      double m = 0;
      for ( const InputLayer *l : { &request.oldVersion, &request.newVersion } )
      {
        const QgsRectangle extent = l->source->sourceExtent();
        if ( extent.isNull() || !std::isfinite( extent.width() ) || !std::isfinite( extent.height() ) )
          continue;
        try
        {
          const QgsRectangle e = QgsCoordinateTransform( l->source->sourceCrs(), working, request.transformContext ).transformBoundingBox( extent );
          m = std::max( { m, std::fabs( e.xMinimum() ), std::fabs( e.xMaximum() ), std::fabs( e.yMinimum() ), std::fabs( e.yMaximum() ) } );
        }
        catch ( const QgsCsException & )
        {
          // the features' own check names the one that cannot be transformed
        }
      }
      return m;
    }

    //! A grid finer than double precision allows at these coordinates snaps nothing, or everything wrong.
    void checkGridResolution( const ChangeRequest &request, const QgsCoordinateReferenceSystem &working )
    {
      const double m = magnitude( request, working );
      const double smallest = m * GRID_RESOLUTION;
      if ( request.gridM < smallest )
        throw Error( QStringLiteral( "grid %1 m is finer than double precision allows for this data (coordinates up to %2 m in %3): the smallest grid allowed is %4 m" )
                     .arg( request.gridM ).arg( m, 0, 'f', 0 ).arg( working.authid() ).arg( QString::number( smallest, 'g', 2 ) ) );
    }

    QString typeName( limes::GeometryType t )
    {
      return QgsWkbTypes::geometryDisplayString( t ).toLower();
    }

    void checkParties( const ChangeRequest &request, VersionKind kind )
    {
      const bool lines = kind == VersionKind::Lines;
      if ( lines && ( request.leftParty.isEmpty() || request.rightParty.isEmpty() ) )
        throw Error( QStringLiteral( "line versions need the left and the right party (--left, --right)" ) );
      if ( lines && request.leftParty == request.rightParty )
        throw Error( QStringLiteral( "left and right party are both '%1'" ).arg( request.leftParty ) );
      if ( !lines && request.partyField.isEmpty() )
        throw Error( QStringLiteral( "territory versions need the attribute holding the party code (--party-field)" ) );
      if ( lines && !request.knownParties.isEmpty() )
        for ( const QString &p : { request.leftParty, request.rightParty } )
          if ( !request.knownParties.contains( p ) )
            throw Error( QStringLiteral( "unknown party code '%1' (known: %2)" ).arg( p, request.knownParties.join( QLatin1String( ", " ) ) ) );
    }
  }

  VersionKind checkVersions( const ChangeRequest &request )
  {
    checkLayer( request.oldVersion, "old version" );
    checkLayer( request.newVersion, "new version" );
    checkParameters( request );

    const limes::GeometryType oldType = QgsWkbTypes::geometryType( request.oldVersion.source->wkbType() );
    const limes::GeometryType newType = QgsWkbTypes::geometryType( request.newVersion.source->wkbType() );
    for ( const auto &[l, t, role] : { std::make_tuple( request.oldVersion, oldType, "old version" ), std::make_tuple( request.newVersion, newType, "new version" ) } )
      if ( t != limes::geometrytype::Line && t != limes::geometrytype::Polygon )
        throw Error( QStringLiteral( "%1 layer; a version is a line layer or a territory (polygon) layer" ).arg( typeName( t ) ), describe( l, role ) );
    if ( oldType != newType )
      throw Error( QStringLiteral( "the old version is a %1 layer and the new one a %2 layer; compare lines with lines or territories with territories" )
                   .arg( typeName( oldType ), typeName( newType ) ) );
    const VersionKind kind = oldType == limes::geometrytype::Line ? VersionKind::Lines : VersionKind::Territories;
    checkParties( request, kind );
    io::checkCoordinatesFitCrs( request.oldVersion.source, describe( request.oldVersion, "old version" ), request.transformContext );
    io::checkCoordinatesFitCrs( request.newVersion.source, describe( request.newVersion, "new version" ), request.transformContext );
    // the working CRS as the engine chooses it next: datum and grid are judged where the work is done
    const QgsCoordinateReferenceSystem working = chooseWorkingCrs( request.oldVersion, request.newVersion, request.transformContext );
    checkPlacement( request.oldVersion, "old version", working, request.transformContext );
    checkPlacement( request.newVersion, "new version", working, request.transformContext );
    checkGridResolution( request, working );
    return kind;
  }

  QStringList checkSupportingLayers( const ChangeRequest &request )
  {
    const QgsCoordinateReferenceSystem working = chooseWorkingCrs( request.oldVersion, request.newVersion, request.transformContext );
    if ( request.segments.source )
    {
      checkLayer( request.segments, "segments" );
      checkPlacement( request.segments, "segments", working, request.transformContext );
    }
    QStringList names;
    for ( const InputLayer &r : request.resources )
    {
      checkLayer( r, "resource layer" );
      checkPlacement( r, "resource layer", working, request.transformContext );
      QString name = r.name;
      for ( int k = 2; names.contains( name ); ++k )
        name = QStringLiteral( "%1 (%2)" ).arg( r.name ).arg( k );
      names << name;
    }
    return names;
  }
}
