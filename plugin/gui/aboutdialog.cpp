#include "aboutdialog.h"
#include "versioninfo.h"

#include <QApplication>
#include <QClipboard>
#include <QPushButton>

namespace limes
{
  AboutDialog::AboutDialog( QWidget *parent )
    : QDialog( parent )
  {
    setupUi( this );
    mVersions->setPlainText( VersionInfo::current().toText() );
    QPushButton *copy = mButtons->addButton( tr( "Copy" ), QDialogButtonBox::ActionRole );
    connect( copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText( versionsText() ); } );
  }

  QString AboutDialog::versionsText() const
  {
    return mVersions->toPlainText();
  }
}
