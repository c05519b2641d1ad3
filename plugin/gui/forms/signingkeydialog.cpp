// SPDX-License-Identifier: GPL-2.0-or-later
#include "signingkeydialog.h"
#include "error.h"
#include "ui_signingkeydialog.h"

#include <QPushButton>

namespace limes
{
  SigningKeyDialog::SigningKeyDialog( const QString &why, const QString &lastPath, QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesSigningKeyDialog>() )
  {
    mUi->setupUi( this );
    mUi->mWhy->setText( tr( "%1 is signed with your delegation's key. Choose your key file and type its passphrase: "
                            "Limes keeps the key in memory until QGIS closes, and never stores the passphrase." ).arg( why ) );
    mUi->mFileWidget->setStorageMode( QgsFileWidget::GetFile );
    mUi->mFileWidget->setDialogTitle( tr( "Signing Key" ) );
    mUi->mFileWidget->setFilePath( lastPath );
    mUi->mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Use Key" ) );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, &SigningKeyDialog::tryAccept );
    connect( mUi->mPassphrase, &QLineEdit::returnPressed, this, &SigningKeyDialog::tryAccept );
    if ( !lastPath.isEmpty() )
      mUi->mPassphrase->setFocus();
  }

  SigningKeyDialog::~SigningKeyDialog() = default;

  QString SigningKeyDialog::path() const
  {
    return mUi->mFileWidget->filePath();
  }

  void SigningKeyDialog::tryAccept()
  {
    if ( path().isEmpty() )
    {
      mUi->mProblem->setText( tr( "Choose your key file." ) );
      return;
    }
    try
    {
      mKey = std::make_unique<crypto::SigningKey>( crypto::SigningKey::load( path(), mUi->mPassphrase->text().toUtf8() ) );
    }
    catch ( const Error &e )
    {
      mUi->mProblem->setText( e.problem() );
      mUi->mPassphrase->selectAll();
      return;
    }
    mUi->mPassphrase->clear();
    accept();
  }
}
