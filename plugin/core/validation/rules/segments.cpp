// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rules/segments.h"
#include "validation/context.h"
#include "validation/rulesupport.h"

#include <algorithm>
#include <map>

namespace limes::validation
{
  namespace
  {
    using Segment = SegmentInput::Segment;

    const RuleInfo SegmentCodeDuplicate{ "segment_code_duplicate", Severity::Error, Family::Segments, Line | Segments,
                                         QT_TRANSLATE_NOOP( "limes::validation", "Two or more segments have the same code (field `code`, `--segment-field`). Every segment after the "
                                             "first with that code is reported, naming the first." ) };
    const RuleInfo SegmentOrder{ "segment_order", Severity::Error, Family::Segments, Line | Segments,
                                 QT_TRANSLATE_NOOP( "limes::validation", "Segment codes out of order along the line: taken by where they start on the line, each segment's code "
                                     "must come after the one before in natural order (S-9 < S-10 < S-10a). A segment digitized against the "
                                     "line's direction counts from its other end." ) };
    const RuleInfo SegmentGap{ "segment_gap", Severity::Error, Family::Segments, Line | Segments,
                               QT_TRANSLATE_NOOP( "limes::validation", "Two segments that follow each other on the same part of the line leave a gap: the next one starts "
                                   "farther than the tolerance from where the one before ends, in any direction (along the line, or "
                                   "sideways where an end is off the line). Reported as the gap." ) };
    const RuleInfo SegmentOverlap{ "segment_overlap", Severity::Error, Family::Segments, Line | Segments,
                                   QT_TRANSLATE_NOOP( "limes::validation", "Two segments that follow each other on the same part of the line overlap for more than the tolerance, "
                                       "measured along the line. Reported as the stretch of the line both cover." ) };
    const RuleInfo LineNotCovered{ "line_not_covered", Severity::Error, Family::Segments, Line | Segments,
                                   QT_TRANSLATE_NOOP( "limes::validation", "A stretch of the line longer than the tolerance lies in no segment: before the first, between two, or "
                                       "after the last segment of a part. Reported as the stretch." ) };
    const RuleInfo SegmentOffLine{ "segment_off_line", Severity::Error, Family::Segments, Line | Segments,
                                   QT_TRANSLATE_NOOP( "limes::validation", "A segment leaves the line: somewhere along it (a vertex, or a point of an edge) it is farther than the "
                                       "tolerance from the line, on the ellipsoid. Reported once per segment, at its point farthest from the "
                                       "line, as the line from there to the nearest point of the line, with the distance." ) };

    //! The line's part from one chainage to another, as a line.
    QgsGeometry stretch( const LineReference &line, int part, double from, double to )
    {
      const LineReference::Part &p = line.parts()[static_cast<size_t>( part )];
      QgsPolylineXY out;
      auto at = [&]( double c ) {
        const auto it = std::upper_bound( p.chainage.begin(), p.chainage.end(), c );
        const size_t i = it == p.chainage.begin() ? 0 : std::min<size_t>( static_cast<size_t>( it - p.chainage.begin() ) - 1, p.points.size() - 2 );
        const double len = p.chainage[i + 1] - p.chainage[i];
        const double t = len > 0 ? std::clamp( ( c - p.chainage[i] ) / len, 0.0, 1.0 ) : 0;
        return std::make_pair( i, QgsPointXY( p.points[i].x() + t * ( p.points[i + 1].x() - p.points[i].x() ), p.points[i].y() + t * ( p.points[i + 1].y() - p.points[i].y() ) ) );
      };
      const auto s = at( from ), e = at( to );
      out << s.second;
      for ( size_t i = s.first + 1; i <= e.first; ++i )
        out << p.points[i];
      out << e.second;
      return QgsGeometry::fromPolylineXY( out );
    }

    //! The point of a segment farthest from the line so far, and the nearest point of the line to it.
    struct Farthest
    {
      double distance = -1;  //!< planar, working CRS
      QgsPointXY at;
      QgsPointXY onLine;

      void offer( const QgsPointXY &p, const LineReference::Location &l )
      {
        if ( l.distance > distance )
          *this = Farthest{ l.distance, p, l.point };
      }
    };

    /**
     * The farthest point of the edge p..q from the line, between its ends (offered already).
     * Along the edge the distance to one edge of the line is convex: no larger inside than at
     * the ends. Elsewhere it changes no faster than along the edge (1-Lipschitz), so an
     * interval whose ends are close enough cannot reach `threshold`; what is left is halved.
     */
    void farthestOnEdge( const LineReference &line, const QgsPointXY &p, const LineReference::Location &lp, const QgsPointXY &q,
                         const LineReference::Location &lq, double threshold, Farthest &farthest, int depth = 0 )
    {
      const double length = p.distance( q );
      if ( ( lp.part == lq.part && lp.segment == lq.segment ) || ( lp.distance + lq.distance + length ) / 2 <= threshold
           || length <= threshold / 16 || depth > 48 )
        return;
      const QgsPointXY m( ( p.x() + q.x() ) / 2, ( p.y() + q.y() ) / 2 );
      const LineReference::Location lm = line.nearest( m );
      farthest.offer( m, lm );
      farthestOnEdge( line, p, lp, m, lm, threshold, farthest, depth + 1 );
      farthestOnEdge( line, m, lm, q, lq, threshold, farthest, depth + 1 );
    }

    //! Each segment with the one before it along the line.
    template<typename Visit> void forEachNeighbours( const SegmentInput &input, Visit &&visit )
    {
      const std::vector<const Segment *> order = input.alongLine();
      for ( size_t k = 1; k < order.size(); ++k )
        visit( *order[k - 1], *order[k] );
    }
  }

  SegmentCodeDuplicateCheck::SegmentCodeDuplicateCheck()
    : Check( { SegmentCodeDuplicate } )
  {}

  void SegmentCodeDuplicateCheck::run( RunContext &context ) const
  {
    std::map<QString, std::vector<const Segment *>> byCode;
    for ( const Segment &s : context.segments().segments )
      byCode[s.code].push_back( &s );
    for ( const auto &[code, list] : byCode )
      for ( size_t k = 1; k < list.size(); ++k )
        context.add( SegmentCodeDuplicate, context.request().segments.name, list[k]->fid,
                     QStringLiteral( "segment code %1 is used %2 times (also feature %3)" ).arg( code ).arg( list.size() ).arg( list[0]->fid ),
                     static_cast<double>( list.size() ), 1, QgsGeometry::fromPointXY( list[k]->start ) );
  }

  SegmentOrderCheck::SegmentOrderCheck()
    : Check( { SegmentOrder } )
  {}

  void SegmentOrderCheck::run( RunContext &context ) const
  {
    const double scale = context.scale();
    forEachNeighbours( context.segments(), [&]( const Segment &prev, const Segment &cur ) {
      if ( naturalLess( cur.code, prev.code ) )
        context.add( SegmentOrder, context.request().segments.name, cur.fid, QStringLiteral( "segment %1 comes after %2 along the line" ).arg( cur.code, prev.code ),
                     cur.from.chainage * scale, prev.from.chainage * scale, QgsGeometry::fromPointXY( cur.start ) );
    } );
  }

  SegmentGapCheck::SegmentGapCheck()
    : Check( { SegmentGap } )
  {}

  void SegmentGapCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance(), scale = context.scale();
    forEachNeighbours( context.segments(), [&]( const Segment &prev, const Segment &cur ) {
      if ( prev.to.part != cur.from.part || ( prev.to.chainage - cur.from.chainage ) * scale > tolerance )
        return; // on another part, or an overlap
      // in any direction: two ends at the same chainage can still be metres apart sideways
      const double gap = context.distance( prev.end, cur.start );
      if ( gap > tolerance )
        context.add( SegmentGap, context.request().segments.name, cur.fid,
                     QStringLiteral( "segment %1 ends %2 from where %3 starts (tolerance %4)" ).arg( prev.code, metres( gap ), cur.code, metres( tolerance ) ),
                     gap, tolerance, QgsGeometry::fromPolylineXY( { prev.end, cur.start } ) );
    } );
  }

  SegmentOverlapCheck::SegmentOverlapCheck()
    : Check( { SegmentOverlap } )
  {}

  void SegmentOverlapCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance(), scale = context.scale();
    forEachNeighbours( context.segments(), [&]( const Segment &prev, const Segment &cur ) {
      if ( prev.to.part != cur.from.part )
        return;
      const double overlap = ( prev.to.chainage - cur.from.chainage ) * scale;
      if ( overlap > tolerance )
        context.add( SegmentOverlap, context.request().segments.name, cur.fid,
                     QStringLiteral( "segments %1 and %2 overlap for %3 (tolerance %4)" ).arg( prev.code, cur.code, metres( overlap ), metres( tolerance ) ),
                     overlap, tolerance, stretch( context.line(), cur.from.part, cur.from.chainage, prev.to.chainage ) );
    } );
  }

  LineNotCoveredCheck::LineNotCoveredCheck()
    : Check( { LineNotCovered } )
  {}

  void LineNotCoveredCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance(), scale = context.scale();
    const LineReference &line = context.line();
    const std::vector<Segment> &segments = context.segments().segments;
    for ( size_t part = 0; part < line.parts().size(); ++part )
    {
      std::vector<std::pair<double, double>> covered;
      for ( const Segment &s : segments )
        if ( s.from.part == static_cast<int>( part ) && s.to.part == static_cast<int>( part ) )
          covered.emplace_back( s.from.chainage, s.to.chainage );
      std::sort( covered.begin(), covered.end() );
      const LineReference::Part &p = line.parts()[part];
      double reach = p.chainage.front();
      auto gapTo = [&]( double next ) {
        const double length = ( next - reach ) * scale;
        if ( length > tolerance )
          context.add( LineNotCovered, context.request().line.name, p.fid, QStringLiteral( "%1 is in no segment for %2 (tolerance %3)" ).arg( p.origin, metres( length ), metres( tolerance ) ),
                       length, tolerance, stretch( line, static_cast<int>( part ), reach, next ) );
      };
      for ( const auto &[from, to] : covered )
      {
        if ( from > reach )
          gapTo( from );
        reach = std::max( reach, to );
      }
      gapTo( p.chainage.back() );
    }
  }

  SegmentOffLineCheck::SegmentOffLineCheck()
    : Check( { SegmentOffLine } )
  {}

  void SegmentOffLineCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance();
    const double threshold = tolerance / context.scale(); // planar, as the line reference measures
    const LineReference &line = context.line();
    for ( const Segment &s : context.segments().segments )
    {
      context.checkCanceled();
      Farthest farthest;
      for ( const QgsPolylineXY &part : s.lines )
      {
        std::vector<LineReference::Location> at;
        at.reserve( static_cast<size_t>( part.size() ) );
        for ( const QgsPointXY &p : part )
        {
          at.push_back( line.nearest( p ) );
          farthest.offer( p, at.back() );
        }
        for ( int i = 0; i + 1 < part.size(); ++i )
          farthestOnEdge( line, part[i], at[static_cast<size_t>( i )], part[i + 1], at[static_cast<size_t>( i ) + 1], threshold, farthest );
      }
      if ( farthest.distance < 0 )
        continue;
      const double off = context.distance( farthest.at, farthest.onLine );
      if ( off > tolerance )
        context.add( SegmentOffLine, context.request().segments.name, s.fid,
                     QStringLiteral( "segment %1 leaves the line: %2 from it at its farthest (tolerance %3)" ).arg( s.code, metres( off ), metres( tolerance ) ),
                     off, tolerance, QgsGeometry::fromPolylineXY( { farthest.at, farthest.onLine } ) );
    }
  }
}
