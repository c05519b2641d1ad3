// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULES_GEOMETRY_H
#define LIMES_VALIDATION_RULES_GEOMETRY_H

#include "validation/rule.h"

// The geometry family: the line's own shape, and features any input could not be read from.
namespace limes::validation
{
  //! empty_geometry: a feature of any input without a geometry (geometry.cpp).
  class EmptyGeometryCheck : public Check
  {
    public:
      EmptyGeometryCheck();
      void run( RunContext &context ) const override;
  };

  //! invalid_geometry: a line part that is no line, an invalid territory polygon (geometry.cpp).
  class InvalidGeometryCheck : public Check
  {
    public:
      InvalidGeometryCheck();
      void run( RunContext &context ) const override;
  };

  //! duplicate_vertex (geometry.cpp).
  class DuplicateVertexCheck : public Check
  {
    public:
      DuplicateVertexCheck();
      void run( RunContext &context ) const override;
  };

  //! spike (geometry.cpp).
  class SpikeCheck : public Check
  {
    public:
      SpikeCheck();
      void run( RunContext &context ) const override;
  };

  /**
   * self_intersection and self_overlap in one pass: both test the same pairs of edges, and a
   * place reported as one is not reported again as the other (geometryintersections.cpp).
   */
  class SelfIntersectionCheck : public Check
  {
    public:
      SelfIntersectionCheck();
      void run( RunContext &context ) const override;
  };

  //! tiny_segment (geometry.cpp).
  class TinySegmentCheck : public Check
  {
    public:
      TinySegmentCheck();
      void run( RunContext &context ) const override;
  };
}

#endif
