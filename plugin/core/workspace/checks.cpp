// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspace/checks.h"
#include "error.h"
#include "io/coordinates.h"
#include "qgiscompat.h"

#include <QRegularExpression>
#include <QSet>

#include <qgscoordinatetransform.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeaturesource.h>
#include <qgsgeometry.h>

#include <cmath>

namespace limes::checks
{
  const QStringList &versionKinds()
  {
    static const QStringList kinds{ QStringLiteral( "historical" ), QStringLiteral( "claim" ), QStringLiteral( "draft" ), QStringLiteral( "agreed" ), QStringLiteral( "ratified" ) };
    return kinds;
  }

  void checkParty( const Party &p, const QStringList &existingCodes, const QString &where )
  {
    if ( p.code.trimmed().isEmpty() || p.name.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a party needs a code and a name" ), where );
    if ( existingCodes.contains( p.code ) )
      throw Error( QStringLiteral( "party %1 already exists" ).arg( p.code ), where );
    // QGIS and the styles read it as a colour: anything else would be stored and shown wrong
    static const QRegularExpression rgb( QStringLiteral( "^#[0-9A-Fa-f]{6}$" ) );
    if ( !p.colour.isEmpty() && !rgb.match( p.colour ).hasMatch() )
      throw Error( QStringLiteral( "colour: '%1' is not a colour #RRGGBB (e.g. #1a9850)" ).arg( p.colour ), where );
  }

  void checkSegments( const QList<Segment> &segments, const QStringList &existingCodes, const QString &where )
  {
    QSet<QString> seen( existingCodes.cbegin(), existingCodes.cend() );
    for ( const Segment &s : segments )
    {
      if ( s.code.trimmed().isEmpty() )
        throw Error( QStringLiteral( "a segment needs a code" ), where );
      if ( seen.contains( s.code ) )
        throw Error( QStringLiteral( "duplicate segment code %1" ).arg( s.code ), where );
      seen.insert( s.code );
    }
  }

  void checkVersion( const LineVersion &v, QgsFeatureSource *source, const QString &sourceName, const QStringList &parties,
                     const QgsCoordinateTransformContext &context, const QString &where )
  {
    if ( v.name.trimmed().isEmpty() )
      throw Error( QStringLiteral( "a version needs a name" ), where );
    if ( !versionKinds().contains( v.kind ) )
      throw Error( QStringLiteral( "unknown version kind '%1' (kinds: %2)" ).arg( v.kind, versionKinds().join( QLatin1String( ", " ) ) ), where );
    for ( const QString &party : { v.leftParty, v.rightParty } )
      if ( !parties.contains( party ) )
        throw Error( QStringLiteral( "unknown party '%1' (parties: %2)" ).arg( party, parties.join( QLatin1String( ", " ) ) ), where );
    if ( v.leftParty == v.rightParty )
      throw Error( QStringLiteral( "left and right party are both '%1'" ).arg( v.leftParty ), where );
    if ( QgsWkbTypes::geometryType( source->wkbType() ) != limes::geometrytype::Line )
      throw Error( QStringLiteral( "not a line layer" ), sourceName );
    if ( !source->sourceCrs().isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), sourceName );
    io::checkCoordinatesFitCrs( source, sourceName, context );
  }

  void checkNewVersionName( const QString &name, const QList<LineVersion> &existing, const QString &where )
  {
    for ( const LineVersion &v : existing )
      if ( v.name == name )
        throw Error( QStringLiteral( "a version named '%1' exists already; versions are never overwritten" ).arg( name ), where );
  }

  void checkVersionLine( const QgsGeometry &line, long long fid, const QString &sourceName )
  {
    const QgsPolylineXY vertices = line.asPolyline();
    bool finite = vertices.size() >= 2;
    for ( const QgsPointXY &p : vertices )
      finite = finite && std::isfinite( p.x() ) && std::isfinite( p.y() ) && std::fabs( p.y() ) <= 90;
    if ( !finite || line.length() <= 0 ) // zero length: every vertex the same
      throw Error( QStringLiteral( "feature %1 is not a valid line (fewer than two distinct vertices, or coordinates out of range)" ).arg( fid ), sourceName );
  }

  void checkPillarLayer( QgsFeatureSource *source, const QString &sourceName, const QString &numberField, const QgsCoordinateTransformContext &context )
  {
    if ( QgsWkbTypes::geometryType( source->wkbType() ) != limes::geometrytype::Point )
      throw Error( QStringLiteral( "not a point layer" ), sourceName );
    if ( !source->sourceCrs().isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), sourceName );
    const QgsFields fields = source->fields();
    if ( fields.lookupField( numberField ) < 0 )
      throw Error( QStringLiteral( "no field '%1' with the pillar number (fields: %2)" ).arg( numberField, fields.names().join( QLatin1String( ", " ) ) ), sourceName );
    io::checkCoordinatesFitCrs( source, sourceName, context );
  }

  void checkAcceptedFinding( const AcceptedFinding &x, const QStringList &knownRules, const QString &where )
  {
    if ( !knownRules.contains( x.rule ) )
      throw Error( QStringLiteral( "unknown rule '%1'" ).arg( x.rule ), where );
    if ( x.reason.trimmed().isEmpty() || x.author.trimmed().isEmpty() )
      throw Error( QStringLiteral( "an accepted finding needs a reason and an author" ), where );
  }
}
