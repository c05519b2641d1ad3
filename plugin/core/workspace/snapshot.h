// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_SNAPSHOT_H
#define LIMES_WORKSPACE_SNAPSHOT_H

#include <QString>

class QgsCoordinateTransformContext;

namespace limes
{
  class WorkspaceStore;

  /**
   * Copies a whole workspace, read through the interface, into a new GeoPackage workspace:
   * written under a temporary name and renamed only once the copy's ledger chain verifies.
   * Ledger entries are copied as sealed; accepted findings and stored changes keep their authors.
   */
  void exportSnapshot( const WorkspaceStore &from, const QString &gpkgPath, const QgsCoordinateTransformContext &context );
}

#endif
