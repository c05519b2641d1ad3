// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/changeengine.h"
#include "change/checks.h"
#include "change/crossings.h"
#include "change/measure.h"
#include "change/overlaystage.h"
#include "change/parallel.h"
#include "change/phaseclock.h"
#include "change/provenance.h"
#include "change/reading.h"
#include "change/resourcechanges.h"
#include "change/segments.h"
#include "change/versions.h"
#include "change/workingcrschoice.h"
#include "fingerprint.h"
#include "geometry/ellipsoidmeasure.h"

#include <qgsfeature.h>

#include <memory>
#include <optional>
#include <thread>

namespace limes
{
  namespace
  {
    //! The request's parameters, echoed in the result for the summary's provenance.
    ChangeResult resultFor( const ChangeRequest &request, change::VersionKind kind, const QgsCoordinateReferenceSystem &workingCrs )
    {
      ChangeResult result;
      result.mode = kind == change::VersionKind::Lines ? QStringLiteral( "lines" ) : QStringLiteral( "territories" );
      result.workingCrs = workingCrs;
      result.ellipsoid = request.ellipsoid;
      result.edges = request.edges.name();
      result.workspace = request.workspace;
      result.ledgerHead = request.ledgerHead;
      result.gridM = request.gridM;
      result.minAreaM2 = request.minAreaM2;
      result.maxEndGapM = request.maxEndGapM;
      result.partyField = request.partyField;
      result.leftParty = request.leftParty;
      result.rightParty = request.rightParty;
      return result;
    }

    change::Overlaid readAndOverlay( const ChangeRequest &request, change::VersionKind kind, const change::WorkingFrame &frame, const EdgeDensifier &edges,
                                     QgsFeedback *feedback, change::PhaseClock &clock )
    {
      if ( kind == change::VersionKind::Territories )
        return change::overlayTerritories( change::readTerritoryVersions( request, frame, feedback, &edges ), request.gridM, feedback );
      change::LineVersions versions = change::readLineVersions( request, frame, feedback, &edges );
      clock.phase( "read versions" );
      change::Overlaid overlaid = change::overlayLines( std::move( versions ), request, feedback );
      clock.phase( "overlay" );
      return overlaid;
    }

    /**
     * Each resource layer read once, then its features measured against the pieces and
     * counted against the boundaries on every core. A worker keeps its own overlay of the
     * pieces (prepared GEOS geometries and PROJ state are not shared) for all the layers;
     * the results are gathered in the features' order, as one core would give them.
     */
    void scanResources( const ChangeRequest &request, const change::WorkingFrame &frame, const Ellipsoid &ellipsoid,
                        const change::CrossingCounter &crossings, ChangeResult &result, QgsFeedback *feedback, change::PhaseClock &clock )
    {
      struct Feature
      {
        limes::GeometryType type;
        QgsFeatureId fid;
        QgsGeometry geometry;
      };
      std::vector<std::unique_ptr<change::ResourceOverlay>> overlays( std::max( 1u, std::thread::hardware_concurrency() ) );
      const double layers = static_cast<double>( request.resources.size() );
      for ( size_t i = 0; i < request.resources.size(); ++i )
      {
        const QString &name = result.resourceLayers.at( static_cast<int>( i ) );
        auto progress = [&]( double share ) {
          change::setProgress( feedback, 70 + 30.0 * ( static_cast<double>( i ) + share ) / layers );
        };
        std::vector<Feature> features;
        change::readResourceLayer( request.resources[i], frame, feedback, [&]( double share ) { progress( share / 2 ); },
        [&]( limes::GeometryType type, const QgsFeature &f ) { features.push_back( { type, f.id(), f.geometry() } ); } );
        std::vector<std::vector<ResourceChange>> changes( features.size() );
        std::vector<std::optional<CrossingChange>> crossed( features.size() );
        change::inParallel( features.size(), [&]( size_t first, size_t step ) {
          std::unique_ptr<change::ResourceOverlay> &overlay = overlays[first];
          if ( !overlay )
            overlay = std::make_unique<change::ResourceOverlay>( result.transfers, ellipsoid );
          for ( size_t k = first; k < features.size(); k += step )
          {
            if ( feedback && feedback->isCanceled() )
              return;
            const Feature &f = features[k];
            overlay->add( name, f.type, f.fid, f.geometry, changes[k] );
            if ( f.type == limes::geometrytype::Line )
              crossed[k] = crossings.change( name, f.fid, f.geometry );
          }
        } );
        change::checkCanceled( feedback );
        for ( size_t k = 0; k < features.size(); ++k )
        {
          for ( ResourceChange &c : changes[k] )
            result.resourceChanges.push_back( std::move( c ) );
          if ( crossed[k] )
            result.crossings.push_back( *crossed[k] );
        }
        progress( 1 );
        clock.phase( "resource layer" );
      }
    }
  }

  ChangeResult ChangeEngine::run( const ChangeRequest &request, QgsFeedback *feedback )
  {
    change::PhaseClock clock( "limes timing: ", 28 );
    // the input files are hashed on other cores while the rest runs
    const change::Fingerprints fingerprints( request, []( const QString &path ) { return fileSha256( path ); } );
    const change::VersionKind kind = change::checkVersions( request );
    const change::WorkingFrame frame{ change::chooseWorkingCrs( request.oldVersion, request.newVersion, request.transformContext ), request.transformContext };
    const Ellipsoid ellipsoid = Ellipsoid::checked( frame.crs, request.ellipsoid, request.transformContext );
    ChangeResult result = resultFor( request, kind, frame.crs );
    result.resourceLayers = change::checkSupportingLayers( request );
    result.inputs = change::describeInputs( request );
    result.warnings = change::reprojectionNotes( result.inputs, frame.crs );
    clock.phase( "checks and provenance" );
    change::setProgress( feedback, 5 );

    const EdgeDensifier edges( request.edges, ellipsoid );
    change::Overlaid overlaid = readAndOverlay( request, kind, frame, edges, feedback, clock );
    result.densifiedVertices = edges.added();
    result.parties = overlaid.parties;
    result.connectors = std::move( overlaid.connectors );
    result.warnings << overlaid.warnings;
    result.sharedSegments = overlaid.sharedSegments;
    result.overlaidSegments = overlaid.overlaidSegments;
    change::setProgress( feedback, 60 );

    const change::SegmentLookup segments = change::readSegments( request.segments, request.segmentCodeField, frame );
    clock.phase( "versions done, segments read" );
    std::vector<Transfer> measured = change::measurePieces( overlaid.pieces, ellipsoid, request.gridM, feedback );
    change::assignSegments( measured, segments, request.gridM, feedback );
    change::checkCanceled( feedback );
    change::separateNoise( std::move( measured ), request.minAreaM2, result.transfers, result.noise );
    change::setProgress( feedback, 70 );
    clock.phase( "measure pieces" );

    // the indexes serve only the resource layers: a land-only comparison skips them
    if ( !request.resources.empty() )
    {
      const change::CrossingCounter crossings( overlaid.oldBoundary, overlaid.newBoundary, request.gridM );
      clock.phase( "index boundaries" );
      scanResources( request, frame, ellipsoid, crossings, result, feedback, clock );
    }

    change::addFingerprints( result.inputs, fingerprints );
    change::setProgress( feedback, 100 );
    return result;
  }
}
