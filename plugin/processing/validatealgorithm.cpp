// SPDX-License-Identifier: GPL-2.0-or-later
#include "validatealgorithm.h"
#include "qgiscompat.h"
#include "atomicoutput.h"
#include "error.h"
#include "guard.h"
#include "inputlayers.h"
#include "io/pathguard.h"
#include "outputgeometry.h"
#include "validation/ruledocs.h"
#include "validation/validation.h"
#include "validation/validationoutput.h"
#include "workspace/workspacestore.h"

#include <QIcon>

#include <qgsprocessingparameters.h>

namespace limes
{
  QString ValidateAlgorithm::displayName() const
  {
    return QObject::tr( "Validate boundary geometry" );
  }

  QStringList ValidateAlgorithm::tags() const
  {
    return QObject::tr( "boundary,delimitation,demarcation,pillar,segment,territory,tripoint,validation,check,errors" ).split( ',' );
  }

  QString ValidateAlgorithm::group() const
  {
    return QObject::tr( "Validation" );
  }

  QString ValidateAlgorithm::shortHelpString() const
  {
    // the rules' part comes from the registry, as `limes validate --list-rules` and docs/validation-rules.md do
    return QStringLiteral( "<p>%1</p>%2" )
           .arg( QObject::tr( "Checks a boundary line, and where given its segments, pillars, territories and tripoints, against rules "
                              "with stable ids. Distances are measured on the ellipsoid and compared with the tolerance in metres. "
                              "Every finding says where, which rule, what was measured and the tolerance. Rules whose inputs are "
                              "not given are listed as not run. The rules, by family:" ).toHtmlEscaped(),
                 validation::rulesHelpHtml() );
  }

  QIcon ValidateAlgorithm::icon() const
  {
    return QIcon( QStringLiteral( ":/limes/icons/limes.svg" ) );
  }

  void ValidateAlgorithm::initAlgorithm( const QVariantMap & )
  {
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "LINE" ), QObject::tr( "Boundary line" ), limes::compat::sourceTypes( { limes::compat::VectorLine } ) ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "SEGMENTS" ), QObject::tr( "Segments" ), limes::compat::sourceTypes( { limes::compat::VectorLine } ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterField( QStringLiteral( "SEGMENT_FIELD" ), QObject::tr( "Segment code field" ), QStringLiteral( "code" ), QStringLiteral( "SEGMENTS" ), limes::compat::FieldAny, false, true ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "PILLARS" ), QObject::tr( "Pillars" ), limes::compat::sourceTypes( { limes::compat::VectorPoint } ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterField( QStringLiteral( "PILLAR_FIELD" ), QObject::tr( "Pillar number field" ), QStringLiteral( "number" ), QStringLiteral( "PILLARS" ), limes::compat::FieldAny, false, true ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "TERRITORIES" ), QObject::tr( "Territories" ), limes::compat::sourceTypes( { limes::compat::VectorPolygon } ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterField( QStringLiteral( "PARTY_FIELD" ), QObject::tr( "Party code field" ), QVariant(), QStringLiteral( "TERRITORIES" ), limes::compat::FieldAny, false, true ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "TRIPOINTS" ), QObject::tr( "Tripoints" ), limes::compat::sourceTypes( { limes::compat::VectorPoint } ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterNumber( QStringLiteral( "TOLERANCE" ), QObject::tr( "Tolerance (m)" ), limes::compat::NumberDouble, 0.5, false, 1e-6 ) );
    addParameter( new QgsProcessingParameterString( QStringLiteral( "RULES" ), QObject::tr( "Rules (comma-separated ids; empty: all)" ), QVariant(), false, true ) );
    addParameter( new QgsProcessingParameterFile( QStringLiteral( "WORKSPACE" ), QObject::tr( "Commission workspace (its accepted findings apply)" ), limes::compat::FileBehaviorFile,
                  QStringLiteral( "gpkg" ), QVariant(), true ) );
    addParameter( new QgsProcessingParameterFeatureSink( QStringLiteral( "OUTPUT" ), QObject::tr( "Findings" ), limes::compat::VectorAnyGeometry ) );
    addParameter( new QgsProcessingParameterFileDestination( QStringLiteral( "SUMMARY" ), QObject::tr( "Summary (JSON)" ), QObject::tr( "JSON files (*.json)" ), QVariant(), true, false ) );
    addOutput( new QgsProcessingOutputNumber( QStringLiteral( "ERROR_COUNT" ), QObject::tr( "Errors not accepted" ) ) );
    addOutput( new QgsProcessingOutputNumber( QStringLiteral( "FINDING_COUNT" ), QObject::tr( "Findings" ) ) );
  }

  QVariantMap ValidateAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
  {
    return processing::guarded( [&] { return run( parameters, context, feedback ); } );
  }

  void ValidateAlgorithm::checkOutputPaths( const QVariantMap &parameters, QgsProcessingContext &context, const ValidationRequest &request )
  {
    io::PathGuard guard;
    guard.addInput( QStringLiteral( "LINE" ), request.line.path );
    guard.addInput( QStringLiteral( "SEGMENTS" ), request.segments.path );
    guard.addInput( QStringLiteral( "PILLARS" ), request.pillars.path );
    guard.addInput( QStringLiteral( "TERRITORIES" ), request.territories.path );
    guard.addInput( QStringLiteral( "TRIPOINTS" ), request.tripoints.path );
    guard.addInput( QStringLiteral( "WORKSPACE" ), parameterAsFile( parameters, QStringLiteral( "WORKSPACE" ), context ) );
    QString layer;
    const QString file = processing::destinationFile( parameterAsOutputLayer( parameters, QStringLiteral( "OUTPUT" ), context ), &layer );
    guard.addOutput( QStringLiteral( "OUTPUT" ), file, layer );
    guard.addOutput( QStringLiteral( "SUMMARY" ), parameterAsFileOutput( parameters, QStringLiteral( "SUMMARY" ), context ) );
    guard.check();
  }

  QVariantMap ValidateAlgorithm::run( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
  {
    // a feature that cannot be transformed stops the run, named, rather than losing its geometry
    const processing::TransformFailuresStop stop( context );
    ValidationRequest request;
    request.transformContext = context.transformContext();
    std::vector<std::unique_ptr<QgsProcessingFeatureSource>> sources;
    auto source = [&]( const QString &parameter, InputLayer &into ) {
      std::unique_ptr<QgsProcessingFeatureSource> s( parameterAsSource( parameters, parameter, context ) );
      if ( !s )
        return;
      into = processingInput( s.get(), parameterAsVectorLayer( parameters, parameter, context ) );
      sources.push_back( std::move( s ) );
    };
    source( QStringLiteral( "LINE" ), request.line );
    if ( !request.line.source )
      throw QgsProcessingException( invalidSourceError( parameters, QStringLiteral( "LINE" ) ) );
    source( QStringLiteral( "SEGMENTS" ), request.segments );
    source( QStringLiteral( "PILLARS" ), request.pillars );
    source( QStringLiteral( "TERRITORIES" ), request.territories );
    source( QStringLiteral( "TRIPOINTS" ), request.tripoints );
    const QString segmentField = parameterAsString( parameters, QStringLiteral( "SEGMENT_FIELD" ), context );
    const QString pillarField = parameterAsString( parameters, QStringLiteral( "PILLAR_FIELD" ), context );
    if ( !segmentField.isEmpty() )
      request.segmentCodeField = segmentField;
    if ( !pillarField.isEmpty() )
      request.pillarField = pillarField;
    request.partyField = parameterAsString( parameters, QStringLiteral( "PARTY_FIELD" ), context );
    request.tolerance = parameterAsDouble( parameters, QStringLiteral( "TOLERANCE" ), context );
    for ( const QString &rule : parameterAsString( parameters, QStringLiteral( "RULES" ), context ).split( ',', Qt::SkipEmptyParts ) )
      request.rules << rule.trimmed();
    checkOutputPaths( parameters, context, request );

    const QString workspace = parameterAsFile( parameters, QStringLiteral( "WORKSPACE" ), context );
    if ( !workspace.isEmpty() )
      for ( const AcceptedFinding &f : openWorkspace( workspace, context.transformContext() )->acceptedFindings() )
        request.exceptions << AcceptedException{ f.rule, f.layer, f.fid, f.reason };
    const ValidationResult result = Validator::run( request, feedback );

    QString id;
    const QgsFields fields = findingFields();
    std::unique_ptr<QgsFeatureSink> sink( parameterAsSink( parameters, QStringLiteral( "OUTPUT" ), context, id, fields, limes::WkbType::GeometryCollection, result.crs ) );
    if ( !sink )
      throw QgsProcessingException( invalidSinkError( parameters, QStringLiteral( "OUTPUT" ) ) );
    for ( const Finding &f : result.findings )
    {
      QgsFeature feature = findingFeature( f, fields );
      feature.setGeometry( asCollection( feature.geometry() ) ); // one sink for points and lines
      if ( !sink->addFeature( feature, QgsFeatureSink::FastInsert ) )
        throw QgsProcessingException( writeFeatureError( sink.get(), parameters, QStringLiteral( "OUTPUT" ) ) );
      feedback->pushInfo( QStringLiteral( "%1: %2" ).arg( f.rule, f.message ) );
    }
    QVariantMap outputs{ { QStringLiteral( "OUTPUT" ), id }, { QStringLiteral( "ERROR_COUNT" ), result.errorCount() }, { QStringLiteral( "FINDING_COUNT" ), result.findings.size() } };
    const QString summary = parameterAsFileOutput( parameters, QStringLiteral( "SUMMARY" ), context );
    if ( !summary.isEmpty() )
    {
      AtomicOutput out( summary );
      out.write( validationSummaryJson( result ) );
      out.commit();
      outputs.insert( QStringLiteral( "SUMMARY" ), summary );
    }
    return outputs;
  }
}
