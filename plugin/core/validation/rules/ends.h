// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULES_ENDS_H
#define LIMES_VALIDATION_RULES_ENDS_H

#include "validation/rule.h"

// The ends family (ends.cpp): where the line ends and how it meets the other inputs: closed
// rings, tripoints, and inputs in another CRS.
namespace limes::validation
{
  class CrsMismatchCheck : public Check
  {
    public:
      CrsMismatchCheck();
      //! Only when an input was reprojected: otherwise the rule is not listed as run.
      bool applies( RunContext &context ) const override;
      void run( RunContext &context ) const override;
  };

  class EnclaveNotClosedCheck : public Check
  {
    public:
      EnclaveNotClosedCheck();
      void run( RunContext &context ) const override;
  };

  class TripointMismatchCheck : public Check
  {
    public:
      TripointMismatchCheck();
      void run( RunContext &context ) const override;
  };
}

#endif
