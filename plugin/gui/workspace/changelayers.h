// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGELAYERS_H
#define LIMES_CHANGELAYERS_H

#include <QColor>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <qgslayertreegroup.h>
#include <qgsvectorlayer.h>

class QgsProject;

namespace limes
{
  struct ChangeResult;

  /**
   * The layer group "Change: OLD → NEW" of one comparison: the transfers coloured by direction
   * and labelled with their area, and the resource changes highlighted (a layer per geometry
   * type). Made on the main thread from the engine's result; remove() takes it away again.
   */
  class ChangeLayers : public QObject
  {
      Q_OBJECT

    public:
      ChangeLayers( QgsProject *project, const QString &oldName, const QString &newName, const ChangeResult &result,
                    const QMap<QString, QColor> &partyColours, QObject *parent = nullptr );
      ~ChangeLayers() override;

      void remove();
      QgsLayerTreeGroup *group() const { return mGroup; }
      QgsVectorLayer *transfers() const { return mTransfers; }
      QList<QgsVectorLayer *> resourceLayers() const;

    private:
      void addLayer( QgsVectorLayer *layer );

      QPointer<QgsProject> mProject;
      QPointer<QgsLayerTreeGroup> mGroup;
      QPointer<QgsVectorLayer> mTransfers;
      QList<QPointer<QgsVectorLayer>> mResources;
  };
}

#endif
