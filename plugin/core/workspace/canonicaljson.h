// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACE_CANONICALJSON_H
#define LIMES_WORKSPACE_CANONICALJSON_H

// The one JSON form the ledger seals: what an auditor gets from Python with
// json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode().
// Written here rather than by QJsonDocument, whose output is not promised across Qt releases.

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace limes::canonicaljson
{
  /**
   * Compact UTF-8 JSON: no whitespace; object keys sorted by code point (their UTF-8 bytes)
   * at every level; strings escaped as `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and other
   * characters below U+0020 as `\u00xx` (lower-case hex), everything else as UTF-8; numbers
   * are integers (limes::Error for any other number: the ledger seals none).
   */
  QByteArray serialise( const QJsonValue &value );
  QByteArray serialise( const QJsonObject &object );

  /**
   * Reads `text` strictly: one JSON object and nothing else. Returns false (and leaves
   * `object` empty) for anything else; `exact` (when given) tells whether `text` is already
   * in the canonical form, byte for byte.
   */
  bool parseObject( const QString &text, QJsonObject *object, bool *exact = nullptr );

  //! The lower-case hex SHA-256 of `bytes`.
  QString sha256( const QByteArray &bytes );
}

#endif
