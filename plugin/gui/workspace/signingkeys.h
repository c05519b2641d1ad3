// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SIGNINGKEYS_H
#define LIMES_SIGNINGKEYS_H

#include "crypto/signing.h"

#include <QObject>

#include <memory>

class QWidget;

namespace limes
{
  struct RegisteredKey;

  /**
   * The recorder's signing key for this QGIS session: asked for once (key file and
   * passphrase), then kept in memory until unload, or until the user chooses another one.
   * Only the file's path is remembered (QgsSettings Limes/keyFile).
   */
  class SigningKeys : public QObject
  {
      Q_OBJECT

    public:
      explicit SigningKeys( QObject *parent = nullptr );
      ~SigningKeys() override;

      /**
       * The key to sign with; the first time it asks for it (`why`: what is being signed).
       * Null when the user cancels.
       */
      const crypto::SigningKey *key( QWidget *parent, const QString &why );
      //! Asks for a key even when one is held (another delegation's, to countersign).
      const crypto::SigningKey *chooseKey( QWidget *parent, const QString &why );
      const crypto::SigningKey *current() const { return mKey.get(); }
      //! Reads a key file directly. Throws limes::Error.
      void load( const QString &path, const QByteArray &passphrase );
      void forget();
      QString fingerprint() const;
      //! The party the key is registered for among `keys`, or empty.
      QString partyIn( const QList<RegisteredKey> &keys ) const;

    signals:
      void keyChanged();

    private:
      std::unique_ptr<crypto::SigningKey> mKey;
  };
}

#endif
