// SPDX-License-Identifier: GPL-2.0-or-later
#include "segmentsdock.h"
#include "host.h"
#include "layerstyles.h"
#include "segmentdetail.h"
#include "segmentsmodel.h"
#include "workspacelayers.h"
#include "workspacesession.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <qgsapplication.h>
#include <qgsfilterlineedit.h>
#include <qgsmapcanvas.h>
#include <qgsvectorlayer.h>

namespace limes
{
  SegmentsDock::SegmentsDock( Host *host, QWidget *parent )
    : QgsDockWidget( tr( "Limes Segments" ), parent )
    , mHost( host )
  {
    setObjectName( QLatin1String( OBJECT_NAME ) ); // so that QGIS restores where the user put it
    auto *body = new QWidget( this );
    auto *layout = new QVBoxLayout( body );
    layout->setContentsMargins( 2, 2, 2, 2 );

    auto *bar = new QHBoxLayout();
    mFilterEdit = new QgsFilterLineEdit( body );
    mFilterEdit->setPlaceholderText( tr( "Filter segments…" ) );
    mFilterEdit->setObjectName( QStringLiteral( "mSegmentsFilter" ) );
    mStatusCombo = new QComboBox( body );
    mStatusCombo->setObjectName( QStringLiteral( "mSegmentsStatus" ) );
    mStatusCombo->addItem( tr( "All statuses" ), QString() );
    for ( const QString &status : segmentStatuses() )
      mStatusCombo->addItem( statusLabel( status ), status );
    mRecordButton = new QPushButton( QIcon( QStringLiteral( ":/limes/icons/record.svg" ) ), tr( "Record Decision…" ), body );
    mRecordButton->setObjectName( QStringLiteral( "mSegmentsRecord" ) );
    mRecordButton->setEnabled( false );
    mDigitizeButton = new QPushButton( QgsApplication::getThemeIcon( QStringLiteral( "/mActionCaptureLine.svg" ) ), tr( "Digitize Claim…" ), body );
    mDigitizeButton->setObjectName( QStringLiteral( "mSegmentsDigitize" ) );
    mDigitizeButton->setToolTip( tr( "Draw a party's claim line for the segment, with the land and water it would move previewed while you draw" ) );
    mDigitizeButton->setEnabled( false );
    mSplitButton = new QPushButton( QgsApplication::getThemeIcon( QStringLiteral( "/mActionSplitFeatures.svg" ) ), tr( "Split…" ), body );
    mSplitButton->setObjectName( QStringLiteral( "mSegmentsSplit" ) );
    mSplitButton->setToolTip( tr( "Split the segment in two at a pillar or a vertex you click on the map; the ledger records the split" ) );
    mSplitButton->setEnabled( false );
    bar->addWidget( mFilterEdit, 1 );
    bar->addWidget( mStatusCombo );
    layout->addLayout( bar );

    mEmpty = new QLabel( tr( "No workspace is open. Open one from the Limes menu." ), body );
    mEmpty->setWordWrap( true );
    layout->addWidget( mEmpty );

    auto *splitter = new QSplitter( Qt::Vertical, body );
    mModel = new SegmentsModel( this );
    mFilter = new SegmentsFilterModel( this );
    mFilter->setSourceModel( mModel );
    mView = new QTableView( splitter );
    mView->setObjectName( QStringLiteral( "mSegmentsTable" ) );
    mView->setModel( mFilter );
    mView->setSortingEnabled( true );
    mView->sortByColumn( SegmentsModel::CodeColumn, Qt::AscendingOrder );
    mView->setSelectionBehavior( QAbstractItemView::SelectRows );
    mView->setSelectionMode( QAbstractItemView::SingleSelection );
    mView->setEditTriggers( QAbstractItemView::NoEditTriggers );
    mView->verticalHeader()->hide();
    mView->horizontalHeader()->setStretchLastSection( true );
    mView->setAlternatingRowColors( true );
    mDetail = new QTextBrowser( splitter );
    mDetail->setObjectName( QStringLiteral( "mSegmentDetail" ) );
    mDetail->setOpenLinks( false );
    auto *detailPane = new QWidget( splitter );
    auto *detailLayout = new QVBoxLayout( detailPane );
    detailLayout->setContentsMargins( 0, 0, 0, 0 );
    mCountersignButton = new QPushButton( tr( "Countersign…" ), body );
    mCountersignButton->setObjectName( QStringLiteral( "mSegmentsCountersign" ) );
    mCountersignButton->setToolTip( tr( "Sign the segment's agreement for your delegation: it takes effect once every party signed it" ) );
    mCountersignButton->setVisible( false );
    auto *actions = new QHBoxLayout();
    actions->addStretch( 1 );
    actions->addWidget( mCountersignButton );
    actions->addWidget( mSplitButton );
    actions->addWidget( mDigitizeButton );
    actions->addWidget( mRecordButton );
    detailLayout->addLayout( actions );
    mDetail->setParent( detailPane );
    detailLayout->addWidget( mDetail, 1 );
    splitter->addWidget( mView );
    splitter->addWidget( detailPane );
    splitter->setStretchFactor( 0, 3 );
    splitter->setStretchFactor( 1, 2 );
    layout->addWidget( splitter, 1 );
    setWidget( body );

    connect( mFilterEdit, &QLineEdit::textChanged, mFilter, &SegmentsFilterModel::setText );
    connect( mStatusCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, [this] { mFilter->setStatus( mStatusCombo->currentData().toString() ); } );
    connect( mView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SegmentsDock::rowSelected );
    connect( mRecordButton, &QPushButton::clicked, this, [this] { emit recordDecisionRequested( currentSegment() ); } );
    connect( mDigitizeButton, &QPushButton::clicked, this, [this] { emit digitizeClaimRequested( currentSegment() ); } );
    connect( mSplitButton, &QPushButton::clicked, this, [this] { emit splitSegmentRequested( currentSegment() ); } );
    connect( mCountersignButton, &QPushButton::clicked, this, [this] {
      const long long entry = awaitingEntry( currentSegment() );
      if ( entry >= 1 )
        emit countersignRequested( entry );
    } );
    connect( mDetail, &QTextBrowser::anchorClicked, this, [this]( const QUrl &url ) {
      emit attachmentOpened( url );
      QDesktopServices::openUrl( url );
    } );
    setWorkspace( nullptr, nullptr );
  }

  SegmentsDock::~SegmentsDock() = default;

  void SegmentsDock::setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers )
  {
    if ( mSession )
      disconnect( mSession, nullptr, this, nullptr );
    disconnect( mLayerSelection );
    mSession = session;
    mLayers = layers;
    if ( mSession )
      connect( mSession, &WorkspaceSession::changed, this, &SegmentsDock::refresh );
    if ( mLayers && mLayers->segmentsLayer() )
      mLayerSelection = connect( mLayers->segmentsLayer(), &QgsVectorLayer::selectionChanged, this, &SegmentsDock::mapSelectionChanged );
    setWindowTitle( mSession ? tr( "Limes Segments — %1" ).arg( mSession->name() ) : tr( "Limes Segments" ) );
    mEmpty->setVisible( !mSession );
    refresh();
  }

  void SegmentsDock::refresh()
  {
    const QString current = currentSegment();
    if ( mSession )
      mModel->setWorkspace( mSession->data() );
    else
      mModel->clear();
    mView->resizeColumnsToContents();
    mSyncing = true;
    const bool reselected = !current.isEmpty() && selectSegment( current );
    mSyncing = false;
    if ( !reselected )
      showDetail( QString() );
    else
      showDetail( current );
  }

  QString SegmentsDock::currentSegment() const
  {
    const QModelIndexList rows = mView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data( SegmentsModel::CodeRole ).toString();
  }

  bool SegmentsDock::selectSegment( const QString &code )
  {
    const int row = mModel->rowOf( code );
    if ( row < 0 )
      return false;
    const QModelIndex index = mFilter->mapFromSource( mModel->index( row, 0 ) );
    if ( !index.isValid() )
      return false; // filtered out
    mView->selectionModel()->select( index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows );
    mView->scrollTo( index );
    return true;
  }

  void SegmentsDock::rowSelected()
  {
    const QString code = currentSegment();
    mRecordButton->setEnabled( !code.isEmpty() && mSession );
    mDigitizeButton->setEnabled( !code.isEmpty() && mSession );
    mSplitButton->setEnabled( !code.isEmpty() && mSession );
    showDetail( code );
    if ( mSyncing || code.isEmpty() || !mLayers || !mLayers->segmentsLayer() )
      return;
    QgsVectorLayer *layer = mLayers->segmentsLayer();
    const QgsFeatureId fid = mLayers->segmentFeature( code );
    if ( fid == FID_NULL )
      return;
    mSyncing = true;
    layer->selectByIds( QgsFeatureIds { fid } );
    mSyncing = false;
    if ( !mSession->data().lines.contains( code ) )
    {
      mHost->pushError( tr( "Limes" ), tr( "No version's lines name segment %1: there is nothing to show on the map." ).arg( code ) );
      return;
    }
    if ( QgsMapCanvas *canvas = mHost->mapCanvas() )
    {
      canvas->zoomToFeatureIds( layer, QgsFeatureIds { fid } );
      canvas->flashFeatureIds( layer, QgsFeatureIds { fid } );
    }
  }

  void SegmentsDock::mapSelectionChanged()
  {
    if ( mSyncing || !mLayers || !mLayers->segmentsLayer() )
      return;
    const QgsFeatureIds selected = mLayers->segmentsLayer()->selectedFeatureIds();
    if ( selected.isEmpty() )
      return;
    mSyncing = true; // the map chose it: no zooming back
    selectSegment( mLayers->segmentCode( *selected.constBegin() ) );
    mSyncing = false;
    showDetail( currentSegment() );
    mRecordButton->setEnabled( !currentSegment().isEmpty() && mSession );
    mDigitizeButton->setEnabled( !currentSegment().isEmpty() && mSession );
    mSplitButton->setEnabled( !currentSegment().isEmpty() && mSession );
  }

  void SegmentsDock::showDetail( const QString &code )
  {
    mDetail->setHtml( mSession ? segmentDetailHtml( mSession->data(), code ) : QString() );
    mCountersignButton->setVisible( awaitingEntry( code ) >= 1 );
  }

  long long SegmentsDock::awaitingEntry( const QString &code ) const
  {
    if ( !mSession || code.isEmpty() )
      return -1;
    const LedgerEntry *last = mSession->data().lastEntry( code );
    return last && !mSession->data().awaiting( *last ).isEmpty() ? last->id : -1;
  }
}
