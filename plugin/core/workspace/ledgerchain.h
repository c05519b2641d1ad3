// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_LEDGERCHAIN_H
#define LIMES_WORKSPACE_LEDGERCHAIN_H

// WorkspaceStore's private view of the chain while it writes, shared by the files that
// implement its operations (workspacestore.cpp, segmentsplit.cpp).

#include "workspace/keyring.h"
#include "workspace/workspacestore.h"

namespace limes
{
  //! The chain as a writer finds it, the head locked: what its entry follows, and who signs it.
  struct WorkspaceStore::Chain
  {
    explicit Chain( const QStringList &parties ) : analysis( parties ) {}
    long long nextId = 1;
    QString head;
    QList<LedgerEntry> entries;
    ledger::Analysis analysis;
    QString signerParty;  //!< the party the writer's key is registered for
  };
}

#endif
