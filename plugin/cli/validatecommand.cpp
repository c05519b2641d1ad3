// SPDX-License-Identifier: GPL-2.0-or-later
#include "validatecommand.h"
#include "atomicoutput.h"
#include "error.h"
#include "io/pathguard.h"
#include "terminal.h"
#include "validation/ruledocs.h"
#include "validation/validation.h"
#include "validation/validationoutput.h"
#include "workspaceoptions.h"
#include "workspace/survey.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <qgsvectorlayer.h>


namespace limes::cli
{
  namespace
  {
    //! [{"rule": ..., "layer": ..., "fid": ..., "reason": ...}]
    QList<AcceptedException> readExceptions( const QString &path )
    {
      QFile f( path );
      if ( !f.open( QIODevice::ReadOnly ) )
        throw Error( QStringLiteral( "cannot read: %1" ).arg( f.errorString() ), path );
      QJsonParseError error;
      const QJsonDocument doc = QJsonDocument::fromJson( f.readAll(), &error );
      if ( error.error != QJsonParseError::NoError || !doc.isArray() )
        throw Error( QStringLiteral( "not a JSON list of exceptions (%1)" ).arg( error.errorString() ), path );
      QList<AcceptedException> list;
      for ( const QJsonValue &v : doc.array() )
      {
        const QJsonObject o = v.toObject();
        if ( o["rule"].toString().isEmpty() || o["reason"].toString().trimmed().isEmpty() )
          throw Error( QStringLiteral( "every exception needs a rule and a reason" ), path );
        list << AcceptedException{ o["rule"].toString(), o["layer"].toString(), static_cast<long long>( o["fid"].toDouble( -1 ) ), o["reason"].toString() };
      }
      return list;
    }

    //! No output may name an input (a layer, the exceptions, the workspace) or the other output.
    void checkPaths( const QCommandLineParser &parser )
    {
      io::PathGuard guard;
      for ( const char *layer : { "line", "segments", "pillars", "territories", "tripoints" } )
        guard.addSource( QStringLiteral( "--%1" ).arg( QLatin1String( layer ) ), parser.value( QLatin1String( layer ) ) );
      for ( const char *file : { "exceptions", "workspace" } )
        guard.addInput( QStringLiteral( "--%1" ).arg( QLatin1String( file ) ), parser.value( QLatin1String( file ) ) );
      guard.addOutput( QStringLiteral( "--output" ), parser.value( QStringLiteral( "output" ) ) );
      guard.addOutput( QStringLiteral( "--summary" ), parser.value( QStringLiteral( "summary" ) ) );
      guard.check();
    }

    //! What was found, rule by rule, and the first error findings; every text from the data escaped.
    void printReport( QTextStream &out, const ValidationRequest &request, const ValidationResult &result )
    {
      QMap<QString, int> counts;
      for ( const Finding &f : result.findings )
        ++counts[f.rule];
      out << QStringLiteral( "Limes validate: %1 (tolerance %2 m, %3 rules run)\n\n" ).arg( terminalSafe( request.line.name ) ).arg( request.tolerance ).arg( result.rulesRun.size() );
      for ( const QString &rule : result.rulesRun )
        out << QStringLiteral( "  %1 %2 %3\n" ).arg( rule, -30 ).arg( Validator::severityOf( rule ), -8 ).arg( counts.value( rule ), 6 );
      for ( auto it = result.rulesSkipped.cbegin(); it != result.rulesSkipped.cend(); ++it )
        out << QStringLiteral( "  %1 not run: %2\n" ).arg( it.key(), -30 ).arg( terminalSafe( it.value() ) );
      int shown = 0;
      for ( const Finding &f : result.findings )
        if ( f.severity == QLatin1String( "error" ) && shown++ < 20 )
          out << ( shown == 1 ? QStringLiteral( "\n" ) : QString() )
              << QStringLiteral( "%1: %2%3\n" ).arg( f.rule, terminalSafe( f.message ), f.exception.isEmpty() ? QString() : QStringLiteral( " [accepted: %1]" ).arg( terminalSafe( f.exception ) ) );
    }
  }

  QString ValidateCommand::summary() const
  {
    return QStringLiteral( "Check boundary lines, segments, pillars and territories against the commission's rules" );
  }

  void ValidateCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addOptions( {
      { "line", "The boundary line (required).", "SRC" },
      { "segments", "Segment lines with a code.", "SRC" },
      { "segment-field", "Attribute of --segments holding the code (default: code).", "FIELD", "code" },
      { "pillars", "Pillar points with a number.", "SRC" },
      { "pillar-field", "Attribute of --pillars holding the number (default: number).", "FIELD", "number" },
      { "territories", "Territory polygons of the parties.", "SRC" },
      { "party-field", "Attribute of --territories holding the party code.", "FIELD" },
      { "tripoints", "Points where the line must end.", "SRC" },
      { "tolerance", "Tolerance in metres on the ellipsoid (default: 0.5).", "METRES", "0.5" },
      { "rules", "Only these rules, comma-separated (default: all the inputs allow).", "ID,ID" },
      { "spike-angle", "A vertex where the line turns back sharper is a spike (degrees, default: 1).", "DEG", "1" },
      { "turning-angle", "A vertex where the line turns more is a turning point (degrees, default: 20).", "DEG", "20" },
      { "min-pillar-spacing", "Pillars closer than this are duplicates (metres, default: 1).", "METRES", "1" },
      { "max-pillar-spacing", "Consecutive pillars farther apart are reported (metres, default: 5000).", "METRES", "5000" },
      { "exceptions", "JSON list of accepted findings: [{\"rule\", \"layer\", \"fid\", \"reason\"}].", "FILE" },
      { "workspace", "Commission workspace whose accepted findings apply (limes workspace accept-finding).", "TARGET" },
      { "workspace-pillars", "Check the pillars of --workspace, each at its latest survey (limes workspace survey), instead of --pillars." },
      { "output", "GeoPackage to write, with the layer errors.", "OUT.gpkg" },
      { "summary", "JSON summary to write.", "OUT.json" },
      { "list-rules", "Print the rule ids with their severity and exit." },
      { "markdown", "With --list-rules: print the rules table of docs/validation-rules.md instead." },
    } );
  }

  int ValidateCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    positional( parser, 0, 0 );
    if ( parser.isSet( QStringLiteral( "list-rules" ) ) )
    {
      out << ( parser.isSet( QStringLiteral( "markdown" ) ) ? validation::rulesMarkdown() : validation::rulesList() );
      return 0;
    }
    if ( parser.isSet( QStringLiteral( "markdown" ) ) )
      throw Error( QStringLiteral( "--markdown goes with --list-rules" ) );
    for ( const char *required : { "line", "output" } )
      if ( !parser.isSet( QLatin1String( required ) ) )
        throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( required ) ) );
    const QString output = parser.value( QStringLiteral( "output" ) );
    if ( QFileInfo( output ).suffix().compare( QLatin1String( "gpkg" ), Qt::CaseInsensitive ) != 0 )
      throw Error( QStringLiteral( "--output must be a .gpkg file" ), output );
    checkPaths( parser );

    ValidationRequest request;
    request.transformContext = transformContext(); // no project: the settings', as `limes change` has it
    std::vector<OpenedLayer> layers;
    auto open = [&]( const char *option, InputLayer &into ) {
      if ( !parser.isSet( QLatin1String( option ) ) )
        return;
      layers.push_back( openLayer( parser.value( QLatin1String( option ) ) ) );
      into = layers.back().input;
    };
    open( "line", request.line );
    open( "segments", request.segments );
    open( "pillars", request.pillars );
    open( "territories", request.territories );
    open( "tripoints", request.tripoints );
    request.segmentCodeField = parser.value( QStringLiteral( "segment-field" ) );
    request.pillarField = parser.value( QStringLiteral( "pillar-field" ) );
    request.partyField = parser.value( QStringLiteral( "party-field" ) );
    if ( request.territories.source && request.partyField.isEmpty() )
      throw Error( QStringLiteral( "--territories needs --party-field" ) );
    request.tolerance = number( parser, QStringLiteral( "tolerance" ), 0.5 );
    request.spikeAngle = number( parser, QStringLiteral( "spike-angle" ), 1 );
    request.turningAngle = number( parser, QStringLiteral( "turning-angle" ), 20 );
    request.minPillarSpacing = number( parser, QStringLiteral( "min-pillar-spacing" ), 1 );
    request.maxPillarSpacing = number( parser, QStringLiteral( "max-pillar-spacing" ), 5000 );
    if ( parser.isSet( QStringLiteral( "rules" ) ) )
      for ( const QString &rule : parser.value( QStringLiteral( "rules" ) ).split( QLatin1Char( ',' ), Qt::SkipEmptyParts ) )
        request.rules << rule.trimmed();
    if ( parser.isSet( QStringLiteral( "exceptions" ) ) )
      request.exceptions = readExceptions( parser.value( QStringLiteral( "exceptions" ) ) );
    std::unique_ptr<QgsVectorLayer> workspacePillars;
    if ( parser.isSet( QStringLiteral( "workspace-pillars" ) ) && ( !parser.isSet( QStringLiteral( "workspace" ) ) || parser.isSet( QStringLiteral( "pillars" ) ) ) )
      throw Error( QStringLiteral( "--workspace-pillars goes with --workspace and instead of --pillars" ) );
    if ( parser.isSet( QStringLiteral( "workspace" ) ) )
    {
      const auto ws = openStore( parser.value( QStringLiteral( "workspace" ) ) );
      for ( const AcceptedFinding &f : ws->acceptedFindings() )
        request.exceptions << AcceptedException{ f.rule, f.layer, f.fid, f.reason };
      if ( parser.isSet( QStringLiteral( "workspace-pillars" ) ) ) // named as the table, as the desktop names them, so accepted findings match
      {
        workspacePillars = survey::pillarsLayer( ws->pillars(), QStringLiteral( "pillars" ) );
        request.pillars = InputLayer{ workspacePillars.get(), QStringLiteral( "pillars" ), ws->describe() + QStringLiteral( " (pillars, latest surveys)" ), QString() };
      }
    }

    // the GeoPackage and the summary are replaced together, or neither is
    AtomicOutputs outputs;
    outputs.add( output );
    const QString summary = parser.value( QStringLiteral( "summary" ) );
    if ( !summary.isEmpty() )
      outputs.add( summary );
    const ValidationResult result = Validator::run( request );
    outputs.produce( output, [&]( const QString &path ) { writeValidationGeoPackage( result, path ); } );
    if ( !summary.isEmpty() )
      outputs.write( summary, validationSummaryJson( result ) );
    outputs.commit();

    printReport( out, request, result );
    out << QStringLiteral( "\n%1 findings, %2 errors not accepted. Wrote %3 (layer errors)%4\n" )
        .arg( result.findings.size() ).arg( result.errorCount() ).arg( terminalSafe( output ), summary.isEmpty() ? QString() : QStringLiteral( " and " ) + terminalSafe( summary ) );
    return result.errorCount() > 0 ? 1 : 0;
  }
}
