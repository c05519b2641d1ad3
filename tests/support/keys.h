// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_TEST_KEYS_H
#define LIMES_TEST_KEYS_H

// The delegations' signing keys in tests: fixed seeds, so that entries (with a fixed clock,
// LIMES_TEST_FIXED_UTC) have fixed bytes, hashes and signatures.

#include "crypto/signing.h"
#include "workspace/ledger.h"
#include "workspace/workspacestore.h"

#include <QByteArray>
#include <QString>

namespace limes::test
{
  //! The key of a seed of 32 bytes of `fill`: TJ 0x11, KG 0x22, the secretariat 0x33, spares 0x44 on.
  inline crypto::SigningKey seededKey( char fill )
  {
    return crypto::SigningKey::fromSeed( QByteArray( 32, fill ) );
  }
  inline crypto::SigningKey tjKey() { return seededKey( '\x11' ); }
  inline crypto::SigningKey kgKey() { return seededKey( '\x22' ); }
  inline crypto::SigningKey secretariatKey() { return seededKey( '\x33' ); }

  //! The passphrase of key files written by tests (tests/support/keys.sh uses the same).
  inline QByteArray passphrase() { return QByteArrayLiteral( "limes-test-passphrase" ); }

  //! Registers TJ's, KG's and the secretariat's keys (entries 1, 2 and 3 of a new ledger).
  inline void registerKeys( WorkspaceStore &ws )
  {
    ws.registerKey( QStringLiteral( "TJ" ), QStringLiteral( "TJ delegation" ), QStringLiteral( "test" ), tjKey() );
    ws.registerKey( QStringLiteral( "KG" ), QStringLiteral( "KG delegation" ), QStringLiteral( "test" ), kgKey() );
    ws.registerKey( ledger::secretariat(), QStringLiteral( "Secretariat" ), QStringLiteral( "test" ), secretariatKey() );
  }
}

#endif
