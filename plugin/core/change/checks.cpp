// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/checks.h"
#include "change/reading.h"
#include "error.h"
#include "qgiscompat.h"

#include <qgsfeaturesource.h>
#include <qgswkbtypes.h>

#include <tuple>

namespace limes::change
{
  namespace
  {
    void checkLayer( const InputLayer &l, const char *role )
    {
      if ( !l.source )
        throw Error( QStringLiteral( "no layer given" ), QLatin1String( role ) );
      if ( !l.source->sourceCrs().isValid() )
        throw Error( QStringLiteral( "layer has no CRS; set one (e.g. EPSG:4326) before comparing" ), describe( l, role ) );
      if ( l.source->featureCount() == 0 )
        throw Error( QStringLiteral( "layer is empty" ), describe( l, role ) );
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
    if ( !( request.gridM > 0 ) || request.gridM > 10 )
      throw Error( QStringLiteral( "grid must be between 0 and 10 m (got %1)" ).arg( request.gridM ) );
    if ( request.minAreaM2 < 0 )
      throw Error( QStringLiteral( "minimum area must not be negative (got %1)" ).arg( request.minAreaM2 ) );

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
    return kind;
  }

  QStringList checkSupportingLayers( const ChangeRequest &request )
  {
    if ( request.segments.source )
      checkLayer( request.segments, "segments" );
    QStringList names;
    for ( const InputLayer &r : request.resources )
    {
      checkLayer( r, "resource layer" );
      QString name = r.name;
      for ( int k = 2; names.contains( name ); ++k )
        name = QStringLiteral( "%1 (%2)" ).arg( r.name ).arg( k );
      names << name;
    }
    return names;
  }
}
