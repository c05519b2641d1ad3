// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/validation.h"
#include "validation/context.h"
#include "validation/registry.h"
#include "error.h"

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeaturesource.h>

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

// The engine: builds the run's context, runs every registered check whose rules are wanted and
// whose inputs are given, and puts the findings in their final order. The rules are in rules/.
namespace limes
{
  namespace
  {
    using namespace limes::validation;

    QString missingInput( Inputs needs, const RunContext &context )
    {
      for ( Input input : { Segments, Pillars, Territories, Tripoints } )
        if ( ( needs & input ) && !context.has( input ) )
          return QStringLiteral( "no %1 layer given" ).arg( inputName( input ) );
      return QString();
    }

    //! Runs a check when one of its rules is wanted and can run; a rule that cannot says why.
    void runCheck( const Check &check, RunContext &context )
    {
      Findings &findings = context.findings();
      std::vector<const RuleInfo *> runnable;
      for ( const RuleInfo &rule : check.rules() )
      {
        if ( !findings.wanted( rule ) )
          continue;
        QString why = missingInput( rule.needs, context );
        if ( why.isEmpty() )
          why = check.unavailable( context );
        if ( why.isEmpty() )
          runnable.push_back( &rule );
        else
          findings.skip( rule, why );
      }
      if ( runnable.empty() || !check.applies( context ) )
        return;
      for ( const RuleInfo *rule : runnable )
        findings.ran( *rule );
      check.run( context );
    }

    //! Findings in the line's CRS, accepted ones marked, in report order, then layer, fid and place.
    void finish( ValidationResult &result, const RunContext &context )
    {
      const ValidationRequest &request = context.request();
      const QgsCoordinateReferenceSystem lineCrs = request.line.source->sourceCrs();
      const QgsCoordinateTransform back( context.workingCrs(), lineCrs, request.transformContext );
      for ( Finding &f : result.findings )
      {
        if ( !f.geometry.isNull() && context.workingCrs() != lineCrs )
        {
          try
          {
            f.geometry.transform( back );
          }
          catch ( const QgsCsException &e )
          {
            throw Error( QStringLiteral( "the %1 finding on feature %2 cannot be transformed back to %3: %4" ).arg( f.rule ).arg( f.fid ).arg( lineCrs.authid(), e.what() ), f.layer );
          }
        }
        for ( const AcceptedException &e : request.exceptions )
          if ( e.rule == f.rule && e.layer == f.layer && e.fid == f.fid )
            f.exception = e.reason;
      }
      const RuleRegistry &registry = RuleRegistry::instance();
      using Key = std::tuple<int, QString, long long, double, double>;
      std::vector<std::pair<Key, int>> keys;
      keys.reserve( static_cast<size_t>( result.findings.size() ) );
      for ( int i = 0; i < result.findings.size(); ++i )
      {
        const Finding &f = result.findings.at( i );
        const QgsPointXY at = f.geometry.isNull() ? QgsPointXY() : f.geometry.boundingBox().center();
        keys.emplace_back( Key( registry.index( f.rule ), f.layer, f.fid, at.x(), at.y() ), i );
      }
      std::stable_sort( keys.begin(), keys.end(), []( const auto &a, const auto &b ) { return a.first < b.first; } );
      QList<Finding> sorted;
      sorted.reserve( result.findings.size() );
      for ( const auto &k : keys )
        sorted << result.findings.at( k.second );
      result.findings = sorted;
      std::sort( result.rulesRun.begin(), result.rulesRun.end(), [&]( const QString &a, const QString &b ) { return registry.index( a ) < registry.index( b ); } );
    }

    QList<InputProvenance> provenance( const ValidationRequest &request )
    {
      QList<InputProvenance> inputs;
      for ( const InputLayer *l : { &request.line, &request.segments, &request.pillars, &request.territories, &request.tripoints } )
        if ( l->source )
        {
          InputProvenance p;
          p.source = l->spec;
          p.layer = l->name;
          p.path = l->path;
          p.features = l->source->featureCount();
          p.crs = l->source->sourceCrs().authid();
          inputs << p;
        }
      return inputs;
    }
  }

  QStringList Validator::allRules()
  {
    return RuleRegistry::instance().ids();
  }

  QString Validator::severityOf( const QString &rule )
  {
    const RuleInfo *info = RuleRegistry::instance().rule( rule );
    return severityName( info ? info->severity : Severity::Error );
  }

  int ValidationResult::errorCount() const
  {
    int n = 0;
    for ( const Finding &f : findings )
      n += f.severity == QLatin1String( "error" ) && f.exception.isEmpty() ? 1 : 0;
    return n;
  }

  ValidationResult Validator::run( const ValidationRequest &request, QgsFeedback *feedback )
  {
    const RuleRegistry &registry = RuleRegistry::instance();
    for ( const QString &rule : request.rules )
      if ( !registry.rule( rule ) )
        throw Error( QStringLiteral( "unknown rule '%1' (rules: %2)" ).arg( rule, registry.ids().join( QLatin1String( ", " ) ) ) );
    RunContext context( request, feedback );
    context.setProgress( 15 );
    const auto &checks = registry.checks();
    for ( size_t i = 0; i < checks.size(); ++i )
    {
      context.checkCanceled();
      runCheck( *checks[i], context );
      context.setProgress( 15 + 85.0 * static_cast<double>( i + 1 ) / static_cast<double>( checks.size() ) );
    }
    ValidationResult result = std::move( context.findings().result() );
    finish( result, context );
    result.inputs = provenance( request );
    return result;
  }
}
