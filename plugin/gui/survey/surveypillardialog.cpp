// SPDX-License-Identifier: GPL-2.0-or-later
#include "surveypillardialog.h"
#include "error.h"
#include "geometry/workingcrs.h"

#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsprojectionselectionwidget.h>
#include <qgsrectangle.h>

#include <cmath>

namespace limes
{
  namespace
  {
    //! A number as typed: the user's locale or a plain C one (what a surveyor's report prints).
    std::optional<double> parseNumber( const QString &text )
    {
      bool ok = false;
      double v = QLocale().toDouble( text.trimmed(), &ok );
      if ( !ok )
        v = QLocale::c().toDouble( text.trimmed(), &ok );
      return ok && std::isfinite( v ) ? std::optional<double>( v ) : std::nullopt;
    }

    int decimalsFor( const QgsCoordinateReferenceSystem &crs )
    {
      return crs.isGeographic() ? 9 : 3;
    }
  }

  SurveyPillarDialog::SurveyPillarDialog( const QgsCoordinateTransformContext &context, QWidget *parent )
    : QDialog( parent )
    , mContext( context )
  {
    setObjectName( QStringLiteral( "LimesSurveyPillarDialog" ) );
    setWindowTitle( tr( "Survey Pillar" ) );
    setModal( false );
    auto *layout = new QVBoxLayout( this );
    auto *form = new QFormLayout();
    layout->addLayout( form );

    mNumber = new QLabel( tr( "Click a pillar on the map." ) );
    mNumber->setObjectName( QStringLiteral( "mSurveyPillarNumber" ) );
    form->addRow( tr( "Pillar" ), mNumber );
    mDesigned = new QLabel();
    mDesigned->setObjectName( QStringLiteral( "mSurveyDesigned" ) );
    mDesigned->setTextInteractionFlags( Qt::TextSelectableByMouse );
    form->addRow( tr( "Designed position" ), mDesigned );

    mCrs = new QgsProjectionSelectionWidget();
    mCrs->setObjectName( QStringLiteral( "mSurveyCrs" ) );
    form->addRow( tr( "Surveyed in" ), mCrs );
    auto *xy = new QHBoxLayout();
    mX = new QLineEdit();
    mX->setObjectName( QStringLiteral( "mSurveyX" ) );
    mX->setPlaceholderText( tr( "X (easting, longitude)" ) );
    mY = new QLineEdit();
    mY->setObjectName( QStringLiteral( "mSurveyY" ) );
    mY->setPlaceholderText( tr( "Y (northing, latitude)" ) );
    mPick = new QPushButton( tr( "Pick on Map" ) );
    mPick->setObjectName( QStringLiteral( "mSurveyPick" ) );
    mPick->setToolTip( tr( "Take the surveyed position from the next click on the map" ) );
    xy->addWidget( mX );
    xy->addWidget( mY );
    xy->addWidget( mPick );
    form->addRow( tr( "Surveyed position" ), xy );
    mAccuracy = new QDoubleSpinBox();
    mAccuracy->setObjectName( QStringLiteral( "mSurveyAccuracy" ) );
    mAccuracy->setDecimals( 3 );
    mAccuracy->setRange( 0, 1000 );
    mAccuracy->setSingleStep( 0.01 );
    mAccuracy->setValue( 0.05 );
    mAccuracy->setSuffix( tr( " m" ) );
    form->addRow( tr( "Accuracy" ), mAccuracy );
    mDate = new QDateEdit( QDate::currentDate() );
    mDate->setObjectName( QStringLiteral( "mSurveyDate" ) );
    mDate->setDisplayFormat( QStringLiteral( "yyyy-MM-dd" ) );
    mDate->setCalendarPopup( true );
    mDate->setMaximumDate( QDateTime::currentDateTimeUtc().date() );
    form->addRow( tr( "Survey date" ), mDate );
    mDeviation = new QLabel( QStringLiteral( "—" ) );
    mDeviation->setObjectName( QStringLiteral( "mSurveyDeviation" ) );
    form->addRow( tr( "Deviation" ), mDeviation );

    mHistory = new QTreeWidget();
    mHistory->setObjectName( QStringLiteral( "mSurveyHistory" ) );
    mHistory->setRootIsDecorated( false );
    mHistory->setHeaderLabels( { tr( "Recorded" ), tr( "Date" ), tr( "Accuracy" ), tr( "Deviation" ), tr( "By" ) } );
    mHistory->header()->setSectionResizeMode( QHeaderView::ResizeToContents );
    mHistory->setMinimumHeight( 90 );
    layout->addWidget( new QLabel( tr( "Earlier surveys" ) ) );
    layout->addWidget( mHistory );

    mStatus = new QLabel();
    mStatus->setObjectName( QStringLiteral( "mSurveyStatus" ) );
    mStatus->setWordWrap( true );
    layout->addWidget( mStatus );
    auto *buttons = new QDialogButtonBox( QDialogButtonBox::Close );
    mSave = buttons->addButton( tr( "Save Survey" ), QDialogButtonBox::AcceptRole );
    mSave->setObjectName( QStringLiteral( "mSurveySave" ) );
    mSave->setEnabled( false );
    layout->addWidget( buttons );

    connect( buttons, &QDialogButtonBox::rejected, this, &QDialog::reject );
    connect( mSave, &QPushButton::clicked, this, &SurveyPillarDialog::saveRequested );
    connect( mPick, &QPushButton::clicked, this, &SurveyPillarDialog::pickRequested );
    connect( mX, &QLineEdit::textChanged, this, &SurveyPillarDialog::updateDeviation );
    connect( mY, &QLineEdit::textChanged, this, &SurveyPillarDialog::updateDeviation );
    connect( mCrs, &QgsProjectionSelectionWidget::crsChanged, this, &SurveyPillarDialog::updateDeviation );
    resize( 560, 440 );
  }

  void SurveyPillarDialog::setPillar( const Pillar &pillar, const QList<PillarSurvey> &history, const QgsCoordinateReferenceSystem &mapCrs )
  {
    mPillar = pillar;
    mNumber->setText( pillar.segment.isEmpty() ? pillar.number : tr( "%1 (segment %2)" ).arg( pillar.number, pillar.segment ) );
    // in the working CRS (the UTM zone Limes measures the pillar in), in the map's when another, and in degrees
    QStringList lines;
    const QgsCoordinateReferenceSystem working = workingCrsFor( QgsRectangle( pillar.lon, pillar.lat, pillar.lon, pillar.lat ) );
    for ( const QgsCoordinateReferenceSystem &crs : { working, mapCrs } )
    {
      if ( crs == working && !lines.isEmpty() )
        continue;
      try
      {
        const QgsPointXY p = QgsCoordinateTransform( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), crs, mContext ).transform( QgsPointXY( pillar.lon, pillar.lat ) );
        const QString where = crs == working ? tr( "%1, working CRS" ).arg( crs.authid() ) : crs.authid();
        lines << QStringLiteral( "%1, %2 (%3)" ).arg( p.x(), 0, 'f', decimalsFor( crs ) ).arg( p.y(), 0, 'f', decimalsFor( crs ) ).arg( where );
      }
      catch ( const QgsCsException & )
      {
      }
    }
    lines << QStringLiteral( "%1°, %2° (WGS 84)" ).arg( pillar.lon, 0, 'f', 9 ).arg( pillar.lat, 0, 'f', 9 );
    mDesigned->setText( lines.join( QLatin1Char( '\n' ) ) );
    mHistory->clear();
    for ( const PillarSurvey &s : history )
    {
      const SurveyDeviation d = survey::deviation( s.designedLon, s.designedLat, s.lon, s.lat );
      auto *item = new QTreeWidgetItem( { s.ledgerEntry > 0 ? tr( "entry %1" ).arg( s.ledgerEntry ) : tr( "imported" ), s.date.isValid() ? s.date.toString( Qt::ISODate ) : QStringLiteral( "?" ),
                                          std::isfinite( s.accuracy ) ? tr( "%1 m" ).arg( s.accuracy, 0, 'f', 3 ) : QStringLiteral( "?" ),
                                          tr( "%1 m at %2°" ).arg( d.metres, 0, 'f', 3 ).arg( d.azimuth, 0, 'f', 1 ),
                                          s.signerParty.isEmpty() ? s.author : QStringLiteral( "%1 (%2)" ).arg( s.author, s.signerParty ) } );
      mHistory->addTopLevelItem( item );
    }
    if ( history.isEmpty() )
      mHistory->addTopLevelItem( new QTreeWidgetItem( { tr( "not surveyed yet" ) } ) );
    if ( !mCrs->crs().isValid() )
      mCrs->setCrs( mapCrs );
    mX->clear();
    mY->clear();
    mStatus->clear();
    mSave->setEnabled( true );
    updateDeviation();
  }

  void SurveyPillarDialog::setPosition( const QgsPointXY &point, const QgsCoordinateReferenceSystem &crs )
  {
    QgsPointXY p = point;
    try
    {
      p = QgsCoordinateTransform( crs, surveyCrs(), mContext ).transform( point );
    }
    catch ( const QgsCsException & )
    {
      setStatus( tr( "The clicked position cannot be transformed to %1." ).arg( surveyCrs().authid() ) );
      return;
    }
    const int decimals = decimalsFor( surveyCrs() );
    mX->setText( QString::number( p.x(), 'f', decimals ) );
    mY->setText( QString::number( p.y(), 'f', decimals ) );
  }

  void SurveyPillarDialog::setSurveyCrs( const QgsCoordinateReferenceSystem &crs )
  {
    mCrs->setCrs( crs );
  }

  QgsCoordinateReferenceSystem SurveyPillarDialog::surveyCrs() const
  {
    return mCrs->crs();
  }

  std::optional<QgsPointXY> SurveyPillarDialog::typedPosition() const
  {
    const std::optional<double> x = parseNumber( mX->text() ), y = parseNumber( mY->text() );
    if ( !x || !y )
      return std::nullopt;
    try
    {
      return survey::toWgs84( *x, *y, surveyCrs(), mContext );
    }
    catch ( const Error & )
    {
      return std::nullopt;
    }
  }

  PillarSurvey SurveyPillarDialog::survey() const
  {
    if ( !mPillar )
      throw Error( tr( "Click a pillar on the map first." ) );
    const std::optional<double> x = parseNumber( mX->text() ), y = parseNumber( mY->text() );
    if ( !x || !y )
      throw Error( tr( "Type the surveyed position as two numbers, X and Y, or pick it on the map." ) );
    PillarSurvey s;
    s.pillar = mPillar->number;
    const QgsPointXY p = survey::toWgs84( *x, *y, surveyCrs(), mContext );
    s.lon = p.x();
    s.lat = p.y();
    s.accuracy = mAccuracy->value();
    s.date = mDate->date();
    return s;
  }

  void SurveyPillarDialog::setStatus( const QString &text )
  {
    mStatus->setText( text );
  }

  void SurveyPillarDialog::updateDeviation()
  {
    const std::optional<QgsPointXY> p = mPillar ? typedPosition() : std::nullopt;
    if ( !p )
    {
      mDeviation->setText( QStringLiteral( "—" ) );
      return;
    }
    const SurveyDeviation d = survey::deviation( mPillar->lon, mPillar->lat, p->x(), p->y() );
    mDeviation->setText( tr( "%1 m at an azimuth of %2°" ).arg( d.metres, 0, 'f', 3 ).arg( d.azimuth, 0, 'f', 1 ) );
  }
}
