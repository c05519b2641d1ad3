// SPDX-License-Identifier: GPL-2.0-or-later
#include "signingkeys.h"
#include "forms/signingkeydialog.h"
#include "workspace/model.h"

#include <qgssettings.h>

namespace limes
{
  namespace
  {
    const QString PATH_KEY = QStringLiteral( "Limes/keyFile" );
  }

  SigningKeys::SigningKeys( QObject *parent )
    : QObject( parent )
  {}

  SigningKeys::~SigningKeys() = default;

  const crypto::SigningKey *SigningKeys::key( QWidget *parent, const QString &why )
  {
    return mKey ? mKey.get() : chooseKey( parent, why );
  }

  const crypto::SigningKey *SigningKeys::chooseKey( QWidget *parent, const QString &why )
  {
    SigningKeyDialog dialog( why, QgsSettings().value( PATH_KEY ).toString(), parent );
    if ( dialog.exec() != QDialog::Accepted )
      return nullptr;
    mKey = dialog.takeKey();
    QgsSettings().setValue( PATH_KEY, dialog.path() );
    emit keyChanged();
    return mKey.get();
  }

  void SigningKeys::load( const QString &path, const QByteArray &passphrase )
  {
    mKey = std::make_unique<crypto::SigningKey>( crypto::SigningKey::load( path, passphrase ) );
    emit keyChanged();
  }

  void SigningKeys::forget()
  {
    mKey.reset();
    emit keyChanged();
  }

  QString SigningKeys::fingerprint() const
  {
    return mKey ? mKey->fingerprint() : QString();
  }

  QString SigningKeys::partyIn( const QList<RegisteredKey> &keys ) const
  {
    const QString fp = fingerprint();
    for ( const RegisteredKey &k : keys )
      if ( k.fingerprint == fp && k.revokedIn < 0 )
        return k.party;
    return QString();
  }
}
