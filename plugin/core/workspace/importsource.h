// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_IMPORTSOURCE_H
#define LIMES_WORKSPACE_IMPORTSOURCE_H

// Reading what is imported into a workspace, the same for every storage: features in id
// order, reprojected to WGS 84, checked one by one; the storage only writes what it is given.

#include "workspace/model.h"

#include <QSet>

#include <functional>

class QgsCoordinateTransformContext;
class QgsFeatureSource;

namespace limes
{
  //! One line of a version, ready to store.
  struct VersionLine
  {
    QString segment;   //!< the source's `segment` attribute; empty when it has none
    /**
     * The line's place in the version, 1..parts, counted across the whole import (not per
     * source feature), so that (version, part) names one line. Workspaces written before
     * this rule may hold per-feature numbers: readers order lines by their row id, never by part.
     */
    int part = 0;
    QByteArray wkb;    //!< LineString in WGS 84
  };

  /**
   * Calls `write` for each line of each feature (multi-part features give one line per part);
   * throws limes::Error, naming the feature, for a feature without geometry or a line that is
   * not valid, and for a source without any line. Returns the number of lines.
   */
  long long readVersionLines( QgsFeatureSource *source, const QString &sourceName, const QgsCoordinateTransformContext &context,
                              const std::function<void( const VersionLine & )> &write );

  /**
   * Calls `write` for each pillar of a layer checkPillarLayer() accepted: a number, new
   * (not in `numbers`, nor twice in the source), one finite point, a known segment or none.
   */
  long long readPillars( QgsFeatureSource *source, const QString &sourceName, const PillarFields &fields, const QStringList &segments,
                         QSet<QString> numbers, const QString &author, const QgsCoordinateTransformContext &context,
                         const std::function<void( const Pillar & )> &write );

  /**
   * Test hook: with LIMES_TEST_PAUSE_IMPORT_AFTER=N in the environment, an import that has
   * just written its Nth feature (inside its transaction) prints
   * "limes: test pause: N features written" on stderr and waits (up to five minutes), so that
   * a test can kill the process at that known point. Does nothing otherwise.
   */
  void pauseImportForTest( long long featuresWritten );
}

#endif
