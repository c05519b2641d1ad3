// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULES_SEGMENTS_H
#define LIMES_VALIDATION_RULES_SEGMENTS_H

#include "validation/rule.h"

// The segments family (segments.cpp): codes, order, gaps and overlaps of the segments the
// commission divides the line into, stretches of the line in no segment, and segments that
// leave the line.
namespace limes::validation
{
  class SegmentCodeDuplicateCheck : public Check
  {
    public:
      SegmentCodeDuplicateCheck();
      void run( RunContext &context ) const override;
  };

  class SegmentOrderCheck : public Check
  {
    public:
      SegmentOrderCheck();
      void run( RunContext &context ) const override;
  };

  class SegmentGapCheck : public Check
  {
    public:
      SegmentGapCheck();
      void run( RunContext &context ) const override;
  };

  class SegmentOverlapCheck : public Check
  {
    public:
      SegmentOverlapCheck();
      void run( RunContext &context ) const override;
  };

  class LineNotCoveredCheck : public Check
  {
    public:
      LineNotCoveredCheck();
      void run( RunContext &context ) const override;
  };

  class SegmentOffLineCheck : public Check
  {
    public:
      SegmentOffLineCheck();
      void run( RunContext &context ) const override;
  };
}

#endif
