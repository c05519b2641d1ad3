// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_REGISTRY_H
#define LIMES_VALIDATION_REGISTRY_H

#include "validation/rule.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace limes::validation
{
  /**
   * Every validation check, in report order (the order of the findings, of rules_run and of
   * `limes validate --list-rules`). The list is in registry.cpp: adding a rule is one class in
   * rules/<family>*.cpp and one line there. Built once, then read-only: safe from any thread.
   */
  class RuleRegistry
  {
    public:
      static const RuleRegistry &instance();

      RuleRegistry( const RuleRegistry & ) = delete;
      RuleRegistry &operator=( const RuleRegistry & ) = delete;

      const std::vector<std::unique_ptr<Check>> &checks() const { return mChecks; }
      //! Every rule, in report order.
      const std::vector<const RuleInfo *> &rules() const { return mRules; }
      QStringList ids() const;
      //! The rules of one family, in report order.
      std::vector<const RuleInfo *> rules( Family family ) const;
      //! nullptr for an unknown id.
      const RuleInfo *rule( const QString &id ) const;
      //! Position in report order; -1 for an unknown id.
      int index( const QString &id ) const { return mIndex.value( id, -1 ); }

    private:
      RuleRegistry();
      void add( std::unique_ptr<Check> check );

      std::vector<std::unique_ptr<Check>> mChecks;
      std::vector<const RuleInfo *> mRules;
      QHash<QString, int> mIndex;
  };
}

#endif
