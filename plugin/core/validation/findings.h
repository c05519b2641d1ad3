// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_FINDINGS_H
#define LIMES_VALIDATION_FINDINGS_H

#include "validation/rule.h"
#include "validation/validation.h"

#include <QStringList>

namespace limes::validation
{
  /**
   * Where the checks put what they find. Keeps only the rules the request wants (all when it
   * names none), and which rules ran or were skipped and why.
   */
  class Findings
  {
    public:
      explicit Findings( const QStringList &wanted )
        : mWanted( wanted )
      {}

      bool wanted( const RuleInfo &rule ) const { return mWanted.isEmpty() || mWanted.contains( QLatin1String( rule.id ) ); }
      void add( const RuleInfo &rule, const QString &layer, long long fid, const QString &message, double value, double tolerance, const QgsGeometry &where );
      void ran( const RuleInfo &rule );
      void skip( const RuleInfo &rule, const QString &why );

      ValidationResult &result() { return mResult; }

    private:
      QStringList mWanted;
      ValidationResult mResult;
  };
}

#endif
