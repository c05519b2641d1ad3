// SPDX-License-Identifier: GPL-2.0-or-later
#include "claimcontroller.h"
#include "claim/claimline.h"
#include "claimcapturetool.h"
#include "claimpreviewdock.h"
#include "digitizeclaimdialog.h"
#include "error.h"
#include "host.h"
#include "qgiscompat.h"
#include "tasks/layersnapshot.h"
#include "workspace/layerstyles.h"
#include "workspace/workspacelayers.h"
#include "workspace/signingkeys.h"
#include "workspace/workspacesession.h"
#include "workspace/workspacestore.h"

#include <QAction>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QPushButton>
#include <QTimer>

#include <qgsadvanceddigitizingdockwidget.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgsrubberband.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

namespace limes
{
  //! What a capture is drawn against: the reference's lines for the segment, both ways round, and the resources.
  struct ClaimController::Reference
  {
    QString segment;
    QString party;
    LineVersion version;
    QgsPolylineXY line;                       //!< WGS 84, in the reference's direction
    std::unique_ptr<QgsVectorLayer> layers[2]; //!< [0] as recorded, [1] turned round
    std::vector<std::shared_ptr<LayerSnapshot>> resources;
    std::unique_ptr<claim::ClaimPreview> previews[2];
    QStringList parties;
    QStringList resourceNames;
  };

  ClaimController::ClaimController( Host *host, SigningKeys *keys, QObject *parent )
    : QObject( parent )
    , mHost( host )
    , mKeys( keys )
  {
    mDock = new ClaimPreviewDock( mHost->mainWindow() );
    mHost->addDockWidget( Qt::RightDockWidgetArea, mDock );
    mDock->hide();
  }

  ClaimController::~ClaimController()
  {
    unload();
  }

  void ClaimController::unload()
  {
    stop();
    if ( mDock )
    {
      mHost->removeDockWidget( mDock );
      delete mDock;
    }
  }

  void ClaimController::setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers )
  {
    if ( session != mSession )
      stop();
    mSession = session;
    mLayers = layers;
  }

  void ClaimController::setAction( QAction *action )
  {
    mAction = action;
  }

  ChangeResult ClaimController::previewResult() const
  {
    if ( !mReference || !mReference->previews[mReversed ? 1 : 0] )
      return ChangeResult();
    return mReference->previews[mReversed ? 1 : 0]->result();
  }

  void ClaimController::start( const QString &segment )
  {
    if ( !mSession )
      return;
    const QString party = mKeys->partyIn( mSession->data().keys );
    DigitizeClaimDialog dialog( mSession->data(), segment, party == QLatin1String( "SECRETARIAT" ) ? QString() : party, QgsProject::instance(), mHost->mainWindow() );
    if ( dialog.exec() != QDialog::Accepted || !begin( dialog.segment(), dialog.party(), dialog.reference(), dialog.resourceLayerIds() ) )
    {
      if ( mAction && !mTool )
        mAction->setChecked( false );
    }
  }

  std::unique_ptr<ClaimController::Reference> ClaimController::loadReference( const QString &segment, const QString &party, const QString &reference,
      const QStringList &resourceLayerIds )
  {
    auto ref = std::make_unique<Reference>();
    ref->segment = segment;
    ref->party = party;
    ref->parties = mSession->data().partyCodes();
    try
    {
      ref->version = mSession->store().version( reference );
      // the reference's lines for the segment, merged into one: what the claim replaces
      const VersionLayer lines = mSession->store().versionLayer( ref->version );
      QVector<QgsGeometry> parts;
      QgsFeature f;
      const int field = lines.layer->fields().indexOf( QStringLiteral( "segment" ) );
      for ( QgsFeatureIterator it = lines.layer->getFeatures(); it.nextFeature( f ); )
        if ( field >= 0 && f.attribute( field ).toString() == segment )
          parts << f.geometry();
      QgsGeometry merged = QgsGeometry::collectGeometry( parts );
      if ( merged.isMultipart() )
        merged = merged.mergeLines();
      if ( merged.isNull() || merged.isMultipart() )
        throw Error( tr( "%1 has no single line for %2 to draw against" ).arg( reference, segment ) );
      ref->line = merged.asPolyline();
      for ( int way = 0; way < 2; ++way )
      {
        ref->layers[way] = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326" ), reference, QStringLiteral( "memory" ) );
        QgsPolylineXY l = ref->line;
        if ( way == 1 )
          std::reverse( l.begin(), l.end() );
        QgsFeature lf;
        lf.setGeometry( QgsGeometry::fromPolylineXY( l ) );
        ref->layers[way]->dataProvider()->addFeature( lf );
      }
      for ( const QString &id : resourceLayerIds )
        if ( auto *vl = qobject_cast<QgsVectorLayer *>( QgsProject::instance()->mapLayer( id ) ) )
        {
          ref->resources.push_back( std::make_shared<LayerSnapshot>( vl ) );
          ref->resourceNames << ref->resources.back()->input().name;
        }
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: cannot digitize a claim" ), e.message() );
      return nullptr;
    }
    return ref;
  }

  bool ClaimController::startPreview( const QString &segment, const QString &party, const QString &reference, const QStringList &resourceLayerIds )
  {
    stop();
    if ( !mSession || !mHost->mapCanvas() )
      return false;
    std::unique_ptr<Reference> ref = loadReference( segment, party, reference, resourceLayerIds );
    if ( !ref )
      return false;
    mReference = std::move( ref );
    mReversed = false;
    if ( !preview( false ) )
    {
      mReference.reset();
      return false;
    }
    return true;
  }

  bool ClaimController::begin( const QString &segment, const QString &party, const QString &reference, const QStringList &resourceLayerIds )
  {
    if ( !startPreview( segment, party, reference, resourceLayerIds ) )
      return false;

    QgsAdvancedDigitizingDockWidget *cad = mHost->mainWindow() ? mHost->mainWindow()->findChild<QgsAdvancedDigitizingDockWidget *>() : nullptr;
    if ( !cad )
    {
      mOwnCadDock = std::make_unique<QgsAdvancedDigitizingDockWidget>( mHost->mapCanvas() );
      cad = mOwnCadDock.get();
    }
    mTool = std::make_unique<ClaimCaptureTool>( mHost->mapCanvas(), cad );
    if ( mAction )
      mTool->setAction( mAction );
    connect( mTool.get(), &ClaimCaptureTool::lineChanged, this, &ClaimController::lineChanged );
    connect( mTool.get(), &ClaimCaptureTool::lineFinished, this, &ClaimController::lineFinished );
    connect( mTool.get(), &ClaimCaptureTool::captureCancelled, this, &ClaimController::captureCancelled );
    connect( mTool.get(), &QgsMapTool::messageEmitted, this, [this]( const QString &message ) { mHost->pushError( tr( "Limes" ), message ); } );
    mHost->mapCanvas()->setMapTool( mTool.get() );

    mDock->setHeading( tr( "%1's claim for %2, against %3. Land that would change sides is shaded in the colour of the party it would go to." )
                       .arg( party, segment, reference ) );
    mDock->showTotals( claim::ChangeTotals(), mReference->parties, mReference->resourceNames );
    mDock->setStatus( tr( "Click the first vertex on an end of %1." ).arg( segment ) );
    mDock->show();
    mDock->raise();
    return true;
  }

  claim::ClaimPreview *ClaimController::preview( bool reversed )
  {
    std::unique_ptr<claim::ClaimPreview> &slot = mReference->previews[reversed ? 1 : 0];
    if ( slot )
      return slot.get();
    ChangeRequest request;
    QgsVectorLayer *layer = mReference->layers[reversed ? 1 : 0].get();
    request.oldVersion = InputLayer{ layer, mReference->version.name, mReference->version.name, QString() };
    request.newVersion = request.oldVersion;
    // turned round, the parties swap sides
    request.leftParty = reversed ? mReference->version.rightParty : mReference->version.leftParty;
    request.rightParty = reversed ? mReference->version.leftParty : mReference->version.rightParty;
    request.knownParties = mReference->parties;
    for ( const std::shared_ptr<LayerSnapshot> &r : mReference->resources )
      request.resources.push_back( r->input() );
    if ( !mReference->version.edges.isEmpty() )
      request.edges = EdgeInterpretation::parse( mReference->version.edges );
    request.transformContext = QgsProject::instance()->transformContext();
    try
    {
      slot = std::make_unique<claim::ClaimPreview>( request );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: no preview" ), e.message() );
      return nullptr;
    }
    return slot.get();
  }

  void ClaimController::lineChanged( const QgsPolylineXY &line )
  {
    mPending = line;
    if ( mScheduled )
      return;
    // mouse moves queued meanwhile collapse into one update
    mScheduled = true;
    QTimer::singleShot( 0, this, &ClaimController::updatePreview );
  }

  void ClaimController::updatePreview()
  {
    mScheduled = false;
    if ( !mPending || !mReference )
      return;
    const QgsPolylineXY line = *mPending;
    mPending.reset();
    QElapsedTimer timer;
    timer.start();
    if ( !line.isEmpty() )
    {
      // begun at the reference's far end: the preview runs the other way round
      const bool reversed = claim::distanceM( line.first(), mReference->line.last() ) < claim::distanceM( line.first(), mReference->line.first() );
      if ( reversed != mReversed && mReference->previews[mReversed ? 1 : 0] )
        mReference->previews[mReversed ? 1 : 0]->setLine( {} );
      mReversed = reversed;
    }
    claim::ClaimPreview *p = preview( mReversed );
    if ( !p )
      return;
    QString error;
    if ( !p->setLine( line, &error ) )
    {
      mDock->setStatus( tr( "Preview paused: %1" ).arg( error ) );
      return;
    }
    showResult( p->result() );
    mDock->setStatus( tr( "Updated in %1 ms (%n window(s) computed again).", nullptr, p->lastWindows() ).arg( timer.nsecsElapsed() / 1e6, 0, 'f', 1 ) );
  }

  void ClaimController::showResult( const ChangeResult &result )
  {
    clearTransfers();
    QgsMapCanvas *canvas = mHost->mapCanvas();
    for ( const Transfer &t : result.transfers )
    {
      QColor colour( mSession ? mSession->data().partyColour( t.to ) : QString() );
      if ( !colour.isValid() )
        colour = fallbackPartyColour( t.to );
      auto band = std::make_unique<QgsRubberBand>( canvas, geometrytype::Polygon );
      band->setToGeometry( t.geometry, result.workingCrs );
      QColor fill = colour;
      fill.setAlpha( 110 );
      band->setFillColor( fill );
      // the direction shows in the pattern too: parties' colours may be alike
      if ( mReference && t.to == mReference->version.leftParty )
        band->setBrushStyle( Qt::BDiagPattern );
      band->setStrokeColor( colour );
      band->setWidth( 1 );
      mBands.push_back( std::move( band ) );
    }
    mDock->showTotals( claim::totals( result ), mReference ? mReference->parties : QStringList(), mReference ? mReference->resourceNames : QStringList() );
  }

  void ClaimController::clearTransfers()
  {
    mBands.clear(); // a rubber band leaves the canvas when deleted
  }

  void ClaimController::captureCancelled()
  {
    mPending.reset();
    clearTransfers();
    if ( mReference )
      for ( auto &p : mReference->previews )
        if ( p )
          p->setLine( {} );
    mDock->showTotals( claim::ChangeTotals(), mReference ? mReference->parties : QStringList(), mReference ? mReference->resourceNames : QStringList() );
    mDock->setStatus( tr( "Cancelled: nothing was stored." ) );
  }

  void ClaimController::lineFinished( const QgsPolylineXY &drawn )
  {
    mPending.reset();
    if ( !mSession || !mReference )
      return;
    const QgsPolylineXY line = claim::orientedLike( drawn, mReference->line.first(), mReference->line.last() );
    try
    {
      // the end rule before the key is asked for: a refused line needs no signature
      claim::snapEnds( line, claim::segmentEnds( mSession->store(), mReference->segment ) );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the claim was not stored" ), e.message() );
      mDock->setStatus( tr( "Not stored: %1" ).arg( e.message() ) );
      return;
    }
    const crypto::SigningKey *key = mKeys->key( mHost->mainWindow(), tr( "Storing a claim" ) );
    if ( !key )
    {
      mHost->pushError( tr( "Limes: the claim was not stored" ), tr( "No signing key was given." ) );
      mDock->setStatus( tr( "Not stored: no signing key was given." ) );
      return;
    }
    claim::ClaimInput input;
    input.segment = mReference->segment;
    input.party = mReference->party;
    input.author = authorName();
    input.leftParty = mReference->version.leftParty;
    input.rightParty = mReference->version.rightParty;
    input.edges = mReference->version.edges;
    input.notes = tr( "Digitized in QGIS against %1" ).arg( mReference->version.name );
    input.line = line;
    LineVersion stored;
    try
    {
      stored = claim::storeClaim( mSession->store(), input, *key );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the claim was not stored" ), e.message() );
      mDock->setStatus( tr( "Not stored: %1" ).arg( e.message() ) );
      return;
    }
    // the preview's last word is on the line as stored (its ends on the end points), in the reference's direction
    QgsPolylineXY storedLine;
    try
    {
      const VersionLayer layer = mSession->store().versionLayer( mSession->store().version( stored.name ) );
      QgsFeature f;
      if ( layer.layer->getFeatures().nextFeature( f ) )
        storedLine = f.geometry().asPolyline();
      mSession->reload();
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the workspace cannot be read again" ), e.message() );
    }
    if ( mReference->previews[1] )
      mReference->previews[1]->setLine( {} );
    mReversed = false;
    if ( claim::ClaimPreview *p = preview( false ); p && !storedLine.isEmpty() )
    {
      QString error;
      if ( p->setLine( storedLine, &error ) )
        showResult( p->result() );
    }
    mDock->setStatus( tr( "Stored as %1 (ledger entry %2). The totals are those of the stored claim against %3." )
                      .arg( stored.name ).arg( stored.ledgerEntry ).arg( mReference->version.name ) );
    mHost->pushSuccess( tr( "Limes" ), tr( "Stored %1's claim for %2 as version %3." ).arg( mReference->party, mReference->segment, stored.name ) );
    emit claimStored( stored.name );
  }

  void ClaimController::startDraft( const QString &segment )
  {
    if ( !mSession )
      return;
    DigitizeClaimDialog dialog( mSession->data(), segment, QString(), QgsProject::instance(), mHost->mainWindow() );
    dialog.setDraftMode();
    if ( dialog.exec() == QDialog::Accepted )
      beginDraft( dialog.segment(), dialog.reference(), dialog.resourceLayerIds() );
  }

  bool ClaimController::beginDraft( const QString &segment, const QString &version, const QStringList &resourceLayerIds )
  {
    if ( !startPreview( segment, QString(), version, resourceLayerIds ) )
      return false;
    // the copy: a layer of the project, in editing mode, for QGIS's own vertex editing (and its undo)
    auto *layer = new QgsVectorLayer( QStringLiteral( "LineString?crs=EPSG:4326&field=segment:string(20)" ),
                                      tr( "Draft of %1 from %2" ).arg( segment, version ), QStringLiteral( "memory" ) );
    QgsFeature f( layer->fields() );
    f.setGeometry( QgsGeometry::fromPolylineXY( mReference->line ) );
    f.setAttribute( 0, segment );
    layer->dataProvider()->addFeature( f );
    QgsProject::instance()->addMapLayer( layer );
    mDraftLayer = layer;
    layer->startEditing();
    connect( layer, &QgsVectorLayer::geometryChanged, this, [this]( QgsFeatureId, const QgsGeometry &geometry ) {
      const QgsGeometry single = geometry.isMultipart() ? geometry.mergeLines() : geometry;
      if ( !single.isMultipart() )
        lineChanged( single.asPolyline() );
    } );
    mHost->mapCanvas()->setCurrentLayer( layer );
    if ( QAction *vertexTool = mHost->mainWindow() ? mHost->mainWindow()->findChild<QAction *>( QStringLiteral( "mActionVertexTool" ) ) : nullptr )
      vertexTool->trigger();
    mDock->setHeading( tr( "Draft of %1 from %2: move, add or delete its vertices with the Vertex Tool. Land that would change sides is shaded in the colour of the party it would go to." )
                       .arg( segment, version ) );
    mDock->showTotals( claim::ChangeTotals(), mReference->parties, mReference->resourceNames );
    mDock->setStatus( tr( "No change yet." ) );
    mDock->saveButton()->show();
    disconnect( mDock->saveButton(), nullptr, this, nullptr );
    connect( mDock->saveButton(), &QPushButton::clicked, this, &ClaimController::saveDraft );
    mDock->show();
    mDock->raise();
    return true;
  }

  bool ClaimController::saveDraft()
  {
    if ( !mSession || !mReference || !mDraftLayer )
      return false;
    QVector<QgsGeometry> parts;
    QgsFeature f;
    for ( QgsFeatureIterator it = mDraftLayer->getFeatures(); it.nextFeature( f ); ) // the edits included
      parts << f.geometry();
    QgsGeometry merged = QgsGeometry::collectGeometry( parts );
    if ( merged.isMultipart() )
      merged = merged.mergeLines();
    if ( merged.isNull() || merged.isMultipart() )
    {
      mHost->pushError( tr( "Limes: the draft was not stored" ), tr( "The draft must stay one line from one end of the segment to the other." ) );
      return false;
    }
    claim::ClaimInput input;
    input.kind = QStringLiteral( "draft" );
    input.segment = mReference->segment;
    input.name = claim::draftName( mReference->segment, mReference->version.name, mSession->data().versions );
    input.source = QStringLiteral( "drafted in QGIS from %1" ).arg( mReference->version.name );
    input.author = authorName();
    input.leftParty = mReference->version.leftParty;
    input.rightParty = mReference->version.rightParty;
    input.edges = mReference->version.edges;
    input.line = claim::orientedLike( merged.asPolyline(), mReference->line.first(), mReference->line.last() );
    try
    {
      claim::snapEnds( input.line, claim::segmentEnds( mSession->store(), input.segment ) );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the draft was not stored" ), e.message() );
      mDock->setStatus( tr( "Not stored: %1" ).arg( e.message() ) );
      return false;
    }
    const crypto::SigningKey *key = mKeys->key( mHost->mainWindow(), tr( "Storing a draft" ) );
    if ( !key )
    {
      mHost->pushError( tr( "Limes: the draft was not stored" ), tr( "No signing key was given." ) );
      return false;
    }
    LineVersion stored;
    try
    {
      stored = claim::storeClaim( mSession->store(), input, *key );
      mSession->reload();
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: the draft was not stored" ), e.message() );
      mDock->setStatus( tr( "Not stored: %1" ).arg( e.message() ) );
      return false;
    }
    removeDraft();
    mDock->saveButton()->hide();
    mDock->setStatus( tr( "Stored as %1 (ledger entry %2). The totals are those of the stored draft against %3." )
                      .arg( stored.name ).arg( stored.ledgerEntry ).arg( mReference->version.name ) );
    mHost->pushSuccess( tr( "Limes" ), tr( "Stored the draft of %1 as version %2." ).arg( mReference->segment, stored.name ) );
    emit claimStored( stored.name );
    return true;
  }

  void ClaimController::removeDraft()
  {
    if ( !mDraftLayer )
      return;
    QgsVectorLayer *layer = mDraftLayer;
    mDraftLayer = nullptr;
    disconnect( layer, nullptr, this, nullptr );
    layer->rollBack();
    QgsProject::instance()->removeMapLayer( layer );
  }

  void ClaimController::stop()
  {
    removeDraft();
    if ( mDock )
      mDock->saveButton()->hide();
    mPending.reset();
    clearTransfers();
    if ( mTool )
    {
      if ( QgsMapCanvas *canvas = mHost->mapCanvas(); canvas && canvas->mapTool() == mTool.get() )
        canvas->unsetMapTool( mTool.get() );
      mTool.reset();
    }
    mReference.reset();
    if ( mAction )
      mAction->setChecked( false );
  }
}
