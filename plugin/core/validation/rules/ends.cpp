// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/rules/ends.h"
#include "validation/context.h"
#include "validation/rulesupport.h"

#include <qgsfeaturesource.h>

namespace limes::validation
{
  namespace
  {
    const RuleInfo CrsMismatch{ "crs_mismatch", Severity::Warning, Family::Ends, Line,
                                QT_TRANSLATE_NOOP( "limes::validation", "An input is in another CRS than the line (and than the UTM zone a geographic line is worked in): it is "
                                    "reprojected with PROJ and reported. When PROJ offers "
                                    "more than one datum transformation for it (Pulkovo 1942 to WGS 84, for instance) the input is refused as "
                                    "bad input (exit code 2): reproject it with the transformation the commission agreed." ) };
    const RuleInfo EnclaveNotClosed{ "enclave_not_closed", Severity::Error, Family::Ends, Line,
                                     QT_TRANSLATE_NOOP( "limes::validation", "A part of the line comes back to within 1 % of its length of its start but does not end exactly "
                                         "where it starts: the ring of an enclave left open. Reported as the gap." ) };
    const RuleInfo TripointMismatch{ "tripoint_mismatch", Severity::Error, Family::Ends, Line | Tripoints,
                                     QT_TRANSLATE_NOOP( "limes::validation", "An end of an open part of the line lies farther than the tolerance from every tripoint, or no tripoint "
                                         "is given: the line must end where it meets a third party's boundary. Reported as the line to the nearest "
                                         "tripoint." ) };
  }

  CrsMismatchCheck::CrsMismatchCheck()
    : Check( { CrsMismatch } )
  {}

  bool CrsMismatchCheck::applies( RunContext &context ) const
  {
    return !context.reprojected().isEmpty();
  }

  void CrsMismatchCheck::run( RunContext &context ) const
  {
    const QString lineCrs = context.request().line.source->sourceCrs().authid();
    for ( const Reprojected &r : context.reprojected() )
      context.add( CrsMismatch, r.layer, -1, QStringLiteral( "%1 is in %2, the line in %3: reprojected" ).arg( r.layer, r.crs, lineCrs ), 0, 0, QgsGeometry() );
  }

  EnclaveNotClosedCheck::EnclaveNotClosedCheck()
    : Check( { EnclaveNotClosed } )
  {}

  void EnclaveNotClosedCheck::run( RunContext &context ) const
  {
    for ( const LineReference::Part &p : context.line().parts() )
    {
      if ( p.points.front() == p.points.back() )
        continue;
      const double gap = context.distance( p.points.front(), p.points.back() );
      const double length = ( p.chainage.back() - p.chainage.front() ) * context.scale();
      // a part that comes back to within 1 % of its length of its start is meant to be a ring
      if ( gap < 0.01 * length )
        context.add( EnclaveNotClosed, context.request().line.name, p.fid,
                     QStringLiteral( "%1 comes back to %2 from its start but is not closed (a ring must end where it starts)" ).arg( p.origin, metres( gap ) ),
                     gap, 0, QgsGeometry::fromPolylineXY( { p.points.back(), p.points.front() } ) );
    }
  }

  TripointMismatchCheck::TripointMismatchCheck()
    : Check( { TripointMismatch } )
  {}

  void TripointMismatchCheck::run( RunContext &context ) const
  {
    const double tolerance = context.tolerance();
    const std::vector<QgsPointXY> &tripoints = context.tripoints();
    for ( const LineReference::Part &p : context.line().parts() )
    {
      if ( p.points.front() == p.points.back() )
        continue;
      for ( const QgsPointXY &end : { p.points.front(), p.points.back() } )
      {
        double best = -1;
        QgsPointXY nearest;
        for ( const QgsPointXY &t : tripoints )
        {
          const double d = context.distance( end, t );
          if ( best < 0 || d < best )
          {
            best = d;
            nearest = t;
          }
        }
        if ( best >= 0 && best <= tolerance )
          continue;
        context.add( TripointMismatch, context.request().line.name, p.fid,
                     best < 0 ? QStringLiteral( "%1 ends where no tripoint is given" ).arg( p.origin ) : QStringLiteral( "%1 ends %2 from the nearest tripoint (tolerance %3)" ).arg( p.origin, metres( best ), metres( tolerance ) ),
                     best, tolerance, best < 0 ? QgsGeometry::fromPointXY( end ) : QgsGeometry::fromPolylineXY( { end, nearest } ) );
      }
    }
  }
}
