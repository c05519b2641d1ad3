// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_RULE_H
#define LIMES_VALIDATION_RULE_H

#include <QString>

#include <vector>

namespace limes::validation
{
  class RunContext;

  enum class Severity
  {
    Error,   //!< counts towards exit code 1 unless the commission accepted it
    Warning,
  };

  //! The families the rules are filed in (rules/<family>*.cpp), in the order the docs list them.
  enum class Family
  {
    Geometry,
    Segments,
    Pillars,
    Territories,
    Ends,
  };

  //! The inputs a rule needs; the line is always there.
  enum Input : unsigned
  {
    Line = 1u << 0,
    Segments = 1u << 1,
    Pillars = 1u << 2,
    Territories = 1u << 3,
    Tripoints = 1u << 4,
  };
  using Inputs = unsigned;

  /**
   * What a rule is, declared once next to its code: the stable id outputs and accepted
   * exceptions refer to, its severity, its family, the inputs it needs and one paragraph of
   * help (English; marked for translation with QT_TRANSLATE_NOOP( "limes::validation", ... )).
   * `limes validate --list-rules`, the Processing help and docs/validation-rules.md are made
   * from these.
   */
  struct RuleInfo
  {
    const char *id;
    Severity severity;
    Family family;
    Inputs needs;
    const char *help;

    QString name() const { return QLatin1String( id ); }
  };

  QString severityName( Severity severity );   //!< "error", "warning"
  QString familyName( Family family );         //!< "geometry", "segments", ...
  QString inputName( Input input );            //!< "line", "segments", ...
  //! The inputs named, in Input order: "line, pillars".
  QString inputNames( Inputs inputs );
  //! Every family, in Family order.
  std::vector<Family> families();

  /**
   * One check: a class that reports one rule, or a few that share one pass over the data
   * (self_intersection and self_overlap). Checks are stateless: everything of a run is in the
   * RunContext, so one registered instance serves every run, in any thread. The engine
   * runs a check only when one of its rules is wanted and its inputs are given.
   */
  class Check
  {
    public:
      explicit Check( std::vector<RuleInfo> rules )
        : mRules( std::move( rules ) )
      {}
      virtual ~Check() = default;
      Check( const Check & ) = delete;
      Check &operator=( const Check & ) = delete;

      //! The rules this check reports, in report order.
      const std::vector<RuleInfo> &rules() const { return mRules; }

      //! Why the check cannot run although its layers are given (a missing field); empty if it can.
      virtual QString unavailable( const RunContext &context ) const;
      //! False when there is nothing to check, so the rule is neither run nor skipped (crs_mismatch).
      virtual bool applies( RunContext &context ) const;
      virtual void run( RunContext &context ) const = 0;

    private:
      std::vector<RuleInfo> mRules;
  };
}

#endif
