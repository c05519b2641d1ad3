// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULES_TERRITORIES_H
#define LIMES_VALIDATION_RULES_TERRITORIES_H

#include "validation/rule.h"

// The territories family (territories.cpp): the parties' territory polygons against each
// other and against the line.
namespace limes::validation
{
  class TerritoryGapCheck : public Check
  {
    public:
      TerritoryGapCheck();
      void run( RunContext &context ) const override;
  };

  class TerritoryOverlapCheck : public Check
  {
    public:
      TerritoryOverlapCheck();
      void run( RunContext &context ) const override;
  };

  class LineTerritoryMismatchCheck : public Check
  {
    public:
      LineTerritoryMismatchCheck();
      void run( RunContext &context ) const override;
  };
}

#endif
