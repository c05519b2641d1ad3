// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULES_PILLARS_H
#define LIMES_VALIDATION_RULES_PILLARS_H

#include "validation/rule.h"

// The pillars family (pillars.cpp): where the demarcation's pillars stand against the line,
// their numbers and spacing, turning points without one, and surveyed positions.
namespace limes::validation
{
  class PillarOffLineCheck : public Check
  {
    public:
      PillarOffLineCheck();
      void run( RunContext &context ) const override;
  };

  class PillarOrderCheck : public Check
  {
    public:
      PillarOrderCheck();
      void run( RunContext &context ) const override;
  };

  class PillarDuplicateCheck : public Check
  {
    public:
      PillarDuplicateCheck();
      void run( RunContext &context ) const override;
  };

  class PillarSpacingCheck : public Check
  {
    public:
      PillarSpacingCheck();
      void run( RunContext &context ) const override;
  };

  class TurningPointWithoutPillarCheck : public Check
  {
    public:
      TurningPointWithoutPillarCheck();
      void run( RunContext &context ) const override;
  };

  class PillarSurveyDeviationCheck : public Check
  {
    public:
      PillarSurveyDeviationCheck();
      //! The pillars need the survey coordinate fields.
      QString unavailable( const RunContext &context ) const override;
      void run( RunContext &context ) const override;
  };
}

#endif
