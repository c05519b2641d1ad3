// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CLAIM_CLAIMLINE_H
#define LIMES_CLAIM_CLAIMLINE_H

#include "workspace/model.h"

#include <QList>
#include <QString>

#include <qgsgeometry.h>
#include <qgspointxy.h>

namespace limes
{
  class WorkspaceStore;
  struct SegmentLine;
  namespace crypto
  {
    class SigningKey;
  }
}

namespace limes::claim
{
  /**
   * How far (metres, on the ellipsoid) a claim's end may lie from the segment's end turning
   * point or pillar it is meant to end on: the workspace's validation tolerance (Validate's
   * default), so that a line accepted here passes the end rules there.
   */
  constexpr double END_TOLERANCE_M = 0.5;

  //! A point a claim for a segment may begin or end on (WGS 84).
  struct EndPoint
  {
    QString label;       //!< "turning point at the start of S-003", "pillar 17"
    QgsPointXY point;
  };

  /**
   * Where a claim for `segment` may end: the ends of the segment's course (its end turning
   * points, from `line` when a version says where it runs), the pillars the segment names as
   * its from/to points, and the segment's own pillars nearest each end of its course (all of
   * its pillars when no course is known).
   */
  QList<EndPoint> segmentEnds( const Segment &segment, const SegmentLine *line, const QList<Pillar> &pillars );
  //! The same, read from the workspace.
  QList<EndPoint> segmentEnds( const WorkspaceStore &store, const QString &segment );

  //! Distance on the WGS 84 ellipsoid, metres.
  double distanceM( const QgsPointXY &a, const QgsPointXY &b );

  /**
   * The line (WGS 84) with its first and last vertex put exactly on the end points they lie
   * on within `toleranceM`. Throws limes::Error saying which end is how far from the nearest
   * end point when one does not, when both ends are on the same point, or when the line has
   * fewer than two distinct vertices.
   */
  QgsPolylineXY snapEnds( const QgsPolylineXY &line, const QList<EndPoint> &ends, double toleranceM = END_TOLERANCE_M );

  //! `line` turned round when it runs from `referenceEnd` towards `referenceStart` (so that left and right mean what they mean on the reference).
  QgsPolylineXY orientedLike( const QgsPolylineXY &line, const QgsPointXY &referenceStart, const QgsPointXY &referenceEnd );

  //! A claim line drawn for one segment, or a draft edited from a version's lines.
  struct ClaimInput
  {
    QString kind = QStringLiteral( "claim" ); //!< claim (a party's), or draft (edited from an existing version)
    QString segment;
    QString party;          //!< whose claim it is (claims only)
    QString source = QStringLiteral( "digitized in QGIS" );
    QString name;           //!< empty: claimName()
    QString author;
    QDate date;             //!< invalid: today
    QString notes;
    QString leftParty;      //!< as on the reference version the line was drawn against
    QString rightParty;
    QString edges;          //!< as the reference records them (LineVersion::edges); empty: not recorded
    QgsPolylineXY line;     //!< WGS 84, as drawn
  };

  //! "TJ claim S-003 (digitized 2)": the first name of that pattern no version has yet.
  QString claimName( const QString &party, const QString &segment, const QList<LineVersion> &versions );
  //! "S-003 draft from DCW (2)": the same for a draft edited from version `from`.
  QString draftName( const QString &segment, const QString &from, const QList<LineVersion> &versions );

  /**
   * Checks the claim (segment and party known, ends on the segment's end points within the
   * tolerance) and stores it as a new version of kind `claim` (with the party as its owner) or
   * `draft`, its ends snapped onto the end points, in one transaction with its signed `version` entry
   * (WorkspaceStore::importVersion). Throws limes::Error; nothing is stored then.
   */
  LineVersion storeClaim( WorkspaceStore &store, const ClaimInput &claim, const crypto::SigningKey &key );
}

#endif
