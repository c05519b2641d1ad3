// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_LEDGER_H
#define LIMES_WORKSPACE_LEDGER_H

// The agreement ledger's rules, the same for every storage: what an entry needs, how it is
// sealed into the hash chain, how the chain is verified and what each segment's status is.

#include "workspace/model.h"

namespace limes::ledger
{
  //! The decisions a protocol may record.
  const QStringList &decisions();
  //! previous_hash of the first entry: 64 zeros.
  QString zeroHash();

  /**
   * The bytes an entry's hash is computed over: one JSON object, UTF-8, no whitespace, keys
   * sorted, every field present:
   *
   *   {"agreed_version":S,"attachments":{PATH:SHA256,...},"author":S,"decision":S,"id":N,
   *    "meeting_date":"YYYY-MM-DD","place":S,"positions":{PARTY:S,...},"previous_hash":S,
   *    "protocol":S,"recorded_utc":S,"segment":S,"signatories":{PARTY:[S,...],...},
   *    "supersedes":N}
   *
   * (inner objects' keys sorted too; supersedes is -1 for none; strings as JSON escapes them,
   * other text as UTF-8). The entry's hash is the lower-case hex SHA-256 of these bytes, so an
   * auditor can recompute it with any JSON tool and sha256sum.
   */
  QByteArray canonical( const LedgerEntry &entry );
  //! SHA-256 of canonical(), hex.
  QString hashOf( const LedgerEntry &entry );

  //! Checks an entry against the workspace's segments and parties; fingerprints attachments.
  LedgerEntry prepare( const LedgerEntryInput &input, const QStringList &segments, const QStringList &parties, const QString &where );
  /**
   * A correction must name an entry about the same segment. `supersededSegment` is what the
   * storage found for input.supersedes: a null string when there is no such entry.
   */
  void checkSupersedes( const LedgerEntryInput &input, const QString &supersededSegment, const QString &where );
  //! Gives the entry its id, time and place in the chain, and its hash.
  void seal( LedgerEntry &entry, long long id, const QString &previousHash );

  //! Each segment's status: the latest ledger entry not superseded.
  QMap<QString, QString> statusOf( const QStringList &segments, const QList<LedgerEntry> &entries );
  //! Recomputes every hash and link; `recordedCount` and `recordedHead` are what the storage keeps beside the entries.
  VerifyReport verifyChain( const QList<LedgerEntry> &entries, long long recordedCount, const QString &recordedHead );

  //! Positions, signatories and attachment hashes as stored: compact JSON objects.
  QString jsonOf( const QMap<QString, QString> &map );
  QString jsonOf( const QMap<QString, QStringList> &map );
  //! The reverse of jsonOf() for an entry read back from storage.
  void readJson( LedgerEntry &entry, const QString &positions, const QString &signatories, const QString &attachments );
}

#endif
