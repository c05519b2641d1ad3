// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_KEYRING_H
#define LIMES_WORKSPACE_KEYRING_H

// Who may sign the ledger, derived from the ledger itself: the `key` and `key_revoke` entries,
// replayed in order. No table of keys is ever trusted; a storage keeps none.

#include "workspace/model.h"

#include <QSet>

namespace limes::ledger
{
  /**
   * What an endorsement of a new key signs, UTF-8: "limes key endorsement\n" PARTY "\n"
   * FINGERPRINT "\n" PREVIOUS_HASH (the hash the new key's entry follows, so that an
   * endorsement cannot be replayed elsewhere in the chain).
   */
  QByteArray endorsementMessage( const QString &party, const QString &fingerprint, const QString &previousHash );

  //! The registered keys as the chain stands after the entries accepted so far.
  class Keyring
  {
    public:
      //! `parties`: the workspace's party codes (the secretariat's is added).
      explicit Keyring( const QStringList &parties );

      /**
       * Checks a format 2 entry's signature against the keys registered before it: a key
       * entry by the key it registers (proof of possession), endorsed by an active key of
       * its party when the party has one (rotation); a revocation by an active key of the
       * revoked key's party or of the secretariat; any other entry by an active key
       * registered for its signer_party. Then applies a key or key_revoke entry that checks
       * out. Returns what is wrong, one line each, without the entry's label.
       */
      QStringList accept( const LedgerEntry &entry );

      //! The key of that fingerprint, registered at any time; null when never registered.
      const RegisteredKey *key( const QString &fingerprint ) const;
      //! The party an active key is registered for; empty when it is not (or no longer) active.
      QString activeParty( const QString &fingerprint ) const;
      QList<RegisteredKey> active( const QString &party ) const;
      QList<RegisteredKey> keys() const { return mKeys; }

    private:
      QStringList checkKeyEntry( const LedgerEntry &entry ) const;
      QStringList checkRevocation( const LedgerEntry &entry ) const;
      QString checkSignedBy( const LedgerEntry &entry, const QByteArray &publicKey ) const;

      QStringList mParties;
      QList<RegisteredKey> mKeys;
  };

  //! The ledger's signatures replayed: who may sign, who has signed what, what does not hold.
  struct Analysis
  {
    explicit Analysis( const QStringList &parties ) : keyring( parties ) {}
    Keyring keyring;
    QMap<long long, QStringList> problems;    //!< entry id -> what is wrong with its signature or its kind's rules
    QMap<long long, QSet<QString>> signedBy;  //!< decision id -> parties whose valid signature is on it
  };

  //! Replays format 2 entries in order (format 1 entries are unsigned and skipped).
  Analysis analyse( const QList<LedgerEntry> &entries, const QStringList &parties );
}

#endif
