// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rules/pillars.h"
#include "error.h"
#include "geometry/segmentindex.h"
#include "validation/context.h"
#include "validation/rulesupport.h"

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeaturesource.h>

#include <cmath>
#include <map>

namespace limes::validation
{
  namespace
  {
    using Pillar = PillarInput::Pillar;

    const RuleInfo PillarOffLine{ "pillar_off_line", Severity::Error, Family::Pillars, Line | Pillars,
                                  QT_TRANSLATE_NOOP( "limes::validation", "A pillar stands farther than the tolerance from the line (on the ellipsoid, to the nearest point of "
                                      "the line). Reported as the line from the pillar to that point." ) };
    const RuleInfo PillarOrder{ "pillar_order", Severity::Error, Family::Pillars, Line | Pillars,
                                QT_TRANSLATE_NOOP( "limes::validation", "Pillar numbers (field `number`, `--pillar-field`) must increase along each part of the line, in natural "
                                    "order (123 < 123a < 124): a pillar whose number does not come after the one before it is reported." ) };
    const RuleInfo PillarDuplicate{ "pillar_duplicate", Severity::Error, Family::Pillars, Line | Pillars,
                                    QT_TRANSLATE_NOOP( "limes::validation", "Two pillars with the same number, or two pillars next to each other along the line closer than the "
                                        "minimum spacing (default 1 m, `--min-pillar-spacing`): one pillar entered twice." ) };
    const RuleInfo PillarSpacing{ "pillar_spacing", Severity::Error, Family::Pillars, Line | Pillars,
                                  QT_TRANSLATE_NOOP( "limes::validation", "Two pillars next to each other on the same part of the line farther apart than the maximum spacing "
                                      "(default 5000 m, `--max-pillar-spacing`): a pillar is missing between them." ) };
    const RuleInfo TurningPointWithoutPillar{ "turning_point_without_pillar", Severity::Warning, Family::Pillars, Line | Pillars,
                                              QT_TRANSLATE_NOOP( "limes::validation", "A vertex where the line turns by more than the turning angle (default 20 degrees, `--turning-angle`) has "
                                                  "no pillar within the tolerance: a turning point of the demarcated line without its pillar." ) };
    const RuleInfo PillarSurveyDeviation{ "pillar_survey_deviation", Severity::Error, Family::Pillars, Line | Pillars,
                                          QT_TRANSLATE_NOOP( "limes::validation", "A pillar's surveyed position (fields `surveyed_x`, `surveyed_y` in the pillars' CRS; "
                                              "`survey_accuracy` in metres, quoted when given) lies farther than the tolerance from its designed "
                                              "position, the pillar's geometry. Not run when the pillars have no survey fields." ) };

    //! Each pillar with the one before it along the line (on any part).
    template<typename Visit> void forEachNeighbours( const PillarInput &input, Visit &&visit )
    {
      const std::vector<const Pillar *> along = input.alongLine();
      for ( size_t k = 1; k < along.size(); ++k )
        visit( *along[k - 1], *along[k] );
    }

    //! Pillars in the shared index, cells of the tolerance (at least 1 m): is there one near a vertex.
    class PillarGrid
    {
      public:
        PillarGrid( const std::vector<Pillar> &pillars, double tolerance )
          : mPillars( pillars )
          , mIndex( points( pillars ), std::max( tolerance, 1.0 ) )
        {}

        bool anyWithin( const RunContext &context, const QgsPointXY &at, double tolerance ) const
        {
          bool found = false;
          // a cell's margin: the tolerance is on the ellipsoid, the index in the working CRS
          mIndex.near( at.x(), at.y(), 1.5 * mIndex.cell(), [&]( size_t i ) {
            found = found || context.distance( mPillars[i].point, at ) <= tolerance;
          } );
          return found;
        }

      private:
        static std::vector<SegmentIndex::Segment> points( const std::vector<Pillar> &pillars )
        {
          std::vector<SegmentIndex::Segment> out;
          out.reserve( pillars.size() );
          for ( const Pillar &p : pillars )
            out.push_back( { p.point.x(), p.point.y(), p.point.x(), p.point.y() } );
          return out;
        }

        const std::vector<Pillar> &mPillars;
        SegmentIndex mIndex;
    };
  }

  PillarOffLineCheck::PillarOffLineCheck()
    : Check( { PillarOffLine } )
  {}

  void PillarOffLineCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance();
    for ( const Pillar &p : context.pillars().pillars )
    {
      const double off = context.distance( p.point, p.at.point );
      if ( off > tolerance )
        context.add( PillarOffLine, context.request().pillars.name, p.fid, QStringLiteral( "pillar %1 is %2 from the line (tolerance %3)" ).arg( p.number, metres( off ), metres( tolerance ) ),
                     off, tolerance, QgsGeometry::fromPolylineXY( { p.point, p.at.point } ) );
    }
  }

  PillarOrderCheck::PillarOrderCheck()
    : Check( { PillarOrder } )
  {}

  void PillarOrderCheck::run( RunContext &context ) const
  {
    const double scale = context.scale();
    forEachNeighbours( context.pillars(), [&]( const Pillar &prev, const Pillar &cur ) {
      if ( prev.at.part == cur.at.part && cur.number != prev.number && !naturalLess( prev.number, cur.number ) )
        context.add( PillarOrder, context.request().pillars.name, cur.fid, QStringLiteral( "pillar %1 follows pillar %2 along the line; numbers must increase" ).arg( cur.number, prev.number ),
                     cur.at.chainage * scale, prev.at.chainage * scale, QgsGeometry::fromPointXY( cur.point ) );
    } );
  }

  PillarDuplicateCheck::PillarDuplicateCheck()
    : Check( { PillarDuplicate } )
  {}

  void PillarDuplicateCheck::run( RunContext &context ) const
  {
    const QString layer = context.request().pillars.name;
    const PillarInput &input = context.pillars();
    std::map<QString, std::vector<const Pillar *>> byNumber;
    for ( const Pillar &p : input.pillars )
      byNumber[p.number].push_back( &p );
    for ( const auto &[number, list] : byNumber )
      for ( size_t k = 1; k < list.size(); ++k )
        context.add( PillarDuplicate, layer, list[k]->fid, QStringLiteral( "pillar number %1 is used %2 times (also feature %3)" ).arg( number ).arg( list.size() ).arg( list[0]->fid ),
                     static_cast<double>( list.size() ), 1, QgsGeometry::fromPointXY( list[k]->point ) );
    const double minimum = context.request().minPillarSpacing;
    forEachNeighbours( input, [&]( const Pillar &prev, const Pillar &cur ) {
      const double spacing = context.distance( prev.point, cur.point );
      if ( spacing < minimum && cur.number != prev.number )
        context.add( PillarDuplicate, layer, cur.fid, QStringLiteral( "pillars %1 and %2 are %3 apart (minimum spacing %4)" ).arg( prev.number, cur.number, metres( spacing ), metres( minimum ) ),
                     spacing, minimum, QgsGeometry::fromPolylineXY( { prev.point, cur.point } ) );
    } );
  }

  PillarSpacingCheck::PillarSpacingCheck()
    : Check( { PillarSpacing } )
  {}

  void PillarSpacingCheck::run( RunContext &context ) const
  {
    const double maximum = context.request().maxPillarSpacing;
    forEachNeighbours( context.pillars(), [&]( const Pillar &prev, const Pillar &cur ) {
      if ( prev.at.part != cur.at.part )
        return;
      const double spacing = context.distance( prev.point, cur.point );
      if ( spacing > maximum )
        context.add( PillarSpacing, context.request().pillars.name, cur.fid, QStringLiteral( "pillars %1 and %2 are %3 apart (maximum spacing %4)" ).arg( prev.number, cur.number, metres( spacing ), metres( maximum ) ),
                     spacing, maximum, QgsGeometry::fromPolylineXY( { prev.point, cur.point } ) );
    } );
  }

  TurningPointWithoutPillarCheck::TurningPointWithoutPillarCheck()
    : Check( { TurningPointWithoutPillar } )
  {}

  void TurningPointWithoutPillarCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance(), turningAngle = context.request().turningAngle;
    const PillarGrid grid( context.pillars().pillars, tolerance );
    for ( const LineReference::Part &p : context.line().parts() )
      for ( size_t i = 1; i + 1 < p.points.size(); ++i )
      {
        if ( p.points[i] == p.points[i - 1] || p.points[i] == p.points[i + 1] )
          continue;
        const double deflection = 180.0 - angleAt( p.points[i - 1], p.points[i], p.points[i + 1] );
        if ( deflection <= turningAngle || grid.anyWithin( context, p.points[i], tolerance ) )
          continue;
        context.add( TurningPointWithoutPillar, context.request().line.name, p.fid,
                     QStringLiteral( "%1: the line turns by %2° at vertex %3 with no pillar within %4" ).arg( p.origin ).arg( deflection, 0, 'f', 1 ).arg( i ).arg( metres( tolerance ) ),
                     deflection, turningAngle, QgsGeometry::fromPointXY( p.points[i] ) );
      }
  }

  PillarSurveyDeviationCheck::PillarSurveyDeviationCheck()
    : Check( { PillarSurveyDeviation } )
  {}

  QString PillarSurveyDeviationCheck::unavailable( const RunContext &context ) const
  {
    if ( context.fields().surveyX >= 0 && context.fields().surveyY >= 0 )
      return QString();
    return QStringLiteral( "pillars have no fields %1, %2" ).arg( context.request().surveyXField, context.request().surveyYField );
  }

  void PillarSurveyDeviationCheck::run( RunContext &context ) const
  {
    const ValidationRequest &r = context.request();
    const double tolerance = context.tolerance();
    const QgsCoordinateTransform toWorking( r.pillars.source->sourceCrs(), context.workingCrs(), r.transformContext );
    for ( const Pillar &p : context.pillars().pillars )
    {
      if ( !p.surveyed )
        continue;
      QgsPointXY surveyed;
      try
      {
        surveyed = toWorking.transform( p.surveyedAt );
      }
      catch ( const QgsCsException & )
      {
        // UTM numbers in a WGS 84 layer's survey fields, for instance: bad input, named
        throw Error( QStringLiteral( "feature %1 (pillar %2): the surveyed position (%3, %4) cannot be transformed from %5 to %6" )
                     .arg( p.fid ).arg( p.number ).arg( p.surveyedAt.x(), 0, 'g', 12 ).arg( p.surveyedAt.y(), 0, 'g', 12 )
                     .arg( r.pillars.source->sourceCrs().authid(), context.workingCrs().authid() ), RunContext::describe( r.pillars, "pillars" ) );
      }
      const double deviation = context.distance( p.point, surveyed );
      const QString accuracy = p.hasAccuracy ? QStringLiteral( ", survey accuracy %1" ).arg( metres( p.accuracy ) ) : QString();
      if ( deviation > tolerance )
        context.add( PillarSurveyDeviation, r.pillars.name, p.fid,
                     QStringLiteral( "pillar %1 was surveyed %2 from its designed position (tolerance %3%4)" ).arg( p.number, metres( deviation ), metres( tolerance ), accuracy ),
                     deviation, tolerance, QgsGeometry::fromPolylineXY( { p.point, surveyed } ) );
    }
  }
}
