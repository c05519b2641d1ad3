// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_RESOURCECHANGES_H
#define LIMES_CHANGE_RESOURCECHANGES_H

#include "change/changeresult.h"
#include "change/reading.h"
#include "geometry/ellipsoidmeasure.h"
#include "qgiscompat.h"

#include <functional>
#include <memory>
#include <vector>

#include <qgsspatialindex.h>

class QgsFeature;
class QgsFeedback;
class QgsGeometryEngine;

// Stage "resources": what of each resource feature (spring, canal, reservoir...) lies in
// each transfer.
namespace limes::change
{
  /**
   * The part of a resource feature in one transfer (prepared as `engine`): points whole, lines
   * and polygons clipped and measured on the ellipsoid. False when the feature only touches
   * the transfer's edge or misses it.
   */
  bool resourceChange( const Transfer &transfer, const QgsGeometryEngine &engine, const EllipsoidMeasure &measure, const QString &layer,
                       limes::GeometryType type, QgsFeatureId fid, const QgsGeometry &geometry, ResourceChange &change );

  class PieceWindow;

  class ResourceOverlay
  {
    public:
      //! Indexes and prepares the transfers, which must outlive this object.
      ResourceOverlay( const std::vector<Transfer> &transfers, const Ellipsoid &ellipsoid );
      ~ResourceOverlay();
      // owns prepared GEOS geometries (QgsGeometryEngine): moved, never copied
      ResourceOverlay( const ResourceOverlay & ) = delete;
      ResourceOverlay &operator=( const ResourceOverlay & ) = delete;
      ResourceOverlay( ResourceOverlay && );

      /**
       * Appends the part of the feature in each transfer it enters: points whole, lines and
       * polygons clipped and measured on the ellipsoid. A feature touching a piece's edge only
       * gives nothing.
       */
      void add( const QString &layer, limes::GeometryType type, QgsFeatureId fid, const QgsGeometry &geometry, std::vector<ResourceChange> &changes ) const;

    private:
      const std::vector<Transfer> *mTransfers;
      EllipsoidMeasure mMeasure;
      QgsSpatialIndex mIndex;
      std::vector<std::unique_ptr<QgsGeometryEngine>> mEngines;
      std::vector<std::unique_ptr<PieceWindow>> mWindows; //!< big pieces only
  };

  /**
   * Reads a resource layer in the working CRS and hands each feature with a geometry to
   * `visit`. Reports progress as the share read (0 to 1) every 256 features, and checks for
   * cancel as often. Throws for a layer without point, line or polygon geometry.
   */
  void readResourceLayer( const InputLayer &layer, const WorkingFrame &frame, QgsFeedback *feedback,
                          const std::function<void( double share )> &progress,
                          const std::function<void( limes::GeometryType type, const QgsFeature &feature )> &visit );
}

#endif
