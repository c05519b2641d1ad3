// SPDX-License-Identifier: GPL-2.0-or-later
#include "changereportalgorithm.h"
#include "change/changeengine.h"
#include "error.h"
#include "guard.h"
#include "io/pathguard.h"
#include "report/changereport.h"
#include "report/reporttext.h"
#include "inputlayers.h"

#include <qgsprocessingparameters.h>

namespace limes
{
  QString ChangeReportAlgorithm::name() const
  {
    return QStringLiteral( "changereport" );
  }

  QString ChangeReportAlgorithm::displayName() const
  {
    return QObject::tr( "Change report (PDF protocol annex)" );
  }

  QStringList ChangeReportAlgorithm::tags() const
  {
    return QObject::tr( "report,protocol,annex,pdf,atlas,layout,boundary,transfer,commission" ).split( ',' );
  }

  QString ChangeReportAlgorithm::shortHelpString() const
  {
    return QObject::tr( "Compares two versions of a boundary as Boundary change does, and writes the result as the commission's report: "
                        "a PDF built with QGIS layouts (cover, summary, a page per changed segment with its map, tables, ledger and pillars, "
                        "provenance annex) in English or Russian, with its tables as CSV files and its geometry as a GeoPackage beside it. "
                        "Layout templates (.qpt) may replace the cover's, the summary's, the segment pages' and the annex's layouts. Pillars come from a point layer "
                        "(number and segment fields); without one, the pages say none were given. The figures are those of Boundary change on the same inputs." );
  }

  QList<std::pair<QString, QString>> ChangeReportAlgorithm::templateParameters()
  {
    return { { QStringLiteral( "cover" ), QStringLiteral( "COVER_TEMPLATE" ) }, { QStringLiteral( "summary" ), QStringLiteral( "SUMMARY_TEMPLATE" ) },
      { QStringLiteral( "segment" ), QStringLiteral( "TEMPLATE" ) }, { QStringLiteral( "annex" ), QStringLiteral( "ANNEX_TEMPLATE" ) } };
  }

  limes::compat::ProcessingAlgorithmFlags ChangeReportAlgorithm::flags() const
  {
    // layouts are rendered on the main thread, as QGIS's own atlas export does
    return BoundaryChangeAlgorithm::flags() | limes::compat::NoThreading;
  }

  ChangeReportAlgorithm *ChangeReportAlgorithm::createInstance() const
  {
    return new ChangeReportAlgorithm();
  }

  void ChangeReportAlgorithm::initAlgorithm( const QVariantMap & )
  {
    addInputParameters( true );
    addParameter( new QgsProcessingParameterEnum( QStringLiteral( "LANGUAGE" ), QObject::tr( "Language of the report" ),
                  { QObject::tr( "English" ), QObject::tr( "Russian" ) }, false, 0 ) );
    addParameter( new QgsProcessingParameterString( QStringLiteral( "SEGMENT_CODES" ), QObject::tr( "Segments to report (codes, comma-separated; empty: every changed segment)" ),
                  QVariant(), false, true ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "PILLARS" ), QObject::tr( "Pillars (points with a number, and a segment field)" ),
                  limes::compat::sourceTypes( { limes::compat::VectorPoint } ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterField( QStringLiteral( "PILLAR_FIELD" ), QObject::tr( "Pillar number field" ), QStringLiteral( "number" ),
                  QStringLiteral( "PILLARS" ), limes::compat::FieldAny, false, true ) );
    const QStringList templateNames{ QObject::tr( "Layout template of the cover (.qpt)" ), QObject::tr( "Layout template of the summary (.qpt)" ),
                                     QObject::tr( "Layout template of the segment pages (.qpt)" ), QObject::tr( "Layout template of the annex (.qpt)" ) };
    int i = 0;
    for ( const auto &[part, parameter] : templateParameters() )
      addParameter( new QgsProcessingParameterFile( parameter, templateNames.at( i++ ), limes::compat::FileBehaviorFile, QStringLiteral( "qpt" ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterString( QStringLiteral( "TITLE" ), QObject::tr( "Commission (as the cover names it)" ), QVariant(), false, true ) );
    addParameter( new QgsProcessingParameterFileDestination( QStringLiteral( "OUTPUT" ), QObject::tr( "Report" ), QObject::tr( "PDF files (*.pdf)" ) ) );
    addOutput( new QgsProcessingOutputFile( QStringLiteral( "GEOPACKAGE" ), QObject::tr( "Report geometry (GeoPackage)" ) ) );
    addOutput( new QgsProcessingOutputNumber( QStringLiteral( "PAGES" ), QObject::tr( "Number of pages" ) ) );
  }

  QVariantMap ChangeReportAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
  {
    return processing::guarded( [&] { return report( parameters, context, feedback ); } );
  }

  QVariantMap ChangeReportAlgorithm::report( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
  {
    const processing::TransformFailuresStop stop( context );
    Sources sources;
    const ChangeRequest request = readRequest( parameters, context, sources );
    std::unique_ptr<QgsProcessingFeatureSource> pillars( parameterAsSource( parameters, QStringLiteral( "PILLARS" ), context ) );
    const InputLayer pillarsInput = pillars ? processingInput( pillars.get(), parameterAsVectorLayer( parameters, QStringLiteral( "PILLARS" ), context ) ) : InputLayer();

    report::ReportOptions options;
    options.language = report::ReportText::languages().value( parameterAsEnum( parameters, QStringLiteral( "LANGUAGE" ), context ), QStringLiteral( "en" ) );
    for ( const auto &[part, parameter] : templateParameters() )
      if ( const QString path = parameterAsFile( parameters, parameter, context ); !path.isEmpty() )
        options.templates.insert( part, path );
    for ( const QString &code : parameterAsString( parameters, QStringLiteral( "SEGMENT_CODES" ), context ).split( QLatin1Char( ',' ), Qt::SkipEmptyParts ) )
      options.segments << code.trimmed();
    const QString pdf = parameterAsFileOutput( parameters, QStringLiteral( "OUTPUT" ), context );

    // no output may name an input
    io::PathGuard guard;
    guardInputs( guard, request );
    for ( const QString &path : std::as_const( options.templates ) )
      guard.addInput( QStringLiteral( "TEMPLATE" ), path );
    guard.addInput( QStringLiteral( "PILLARS" ), pillarsInput.path );
    for ( const QString &output : report::reportOutputs( pdf ) )
      guard.addOutput( QStringLiteral( "OUTPUT" ), output );
    guard.check();

    const ChangeResult result = ChangeEngine::run( request, feedback );
    for ( const QString &w : result.warnings )
      feedback->pushInfo( w );
    report::ReportInput input = report::reportInput( request, result );
    input.title = parameterAsString( parameters, QStringLiteral( "TITLE" ), context );
    if ( pillars )
      report::readReportPillars( input, pillars.get(), pillarsInput.name, parameterAsString( parameters, QStringLiteral( "PILLAR_FIELD" ), context ) );
    const report::ReportFiles files = report::writeChangeReport( input, options, pdf, feedback );
    feedback->pushInfo( QObject::tr( "Wrote %1 (%2 pages, %3 segments)" ).arg( files.pdf ).arg( files.pages ).arg( files.segments ) );
    return { { QStringLiteral( "OUTPUT" ), files.pdf }, { QStringLiteral( "GEOPACKAGE" ), files.geoPackage }, { QStringLiteral( "PAGES" ), files.pages } };
  }
}
