// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_SEGMENTLINES_H
#define LIMES_WORKSPACE_SEGMENTLINES_H

// Where each segment runs, for a workspace that keeps no segment geometry of its own: the
// lines of its versions that carry the segment's code. Reads only through WorkspaceStore.

#include <QMap>
#include <QString>
#include <QStringList>

#include <qgsgeometry.h>

namespace limes
{
  class WorkspaceStore;
  struct LineVersion;

  //! One segment's course: its lines (WGS 84), the version they were taken from, and every version that has lines for it.
  struct SegmentLine
  {
    QgsGeometry geometry;  //!< a (multi) line string in WGS 84
    QString version;       //!< name of the version the lines come from
    QStringList versions;  //!< every version whose lines name the segment, best ranked first
  };

  /**
   * How much a version's lines say about where a segment runs: ratified, then agreed, then
   * historical, then draft lines, claims last (a claim is one party's wish). Lower is better.
   */
  int segmentLineRank( const LineVersion &version );

  /**
   * Each segment's lines, from the versions whose lines carry a `segment` code: for every
   * segment the best ranked version that has lines for it (among equals, the one imported
   * last). A segment made by a split that no version's lines name runs along its parent's
   * lines cut at the split point. Segments whose course no version tells are absent.
   */
  QMap<QString, SegmentLine> segmentLines( const WorkspaceStore &store );
}

#endif
