// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/resourcechanges.h"
#include "change/piecewindow.h"
#include "error.h"

#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturesource.h>
#include <qgsgeometryengine.h>

#include <algorithm>

namespace limes::change
{
  ResourceOverlay::ResourceOverlay( const std::vector<Transfer> &transfers, const Ellipsoid &ellipsoid )
    : mTransfers( &transfers )
    , mMeasure( ellipsoid )
  {
    for ( size_t i = 0; i < transfers.size(); ++i )
    {
      QgsFeature indexed( static_cast<QgsFeatureId>( i ) );
      indexed.setGeometry( transfers[i].geometry );
      mIndex.addFeature( indexed );
      mEngines.emplace_back( QgsGeometry::createGeometryEngine( transfers[i].geometry.constGet() ) );
      mEngines.back()->prepareGeometry();
      mWindows.emplace_back( PieceWindow::worthIt( transfers[i].geometry ) ? std::make_unique<PieceWindow>( transfers[i].geometry ) : nullptr );
    }
  }

  ResourceOverlay::~ResourceOverlay() = default;
  ResourceOverlay::ResourceOverlay( ResourceOverlay && ) = default;

  namespace
  {
    /**
     * The part of the feature in the transfer: with a window, GEOS intersects the feature with
     * the piece near it only (the same segments, so the same result), else with the whole piece.
     */
    bool changeIn( const Transfer &t, const QgsGeometryEngine &engine, const PieceWindow *window, const EllipsoidMeasure &measure, const QString &layer,
                   limes::GeometryType type, QgsFeatureId fid, const QgsGeometry &g, ResourceChange &c )
    {
      if ( !engine.intersects( g.constGet() ) )
        return false;
      c = ResourceChange();
      c.layer = layer;
      c.fid = fid;
      c.type = type;
      c.from = t.from;
      c.to = t.to;
      c.segment = t.segment;
      if ( type == limes::geometrytype::Point )
      {
        c.geometry = g;
        return true;
      }
      if ( const std::unique_ptr<QgsAbstractGeometry> near = window ? window->around( g.boundingBox() ) : nullptr )
      {
        const std::unique_ptr<QgsGeometryEngine> nearEngine( QgsGeometry::createGeometryEngine( near.get() ) );
        c.geometry = QgsGeometry( nearEngine->intersection( g.constGet() ) );
      }
      if ( c.geometry.isNull() )
        c.geometry = QgsGeometry( engine.intersection( g.constGet() ) );
      c.geometry.convertGeometryCollectionToSubclass( type );
      if ( type == limes::geometrytype::Line )
        c.lengthM = measure.length( c.geometry );
      else
        c.areaM2 = measure.area( c.geometry );
      return c.lengthM > 0 || c.areaM2 > 0; // not when it touches the piece's edge only
    }
  }

  bool resourceChange( const Transfer &t, const QgsGeometryEngine &engine, const EllipsoidMeasure &measure, const QString &layer,
                       limes::GeometryType type, QgsFeatureId fid, const QgsGeometry &g, ResourceChange &c )
  {
    return changeIn( t, engine, nullptr, measure, layer, type, fid, g, c );
  }

  void ResourceOverlay::add( const QString &layer, limes::GeometryType type, QgsFeatureId fid, const QgsGeometry &g, std::vector<ResourceChange> &changes ) const
  {
    for ( QgsFeatureId id : mIndex.intersects( g.boundingBox() ) )
    {
      const size_t i = static_cast<size_t>( id );
      ResourceChange c;
      if ( changeIn( ( *mTransfers )[i], *mEngines[i], mWindows[i].get(), mMeasure, layer, type, fid, g, c ) )
        changes.push_back( std::move( c ) );
    }
  }

  void readResourceLayer( const InputLayer &layer, const WorkingFrame &frame, QgsFeedback *feedback,
                          const std::function<void( double share )> &progress,
                          const std::function<void( limes::GeometryType type, const QgsFeature &feature )> &visit )
  {
    const char *role = "resource layer";
    const limes::GeometryType type = QgsWkbTypes::geometryType( layer.source->wkbType() );
    if ( type != limes::geometrytype::Point && type != limes::geometrytype::Line && type != limes::geometrytype::Polygon )
      throw Error( QStringLiteral( "layer has no point, line or polygon geometry" ), describe( layer, role ) );
    QgsFeatureIterator it = layer.source->getFeatures( frame.request().setNoAttributes().addOrderBy( QStringLiteral( "$id" ) ) );
    QgsFeature f;
    long long done = 0;
    const long long total = std::max( 1LL, static_cast<long long>( layer.source->featureCount() ) );
    while ( nextFeature( it, f, layer, role ) )
    {
      if ( ++done % 256 == 0 )
      {
        checkCanceled( feedback );
        progress( static_cast<double>( done ) / total );
      }
      if ( f.geometry().isNull() || f.geometry().isEmpty() )
        continue; // a resource without geometry moves nowhere
      visit( type, f );
    }
    checkAllRead( done, layer, role );
  }
}
