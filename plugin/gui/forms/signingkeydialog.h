// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SIGNINGKEYDIALOG_H
#define LIMES_SIGNINGKEYDIALOG_H

#include "crypto/signing.h"

#include <QDialog>

#include <memory>

namespace Ui
{
  class LimesSigningKeyDialog;
}

namespace limes
{
  /**
   * Asks for the delegation's key file and its passphrase, and reads the key (Limes' own
   * passphrase-protected PKCS#8 files, `limes key generate`). A wrong passphrase or file is
   * said in the dialog, which stays open; the passphrase is never stored.
   */
  class SigningKeyDialog : public QDialog
  {
      Q_OBJECT

    public:
      //! `why`: what is about to be signed, in a sentence.
      SigningKeyDialog( const QString &why, const QString &lastPath, QWidget *parent = nullptr );
      ~SigningKeyDialog() override;

      //! The key read when the user confirmed; null before.
      std::unique_ptr<crypto::SigningKey> takeKey() { return std::move( mKey ); }
      QString path() const;

    private:
      void tryAccept();

      std::unique_ptr<Ui::LimesSigningKeyDialog> mUi;
      std::unique_ptr<crypto::SigningKey> mKey;
  };
}

#endif
