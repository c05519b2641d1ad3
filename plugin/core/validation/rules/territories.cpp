// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rules/territories.h"
#include "validation/context.h"
#include "validation/rulesupport.h"
#include "qgiscompat.h"

#include <algorithm>

namespace limes::validation
{
  namespace
  {
    const RuleInfo TerritoryGap{ "territory_gap", Severity::Error, Family::Territories, Line | Territories,
                                 QT_TRANSLATE_NOOP( "limes::validation", "Land near the line that is in no party's territory (the territories' party code is in the field "
                                     "`--party-field` names), looked for in a corridor "
                                     "along the line of 50 m or 20 times the tolerance, whichever is wider. Pieces no wider than the tolerance "
                                     "(the diameter of the largest circle inside, measured to a tenth of the tolerance or 1 mm) are ignored; each other "
                                     "piece is reported with its area and width." ) };
    const RuleInfo TerritoryOverlap{ "territory_overlap", Severity::Error, Family::Territories, Line | Territories,
                                     QT_TRANSLATE_NOOP( "limes::validation", "Land in two parties' territories at once. Pieces no wider than the tolerance (measured as for "
                                         "territory_gap) are ignored; each other piece is reported with its area and width." ) };
    const RuleInfo LineTerritoryMismatch{ "line_territory_mismatch", Severity::Error, Family::Territories, Line | Territories,
                                          QT_TRANSLATE_NOOP( "limes::validation", "The line leaves the edge two parties' territories share, for more than the tolerance: the line and "
                                              "the territories disagree about where the boundary runs. Reported as the stretch of the line off the "
                                              "shared edge." ) };

    //! The whole line as one geometry, in the working CRS.
    QgsGeometry wholeLine( const LineReference &line )
    {
      QVector<QgsPolylineXY> parts;
      for ( const LineReference::Part &p : line.parts() )
        parts << QgsPolylineXY( p.points.begin(), p.points.end() );
      return QgsGeometry::fromMultiPolylineXY( parts );
    }

    //! Each polygon of `areas` wider than the tolerance is a finding of `rule`.
    void reportPieces( RunContext &context, const RuleInfo &rule, const QgsGeometry &areas, const QString &what )
    {
      const double tolerance = context.tolerance();
      for ( const QgsGeometry &part : areas.asGeometryCollection() )
      {
        if ( part.type() != limes::geometrytype::Polygon || part.area() <= 0 )
          continue;
        const geos::GeomPtr g = context.geos().fromQgs( part );
        const double width = context.geos().maximumInscribedDiameter( g.get(), std::max( tolerance / 10, 0.001 ) ) * context.scale();
        if ( width <= tolerance )
          continue;
        const double area = context.ellipsoid().measureArea( part );
        context.add( rule, context.request().territories.name, -1,
                     QStringLiteral( "%1 of %2 m², up to %3 wide (tolerance %4)" ).arg( what ).arg( area, 0, 'f', 1 ).arg( metres( width ), metres( tolerance ) ),
                     width, tolerance, part.pointOnSurface() );
      }
    }

    //! Each pair of parties once, in the order of their codes.
    template<typename Visit> void forEachPair( const TerritoryInput &input, Visit &&visit )
    {
      for ( auto a = input.byParty.begin(); a != input.byParty.end(); ++a )
        for ( auto b = std::next( a ); b != input.byParty.end(); ++b )
          visit( a->first, a->second, b->first, b->second );
    }
  }

  TerritoryGapCheck::TerritoryGapCheck()
    : Check( { TerritoryGap } )
  {}

  void TerritoryGapCheck::run( RunContext &context ) const
  {
    const TerritoryInput &input = context.territories();
    QVector<QgsGeometry> all;
    for ( const auto &[party, territory] : input.byParty )
      all << territory;
    // land near the line in no party's territory
    const double corridor = std::max( 50.0, 20 * context.tolerance() ) / context.scale();
    const QgsGeometry near = wholeLine( context.line() ).buffer( corridor, 4 ).intersection( QgsGeometry::fromRect( input.extent ) );
    reportPieces( context, TerritoryGap, near.difference( QgsGeometry::unaryUnion( all ) ), QStringLiteral( "a gap between the territories" ) );
  }

  TerritoryOverlapCheck::TerritoryOverlapCheck()
    : Check( { TerritoryOverlap } )
  {}

  void TerritoryOverlapCheck::run( RunContext &context ) const
  {
    forEachPair( context.territories(), [&]( const QString &a, const QgsGeometry &ta, const QString &b, const QgsGeometry &tb ) {
      reportPieces( context, TerritoryOverlap, ta.intersection( tb ), QStringLiteral( "%1 and %2 territories overlap: a piece" ).arg( a, b ) );
    } );
  }

  LineTerritoryMismatchCheck::LineTerritoryMismatchCheck()
    : Check( { LineTerritoryMismatch } )
  {}

  void LineTerritoryMismatchCheck::run( RunContext &context ) const
  {
    const TerritoryInput &input = context.territories();
    const double tolerance = context.tolerance(), buffer = tolerance / context.scale();
    const QgsGeometry line = wholeLine( context.line() );
    forEachPair( input, [&]( const QString &a, const QgsGeometry &ta, const QString &b, const QgsGeometry &tb ) {
      // the line must follow the edge the two territories share
      const QgsGeometry edgeA = ta.convertToType( limes::geometrytype::Line, true );
      const QgsGeometry edgeB = tb.convertToType( limes::geometrytype::Line, true );
      const QgsGeometry shared = edgeA.intersection( edgeB.buffer( buffer, 4 ) );
      if ( shared.isEmpty() )
        return;
      const QgsGeometry off = line.intersection( QgsGeometry::fromRect( input.extent ) ).difference( shared.buffer( buffer, 4 ) );
      for ( const QgsGeometry &piece : off.mergeLines().asGeometryCollection() )
      {
        const double length = context.ellipsoid().measureLength( piece );
        if ( length > tolerance )
          context.add( LineTerritoryMismatch, context.request().line.name, -1,
                       QStringLiteral( "the line leaves the edge %1 and %2 share for %3 (tolerance %4)" ).arg( a, b, metres( length ), metres( tolerance ) ), length, tolerance, piece );
      }
    } );
  }
}
