// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_SEGMENTSPLIT_H
#define LIMES_WORKSPACE_SEGMENTSPLIT_H

// A segment split in two: what the user asks for, what the ledger records, and how the rest of
// the workspace reads a split (which segments are current, whose history a new segment carries,
// where it runs). Appends only: the old segment's row stays and the two new rows are added,
// with a signed `segment_split` entry (docs/workspace.md) that names all three.

#include "workspace/model.h"

#include <QPair>

#include <qgsgeometry.h>
#include <qgspointxy.h>

namespace limes
{
  struct SegmentLine;

  //! What the user asks for: split `segment` at a pillar, or at a vertex of its line.
  struct SegmentSplitInput
  {
    QString segment;
    QString pillar;         //!< split at this pillar (its designed position); empty: at `point`
    QgsPointXY point;       //!< WGS 84: a vertex of the segment's line (when `pillar` is empty)
    QString firstCode;      //!< empty: segment + "a"
    QString secondCode;     //!< empty: segment + "b"
    QString author;
  };

  //! A split as the ledger records it.
  struct SegmentSplit
  {
    long long entry = -1;   //!< the segment_split entry
    QString segment;        //!< the code split (retired from then on)
    QString first;          //!< from the old start to the split point
    QString second;         //!< from the split point to the old end
    QString pillar;         //!< the pillar split at; empty for a vertex
    QgsPointXY point;       //!< the split point, WGS 84, as recorded
    QString version;        //!< the version whose lines were split
  };

  namespace splits
  {
    //! The ledger kind.
    QString kind();
    //! How far a pillar may lie from the line, or a point from the vertex it names (metres, ellipsoid): Validate's default tolerance.
    constexpr double TOLERANCE_M = 0.5;

    //! The splits the entries record, in ledger order (format 2 entries of kind segment_split).
    QList<SegmentSplit> fromEntries( const QList<LedgerEntry> &entries );
    //! `segments` without those a split retired, in their order.
    QList<Segment> current( const QList<Segment> &segments, const QList<SegmentSplit> &splits );

    /**
     * The history of `code`: its decisions, and for a segment made by a split its parent's
     * decisions up to the split (and so on up), with the split entries that made it and the
     * one that retired it. In ledger order.
     */
    QList<LedgerEntry> history( const QString &code, const QList<LedgerEntry> &entries );

    /**
     * `line` (WGS 84, a line or multi line) cut at `at`, which lies on it: the part from its
     * start to `at`, and from `at` to its end. Empty geometries when `at` is at an end.
     */
    QPair<QgsGeometry, QgsGeometry> cut( const QgsGeometry &line, const QgsPointXY &at );

    /**
     * The lines of segments made by splits that no version's lines name: their parent's
     * course cut at the split point (a split of a split cuts the cut line). `lines` as
     * segmentLines() found them; the derived ones are added.
     */
    void deriveLines( QMap<QString, SegmentLine> &lines, const QList<SegmentSplit> &splits );

    /**
     * Checks every split entry against the segment rows: the two new rows as recorded, the
     * old one present, each new code made by one split only; one problem line each.
     */
    void verify( const QList<LedgerEntry> &entries, const QList<Segment> &segments, VerifyReport &report );

    //! A segment row as a split entry records it: {chainage_from_m, chainage_to_m, code, from_point, seq, to_point} (numbers as text, 9 decimals).
    QJsonObject segmentPayload( const Segment &segment );
  }
}

#endif
