// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/inputs.h"
#include "validation/context.h"
#include "geometry/ellipsoidmeasure.h"
#include "error.h"
#include "io/coordinates.h"

#include <QPair>
#include <QSet>

#include <qgsfeatureiterator.h>
#include <qgsfeaturesource.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace limes::validation
{
  namespace
  {
    QgsMultiPolylineXY polylines( const QgsGeometry &g )
    {
      return g.isMultipart() ? g.asMultiPolyline() : QgsMultiPolylineXY{ g.asPolyline() };
    }

    //! A part the line reference cannot use, with what its message needs.
    BadLinePart badPart( long long fid, const QString &origin, const QgsPolylineXY &line )
    {
      QSet<QPair<double, double>> distinct; // only for the message, on the rare bad part
      for ( const QgsPointXY &pt : line )
        distinct.insert( qMakePair( pt.x(), pt.y() ) );
      return BadLinePart{ fid, origin, static_cast<int>( distinct.size() ), line.isEmpty() ? QgsGeometry() : QgsGeometry::fromPointXY( line.first() ) };
    }
  }

  LineInput readLine( const RunContext &context )
  {
    const InputLayer &layer = context.request().line;
    LineInput input;
    std::vector<LineReference::Part> parts;
    QgsFeatureIterator it = layer.source->getFeatures( context.featureRequest().setNoAttributes() );
    QgsFeature f;
    while ( context.nextFeature( it, f, layer, "line" ) )
    {
      const QgsGeometry g = f.geometry();
      if ( g.isNull() || g.isEmpty() )
      {
        input.noGeometry.push_back( NoGeometry{ f.id(), QStringLiteral( "feature %1" ).arg( f.id() ) } );
        continue;
      }
      const QgsMultiPolylineXY lines = polylines( g );
      int k = 0;
      for ( const QgsPolylineXY &line : lines )
      {
        ++k;
        LineReference::Part p;
        p.fid = f.id();
        p.origin = lines.size() > 1 ? QStringLiteral( "feature %1 part %2" ).arg( f.id() ).arg( k ) : QStringLiteral( "feature %1" ).arg( f.id() );
        // a line needs a second vertex somewhere: no set of every vertex of a long line for that
        const bool twoVertices = std::any_of( line.begin(), line.end(), [&]( const QgsPointXY &pt ) { return pt != line.first(); } );
        if ( !twoVertices )
        {
          input.badParts.push_back( badPart( f.id(), p.origin, line ) );
          continue;
        }
        p.points = std::vector<QgsPointXY>( line.begin(), line.end() );
        parts.push_back( std::move( p ) );
      }
    }
    if ( parts.empty() )
      throw Error( QStringLiteral( "no feature has a line geometry" ), layer.spec );
    input.reference = std::make_unique<LineReference>( std::move( parts ) );
    // the whole line at once (one bulk transform, GeographicLib): QgsDistanceArea took it a
    // point at a time, a third of a 1M-vertex validation for this one number
    const QgsDistanceArea &da = context.ellipsoid();
    const EllipsoidMeasure measure( Ellipsoid::checked( da.sourceCrs(), da.ellipsoid(), context.request().transformContext ) );
    double ellipsoidal = 0;
    constexpr size_t chunk = 1 << 16; // edges per call: no second copy of a long line in memory
    for ( const LineReference::Part &p : input.reference->parts() )
      for ( size_t i = 0; i + 1 < p.points.size(); i += chunk )
      {
        const auto end = p.points.begin() + static_cast<std::ptrdiff_t>( std::min( i + chunk + 1, p.points.size() ) );
        ellipsoidal += measure.length( QgsGeometry::fromPolylineXY( QgsPolylineXY( p.points.begin() + static_cast<std::ptrdiff_t>( i ), end ) ) );
      }
    input.scale = input.reference->length() > 0 ? ellipsoidal / input.reference->length() : 1;
    return input;
  }

  SegmentInput readSegments( const RunContext &context )
  {
    const InputLayer &layer = context.request().segments;
    SegmentInput input;
    if ( !layer.source )
      return input;
    const int codeField = context.fields().segmentCode;
    const LineReference &line = context.line();
    QgsFeatureIterator it = layer.source->getFeatures( context.featureRequest() );
    QgsFeature f;
    while ( context.nextFeature( it, f, layer, "segments" ) )
    {
      const QgsGeometry g = f.geometry();
      if ( g.isNull() || g.isEmpty() )
      {
        input.noGeometry.push_back( NoGeometry{ f.id(), QStringLiteral( "segment %1" ).arg( f.attribute( codeField ).toString() ) } );
        continue;
      }
      const QgsMultiPolylineXY lines = polylines( g );
      if ( lines.isEmpty() || lines.first().isEmpty() )
        continue;
      SegmentInput::Segment s;
      s.fid = f.id();
      s.code = f.attribute( codeField ).toString();
      s.start = lines.first().first();
      s.end = lines.last().last();
      s.lines = lines;
      s.from = line.nearest( s.start );
      s.to = line.nearest( s.end );
      // on a ring the closing vertex is both chainage 0 and the ring's length: a segment
      // that ends there ends at the ring's end
      const LineReference::Part &part = line.parts()[static_cast<size_t>( s.to.part )];
      const bool ring = part.points.size() > 3 && part.points.front() == part.points.back();
      if ( ring && s.from.part == s.to.part && s.to.chainage <= s.from.chainage && s.to.chainage == part.chainage.front() )
      {
        const QgsPointXY mid = g.interpolate( g.length() / 2 ).asPoint();
        if ( line.nearest( mid ).chainage > s.from.chainage )
          s.to.chainage = part.chainage.back();
      }
      if ( s.from.chainage > s.to.chainage ) // digitized against the line's direction
      {
        std::swap( s.from, s.to );
        std::swap( s.start, s.end );
      }
      input.segments.push_back( s );
    }
    return input;
  }

  std::vector<const SegmentInput::Segment *> SegmentInput::alongLine() const
  {
    std::vector<const Segment *> order;
    for ( const Segment &s : segments )
      order.push_back( &s );
    std::sort( order.begin(), order.end(), []( const Segment *a, const Segment *b ) { return std::make_pair( a->from.chainage, a->fid ) < std::make_pair( b->from.chainage, b->fid ); } );
    return order;
  }

  PillarInput readPillars( const RunContext &context )
  {
    const InputLayer &layer = context.request().pillars;
    PillarInput input;
    if ( !layer.source )
      return input;
    const InputFields &fields = context.fields();
    // surveyed positions are numbers in the pillars' own CRS
    const io::CoordinateLimits surveyLimits( layer.source->sourceCrs() );
    QgsFeatureIterator it = layer.source->getFeatures( context.featureRequest() );
    QgsFeature f;
    while ( context.nextFeature( it, f, layer, "pillars" ) )
    {
      const QgsGeometry g = f.geometry();
      const QString number = f.attribute( fields.pillarNumber ).toString();
      if ( g.isNull() || g.isEmpty() )
      {
        input.noGeometry.push_back( NoGeometry{ f.id(), QStringLiteral( "pillar %1" ).arg( number ) } );
        continue;
      }
      PillarInput::Pillar p;
      p.fid = f.id();
      p.number = number;
      p.point = g.asPoint();
      p.at = context.line().nearest( p.point );
      if ( fields.surveyX >= 0 && fields.surveyY >= 0 && !f.attribute( fields.surveyX ).isNull() && !f.attribute( fields.surveyY ).isNull() )
      {
        p.surveyed = true;
        p.surveyedAt = QgsPointXY( f.attribute( fields.surveyX ).toDouble(), f.attribute( fields.surveyY ).toDouble() );
        const QString problem = surveyLimits.problem( p.surveyedAt.x(), p.surveyedAt.y() );
        if ( !problem.isEmpty() )
          throw Error( QStringLiteral( "feature %1 (pillar %2): surveyed position: %3" ).arg( f.id() ).arg( number, problem ), RunContext::describe( layer, "pillars" ) );
        p.hasAccuracy = fields.surveyAccuracy >= 0 && !f.attribute( fields.surveyAccuracy ).isNull();
        p.accuracy = p.hasAccuracy ? f.attribute( fields.surveyAccuracy ).toDouble() : 0;
      }
      input.pillars.push_back( p );
    }
    return input;
  }

  std::vector<const PillarInput::Pillar *> PillarInput::alongLine() const
  {
    std::vector<const Pillar *> along;
    for ( const Pillar &p : pillars )
      along.push_back( &p );
    std::sort( along.begin(), along.end(), []( const Pillar *a, const Pillar *b ) { return std::make_tuple( a->at.part, a->at.chainage, a->fid ) < std::make_tuple( b->at.part, b->at.chainage, b->fid ); } );
    return along;
  }

  TerritoryInput readTerritories( const RunContext &context )
  {
    const InputLayer &layer = context.request().territories;
    TerritoryInput input;
    if ( !layer.source )
      return input;
    const geos::Context &geos = context.geos();
    std::map<QString, std::vector<geos::GeomPtr>> byParty;
    QgsFeatureIterator it = layer.source->getFeatures( context.featureRequest() );
    QgsFeature f;
    while ( context.nextFeature( it, f, layer, "territories" ) )
    {
      if ( f.geometry().isNull() || f.geometry().isEmpty() )
      {
        input.noGeometry.push_back( NoGeometry{ f.id(), QStringLiteral( "territory feature %1" ).arg( f.id() ) } );
        continue;
      }
      geos::GeomPtr g = geos.fromQgs( f.geometry() );
      QString reason;
      if ( !geos.isValid( g.get(), &reason ) )
      {
        input.invalid.push_back( TerritoryInput::Invalid{ f.id(), reason, f.geometry().pointOnSurface() } );
        g = geos.makeValid( g.get() );
      }
      byParty[f.attribute( context.fields().party ).toString()].push_back( std::move( g ) );
    }
    for ( auto &[party, list] : byParty )
    {
      const geos::GeomPtr all = geos.collection( GEOS_GEOMETRYCOLLECTION, list );
      input.byParty[party] = geos.toQgs( geos.unaryUnion( all.get(), 0 ).get() );
      input.extent.combineExtentWith( input.byParty[party].boundingBox() );
    }
    return input;
  }

  std::vector<QgsPointXY> readTripoints( const RunContext &context )
  {
    std::vector<QgsPointXY> tripoints;
    const InputLayer &layer = context.request().tripoints;
    if ( !layer.source )
      return tripoints;
    QgsFeatureIterator it = layer.source->getFeatures( context.featureRequest().setNoAttributes() );
    QgsFeature f;
    while ( context.nextFeature( it, f, layer, "tripoints" ) )
      if ( !f.geometry().isNull() && !f.geometry().isEmpty() )
        tripoints.push_back( f.geometry().asPoint() );
    return tripoints;
  }
}
