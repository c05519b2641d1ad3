// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SEGMENTDETAIL_H
#define LIMES_SEGMENTDETAIL_H

#include <QString>

namespace limes
{
  struct WorkspaceData;

  /**
   * The detail pane of a segment, as HTML: its ledger history oldest first (superseded
   * entries struck through, positions per party, signatories, attachments as file links with
   * their fingerprints), its claims per party and its pillars.
   */
  QString segmentDetailHtml( const WorkspaceData &data, const QString &segment );
}

#endif
