// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/registry.h"
#include "validation/rules/ends.h"
#include "validation/rules/geometry.h"
#include "validation/rules/pillars.h"
#include "validation/rules/segments.h"
#include "validation/rules/territories.h"

namespace limes::validation
{
  RuleRegistry::RuleRegistry()
  {
    // report order: the order findings, rules_run and --list-rules have always had
    add( std::make_unique<CrsMismatchCheck>() );
    add( std::make_unique<EmptyGeometryCheck>() );
    add( std::make_unique<InvalidGeometryCheck>() );
    add( std::make_unique<DuplicateVertexCheck>() );
    add( std::make_unique<SpikeCheck>() );
    add( std::make_unique<SelfIntersectionCheck>() );
    add( std::make_unique<TinySegmentCheck>() );
    add( std::make_unique<SegmentCodeDuplicateCheck>() );
    add( std::make_unique<SegmentOrderCheck>() );
    add( std::make_unique<SegmentGapCheck>() );
    add( std::make_unique<SegmentOverlapCheck>() );
    add( std::make_unique<LineNotCoveredCheck>() );
    add( std::make_unique<SegmentOffLineCheck>() );
    add( std::make_unique<PillarOffLineCheck>() );
    add( std::make_unique<PillarOrderCheck>() );
    add( std::make_unique<PillarDuplicateCheck>() );
    add( std::make_unique<PillarSpacingCheck>() );
    add( std::make_unique<TurningPointWithoutPillarCheck>() );
    add( std::make_unique<PillarSurveyDeviationCheck>() );
    add( std::make_unique<TerritoryGapCheck>() );
    add( std::make_unique<TerritoryOverlapCheck>() );
    add( std::make_unique<LineTerritoryMismatchCheck>() );
    add( std::make_unique<EnclaveNotClosedCheck>() );
    add( std::make_unique<TripointMismatchCheck>() );
  }

  const RuleRegistry &RuleRegistry::instance()
  {
    static const RuleRegistry registry;
    return registry;
  }

  void RuleRegistry::add( std::unique_ptr<Check> check )
  {
    for ( const RuleInfo &rule : check->rules() )
    {
      // a stable id is the rule's identity in outputs and accepted exceptions: never twice
      Q_ASSERT_X( !mIndex.contains( rule.name() ), "RuleRegistry::add", rule.id );
      mIndex.insert( rule.name(), static_cast<int>( mRules.size() ) );
      mRules.push_back( &rule );
    }
    mChecks.push_back( std::move( check ) );
  }

  QStringList RuleRegistry::ids() const
  {
    QStringList ids;
    for ( const RuleInfo *rule : mRules )
      ids << rule->name();
    return ids;
  }

  std::vector<const RuleInfo *> RuleRegistry::rules( Family family ) const
  {
    std::vector<const RuleInfo *> rules;
    for ( const RuleInfo *rule : mRules )
      if ( rule->family == family )
        rules.push_back( rule );
    return rules;
  }

  const RuleInfo *RuleRegistry::rule( const QString &id ) const
  {
    const int i = index( id );
    return i < 0 ? nullptr : mRules[static_cast<size_t>( i )];
  }
}
