// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspacelayers.h"
#include "layerstyles.h"
#include "qgiscompat.h"
#include "workspacesession.h"
#include "workspace/survey.h"
#include "workspace/workspacestore.h"

#include <cmath>

#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgsproject.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace limes
{
  namespace
  {
    enum SegmentField
    {
      Code,
      Seq,
      Status,
      Decision,
      Protocol,
      MeetingDate,
      Place,
      AgreedVersion,
      LengthKm,
      LinesFrom,
    };

    //! The agreed version of the segment's standing agreement, if it has one.
    QString agreedVersionOf( const WorkspaceData &data, const QString &segment )
    {
      const LedgerEntry *last = data.lastEntry( segment );
      return last && last->input.decision == QLatin1String( "agreed" ) ? last->input.agreedVersion : QString();
    }

    //! A segment's feature: its code, order and where it runs (the rest updateSegments() fills in).
    QgsFeature featureOf( const QgsFields &fields, const Segment &s, const WorkspaceData &data )
    {
      QgsFeature f( fields );
      f.setAttribute( Code, s.code );
      f.setAttribute( Seq, s.sequence );
      const auto line = data.lines.constFind( s.code );
      if ( line != data.lines.constEnd() )
      {
        f.setGeometry( line->geometry );
        f.setAttribute( LengthKm, data.lengthKm.value( s.code ) );
        f.setAttribute( LinesFrom, line->version );
      }
      return f;
    }
  }

  WorkspaceLayers::WorkspaceLayers( WorkspaceSession *session, QgsProject *project, QObject *parent )
    : QObject( parent )
    , mSession( session )
    , mProject( project )
  {
    connect( session, &WorkspaceSession::changed, this, [this] {
      updateSegments();
      updatePillars();
      addVersions();
    } );
  }

  WorkspaceLayers::~WorkspaceLayers()
  {
    remove();
  }

  void WorkspaceLayers::build()
  {
    if ( mGroup || !mProject || !mSession )
      return;
    mGroup = mProject->layerTreeRoot()->insertGroup( 0, tr( "Limes — %1" ).arg( mSession->name() ) );
    mGroup->setCustomProperty( QStringLiteral( "limes/workspace" ), true );
    mPillars = makePillarsLayer();
    addLayer( mPillars, mGroup );
    mSegments = makeSegmentsLayer();
    addLayer( mSegments, mGroup );
    mVersionsGroup = mGroup->addGroup( tr( "Versions" ) );
    addVersions();
    updateSegments();
    // a view shows a node expanded only when told it changed: the group and the status legend open
    for ( QgsLayerTreeNode *node : { static_cast<QgsLayerTreeNode *>( mGroup.data() ), static_cast<QgsLayerTreeNode *>( mGroup->findLayer( mSegments ) ) } )
    {
      node->setExpanded( false );
      node->setExpanded( true );
    }
  }

  void WorkspaceLayers::addLayer( QgsVectorLayer *layer, QgsLayerTreeGroup *group )
  {
    layer->setReadOnly( true ); // the workspace is written through Limes only
    mProject->addMapLayer( layer, false );
    group->addLayer( layer );
  }

  QStringList WorkspaceLayers::layerIds() const
  {
    QStringList ids;
    for ( QgsVectorLayer *layer : { mSegments.data(), mPillars.data() } )
      if ( layer )
        ids << layer->id();
    for ( const QPointer<QgsVectorLayer> &v : mVersions )
      if ( v )
        ids << v->id();
    return ids;
  }

  void removeLimesGroup( QgsProject *project, QgsLayerTreeGroup *group, const QStringList &layerIds )
  {
    if ( !project )
      return;
    if ( group )
      for ( QgsLayerTreeLayer *node : group->findLayers() )
        if ( !layerIds.contains( node->layerId() ) )
        {
          project->layerTreeRoot()->insertChildNode( 0, node->clone() );
          qobject_cast<QgsLayerTreeGroup *>( node->parent() )->removeChildNode( node );
        }
    if ( !layerIds.isEmpty() )
      project->removeMapLayers( layerIds );
    if ( group )
      if ( QgsLayerTreeGroup *parent = qobject_cast<QgsLayerTreeGroup *>( group->parent() ) )
        parent->removeChildNode( group );
  }

  void WorkspaceLayers::remove()
  {
    removeLimesGroup( mProject, mGroup, layerIds() );
    mVersions.clear();
    mSegmentFids.clear();
  }

  QgsVectorLayer *WorkspaceLayers::versionLayer( const QString &name ) const
  {
    return mVersions.value( name );
  }

  QgsVectorLayer *WorkspaceLayers::makeSegmentsLayer()
  {
    auto *layer = new QgsVectorLayer( QStringLiteral( "MultiLineString?crs=EPSG:4326&field=code:string&field=seq:integer&field=status:string"
                                                     "&field=decision:string&field=protocol:string&field=meeting_date:date&field=place:string"
                                                     "&field=agreed_version:string&field=length_km:double&field=lines_from:string" ),
                                      tr( "Segments" ), QStringLiteral( "memory" ) );
    const WorkspaceData &data = mSession->data();
    QgsFeatureList features;
    for ( const Segment &s : data.segments )
      features << featureOf( layer->fields(), s, data );
    layer->dataProvider()->addFeatures( features );
    layer->updateExtents();
    for ( const QgsFeature &f : std::as_const( features ) )
      mSegmentFids.insert( f.attribute( Code ).toString(), f.id() );
    styleSegments( *layer );
    return layer;
  }

  void WorkspaceLayers::syncSegmentFeatures()
  {
    // a split retires a segment and adds two: the layer follows the session's current segments
    const WorkspaceData &data = mSession->data();
    QSet<QString> current;
    for ( const Segment &s : data.segments )
      current.insert( s.code );
    QgsFeatureIds gone;
    for ( auto it = mSegmentFids.begin(); it != mSegmentFids.end(); )
    {
      if ( current.contains( it.key() ) )
      {
        ++it;
        continue;
      }
      gone.insert( it.value() );
      it = mSegmentFids.erase( it );
    }
    QgsFeatureList added;
    for ( const Segment &s : data.segments )
      if ( !mSegmentFids.contains( s.code ) )
        added << featureOf( mSegments->fields(), s, data );
    if ( gone.isEmpty() && added.isEmpty() )
      return;
    mSegments->dataProvider()->deleteFeatures( gone );
    mSegments->dataProvider()->addFeatures( added );
    for ( const QgsFeature &f : std::as_const( added ) )
      mSegmentFids.insert( f.attribute( Code ).toString(), f.id() );
    mSegments->updateExtents();
  }

  void WorkspaceLayers::updateSegments()
  {
    if ( !mSegments || !mSession )
      return;
    syncSegmentFeatures();
    const WorkspaceData &data = mSession->data();
    QgsChangedAttributesMap changes;
    for ( auto it = mSegmentFids.cbegin(); it != mSegmentFids.cend(); ++it )
    {
      const LedgerEntry *last = data.lastEntry( it.key() );
      QgsAttributeMap values;
      values.insert( Status, data.status.value( it.key(), QStringLiteral( "no decision yet" ) ) );
      values.insert( Decision, last ? last->input.decision : QVariant() );
      values.insert( Protocol, last ? last->input.protocol : QVariant() );
      values.insert( MeetingDate, last ? last->input.meetingDate : QVariant() );
      values.insert( Place, last ? last->input.place : QVariant() );
      const QString agreed = agreedVersionOf( data, it.key() );
      values.insert( AgreedVersion, agreed.isEmpty() ? QVariant() : agreed );
      changes.insert( it.value(), values );
    }
    mSegments->dataProvider()->changeAttributeValues( changes );
    mSegments->reload(); // open attribute tables read again
    mSegments->triggerRepaint();
  }

  QgsVectorLayer *WorkspaceLayers::makePillarsLayer()
  {
    // the fields pillar_survey_deviation reads (surveyed_x, surveyed_y, survey_accuracy): the Validate dock checks the latest surveys
    QgsVectorLayer *layer = survey::pillarsLayer( mSession->data().pillars, tr( "Pillars" ) ).release();
    stylePillars( *layer );
    return layer;
  }

  void WorkspaceLayers::updatePillars()
  {
    if ( !mPillars || !mSession )
      return;
    survey::fillPillarsLayer( *mPillars, mSession->data().pillars );
    mPillars->reload(); // open attribute tables read again
    mPillars->triggerRepaint();
  }

  void WorkspaceLayers::addVersions()
  {
    if ( !mVersionsGroup || !mSession )
      return;
    const WorkspaceData &data = mSession->data();
    for ( const LineVersion &v : data.versions )
    {
      if ( mVersions.contains( v.name ) )
        continue; // versions are never overwritten: a layer once made stays right
      VersionLayer lines = mSession->store().versionLayer( v );
      if ( !lines.layer || !lines.layer->isValid() )
        continue;
      QgsVectorLayer *layer = lines.layer.release();
      layer->setName( v.name );
      const QString party = v.kind == QLatin1String( "claim" ) ? data.claimParty( v ) : QString();
      const QString colour = data.partyColour( party );
      styleVersion( *layer, v, colour.isEmpty() ? ( party.isEmpty() ? QColor() : fallbackPartyColour( party ) ) : QColor( colour ) );
      addLayer( layer, mVersionsGroup );
      mVersions.insert( v.name, layer );
    }
  }
}
