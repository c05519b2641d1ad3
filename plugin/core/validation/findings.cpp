// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/findings.h"

namespace limes::validation
{
  void Findings::add( const RuleInfo &rule, const QString &layer, long long fid, const QString &message, double value, double tolerance, const QgsGeometry &where )
  {
    if ( !wanted( rule ) )
      return;
    Finding f;
    f.rule = rule.name();
    f.severity = severityName( rule.severity );
    f.layer = layer;
    f.fid = fid;
    f.message = message;
    f.value = value;
    f.tolerance = tolerance;
    f.geometry = where;
    mResult.findings << f;
  }

  void Findings::ran( const RuleInfo &rule )
  {
    if ( wanted( rule ) && !mResult.rulesRun.contains( rule.name() ) )
      mResult.rulesRun << rule.name();
  }

  void Findings::skip( const RuleInfo &rule, const QString &why )
  {
    if ( wanted( rule ) )
      mResult.rulesSkipped.insert( rule.name(), why );
  }
}
