// SPDX-License-Identifier: GPL-2.0-or-later
#include "reportcommand.h"
#include "changeinputs.h"
#include "error.h"
#include "io/pathguard.h"
#include "report/changereport.h"
#include "report/reporttext.h"
#include "terminal.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace limes::cli
{
  QString ReportCommand::summary() const
  {
    return QStringLiteral( "The change between two versions as a PDF report (protocol annex), with its tables as CSV and a GeoPackage" );
  }

  void ReportCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addOptions( changeInputOptions() );
    parser.addOptions( {
      { "output", "The PDF to write; REPORT.gpkg and REPORT-TABLE.csv are written beside it.", "REPORT.pdf" },
      { "lang", "The report's language: en (default) or ru.", "LANG", "en" },
      { "template", "A layout template (.qpt) for the segment pages, as saved by QGIS's layout designer (see --save-template).", "FILE.qpt" },
      { "save-template", "Also write the segment pages' layout as a template, to adapt in QGIS and pass back with --template.", "FILE.qpt" },
      { "only", "Only these changed segments get a page, comma-separated.", "CODES" },
      { "title", "The commission, as the cover names it.", "TEXT" },
    } );
  }

  int ReportCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    positional( parser, 0, 0 );
    for ( const char *required : { "old", "new", "output" } )
      if ( !parser.isSet( QLatin1String( required ) ) )
        throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( required ) ) );
    if ( !parser.isSet( QStringLiteral( "segments" ) ) )
      throw Error( QStringLiteral( "--segments is required: the report has a page per changed segment" ) );
    const QString pdf = parser.value( QStringLiteral( "output" ) );
    if ( QFileInfo( pdf ).suffix().compare( QLatin1String( "pdf" ), Qt::CaseInsensitive ) != 0 )
      throw Error( QStringLiteral( "--output must be a .pdf file" ), pdf );
    report::ReportOptions options;
    options.language = parser.value( QStringLiteral( "lang" ) );
    if ( !report::ReportText::languages().contains( options.language ) )
      throw Error( QStringLiteral( "--lang must be one of: %1" ).arg( report::ReportText::languages().join( QStringLiteral( ", " ) ) ) );
    options.templatePath = parser.value( QStringLiteral( "template" ) );
    for ( const QString &code : parser.value( QStringLiteral( "only" ) ).split( QLatin1Char( ',' ), Qt::SkipEmptyParts ) )
      options.segments << code.trimmed();

    io::PathGuard guard;
    guardChangeInputs( parser, guard );
    if ( !options.templatePath.isEmpty() )
      guard.addInput( QStringLiteral( "--template" ), options.templatePath );
    const QStringList outputs = report::reportOutputs( pdf );
    guard.addOutput( QStringLiteral( "--output" ), pdf );
    for ( int i = 1; i < outputs.size(); ++i )
      guard.addOutput( QStringLiteral( "--output (beside it)" ), outputs.at( i ) );
    const QString saveTemplate = parser.value( QStringLiteral( "save-template" ) );
    guard.addOutput( QStringLiteral( "--save-template" ), saveTemplate );
    guard.check();

    ChangeInputs inputs = openChangeInputs( parser );
    QElapsedTimer clock;
    clock.start();
    const ChangeResult result = ChangeEngine::run( inputs.request );
    const qint64 engineMs = clock.elapsed();
    report::ReportInput input = report::reportInput( inputs.request, result, inputs.workspace.get(),
                                inputs.oldRecord ? &*inputs.oldRecord : nullptr, inputs.newRecord ? &*inputs.newRecord : nullptr );
    input.title = parser.value( QStringLiteral( "title" ) );
    const report::ReportFiles files = report::writeChangeReport( input, options, pdf, nullptr, saveTemplate );

    out << QStringLiteral( "Wrote %1 (%2 pages, %3 segments, %4) in %5 s (change engine %6 s)\n" )
        .arg( terminalSafe( files.pdf ) ).arg( files.pages ).arg( files.segments ).arg( options.language )
        .arg( clock.elapsed() / 1000.0, 0, 'f', 1 ).arg( engineMs / 1000.0, 0, 'f', 1 );
    out << QStringLiteral( "Beside it: %1 and %2 tables as CSV (%3-*.csv)\n" )
        .arg( terminalSafe( files.geoPackage ) ).arg( files.csv.size() ).arg( terminalSafe( QFileInfo( pdf ).completeBaseName() ) );
    if ( !saveTemplate.isEmpty() )
      out << QStringLiteral( "Segment page template: %1\n" ).arg( terminalSafe( saveTemplate ) );
    if ( !input.ledgerHead.isEmpty() )
      out << QStringLiteral( "Versions read from %1 at ledger head %2\n" ).arg( terminalSafe( input.workspace ), input.ledgerHead );
    return 0;
  }
}
