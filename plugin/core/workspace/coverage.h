// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_COVERAGE_H
#define LIMES_WORKSPACE_COVERAGE_H

// What the ledger covers besides decisions: every imported version, every pillar import,
// every accepted finding and stored change is recorded by a signed entry carrying the
// SHA-256 of the content as stored, so that verify() names content changed behind Limes' back.
// The canonical texts are specified in docs/workspace.md.

#include "workspace/importsource.h"
#include "workspace/model.h"

namespace limes::coverage
{
  /**
   * The geometry of a stored line as text: "LINESTRING(x y,x y,...)" (with " Z" and a third
   * ordinate when it has one), every ordinate with 9 decimals, WGS 84 degrees as stored.
   */
  QString wkt( const QByteArray &wkb );
  //! One line's canonical text: {"part":N,"segment":S,"wkt":S}.
  QByteArray lineText( const VersionLine &line );
  /**
   * A version entry's payload: {content_sha256, date, kind, left, line_count, line_sha256:[...],
   * name, right}; content_sha256 is the SHA-256 of {"date","kind","left","lines":[...],"name","right"}.
   */
  QJsonObject versionPayload( const LineVersion &version, const QList<VersionLine> &lines );
  //! One pillar's canonical text (numbers with 9 decimals, "" where there is none).
  QByteArray pillarText( const Pillar &pillar );
  //! {content_sha256, count, pillar_sha256:{NUMBER:SHA256}}; content_sha256 is the SHA-256 of the pillar_sha256 object.
  QJsonObject pillarsPayload( const QList<Pillar> &pillars );
  //! {fid, layer, reason, rule}
  QJsonObject findingPayload( const AcceptedFinding &finding );
  //! {new, old, summary_sha256}: the SHA-256 of the summary's bytes as stored.
  QJsonObject changePayload( const StoredChange &change );

  //! The content verify() reads from a storage.
  struct Stored
  {
    QList<LineVersion> versions;
    QMap<long long, QList<VersionLine>> lines; //!< version id -> its lines in row order
    QList<Pillar> pillars;
    QList<AcceptedFinding> findings;
    QList<StoredChange> changes;
    QMap<QString, long long> legacyIds;        //!< table -> the largest row id present before signatures (schema 5)
  };

  //! Compares what is stored with what the entries recorded; one problem per changed, missing or added item.
  void verify( const QList<LedgerEntry> &entries, const Stored &content, VerifyReport &report );
}

#endif
