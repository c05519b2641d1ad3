// SPDX-License-Identifier: GPL-2.0-or-later
#include "boundarychangealgorithm.h"
#include "qgiscompat.h"
#include "atomicoutput.h"
#include "change/changeengine.h"
#include "change/changeoutput.h"
#include "error.h"
#include "guard.h"
#include "inputlayers.h"
#include "io/pathguard.h"

#include <QIcon>

#include <qgsprocessingparameters.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

namespace limes
{
  QString BoundaryChangeAlgorithm::name() const
  {
    return QStringLiteral( "boundarychange" );
  }

  QString BoundaryChangeAlgorithm::displayName() const
  {
    return QObject::tr( "Boundary change (land and water that change sides)" );
  }

  QStringList BoundaryChangeAlgorithm::tags() const
  {
    return QObject::tr( "boundary,border,claim,transfer,territory,water,river,canal,spring,intake,commission,treaty" ).split( ',' );
  }

  QString BoundaryChangeAlgorithm::group() const
  {
    return QObject::tr( "Boundary change" );
  }

  QString BoundaryChangeAlgorithm::groupId() const
  {
    return QStringLiteral( "change" );
  }

  QString BoundaryChangeAlgorithm::shortHelpString() const
  {
    return QObject::tr( "Compares two versions of a boundary and reports the land that changes sides, with ellipsoidal areas, "
                        "and what of each resource layer (rivers, canals, reservoirs, springs, intakes...) lies in it.\n\n"
                        "Versions are either line layers, with the party on the left and on the right of the digitized direction, "
                        "or territory layers, with an attribute holding the party code. Line versions are noded with snap-rounding "
                        "on the given grid; stretches where they coincide are never overlaid; ends that differ are closed with "
                        "straight connectors (refused beyond the maximum end gap). Pieces below the minimum area are digitizing noise." );
  }

  QIcon BoundaryChangeAlgorithm::icon() const
  {
    return QIcon( QStringLiteral( ":/limes/icons/limes.svg" ) );
  }

  BoundaryChangeAlgorithm *BoundaryChangeAlgorithm::createInstance() const
  {
    return new BoundaryChangeAlgorithm();
  }

  void BoundaryChangeAlgorithm::addInputParameters( bool segmentsRequired )
  {
    const QList<int> versionTypes = limes::compat::sourceTypes( { limes::compat::VectorLine, limes::compat::VectorPolygon } );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "OLD" ), QObject::tr( "Old version (lines or territories)" ), versionTypes ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "NEW" ), QObject::tr( "New version (lines or territories)" ), versionTypes ) );
    addParameter( new QgsProcessingParameterString( QStringLiteral( "LEFT" ), QObject::tr( "Lines: party on the left" ), QVariant(), false, true ) );
    addParameter( new QgsProcessingParameterString( QStringLiteral( "RIGHT" ), QObject::tr( "Lines: party on the right" ), QVariant(), false, true ) );
    addParameter( new QgsProcessingParameterField( QStringLiteral( "PARTY_FIELD" ), QObject::tr( "Territories: party code field" ), QVariant(), QStringLiteral( "OLD" ),
                  limes::compat::FieldAny, false, true ) );
    addParameter( new QgsProcessingParameterMultipleLayers( QStringLiteral( "RESOURCES" ), QObject::tr( "Water and other resource layers" ), limes::compat::VectorAnyGeometry, QVariant(), true ) );
    addParameter( new QgsProcessingParameterFeatureSource( QStringLiteral( "SEGMENTS" ), QObject::tr( "Segments" ), limes::compat::sourceTypes( { limes::compat::VectorLine } ), QVariant(), !segmentsRequired ) );
    addParameter( new QgsProcessingParameterField( QStringLiteral( "SEGMENT_FIELD" ), QObject::tr( "Segment code field" ), QStringLiteral( "code" ), QStringLiteral( "SEGMENTS" ),
                  limes::compat::FieldAny, false, true ) );
    auto grid = std::make_unique<QgsProcessingParameterNumber>( QStringLiteral( "GRID" ), QObject::tr( "Snap-rounding grid (m)" ), limes::compat::NumberDouble, 0.001, false, 1e-6, 10 );
    addParameter( grid.release() );
    addParameter( new QgsProcessingParameterNumber( QStringLiteral( "MIN_AREA" ), QObject::tr( "Minimum area of a transfer (m²)" ), limes::compat::NumberDouble, 0, false, 0 ) );
    addParameter( new QgsProcessingParameterNumber( QStringLiteral( "MAX_END_GAP" ), QObject::tr( "Maximum gap between corresponding ends (m)" ), limes::compat::NumberDouble, 1000, false, 0 ) );
    addParameter( new QgsProcessingParameterString( QStringLiteral( "EDGES" ), QObject::tr( "Edges between vertices: geodesic, rhumb, projected or projected:EPSG:CODE" ),
                  QStringLiteral( "geodesic" ), false, true ) );
  }

  void BoundaryChangeAlgorithm::initAlgorithm( const QVariantMap & )
  {
    addInputParameters( false );
    addParameter( new QgsProcessingParameterFeatureSink( QStringLiteral( "TRANSFERS" ), QObject::tr( "Transfers" ), limes::compat::VectorPolygon ) );
    addParameter( new QgsProcessingParameterFeatureSink( QStringLiteral( "RESOURCE_CHANGES" ), QObject::tr( "Resource changes" ), limes::compat::VectorAnyGeometry, QVariant(), true ) );
    addParameter( new QgsProcessingParameterFeatureSink( QStringLiteral( "NOISE" ), QObject::tr( "Digitizing noise" ), limes::compat::VectorPolygon, QVariant(), true, false ) );
    addParameter( new QgsProcessingParameterFileDestination( QStringLiteral( "SUMMARY" ), QObject::tr( "Summary (JSON)" ), QObject::tr( "JSON files (*.json)" ), QVariant(), true, false ) );
    addOutput( new QgsProcessingOutputNumber( QStringLiteral( "TRANSFER_COUNT" ), QObject::tr( "Number of transfers" ) ) );
    addOutput( new QgsProcessingOutputString( QStringLiteral( "WORKING_CRS" ), QObject::tr( "Working CRS" ) ) );
  }

  QVariantMap BoundaryChangeAlgorithm::processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
  {
    return processing::guarded( [&] { return run( parameters, context, feedback ); } );
  }

  void BoundaryChangeAlgorithm::guardInputs( io::PathGuard &guard, const ChangeRequest &request )
  {
    guard.addInput( QStringLiteral( "OLD" ), request.oldVersion.path );
    guard.addInput( QStringLiteral( "NEW" ), request.newVersion.path );
    guard.addInput( QStringLiteral( "SEGMENTS" ), request.segments.path );
    for ( const InputLayer &r : request.resources )
      guard.addInput( QStringLiteral( "RESOURCES" ), r.path );
  }

  void BoundaryChangeAlgorithm::checkOutputPaths( const QVariantMap &parameters, QgsProcessingContext &context, const ChangeRequest &request )
  {
    io::PathGuard guard;
    guardInputs( guard, request );
    for ( const QString &sink : { QStringLiteral( "TRANSFERS" ), QStringLiteral( "RESOURCE_CHANGES" ), QStringLiteral( "NOISE" ) } )
    {
      QString layer;
      const QString file = processing::destinationFile( parameterAsOutputLayer( parameters, sink, context ), &layer );
      guard.addOutput( sink, file, layer );
    }
    guard.addOutput( QStringLiteral( "SUMMARY" ), parameterAsFileOutput( parameters, QStringLiteral( "SUMMARY" ), context ) );
    guard.check();
  }

  ChangeRequest BoundaryChangeAlgorithm::readRequest( const QVariantMap &parameters, QgsProcessingContext &context, Sources &sources )
  {
    sources.oldVersion.reset( parameterAsSource( parameters, QStringLiteral( "OLD" ), context ) );
    sources.newVersion.reset( parameterAsSource( parameters, QStringLiteral( "NEW" ), context ) );
    if ( !sources.oldVersion )
      throw QgsProcessingException( invalidSourceError( parameters, QStringLiteral( "OLD" ) ) );
    if ( !sources.newVersion )
      throw QgsProcessingException( invalidSourceError( parameters, QStringLiteral( "NEW" ) ) );
    sources.segments.reset( parameterAsSource( parameters, QStringLiteral( "SEGMENTS" ), context ) );

    auto input = [&]( QgsFeatureSource *source, const QString &parameter ) {
      return processingInput( source, parameterAsVectorLayer( parameters, parameter, context ) );
    };

    ChangeRequest request;
    request.oldVersion = input( sources.oldVersion.get(), QStringLiteral( "OLD" ) );
    request.newVersion = input( sources.newVersion.get(), QStringLiteral( "NEW" ) );
    if ( sources.segments )
      request.segments = input( sources.segments.get(), QStringLiteral( "SEGMENTS" ) );
    request.segmentCodeField = parameterAsString( parameters, QStringLiteral( "SEGMENT_FIELD" ), context );
    if ( request.segmentCodeField.isEmpty() )
      request.segmentCodeField = QStringLiteral( "code" );
    request.leftParty = parameterAsString( parameters, QStringLiteral( "LEFT" ), context ).trimmed();
    request.rightParty = parameterAsString( parameters, QStringLiteral( "RIGHT" ), context ).trimmed();
    request.partyField = parameterAsString( parameters, QStringLiteral( "PARTY_FIELD" ), context );
    request.gridM = parameterAsDouble( parameters, QStringLiteral( "GRID" ), context );
    request.minAreaM2 = parameterAsDouble( parameters, QStringLiteral( "MIN_AREA" ), context );
    request.maxEndGapM = parameterAsDouble( parameters, QStringLiteral( "MAX_END_GAP" ), context );
    const QString edges = parameterAsString( parameters, QStringLiteral( "EDGES" ), context );
    request.edges = EdgeInterpretation::parse( edges.isEmpty() ? QStringLiteral( "geodesic" ) : edges );
    request.transformContext = context.transformContext();
    for ( QgsMapLayer *layer : parameterAsLayerList( parameters, QStringLiteral( "RESOURCES" ), context ) )
      if ( auto *vl = qobject_cast<QgsVectorLayer *>( layer ) )
        request.resources.push_back( processingInput( vl, vl ) );
    return request;
  }

  QVariantMap BoundaryChangeAlgorithm::run( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback )
  {
    // a feature that cannot be transformed stops the run, named, rather than losing its geometry
    const processing::TransformFailuresStop stop( context );
    Sources sources;
    const ChangeRequest request = readRequest( parameters, context, sources );
    checkOutputPaths( parameters, context, request );

    const ChangeResult result = ChangeEngine::run( request, feedback );
    for ( const QString &w : result.warnings )
      feedback->pushInfo( w );

    QVariantMap outputs;
    auto sink = [&]( const QString &parameter, const QgsFields &fields, limes::WkbType wkb, const auto &items, auto toFeature ) {
      QString id;
      std::unique_ptr<QgsFeatureSink> s( parameterAsSink( parameters, parameter, context, id, fields, wkb, result.workingCrs ) );
      if ( !s )
        return;
      for ( const auto &item : items )
      {
        QgsFeature f = toFeature( item, fields );
        if ( !s->addFeature( f, QgsFeatureSink::FastInsert ) )
          throw QgsProcessingException( writeFeatureError( s.get(), parameters, parameter ) );
      }
      outputs.insert( parameter, id );
    };
    sink( QStringLiteral( "TRANSFERS" ), transferFields(), limes::WkbType::MultiPolygon, result.transfers, transferFeature );
    sink( QStringLiteral( "RESOURCE_CHANGES" ), resourceChangeFields(), limes::WkbType::GeometryCollection, result.resourceChanges, resourceChangeFeature );
    sink( QStringLiteral( "NOISE" ), transferFields(), limes::WkbType::MultiPolygon, result.noise, transferFeature );

    const QString summary = parameterAsFileOutput( parameters, QStringLiteral( "SUMMARY" ), context );
    if ( !summary.isEmpty() )
    {
      AtomicOutput out( summary );
      out.write( changeSummaryJson( result ) );
      out.commit();
      outputs.insert( QStringLiteral( "SUMMARY" ), summary );
    }
    outputs.insert( QStringLiteral( "TRANSFER_COUNT" ), static_cast<int>( result.transfers.size() ) );
    outputs.insert( QStringLiteral( "WORKING_CRS" ), result.workingCrs.authid() );
    return outputs;
  }
}
