// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_LEDGER_H
#define LIMES_WORKSPACE_LEDGER_H

// The agreement ledger's rules, the same for every storage: what an entry needs, how it is
// sealed into the hash chain and signed, how a storage's row becomes an entry and back, and
// what each segment's status is. docs/workspace.md specifies the bytes.

#include "workspace/model.h"

namespace limes::crypto
{
  class SigningKey;
}

namespace limes::ledger
{
  //! The decisions a protocol may record.
  const QStringList &decisions();
  //! The kinds of entry: decision, countersign, key, key_revoke, version, pillars, finding, change.
  const QStringList &kinds();
  //! The party code of the secretariat's keys; it signs, but counts for no party.
  QString secretariat();
  //! previous_hash of the first entry: 64 zeros.
  QString zeroHash();

  /**
   * One ledger row as a storage keeps it, every column as text (a null QString for NULL).
   * Storages write and read rows; only this file turns them into entries, so that both
   * storages keep the same columns the same way.
   */
  struct Row
  {
    long long id = -1;
    QString kind, segment, protocol, meetingDate, place, decision, agreedVersion, positions, signatories, attachments, supersedes;
    QString author, recordedUtc, previousHash, hash, payload, signerParty, signerKey, signature, sealed;
  };

  /**
   * Format 1, entries recorded before signatures (schema 4 and older), kept as they were:
   * one JSON object, UTF-8, no whitespace, keys sorted, every field present:
   *
   *   {"agreed_version":S,"attachments":{PATH:SHA256,...},"author":S,"decision":S,"id":N,
   *    "meeting_date":"YYYY-MM-DD","place":S,"positions":{PARTY:S,...},"previous_hash":S,
   *    "protocol":S,"recorded_utc":S,"segment":S,"signatories":{PARTY:[S,...],...},
   *    "supersedes":N}
   *
   * (supersedes is -1 for none; as QJsonDocument writes it).
   */
  QByteArray canonicalV1( const LedgerEntry &entry );
  /**
   * Format 2, every entry since: canonicaljson.h's form of
   *
   *   {"author":S,"id":N,"kind":S,"payload":{...},"previous_hash":S,"recorded_utc":S,
   *    "signer_key":S,"signer_party":S,"v":2}
   *
   * The hash is its SHA-256, the signature Ed25519 over these bytes.
   */
  QByteArray canonical( const LedgerEntry &entry );
  //! SHA-256 (hex) of the entry's canonical bytes in its format.
  QString hashOf( const LedgerEntry &entry );

  //! A decision's payload: its protocol fields, attachments' hashes and the agreed version's content hash.
  QJsonObject decisionPayload( const LedgerEntry &entry );

  //! Checks an entry against the workspace's segments and parties; fingerprints attachments.
  LedgerEntry prepare( const LedgerEntryInput &input, const QStringList &segments, const QStringList &parties, const QString &where );
  /**
   * A correction must name an entry about the same segment. `supersededSegment` is what the
   * storage found for input.supersedes: a null string when there is no such entry.
   */
  void checkSupersedes( const LedgerEntryInput &input, const QString &supersededSegment, const QString &where );

  /**
   * The time an entry is recorded: now, in UTC, to the millisecond. Test hook: with
   * LIMES_TEST_FIXED_UTC set (tests only, for golden bytes) its value instead.
   */
  QString nowUtc();
  /**
   * Gives a format 2 entry its id, time, place in the chain and signer; computes its
   * canonical bytes, hash and signature (a decision's payload from its fields first).
   */
  void seal( LedgerEntry &entry, long long id, const QString &previousHash, const QString &signerParty, const crypto::SigningKey &key );

  //! The row a storage writes for an entry.
  Row toRow( const LedgerEntry &entry );
  /**
   * The entry a row holds. Reads JSON columns strictly; `problems` (when given) gets what is
   * wrong with how the row is stored, one line each: a JSON column that is not JSON, a column
   * that is not what was sealed. Only verify() asks.
   */
  LedgerEntry fromRow( const Row &row, QStringList *problems = nullptr );

  /**
   * A format 2 entry as its sealed bytes say it (header and payload), whatever its columns
   * hold; the entry itself when the bytes are not a JSON object. verify() checks signatures
   * and content against what was signed, so that a column changed behind Limes' back is named
   * once, where it was changed.
   */
  LedgerEntry fromSealed( const LedgerEntry &stored );

  //! How messages name an entry: "entry 5 (protocol 21, segment S-003)", "entry 2 (key of TJ SHA256:ab12…)".
  QString label( const LedgerEntry &entry );

  /**
   * Each segment's status: the latest decision not superseded; an `agreed` one stays
   * "agreed (awaiting KG)" until every party named among its signatories has signed it
   * (its recorder, or a countersignature; keyring.h).
   */
  QMap<QString, QString> statusOf( const QStringList &segments, const QStringList &parties, const QList<LedgerEntry> &entries );

  //! Positions, signatories and attachment hashes as stored: canonical JSON objects.
  QString jsonOf( const QMap<QString, QString> &map );
  QString jsonOf( const QMap<QString, QStringList> &map );
}

#endif
