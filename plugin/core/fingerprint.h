// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_FINGERPRINT_H
#define LIMES_FINGERPRINT_H

#include <QString>

namespace limes
{
  /**
   * SHA-256 of a file, in hex: what provenance and the ledger record so that both
   * delegations can tell they hold the same file. Empty when the file cannot be read;
   * `error` then says why.
   */
  QString fileSha256( const QString &path, QString *error = nullptr );
}

#endif
