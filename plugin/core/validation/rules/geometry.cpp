// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rules/geometry.h"
#include "validation/context.h"
#include "validation/rulesupport.h"

namespace limes::validation
{
  namespace
  {
    const RuleInfo EmptyGeometry{ "empty_geometry", Severity::Error, Family::Geometry, Line,
                                  QT_TRANSLATE_NOOP( "limes::validation", "A feature of the line, segments, pillars or territories has no geometry (null or empty). It takes no part in "
                                      "the other rules. The finding names the feature, by its segment code or pillar number where it has one, and has no position." ) };
    const RuleInfo InvalidGeometry{ "invalid_geometry", Severity::Error, Family::Geometry, Line,
                                    QT_TRANSLATE_NOOP( "limes::validation", "A part of the line that is no line (fewer than two distinct vertices), reported at its first vertex "
                                        "and left out of the other rules; or a territory polygon GEOS finds "
                                        "invalid (a ring crossing itself, for instance), reported at a point on its surface and made valid before "
                                        "the territory rules use it." ) };
    const RuleInfo DuplicateVertex{ "duplicate_vertex", Severity::Warning, Family::Geometry, Line,
                                    QT_TRANSLATE_NOOP( "limes::validation", "Two consecutive vertices of the line 1 mm or less apart: one of them is redundant. Reported at the "
                                        "vertex, with the distance on the ellipsoid." ) };
    const RuleInfo Spike{ "spike", Severity::Error, Family::Geometry, Line,
                          QT_TRANSLATE_NOOP( "limes::validation", "The line turns back on itself at a vertex: the angle between the edge before and the edge after is "
                              "sharper than the spike angle (default 1 degree, `--spike-angle`). Repeated vertices are stepped over; the ends "
                              "of an open part cannot spike, the closing vertex of a ring can." ) };
    const RuleInfo TinySegment{ "tiny_segment", Severity::Warning, Family::Geometry, Line,
                                QT_TRANSLATE_NOOP( "limes::validation", "An edge of the line shorter than the tolerance on the ellipsoid (and at least 1 mm long: shorter "
                                    "edges are duplicate vertices). Reported as the edge." ) };

    template<typename Visit> void forEachEdge( const LineReference &line, Visit &&visit )
    {
      for ( const LineReference::Part &p : line.parts() )
        for ( size_t i = 0; i + 1 < p.points.size(); ++i )
          visit( p, i, p.points[i], p.points[i + 1] );
    }
  }

  EmptyGeometryCheck::EmptyGeometryCheck()
    : Check( { EmptyGeometry } )
  {}

  void EmptyGeometryCheck::run( RunContext &context ) const
  {
    const ValidationRequest &r = context.request();
    auto report = [&]( const InputLayer &layer, const std::vector<NoGeometry> &features ) {
      for ( const NoGeometry &n : features )
        context.add( EmptyGeometry, layer.name, n.fid, QStringLiteral( "%1 has no geometry" ).arg( n.name ), 0, 0, QgsGeometry() );
    };
    report( r.line, context.lineInput().noGeometry );
    report( r.segments, context.segments().noGeometry );
    report( r.pillars, context.pillars().noGeometry );
    report( r.territories, context.territories().noGeometry );
  }

  InvalidGeometryCheck::InvalidGeometryCheck()
    : Check( { InvalidGeometry } )
  {}

  void InvalidGeometryCheck::run( RunContext &context ) const
  {
    const ValidationRequest &r = context.request();
    for ( const BadLinePart &p : context.lineInput().badParts )
      context.add( InvalidGeometry, r.line.name, p.fid,
                   QStringLiteral( "%1 is not a line (fewer than two distinct vertices)" ).arg( p.origin ),
                   p.distinctVertices, 2, p.where );
    for ( const TerritoryInput::Invalid &t : context.territories().invalid )
      context.add( InvalidGeometry, r.territories.name, t.fid, QStringLiteral( "territory feature %1 is invalid: %2" ).arg( t.fid ).arg( t.reason ), 0, 0, t.where );
  }

  DuplicateVertexCheck::DuplicateVertexCheck()
    : Check( { DuplicateVertex } )
  {}

  void DuplicateVertexCheck::run( RunContext &context ) const
  {
    const QString layer = context.request().line.name;
    const double scale = context.scale();
    forEachEdge( context.line(), [&]( const LineReference::Part &p, size_t i, const QgsPointXY &a, const QgsPointXY &b ) {
      const double planar = a.distance( b );
      if ( planar <= 0.001 )
        context.add( DuplicateVertex, layer, p.fid, QStringLiteral( "%1: vertices %2 and %3 coincide (%4 apart)" ).arg( p.origin ).arg( i ).arg( i + 1 ).arg( metres( planar * scale ) ),
                     planar * scale, 0.001, QgsGeometry::fromPointXY( a ) );
    } );
  }

  TinySegmentCheck::TinySegmentCheck()
    : Check( { TinySegment } )
  {}

  void TinySegmentCheck::run( RunContext &context ) const
  {
    const QString layer = context.request().line.name;
    const double tolerance = context.tolerance(), scale = context.scale();
    forEachEdge( context.line(), [&]( const LineReference::Part &p, size_t i, const QgsPointXY &a, const QgsPointXY &b ) {
      const double planar = a.distance( b );
      // the ellipsoid only where the planar length is near the tolerance: a million edges stay fast
      if ( planar <= 0.001 || planar * scale >= tolerance * 1.01 )
        return;
      const double length = context.distance( a, b );
      if ( length < tolerance )
        context.add( TinySegment, layer, p.fid, QStringLiteral( "%1: edge %2 is %3 long (tolerance %4)" ).arg( p.origin ).arg( i ).arg( metres( length ), metres( tolerance ) ),
                     length, tolerance, QgsGeometry::fromPolylineXY( { a, b } ) );
    } );
  }

  SpikeCheck::SpikeCheck()
    : Check( { Spike } )
  {}

  void SpikeCheck::run( RunContext &context ) const
  {
    const QString layer = context.request().line.name;
    const double threshold = context.request().spikeAngle;
    for ( const LineReference::Part &p : context.line().parts() )
    {
      const std::vector<QgsPointXY> &v = p.points;
      const bool closed = v.size() > 3 && v.front() == v.back();
      for ( size_t i = 0; i < v.size(); ++i )
      {
        if ( ( i == 0 || i + 1 == v.size() ) && !closed )
          continue;
        if ( closed && i + 1 == v.size() )
          continue;
        size_t prev = i == 0 ? v.size() - 2 : i - 1, next = i + 1;
        while ( prev > 0 && v[prev] == v[i] )
          --prev;
        while ( next + 1 < v.size() && v[next] == v[i] )
          ++next;
        if ( v[prev] == v[i] || v[next] == v[i] )
          continue;
        const double angle = angleAt( v[prev], v[i], v[next] );
        if ( angle < threshold )
          context.add( Spike, layer, p.fid, QStringLiteral( "%1: spike at vertex %2, the line turns back at %3° (threshold %4°)" ).arg( p.origin ).arg( i ).arg( angle, 0, 'f', 2 ).arg( threshold ),
                       angle, threshold, QgsGeometry::fromPointXY( v[i] ) );
      }
    }
  }
}
