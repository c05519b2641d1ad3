// SPDX-License-Identifier: GPL-2.0-or-later
#include "splitsegmentdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace limes
{
  SplitSegmentDialog::SplitSegmentDialog( QWidget *parent )
    : QDialog( parent )
  {
    setObjectName( QLatin1String( OBJECT_NAME ) );
    setWindowTitle( tr( "Split Segment" ) );
    auto *layout = new QVBoxLayout( this );
    mWhere = new QLabel( this );
    mWhere->setWordWrap( true );
    layout->addWidget( mWhere );
    auto *form = new QFormLayout();
    mFirst = new QLineEdit( this );
    mFirst->setObjectName( QStringLiteral( "mSplitFirstCode" ) );
    mSecond = new QLineEdit( this );
    mSecond->setObjectName( QStringLiteral( "mSplitSecondCode" ) );
    form->addRow( tr( "From the start to the split point" ), mFirst );
    form->addRow( tr( "From the split point to the end" ), mSecond );
    layout->addLayout( form );
    auto *note = new QLabel( tr( "The segment's record stays: the ledger records the split, signed with your key, and both new segments carry its history." ), this );
    note->setWordWrap( true );
    layout->addWidget( note );
    mButtons = new QDialogButtonBox( QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this );
    mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Split" ) );
    layout->addWidget( mButtons );
    connect( mButtons, &QDialogButtonBox::accepted, this, &SplitSegmentDialog::confirmed );
    connect( mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject );
  }

  void SplitSegmentDialog::propose( const QString &segment, const QString &where )
  {
    mWhere->setText( tr( "Split %1 at %2 into:" ).arg( segment, where ) );
    mFirst->setText( segment + QLatin1Char( 'a' ) );
    mSecond->setText( segment + QLatin1Char( 'b' ) );
  }

  QString SplitSegmentDialog::firstCode() const
  {
    return mFirst->text().trimmed();
  }

  QString SplitSegmentDialog::secondCode() const
  {
    return mSecond->text().trimmed();
  }
}
