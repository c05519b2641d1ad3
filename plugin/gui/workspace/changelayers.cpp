// SPDX-License-Identifier: GPL-2.0-or-later
#include "changelayers.h"
#include "layerstyles.h"
#include "workspacelayers.h"
#include "change/changeoutput.h"
#include "change/changeresult.h"

#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsvectordataprovider.h>

namespace limes
{
  namespace
  {
    //! An empty memory layer of `type` in `crs` with `fields`.
    QgsVectorLayer *memoryLayer( const QString &type, const QgsCoordinateReferenceSystem &crs, const QgsFields &fields, const QString &name )
    {
      auto *layer = new QgsVectorLayer( QStringLiteral( "%1?crs=%2" ).arg( type, crs.authid().isEmpty() ? crs.toWkt() : crs.authid() ), name, QStringLiteral( "memory" ) );
      layer->setCrs( crs );
      layer->dataProvider()->addAttributes( fields.toList() );
      layer->updateFields();
      return layer;
    }
  }

  ChangeLayers::ChangeLayers( QgsProject *project, const QString &oldName, const QString &newName, const ChangeResult &result,
                              const QMap<QString, QColor> &partyColours, QObject *parent )
    : QObject( parent )
    , mProject( project )
  {
    mGroup = project->layerTreeRoot()->insertGroup( 0, tr( "Change: %1 → %2" ).arg( oldName, newName ) );
    mGroup->setCustomProperty( QStringLiteral( "limes/change" ), true );

    // resource changes above the land they cross
    const QgsFields fields = resourceChangeFields();
    const QList<std::pair<GeometryType, QString>> kinds { { geometrytype::Point, QStringLiteral( "MultiPoint" ) },
      { geometrytype::Line, QStringLiteral( "MultiLineString" ) }, { geometrytype::Polygon, QStringLiteral( "MultiPolygon" ) } };
    for ( const auto &[type, wkt] : kinds )
    {
      QgsFeatureList features;
      for ( const ResourceChange &c : result.resourceChanges )
        if ( c.type == type )
        {
          QgsFeature f = resourceChangeFeature( c, fields );
          QgsGeometry g = c.geometry; // the output's collection does not fit a typed layer
          g.convertToMultiType();
          f.setGeometry( g );
          features << f;
        }
      if ( features.isEmpty() )
        continue;
      QgsVectorLayer *layer = memoryLayer( wkt, result.workingCrs, fields, tr( "Resources that change sides (%1)" ).arg( geometryTypeName( type ) ) );
      layer->dataProvider()->addFeatures( features );
      layer->updateExtents();
      styleResourceChanges( *layer );
      addLayer( layer );
      mResources << layer;
    }

    QgsVectorLayer *transfers = memoryLayer( QStringLiteral( "MultiPolygon" ), result.workingCrs, transferFields(), tr( "Land that changes sides" ) );
    QgsFeatureList features;
    QStringList directions;
    for ( const Transfer &t : result.transfers )
    {
      QgsFeature f = transferFeature( t, transferFields() );
      QgsGeometry g = t.geometry;
      g.convertToMultiType();
      f.setGeometry( g );
      features << f;
      const QString direction = QStringLiteral( "%1 → %2" ).arg( t.from, t.to );
      if ( !directions.contains( direction ) )
        directions << direction;
    }
    transfers->dataProvider()->addFeatures( features );
    transfers->updateExtents();
    styleTransfers( *transfers, directions, partyColours );
    addLayer( transfers );
    mTransfers = transfers;
    // a view shows a node expanded only when told it changed: open the group and its legend
    for ( QgsLayerTreeNode *node : { static_cast<QgsLayerTreeNode *>( mGroup.data() ), static_cast<QgsLayerTreeNode *>( mGroup->findLayer( transfers ) ) } )
    {
      node->setExpanded( false );
      node->setExpanded( true );
    }
  }

  ChangeLayers::~ChangeLayers()
  {
    remove();
  }

  void ChangeLayers::addLayer( QgsVectorLayer *layer )
  {
    mProject->addMapLayer( layer, false );
    mGroup->addLayer( layer );
  }

  QList<QgsVectorLayer *> ChangeLayers::resourceLayers() const
  {
    QList<QgsVectorLayer *> list;
    for ( const QPointer<QgsVectorLayer> &l : mResources )
      if ( l )
        list << l;
    return list;
  }

  void ChangeLayers::remove()
  {
    QStringList ids;
    if ( mTransfers )
      ids << mTransfers->id();
    for ( QgsVectorLayer *l : resourceLayers() )
      ids << l->id();
    removeLimesGroup( mProject, mGroup, ids );
    mResources.clear();
  }
}
