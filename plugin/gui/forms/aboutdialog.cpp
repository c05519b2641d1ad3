// SPDX-License-Identifier: GPL-2.0-or-later
#include "aboutdialog.h"
#include "ui_aboutdialog.h"
#include "versioninfo.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>

namespace limes
{
  AboutDialog::AboutDialog( QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesAboutDialog>() )
  {
    mUi->setupUi( this );
    mUi->mVersions->setPlainText( VersionInfo::current().toText() );
    QPushButton *copy = mUi->mButtons->addButton( tr( "Copy" ), QDialogButtonBox::ActionRole );
    connect( copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText( versionsText() ); } );
  }

  AboutDialog::~AboutDialog() = default;

  QString AboutDialog::versionsText() const
  {
    return mUi->mVersions->toPlainText();
  }
}
