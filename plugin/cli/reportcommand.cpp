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
  namespace
  {
    //! --template/--save-template values: PART=FILE.qpt, or FILE.qpt for the segment pages; a part twice is refused.
    QMap<QString, QString> templateParts( const QCommandLineParser &parser, const QString &option )
    {
      QMap<QString, QString> templates;
      for ( const QString &value : parser.values( option ) )
      {
        const int equals = value.indexOf( QLatin1Char( '=' ) );
        const QString part = equals > 0 ? value.left( equals ) : QStringLiteral( "segment" );
        const QString path = equals > 0 ? value.mid( equals + 1 ) : value;
        if ( !report::reportParts().contains( part ) )
          throw Error( QStringLiteral( "--%1: no report part '%2' (one of: %3)" ).arg( option, part, report::reportParts().join( QStringLiteral( ", " ) ) ) );
        if ( templates.contains( part ) )
          throw Error( QStringLiteral( "--%1: two templates for the %2" ).arg( option, part ) );
        templates.insert( part, path );
      }
      return templates;
    }
  }

  QString ReportCommand::summary() const
  {
    return QStringLiteral( "The change between two versions as a PDF report (protocol annex), with its tables as CSV and a GeoPackage" );
  }

  void ReportCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addOptions( changeInputOptions( true ) );
    parser.addOptions( {
      { "output", "The PDF to write; REPORT.gpkg and REPORT-TABLE.csv are written beside it.", "REPORT.pdf" },
      { "lang", "The report's language: en (default) or ru.", "LANG", "en" },
      { "template", "A layout template (.qpt) as saved by QGIS's layout designer (see --save-template), for the segment pages, or, as PART=FILE.qpt, "
        "for that part: cover, summary, segment, annex. Repeatable.", "[PART=]FILE.qpt" },
      { "save-template", "Also write a part's layout (default: segment) as a template, to adapt in QGIS and pass back with --template. Repeatable.",
        "[PART=]FILE.qpt" },
      { "pillars", "Files: the pillar points (a number field, and `segment` when they have one), for the pillar tables and labels; "
        "a workspace gives its own.", "SRC" },
      { "pillar-field", "Attribute of --pillars holding the number (default: number).", "FIELD", "number" },
      { "title", "The commission, as the cover names it.", "TEXT" },
    } );
  }

  int ReportCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    positional( parser, 0, 0 );
    for ( const char *required : { "old", "new", "output" } )
      if ( !parser.isSet( QLatin1String( required ) ) )
        throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( required ) ) );
    // --segments SRC: the segment lines; --segments CODE,…: the segments to report
    const SegmentsOption segments = segmentsOption( parser, true );
    if ( segments.source.isEmpty() )
      throw Error( QStringLiteral( "--segments is required: the segment lines (SRC), for a page per changed segment" ) );
    if ( parser.isSet( QStringLiteral( "pillars" ) ) && parser.isSet( QStringLiteral( "workspace" ) ) )
      throw Error( QStringLiteral( "--pillars is for versions read from files: a workspace gives its own pillars" ) );
    const QString pdf = parser.value( QStringLiteral( "output" ) );
    if ( QFileInfo( pdf ).suffix().compare( QLatin1String( "pdf" ), Qt::CaseInsensitive ) != 0 )
      throw Error( QStringLiteral( "--output must be a .pdf file" ), pdf );
    report::ReportOptions options;
    options.language = parser.value( QStringLiteral( "lang" ) );
    if ( !report::ReportText::languages().contains( options.language ) )
      throw Error( QStringLiteral( "--lang must be one of: %1" ).arg( report::ReportText::languages().join( QStringLiteral( ", " ) ) ) );
    options.templates = templateParts( parser, QStringLiteral( "template" ) );
    options.segments = segments.codes;

    io::PathGuard guard;
    guardChangeInputs( parser, guard, true );
    guard.addSource( QStringLiteral( "--pillars" ), parser.value( QStringLiteral( "pillars" ) ) );
    for ( const QString &path : std::as_const( options.templates ) )
      guard.addInput( QStringLiteral( "--template" ), path );
    const QStringList outputs = report::reportOutputs( pdf );
    guard.addOutput( QStringLiteral( "--output" ), pdf );
    for ( int i = 1; i < outputs.size(); ++i )
      guard.addOutput( QStringLiteral( "--output (beside it)" ), outputs.at( i ) );
    const QMap<QString, QString> saveTemplates = templateParts( parser, QStringLiteral( "save-template" ) );
    for ( const QString &path : saveTemplates )
      guard.addOutput( QStringLiteral( "--save-template" ), path );
    guard.check();

    ChangeInputs inputs = openChangeInputs( parser, true );
    OpenedLayer pillars;
    if ( parser.isSet( QStringLiteral( "pillars" ) ) )
      pillars = openLayer( parser.value( QStringLiteral( "pillars" ) ) );
    QElapsedTimer clock;
    clock.start();
    const ChangeResult result = ChangeEngine::run( inputs.request );
    const qint64 engineMs = clock.elapsed();
    report::ReportInput input = report::reportInput( inputs.request, result, inputs.workspace.get(),
                                inputs.oldRecord ? &*inputs.oldRecord : nullptr, inputs.newRecord ? &*inputs.newRecord : nullptr );
    input.title = parser.value( QStringLiteral( "title" ) );
    if ( pillars.layer )
      report::readReportPillars( input, pillars.input.source, parser.value( QStringLiteral( "pillars" ) ), parser.value( QStringLiteral( "pillar-field" ) ) );
    const report::ReportFiles files = report::writeChangeReport( input, options, pdf, nullptr, saveTemplates );

    out << QStringLiteral( "Wrote %1 (%2 pages, %3 segments, %4) in %5 s (change engine %6 s)\n" )
        .arg( terminalSafe( files.pdf ) ).arg( files.pages ).arg( files.segments ).arg( options.language )
        .arg( clock.elapsed() / 1000.0, 0, 'f', 1 ).arg( engineMs / 1000.0, 0, 'f', 1 );
    out << QStringLiteral( "Beside it: %1 and %2 tables as CSV (%3-*.csv)\n" )
        .arg( terminalSafe( files.geoPackage ) ).arg( files.csv.size() ).arg( terminalSafe( QFileInfo( pdf ).completeBaseName() ) );
    for ( auto it = saveTemplates.begin(); it != saveTemplates.end(); ++it )
      out << QStringLiteral( "Template of the %1: %2\n" ).arg( it.key(), terminalSafe( it.value() ) );
    if ( !input.ledgerHead.isEmpty() )
      out << QStringLiteral( "Versions read from %1 at ledger head %2\n" ).arg( terminalSafe( input.workspace ), input.ledgerHead );
    return 0;
  }
}
