// SPDX-License-Identifier: GPL-2.0-or-later
#include "validation/context.h"
#include "error.h"
#include "geometry/workingcrs.h"

#include <qgscoordinatetransform.h>
#include <qgsdatumtransform.h>
#include <qgsfeaturesource.h>
#include <qgsfeedback.h>

#include <tuple>

namespace limes::validation
{
  RunContext::RunContext( const ValidationRequest &request, QgsFeedback *feedback )
    : mRequest( request )
    , mFeedback( feedback )
    , mFindings( request.rules )
  {
    if ( !mRequest.line.source )
      throw Error( QStringLiteral( "no line layer given" ) );
    if ( !( mRequest.tolerance > 0 ) )
      throw Error( QStringLiteral( "tolerance must be positive (got %1)" ).arg( mRequest.tolerance ) );
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
      const QgsCoordinateTransform t( lineCrs, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), mRequest.transformContext );
      mWorking = workingCrsFor( t.transformBoundingBox( mRequest.line.source->sourceExtent() ) );
    }
    mDa.setSourceCrs( mWorking, mRequest.transformContext );
    mDa.setEllipsoid( mWorking.ellipsoidAcronym().isEmpty() ? QStringLiteral( "EPSG:7030" ) : mWorking.ellipsoidAcronym() );
  }

  void RunContext::checkSource( const InputLayer &l, const char *role, limes::GeometryType type )
  {
    const QString where = QStringLiteral( "%1 (%2)" ).arg( QLatin1String( role ), l.spec.isEmpty() ? l.name : l.spec );
    if ( !l.source->sourceCrs().isValid() )
      throw Error( QStringLiteral( "layer has no CRS" ), where );
    const limes::GeometryType t = QgsWkbTypes::geometryType( l.source->wkbType() );
    if ( t != type )
      throw Error( QStringLiteral( "%1 layer, expected a %2 layer" ).arg( QgsWkbTypes::geometryDisplayString( t ).toLower(), QgsWkbTypes::geometryDisplayString( type ).toLower() ), where );
    const QgsCoordinateReferenceSystem lineCrs = mRequest.line.source->sourceCrs();
    if ( l.source->sourceCrs() == mWorking || l.source->sourceCrs() == lineCrs )
      return;
    // one well-defined way from their datum to ours, or the numbers are not the commission's
    int available = 0;
    for ( const QgsDatumTransform::TransformDetails &d : QgsDatumTransform::operations( l.source->sourceCrs(), mWorking ) )
      available += d.isAvailable ? 1 : 0;
    if ( available > 1 )
      throw Error( QStringLiteral( "the transformation from %1 to %2 is ambiguous (%3 datum transformations); reproject the layer with the one the commission agreed" )
                   .arg( l.source->sourceCrs().authid(), mWorking.authid() ).arg( available ), where );
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
    return q;
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
