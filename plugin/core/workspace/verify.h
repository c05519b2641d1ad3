// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_VERIFY_H
#define LIMES_WORKSPACE_VERIFY_H

// Verifying a ledger as a storage holds it, and comparing two copies of one: the same for
// every storage (WorkspaceStore::verify() and compareLedgers() call these).

#include "workspace/ledger.h"

namespace limes::ledger
{
  /**
   * Checks every row: stored as sealed (JSON columns strictly JSON, columns re-serialising to
   * the sealed bytes), hash, chain links and ids, signatures under keys registered and not
   * revoked before, each kind's rules (endorsements, countersignatures), unsigned entries
   * only before the first signed one; then the recorded count and head, and the anchors in
   * `options` (an expected head, fingerprints known out of band). Returns the entries as
   * signed (ledger::fromSealed() where a column was changed), for checking what they cover.
   */
  QList<LedgerEntry> verifyRows( const QList<Row> &rows, long long recordedCount, const QString &recordedHead, const QStringList &parties,
                                 const VerifyOptions &options, VerifyReport &report );

  //! How two copies of one ledger relate (limes workspace compare).
  struct Comparison
  {
    enum class Relation { Identical, APrefixOfB, BPrefixOfA, Fork } relation = Relation::Identical;
    long long common = 0;          //!< entries both hold alike, column for column, from the first
    QList<LedgerEntry> onlyA;      //!< A's entries after the common ones
    QList<LedgerEntry> onlyB;
  };
  //! Compares the rows as stored, every column: a copy changed behind Limes' back differs where it was changed.
  Comparison compare( const QList<Row> &a, const QList<Row> &b );

  //! "COUNT:HASH" parsed for --expect-head; limes::Error for anything else.
  void parseExpectedHead( const QString &text, VerifyOptions &options );
}

#endif
