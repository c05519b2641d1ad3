// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/context.h"
#include "error.h"
#include "geometry/workingcrs.h"
#include "io/coordinates.h"
#include "io/datum.h"

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeaturesource.h>
#include <qgsfeedback.h>

#include <cmath>
#include <tuple>

namespace limes::validation
{
  namespace
  {
    // What no boundary needs: beyond them a parameter is a typo, not a choice.
    const double MIN_TOLERANCE_M = 1e-6;
    const double MAX_DISTANCE_M = 2.0e7; // half the equator

    void checkRange( double value, double min, double max, const char *what, const char *unit )
    {
      if ( !std::isfinite( value ) || value < min || value > max )
        throw Error( QStringLiteral( "%1 must be between %2 and %3 %4 (got %5)" ).arg( QLatin1String( what ) ).arg( min ).arg( max ).arg( QLatin1String( unit ) ).arg( value ) );
    }

    //! The numbers the rules compare with: finite, and within what a boundary can need.
    void checkParameters( const ValidationRequest &r )
    {
      checkRange( r.tolerance, MIN_TOLERANCE_M, MAX_DISTANCE_M, "tolerance", "m" );
      checkRange( r.spikeAngle, 0, 180, "spike angle", "degrees" );
      checkRange( r.turningAngle, 0, 180, "turning angle", "degrees" );
      checkRange( r.minPillarSpacing, 0, MAX_DISTANCE_M, "minimum pillar spacing", "m" );
      checkRange( r.maxPillarSpacing, 0, MAX_DISTANCE_M, "maximum pillar spacing", "m" );
      if ( r.minPillarSpacing > r.maxPillarSpacing )
        throw Error( QStringLiteral( "minimum pillar spacing (%1 m) is above the maximum (%2 m)" ).arg( r.minPillarSpacing ).arg( r.maxPillarSpacing ) );
    }
  }

  RunContext::RunContext( const ValidationRequest &request, QgsFeedback *feedback )
    : mRequest( request )
    , mFeedback( feedback )
    , mFindings( request.rules )
  {
    if ( !mRequest.line.source )
      throw Error( QStringLiteral( "no line layer given" ) );
    checkParameters( mRequest );
    setWorkingCrs();
    mFindings.result().crs = mRequest.line.source->sourceCrs();
    mFindings.result().tolerance = mRequest.tolerance;

    checkSource( mRequest.line, "line", limes::geometrytype::Line );
    for ( const auto &[l, role, type] : { std::make_tuple( &mRequest.segments, "segments", limes::geometrytype::Line ), std::make_tuple( &mRequest.pillars, "pillars", limes::geometrytype::Point ),
                                          std::make_tuple( &mRequest.territories, "territories", limes::geometrytype::Polygon ), std::make_tuple( &mRequest.tripoints, "tripoints", limes::geometrytype::Point ) } )
      if ( l->source )
        checkSource( *l, role, type );
    mLine = readLine( *this );
    resolveFields();
  }

  RunContext::~RunContext() = default;

  void RunContext::setWorkingCrs()
  {
    const QgsCoordinateReferenceSystem lineCrs = mRequest.line.source->sourceCrs();
    if ( !lineCrs.isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), mRequest.line.spec );
    // metric CRSs are worked in as they are; geographic ones in their UTM zone
    if ( !lineCrs.isGeographic() && lineCrs.mapUnits() == limes::compat::Meters )
      mWorking = lineCrs;
    else
    {
      io::checkCoordinatesFitCrs( mRequest.line.source, describe( mRequest.line, "line" ), mRequest.transformContext );
      const QgsCoordinateTransform t( lineCrs, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), mRequest.transformContext );
      try
      {
        mWorking = workingCrsFor( t.transformBoundingBox( mRequest.line.source->sourceExtent() ) );
      }
      catch ( const QgsCsException &e )
      {
        throw Error( QStringLiteral( "cannot transform the extent to WGS 84: %1" ).arg( e.what() ), describe( mRequest.line, "line" ) );
      }
    }
    mDa.setSourceCrs( mWorking, mRequest.transformContext );
    mDa.setEllipsoid( mWorking.ellipsoidAcronym().isEmpty() ? QStringLiteral( "EPSG:7030" ) : mWorking.ellipsoidAcronym() );
  }

  QString RunContext::describe( const InputLayer &l, const char *role )
  {
    return QStringLiteral( "%1 (%2)" ).arg( QLatin1String( role ), l.spec.isEmpty() ? l.name : l.spec );
  }

  void RunContext::checkSource( const InputLayer &l, const char *role, limes::GeometryType type )
  {
    const QString where = describe( l, role );
    if ( !l.source->sourceCrs().isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), where );
    const limes::GeometryType t = QgsWkbTypes::geometryType( l.source->wkbType() );
    if ( t != type )
      throw Error( QStringLiteral( "%1 layer, expected a %2 layer" ).arg( QgsWkbTypes::geometryDisplayString( t ).toLower(), QgsWkbTypes::geometryDisplayString( type ).toLower() ), where );
    io::checkCoordinatesFitCrs( l.source, where, mRequest.transformContext );
    // every input, the line too: one well-defined way from its datum to the working CRS, or
    // the numbers are not the commission's
    io::checkUnambiguousTransform( l.source->sourceCrs(), mWorking, mRequest.transformContext, where );
    const QgsCoordinateReferenceSystem lineCrs = mRequest.line.source->sourceCrs();
    if ( l.source->sourceCrs() != mWorking && l.source->sourceCrs() != lineCrs )
      mReprojected << Reprojected{ l.name, l.source->sourceCrs().authid() };
  }

  void RunContext::resolveFields()
  {
    auto fieldList = []( const InputLayer &l ) { return l.source->fields().names().join( QLatin1String( ", " ) ); };
    if ( mRequest.segments.source )
    {
      mFields.segmentCode = mRequest.segments.source->fields().lookupField( mRequest.segmentCodeField );
      if ( mFields.segmentCode < 0 )
        throw Error( QStringLiteral( "no field '%1' with the segment code (fields: %2)" ).arg( mRequest.segmentCodeField, fieldList( mRequest.segments ) ), mRequest.segments.spec );
    }
    if ( mRequest.pillars.source )
    {
      const QgsFields fields = mRequest.pillars.source->fields();
      mFields.pillarNumber = fields.lookupField( mRequest.pillarField );
      if ( mFields.pillarNumber < 0 )
        throw Error( QStringLiteral( "no field '%1' with the pillar number (fields: %2)" ).arg( mRequest.pillarField, fieldList( mRequest.pillars ) ), mRequest.pillars.spec );
      mFields.surveyX = fields.lookupField( mRequest.surveyXField );
      mFields.surveyY = fields.lookupField( mRequest.surveyYField );
      mFields.surveyAccuracy = fields.lookupField( mRequest.surveyAccuracyField );
    }
    if ( mRequest.territories.source )
    {
      mFields.party = mRequest.territories.source->fields().lookupField( mRequest.partyField );
      if ( mRequest.partyField.isEmpty() || mFields.party < 0 )
        throw Error( QStringLiteral( "no field '%1' with the party code (fields: %2)" ).arg( mRequest.partyField, fieldList( mRequest.territories ) ), mRequest.territories.spec );
    }
  }

  bool RunContext::has( Input input ) const
  {
    switch ( input )
    {
      case Line:
        return true;
      case Segments:
        return mRequest.segments.source;
      case Pillars:
        return mRequest.pillars.source;
      case Territories:
        return mRequest.territories.source;
      case Tripoints:
        return mRequest.tripoints.source;
    }
    return false;
  }

  QgsFeatureRequest RunContext::featureRequest() const
  {
    QgsFeatureRequest q;
    q.setDestinationCrs( mWorking, mRequest.transformContext );
    q.setInvalidGeometryCheck( limes::compat::NoGeometryCheck );
    q.addOrderBy( QStringLiteral( "$id" ) );
    // QGIS would drop the geometry and go on: the feature would pass as one without a geometry
    q.setTransformErrorCallback( io::throwTransformFailure( mWorking.authid() ) );
    return q;
  }

  bool RunContext::nextFeature( QgsFeatureIterator &it, QgsFeature &f, const InputLayer &layer, const char *role ) const
  {
    bool more = false;
    try
    {
      more = it.nextFeature( f );
    }
    catch ( const io::TransformFailure &failure )
    {
      throw Error( io::describe( failure ), describe( layer, role ) );
    }
    catch ( const QgsCsException &e )
    {
      throw Error( QStringLiteral( "cannot transform to the working CRS (%1): %2" ).arg( mWorking.authid(), e.what() ), describe( layer, role ) );
    }
    checkCanceled();
    // NaN, infinity or 1e300 would give findings about nowhere
    if ( more && f.hasGeometry() )
      io::CoordinateLimits( mWorking ).check( f.geometry(), f.id(), describe( layer, role ) );
    return more;
  }

  const SegmentInput &RunContext::segments()
  {
    if ( !mSegments )
      mSegments = std::make_unique<SegmentInput>( readSegments( *this ) );
    return *mSegments;
  }

  const PillarInput &RunContext::pillars()
  {
    if ( !mPillars )
      mPillars = std::make_unique<PillarInput>( readPillars( *this ) );
    return *mPillars;
  }

  const TerritoryInput &RunContext::territories()
  {
    if ( !mTerritories )
      mTerritories = std::make_unique<TerritoryInput>( readTerritories( *this ) );
    return *mTerritories;
  }

  const std::vector<QgsPointXY> &RunContext::tripoints()
  {
    if ( !mTripoints )
      mTripoints = std::make_unique<std::vector<QgsPointXY>>( readTripoints( *this ) );
    return *mTripoints;
  }

  void RunContext::checkCanceled() const
  {
    if ( mFeedback && mFeedback->isCanceled() )
      throw Error( QStringLiteral( "cancelled" ) );
  }

  void RunContext::setProgress( double percent ) const
  {
    if ( mFeedback )
      mFeedback->setProgress( percent );
  }
}
