// SPDX-License-Identifier: GPL-2.0-or-later
#include "claimpreviewdock.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace limes
{
  ClaimPreviewDock::ClaimPreviewDock( QWidget *parent )
    : QgsDockWidget( tr( "Limes Claim Preview" ), parent )
  {
    setObjectName( QLatin1String( OBJECT_NAME ) );
    auto *body = new QWidget( this );
    auto *layout = new QVBoxLayout( body );
    layout->setContentsMargins( 2, 2, 2, 2 );
    mHeading = new QLabel( body );
    mHeading->setObjectName( QStringLiteral( "mClaimPreviewHeading" ) );
    mHeading->setWordWrap( true );
    mTable = new QTableWidget( 0, 2, body );
    mTable->setObjectName( QStringLiteral( "mClaimPreviewTable" ) );
    mTable->setHorizontalHeaderLabels( { tr( "Change" ), tr( "Amount" ) } );
    mTable->verticalHeader()->hide();
    mTable->horizontalHeader()->setStretchLastSection( true );
    mTable->setEditTriggers( QAbstractItemView::NoEditTriggers );
    mStatus = new QLabel( body );
    mStatus->setObjectName( QStringLiteral( "mClaimPreviewStatus" ) );
    mStatus->setWordWrap( true );
    layout->addWidget( mHeading );
    layout->addWidget( mTable, 1 );
    layout->addWidget( mStatus );
    mSave = new QPushButton( tr( "Save as Version…" ), body );
    mSave->setObjectName( QStringLiteral( "mClaimPreviewSave" ) );
    mSave->setToolTip( tr( "Store the draft as a new version of the workspace, signed with your delegation's key" ) );
    mSave->hide();
    layout->addWidget( mSave );
    setWidget( body );
  }

  void ClaimPreviewDock::setHeading( const QString &text )
  {
    mHeading->setText( text );
  }

  void ClaimPreviewDock::setStatus( const QString &text )
  {
    mStatus->setText( text );
  }

  void ClaimPreviewDock::clear()
  {
    mTable->setRowCount( 0 );
    mStatus->clear();
  }

  void ClaimPreviewDock::addRow( const QString &what, const QString &value, double raw, const QString &key )
  {
    const int row = mTable->rowCount();
    mTable->insertRow( row );
    auto *name = new QTableWidgetItem( what );
    name->setData( Qt::UserRole + 1, key );
    auto *amount = new QTableWidgetItem( value );
    amount->setData( Qt::UserRole, raw );
    amount->setData( Qt::UserRole + 1, key );
    amount->setTextAlignment( Qt::AlignRight | Qt::AlignVCenter );
    mTable->setItem( row, 0, name );
    mTable->setItem( row, 1, amount );
  }

  void ClaimPreviewDock::showTotals( const claim::ChangeTotals &totals, const QStringList &parties, const QStringList &resourceLayers )
  {
    const QLocale locale;
    auto ha = [&]( double m2 ) { return tr( "%1 ha" ).arg( locale.toString( m2 / 10000.0, 'f', 2 ) ); };
    mTable->setRowCount( 0 );
    // both directions between every two parties, nothing moving included: the user sees it is zero
    for ( const QString &from : parties )
      for ( const QString &to : parties )
        if ( from != to )
          addRow( tr( "%1 → %2" ).arg( from, to ), ha( totals.transferM2.value( qMakePair( from, to ) ) ), totals.transferM2.value( qMakePair( from, to ) ),
                  QStringLiteral( "transfer:%1:%2" ).arg( from, to ) );
    for ( const QString &party : parties )
    {
      const double net = totals.netM2.value( party );
      addRow( tr( "Net for %1" ).arg( party ), ( net > 0 ? QStringLiteral( "+" ) : QString() ) + ha( net ), net, QStringLiteral( "net:%1" ).arg( party ) );
    }
    for ( const QString &layer : resourceLayers )
    {
      addRow( tr( "%1: features changing side" ).arg( layer ), locale.toString( totals.resourceFeatures.value( layer ) ),
              static_cast<double>( totals.resourceFeatures.value( layer ) ), QStringLiteral( "features:%1" ).arg( layer ) );
      if ( const double length = totals.resourceLengthM.value( layer ); length > 0 )
        addRow( tr( "%1: length changing side" ).arg( layer ), tr( "%1 km" ).arg( locale.toString( length / 1000.0, 'f', 3 ) ), length,
                QStringLiteral( "length:%1" ).arg( layer ) );
      if ( const double area = totals.resourceAreaM2.value( layer ); area > 0 )
        addRow( tr( "%1: area changing side" ).arg( layer ), ha( area ), area, QStringLiteral( "area:%1" ).arg( layer ) );
    }
    mTable->resizeColumnToContents( 0 );
  }
}
