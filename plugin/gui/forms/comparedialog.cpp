// SPDX-License-Identifier: GPL-2.0-or-later
#include "comparedialog.h"
#include "workspace/workspacestore.h"
#include "workspace/versionsdock.h"
#include "qgiscompat.h"
#include "ui_comparedialog.h"
#include "workspace/workspacesession.h"
#include "report/reportrunner.h"
#include "error.h"
#include "host.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include <qgsapplication.h>

#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace limes
{
  namespace
  {
    const QString WS = QStringLiteral( "ws:" );
    const QString LAYER = QStringLiteral( "layer:" );

    bool isLineOrPolygon( QgsVectorLayer *layer )
    {
      const auto type = layer->geometryType();
      return type == geometrytype::Line || type == geometrytype::Polygon;
    }
  }

  CompareDialog::CompareDialog( WorkspaceSession *session, QgsProject *project, QgsVectorLayer *segmentsLayer, QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesCompareDialog>() )
    , mSession( session )
    , mProject( project )
  {
    mUi->setupUi( this );
    mUi->mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Compare" ) );
    mUi->mEdgesCombo->addItem( tr( "Geodesics (most treaties)" ), QStringLiteral( "geodesic" ) );
    mUi->mEdgesCombo->addItem( tr( "Rhumb lines" ), QStringLiteral( "rhumb" ) );
    mUi->mEdgesCombo->addItem( tr( "Straight in the working CRS" ), QStringLiteral( "projected" ) );
    mUi->mSegmentsLayer->setFilters( compat::LineLayerFilter );
    mUi->mSegmentsLayer->setAllowEmptyLayer( true );
    if ( mSession )
      for ( const Party &p : mSession->data().parties )
        for ( QComboBox *combo : { mUi->mLeftCombo, mUi->mRightCombo } )
          combo->addItem( p.code );
    if ( mUi->mRightCombo->count() > 1 )
      mUi->mRightCombo->setCurrentIndex( 1 );
    fillVersions();
    fillResources();
    setSegments( segmentsLayer );

    for ( QComboBox *combo : { mUi->mOldCombo, mUi->mNewCombo } )
      connect( combo, qOverload<int>( &QComboBox::currentIndexChanged ), this, [this] {
        updateParties();
        updateEdges();
        updateState();
      } );
    connect( mUi->mEdgesCombo, qOverload<int>( &QComboBox::activated ), this, [this] {
      mEdgesChosen = true;
      updateState();
    } );
    for ( QComboBox *combo : { mUi->mLeftCombo, mUi->mRightCombo, mUi->mPartyFieldCombo } )
      connect( combo, &QComboBox::currentTextChanged, this, &CompareDialog::updateState );
    connect( mUi->mSegmentsLayer, &QgsMapLayerComboBox::layerChanged, this, [this]( QgsMapLayer *layer ) {
      mUi->mSegmentField->setLayer( layer );
      // `limes change --segment-field` defaults to code
      if ( auto *vl = qobject_cast<QgsVectorLayer *>( layer ); vl && vl->fields().lookupField( QStringLiteral( "code" ) ) >= 0 )
        mUi->mSegmentField->setField( QStringLiteral( "code" ) );
      updateState();
    } );
    connect( mUi->mSegmentField, &QgsFieldComboBox::fieldChanged, this, &CompareDialog::updateState );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, [this] {
      if ( problems().isEmpty() )
        accept();
    } );
    // the comparison as the commission's PDF report, without leaving the dialog
    mReportButton = mUi->mButtons->addButton( tr( "Report…" ), QDialogButtonBox::ActionRole );
    mReportButton->setObjectName( QStringLiteral( "mReportButton" ) );
    mReportButton->setToolTip( tr( "Write the comparison as a PDF report with a page per changed segment, its tables as CSV and a GeoPackage" ) );
    connect( mReportButton, &QPushButton::clicked, this, &CompareDialog::askReport );
    updateParties();
    updateEdges();
    updateState();
  }

  CompareDialog::~CompareDialog() = default;

  void CompareDialog::updateEdges()
  {
    if ( mEdgesChosen )
      return;
    const LineVersion *old = workspaceVersion( 0 ), *current = workspaceVersion( 1 );
    const LineVersion *recorded = old && !old->edges.isEmpty() ? old : current && !current->edges.isEmpty() ? current : nullptr;
    const QString edges = recorded ? recorded->edges : QStringLiteral( "geodesic" );
    int index = mUi->mEdgesCombo->findData( edges );
    if ( index < 0 ) // a map projection the treaty names
    {
      mUi->mEdgesCombo->addItem( tr( "Straight on %1" ).arg( edges.mid( edges.indexOf( ':' ) + 1 ) ), edges );
      index = mUi->mEdgesCombo->count() - 1;
    }
    mUi->mEdgesCombo->setCurrentIndex( index );
    mUi->mEdgesCombo->setToolTip( recorded ? tr( "As version %1 records them" ).arg( recorded->name ) : QString() );
  }

  void CompareDialog::fillVersions()
  {
    for ( QComboBox *combo : { mUi->mOldCombo, mUi->mNewCombo } )
    {
      combo->clear();
      if ( mSession )
        for ( const LineVersion &v : mSession->data().versions )
          combo->addItem( QIcon( QStringLiteral( ":/limes/icons/limes.svg" ) ), tr( "%1 (%2, workspace)" ).arg( v.name, versionKindLabel( v.kind ) ), WS + v.name );
      if ( mProject )
        for ( QgsMapLayer *layer : mProject->mapLayers() )
          if ( auto *vl = qobject_cast<QgsVectorLayer *>( layer ); vl && vl->isValid() && isLineOrPolygon( vl ) )
            combo->addItem( vl->name(), LAYER + vl->id() );
    }
    if ( mUi->mNewCombo->count() > 1 )
      mUi->mNewCombo->setCurrentIndex( 1 );
  }

  void CompareDialog::fillResources()
  {
    mUi->mResourcesList->clear();
    if ( !mProject )
      return;
    for ( QgsMapLayer *layer : mProject->mapLayers() )
      if ( auto *vl = qobject_cast<QgsVectorLayer *>( layer ); vl && vl->isValid() && vl->isSpatial() )
      {
        auto *item = new QListWidgetItem( vl->name(), mUi->mResourcesList );
        item->setData( Qt::UserRole, vl->id() );
        item->setFlags( item->flags() | Qt::ItemIsUserCheckable );
        item->setCheckState( Qt::Unchecked );
      }
    mUi->mResourcesList->sortItems();
  }

  bool CompareDialog::setOldVersion( const QString &nameOrLayerId )
  {
    int index = mUi->mOldCombo->findData( WS + nameOrLayerId );
    index = index < 0 ? mUi->mOldCombo->findData( LAYER + nameOrLayerId ) : index;
    if ( index >= 0 )
      mUi->mOldCombo->setCurrentIndex( index );
    return index >= 0;
  }

  bool CompareDialog::setNewVersion( const QString &nameOrLayerId )
  {
    int index = mUi->mNewCombo->findData( WS + nameOrLayerId );
    index = index < 0 ? mUi->mNewCombo->findData( LAYER + nameOrLayerId ) : index;
    if ( index >= 0 )
      mUi->mNewCombo->setCurrentIndex( index );
    return index >= 0;
  }

  void CompareDialog::setResources( const QStringList &layerIds )
  {
    for ( int i = 0; i < mUi->mResourcesList->count(); ++i )
    {
      QListWidgetItem *item = mUi->mResourcesList->item( i );
      item->setCheckState( layerIds.contains( item->data( Qt::UserRole ).toString() ) ? Qt::Checked : Qt::Unchecked );
    }
  }

  void CompareDialog::setSegments( QgsVectorLayer *layer, const QString &codeField )
  {
    mUi->mSegmentsLayer->setLayer( layer );
    mUi->mSegmentField->setLayer( layer );
    if ( layer )
      mUi->mSegmentField->setField( codeField );
    updateState();
  }

  void CompareDialog::setThresholds( double minAreaM2, double maxEndGapM )
  {
    mUi->mMinArea->setValue( minAreaM2 );
    mUi->mMaxEndGap->setValue( maxEndGapM );
  }

  const LineVersion *CompareDialog::workspaceVersion( int which ) const
  {
    const QString data = ( which == 0 ? mUi->mOldCombo : mUi->mNewCombo )->currentData().toString();
    return mSession && data.startsWith( WS ) ? mSession->data().version( data.mid( WS.size() ) ) : nullptr;
  }

  QgsVectorLayer *CompareDialog::layerVersion( int which ) const
  {
    const QString data = ( which == 0 ? mUi->mOldCombo : mUi->mNewCombo )->currentData().toString();
    return mProject && data.startsWith( LAYER ) ? qobject_cast<QgsVectorLayer *>( mProject->mapLayer( data.mid( LAYER.size() ) ) ) : nullptr;
  }

  void CompareDialog::updateParties()
  {
    // workspace versions carry their parties: as `limes change --workspace`, they are not asked
    const LineVersion *old = workspaceVersion( 0 );
    const LineVersion *current = workspaceVersion( 1 );
    const bool recorded = old && current;
    if ( const LineVersion *known = old ? old : current )
    {
      mUi->mLeftCombo->setCurrentText( known->leftParty );
      mUi->mRightCombo->setCurrentText( known->rightParty );
    }
    mUi->mLeftCombo->setEnabled( !recorded );
    mUi->mRightCombo->setEnabled( !recorded );
    QgsVectorLayer *layer = layerVersion( 0 );
    const bool territories = layer && layer->geometryType() == geometrytype::Polygon;
    mUi->mPartyFieldCombo->clear();
    if ( territories )
      mUi->mPartyFieldCombo->addItems( layer->fields().names() );
    mUi->mPartyFieldCombo->setEnabled( territories );
    mUi->mLeftCombo->setVisible( !territories );
    mUi->mRightCombo->setVisible( !territories );
    mUi->mLeftLabel->setVisible( !territories );
    mUi->mRightLabel->setVisible( !territories );
  }

  QStringList CompareDialog::problems() const
  {
    QStringList list;
    const LineVersion *wsOld = workspaceVersion( 0 ), *wsNew = workspaceVersion( 1 );
    QgsVectorLayer *old = layerVersion( 0 ), *current = layerVersion( 1 );
    if ( ( !wsOld && !old ) || ( !wsNew && !current ) )
      return { tr( "Choose the old and the new version." ) };
    if ( mUi->mOldCombo->currentData() == mUi->mNewCombo->currentData() )
      list << tr( "The old and the new version are the same." );
    const bool oldPolygons = old && old->geometryType() == geometrytype::Polygon;
    const bool newPolygons = current && current->geometryType() == geometrytype::Polygon;
    if ( oldPolygons != newPolygons )
      list << tr( "Compare lines with lines and territories with territories." );
    if ( oldPolygons )
    {
      if ( mUi->mPartyFieldCombo->currentText().isEmpty() )
        list << tr( "Choose the field holding each territory's party." );
    }
    else if ( wsOld && wsNew )
    {
      if ( wsOld->leftParty != wsNew->leftParty || wsOld->rightParty != wsNew->rightParty )
        list << tr( "Versions %1 and %2 name different left and right parties." ).arg( wsOld->name, wsNew->name );
      if ( !mEdgesChosen && !wsOld->edges.isEmpty() && !wsNew->edges.isEmpty() && wsOld->edges != wsNew->edges )
        list << tr( "Versions %1 (edges %2) and %3 (edges %4) record different edges: choose which under Edges." )
             .arg( wsOld->name, wsOld->edges, wsNew->name, wsNew->edges );
    }
    else
    {
      const QString left = mUi->mLeftCombo->currentText().trimmed(), right = mUi->mRightCombo->currentText().trimmed();
      if ( left.isEmpty() || right.isEmpty() )
        list << tr( "Name the parties left and right of the line's digitized direction." );
      else if ( left == right )
        list << tr( "The left and the right party are the same." );
    }
    if ( mUi->mSegmentsLayer->currentLayer() && mUi->mSegmentField->currentField().isEmpty() )
      list << tr( "Choose the field of the segments that holds their codes." );
    return list;
  }

  void CompareDialog::updateState()
  {
    const QStringList why = problems();
    mUi->mProblems->setText( why.join( QLatin1Char( '\n' ) ) );
    mUi->mButtons->button( QDialogButtonBox::Ok )->setEnabled( why.isEmpty() );
    // the report has a page per changed segment: it needs the segments
    if ( mReportButton )
      mReportButton->setEnabled( why.isEmpty() && mUi->mSegmentsLayer->currentLayer() );
  }

  void CompareDialog::askReport()
  {
    if ( !problems().isEmpty() || !mUi->mSegmentsLayer->currentLayer() )
      return;
    QString pdf = QFileDialog::getSaveFileName( this, tr( "Write the Change Report" ), QString(), tr( "PDF files (*.pdf)" ) );
    if ( pdf.isEmpty() )
      return;
    if ( !pdf.endsWith( QLatin1String( ".pdf" ), Qt::CaseInsensitive ) )
      pdf += QLatin1String( ".pdf" );
    const QStringList languages{ tr( "English" ), tr( "Russian" ) };
    bool ok = false;
    const int current = QgsApplication::locale().startsWith( QLatin1String( "ru" ) ) ? 1 : 0;
    const QString language = QInputDialog::getItem( this, tr( "Change Report" ), tr( "Language of the report:" ), languages, current, false, &ok );
    if ( !ok )
      return;
    try
    {
      const report::ReportFiles files = writeReport( pdf, languages.indexOf( language ) == 1 ? QStringLiteral( "ru" ) : QStringLiteral( "en" ) );
      const QString wrote = tr( "Wrote %1 (%2 pages), its tables as CSV and %3 beside it." )
                            .arg( QDir::toNativeSeparators( files.pdf ) ).arg( files.pages ).arg( QDir::toNativeSeparators( files.geoPackage ) );
      if ( mHost )
      {
        // the report was what this comparison was set up for: the dialog closes (no comparison
        // starts) and the message bar it covered names the PDF
        mHost->pushSuccess( tr( "Change Report" ), wrote );
        done( QDialog::Rejected );
      }
      else
        QMessageBox::information( this, tr( "Change Report" ), wrote );
    }
    catch ( const Error &e )
    {
      // one line, never a dialog in the desktop: errors (and a cancel) do not interrupt work;
      // the dialog stays open to try again and says why above its buttons too
      if ( mHost )
      {
        mHost->pushError( tr( "Change Report" ), e.message().simplified() );
        mUi->mProblems->setText( tr( "No report written: %1" ).arg( e.message().simplified() ) );
      }
      else
        QMessageBox::warning( this, tr( "Change Report" ), e.message().simplified() );
    }
  }

  report::ReportFiles CompareDialog::writeReport( const QString &pdf, const QString &language )
  {
    report::ReportOptions options;
    options.language = language;
    return limes::writeReport( inputs(), mSession, options, pdf, this );
  }

  ChangeTaskInputs CompareDialog::inputs() const
  {
    ChangeTaskInputs in;
    if ( mSession )
    {
      in.workspaceTarget = workspaceTargetForWorker( mSession->target() ); // the task thread never asks QGIS's authentication manager
      in.knownParties = mSession->data().partyCodes();
    }
    for ( int which : { 0, 1 } )
    {
      ChangeVersionInput &version = which == 0 ? in.oldVersion : in.newVersion;
      if ( const LineVersion *v = workspaceVersion( which ) )
        version.workspaceVersion = v->name;
      else if ( QgsVectorLayer *layer = layerVersion( which ) )
        version.layer = std::make_shared<LayerSnapshot>( layer );
    }
    if ( mUi->mPartyFieldCombo->isEnabled() )
      in.partyField = mUi->mPartyFieldCombo->currentText();
    else
    {
      in.leftParty = mUi->mLeftCombo->currentText().trimmed();
      in.rightParty = mUi->mRightCombo->currentText().trimmed();
    }
    for ( int i = 0; i < mUi->mResourcesList->count(); ++i )
      if ( QListWidgetItem *item = mUi->mResourcesList->item( i ); item->checkState() == Qt::Checked )
        if ( auto *layer = qobject_cast<QgsVectorLayer *>( mProject->mapLayer( item->data( Qt::UserRole ).toString() ) ) )
          in.resources.push_back( std::make_shared<LayerSnapshot>( layer ) );
    if ( auto *segments = qobject_cast<QgsVectorLayer *>( mUi->mSegmentsLayer->currentLayer() ) )
    {
      in.segments = std::make_shared<LayerSnapshot>( segments );
      in.segmentCodeField = mUi->mSegmentField->currentField();
    }
    in.minAreaM2 = mUi->mMinArea->value();
    in.maxEndGapM = mUi->mMaxEndGap->value();
    in.gridM = mUi->mGrid->value();
    in.edges = mUi->mEdgesCombo->currentData().toString();
    in.transformContext = mProject ? mProject->transformContext() : QgsCoordinateTransformContext();
    return in;
  }
}
