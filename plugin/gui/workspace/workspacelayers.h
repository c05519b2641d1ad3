// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACELAYERS_H
#define LIMES_WORKSPACELAYERS_H

#include <QMap>
#include <QObject>
#include <QPointer>

#include <qgsfeatureid.h>
#include <qgslayertreegroup.h>
#include <qgsvectorlayer.h>

class QgsLayerTreeGroup;
class QgsProject;
class QgsVectorLayer;

namespace limes
{
  class WorkspaceSession;

  /**
   * Removes the layers `layerIds` and then `group` from `project`; layers the user put into
   * the group are not Limes' to take away: they are moved to the top of the tree first.
   */
  void removeLimesGroup( QgsProject *project, QgsLayerTreeGroup *group, const QStringList &layerIds );

  /**
   * The layer group "Limes — NAME" an open workspace shows in the project: segments coloured
   * by status, one layer per version styled by kind, pillars labelled with their numbers.
   * The layers are ordinary read-only QGIS vector layers (attribute table, identify and
   * labels work as usual), made from what the workspace's store gives. Kept in step with the
   * session; remove() (or destruction) takes the group and every layer away again.
   */
  class WorkspaceLayers : public QObject
  {
      Q_OBJECT

    public:
      WorkspaceLayers( WorkspaceSession *session, QgsProject *project, QObject *parent = nullptr );
      ~WorkspaceLayers() override;

      //! Adds the group at the top of the layer tree.
      void build();
      void remove();

      QgsLayerTreeGroup *group() const { return mGroup; }
      QgsVectorLayer *segmentsLayer() const { return mSegments; }
      QgsVectorLayer *pillarsLayer() const { return mPillars; }
      //! The layer of a version; null when it has none (or it was removed).
      QgsVectorLayer *versionLayer( const QString &name ) const;
      QStringList layerIds() const;

      //! The segment's feature in segmentsLayer(); FID_NULL when unknown.
      QgsFeatureId segmentFeature( const QString &code ) const { return mSegmentFids.value( code, FID_NULL ); }
      QString segmentCode( QgsFeatureId fid ) const { return mSegmentFids.key( fid ); }

    private:
      //! Attributes of the segments (status, last decision…) from the session's data, in place.
      void updateSegments();
      //! Features for segments a split made, none for those it retired.
      void syncSegmentFeatures();
      //! Each pillar at its latest survey (the designed position stays where it is).
      void updatePillars();
      void addVersions();
      QgsVectorLayer *makeSegmentsLayer();
      QgsVectorLayer *makePillarsLayer();
      void addLayer( QgsVectorLayer *layer, QgsLayerTreeGroup *group );

      QPointer<WorkspaceSession> mSession;
      QPointer<QgsProject> mProject;
      QPointer<QgsLayerTreeGroup> mGroup;
      QPointer<QgsLayerTreeGroup> mVersionsGroup;
      QPointer<QgsVectorLayer> mSegments;
      QPointer<QgsVectorLayer> mPillars;
      QMap<QString, QPointer<QgsVectorLayer>> mVersions;
      QMap<QString, QgsFeatureId> mSegmentFids;
  };
}

#endif
