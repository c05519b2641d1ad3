// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_LAYERSTYLES_H
#define LIMES_LAYERSTYLES_H

// How the layers Limes adds look: segments by status, versions by kind, pillars numbered,
// transfers by direction with their area, resource changes highlighted.

#include <QColor>
#include <QMap>
#include <QString>
#include <QStringList>

class QgsVectorLayer;

namespace limes
{
  struct LineVersion;

  /**
   * The classes of status a segment can be in, in legend order: the statuses
   * WorkspaceStore::segmentStatus() names, with "awaiting" for any "agreed (awaiting PARTY)".
   */
  QStringList segmentStatuses();
  //! The class of a status as segmentStatus() says it.
  QString statusClass( const QString &status );
  //! How people read a status or a class, translated ("agreed, awaiting KG").
  QString statusLabel( const QString &status );
  QColor statusColour( const QString &status );

  //! Categorized by the class of `status`, a legend entry per class, labelled with the segment code.
  void styleSegments( QgsVectorLayer &layer );
  /**
   * Agreed and ratified lines solid, claims dashed in the claiming party's colour, drafts
   * thin, historical lines plain. `partyColour`: the claim's party's colour, if known.
   */
  void styleVersion( QgsVectorLayer &layer, const LineVersion &version, const QColor &partyColour );
  //! Squares labelled with their numbers (the workspace's default pillar style).
  void stylePillars( QgsVectorLayer &layer );
  //! A colour per direction ("from → to", coloured by the receiving party), labelled with the area.
  void styleTransfers( QgsVectorLayer &layer, const QStringList &directions, const QMap<QString, QColor> &partyColours );
  //! Bright, so that water that changes sides stands out over the transfers.
  void styleResourceChanges( QgsVectorLayer &layer );

  //! "12.34 ha", or "1.23 km²" from one square kilometre on.
  QString formatArea( double m2 );
  //! A colour for a party without one recorded, stable for its code.
  QColor fallbackPartyColour( const QString &code );
}

#endif
