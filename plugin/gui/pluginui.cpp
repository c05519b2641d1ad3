// SPDX-License-Identifier: GPL-2.0-or-later
#include "pluginui.h"
#include "error.h"
#include "forms/aboutdialog.h"
#include "forms/newworkspacedialog.h"
#include "forms/openworkspacedialog.h"
#include "forms/recorddecisiondialog.h"
#include "qgiscompat.h"
#include "host.h"
#include "provider.h"
#include "resources.h"
#include "translations.h"
#include "workspace/connections.h"
#include "workspace/segmentsdock.h"
#include "workspace/versionscontroller.h"
#include "split/splitcontroller.h"
#include "digitize/claimcontroller.h"
#include "survey/surveycontroller.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"

#include <QAction>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QTranslator>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsvectorlayer.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgspythonrunner.h>

namespace limes
{
  PluginUi::PluginUi( QMainWindow *mainWindow, QAction *menuBefore, QObject *parent )
    : PluginUi( std::make_unique<WindowHost>( mainWindow, menuBefore ), parent )
  {}

  PluginUi::PluginUi( std::unique_ptr<Host> host, QObject *parent )
    : QObject( parent )
    , mHost( std::move( host ) )
  {
    initResources();
    initTranslations();
  }

  PluginUi::~PluginUi()
  {
    unload();
  }

  void PluginUi::installTranslator()
  {
    // before any widget exists, so that every string is translated from the start
    auto translator = std::make_unique<QTranslator>();
    if ( translator->load( QStringLiteral( "limes_" ) + QgsApplication::locale(), QStringLiteral( ":/limes/i18n" ) ) )
    {
      QCoreApplication::installTranslator( translator.get() );
      mTranslator = std::move( translator );
    }
  }

  void PluginUi::removeTranslator()
  {
    if ( mTranslator )
      QCoreApplication::removeTranslator( mTranslator.get() );
    mTranslator.reset();
  }

  QAction *PluginUi::addAction( const QString &icon, const QString &text, const QString &objectName, const QString &tip, bool onToolBar )
  {
    auto *action = new QAction( QIcon( QStringLiteral( ":/limes/icons/%1.svg" ).arg( icon ) ), text, mMenu );
    action->setObjectName( objectName );
    action->setToolTip( tip );
    mMenu->addAction( action );
    if ( onToolBar )
      mToolBar->addAction( action );
    return action;
  }

  void PluginUi::load()
  {
    QMainWindow *window = mHost->mainWindow();
    if ( isLoaded() || !window )
      return;
    installTranslator();

    mMenu = new QMenu( tr( "&Limes" ), window );
    mMenu->setObjectName( QStringLiteral( "mLimesMenu" ) );
    if ( QAction *before = mHost->menuBefore() )
      window->menuBar()->insertMenu( before, mMenu );
    else
      window->menuBar()->addMenu( mMenu );
    mToolBar = new QToolBar( tr( "Limes" ), window );
    mToolBar->setObjectName( QStringLiteral( "mLimesToolBar" ) );
    window->addToolBar( mToolBar );

    mOpenAction = addAction( QStringLiteral( "open" ), tr( "Open Workspace…" ), QStringLiteral( "mActionLimesOpen" ),
                             tr( "Open a commission workspace: a GeoPackage file or a PostgreSQL connection saved in QGIS" ), true );
    connect( mOpenAction, &QAction::triggered, this, &PluginUi::showOpenDialog );
    mNewAction = addAction( QStringLiteral( "new" ), tr( "New Workspace…" ), QStringLiteral( "mActionLimesNew" ),
                            tr( "Create a commission workspace with its parties and segments" ), false );
    connect( mNewAction, &QAction::triggered, this, &PluginUi::showNewDialog );
    mRecentMenu = mMenu->addMenu( tr( "Open Recent" ) );
    mRecentMenu->setObjectName( QStringLiteral( "mLimesRecentMenu" ) );
    connect( mRecentMenu, &QMenu::aboutToShow, this, &PluginUi::fillRecentMenu );
    fillRecentMenu();
    mCloseAction = addAction( QStringLiteral( "close" ), tr( "Close Workspace" ), QStringLiteral( "mActionLimesClose" ),
                              tr( "Close the workspace and remove its layers" ), false );
    connect( mCloseAction, &QAction::triggered, this, &PluginUi::closeWorkspace );
    mMenu->addSeparator();

    mSegmentsDock = new SegmentsDock( mHost.get(), window );
    mHost->addDockWidget( Qt::RightDockWidgetArea, mSegmentsDock );
    mSegmentsDock->hide();
    connect( mSegmentsDock, &SegmentsDock::countersignRequested, this, &PluginUi::countersign );
    QAction *segments = mSegmentsDock->toggleViewAction();
    segments->setIcon( QIcon( QStringLiteral( ":/limes/icons/segments.svg" ) ) );
    segments->setObjectName( QStringLiteral( "mActionLimesSegments" ) );
    segments->setText( tr( "Segments" ) );
    segments->setToolTip( tr( "The workspace's segments, their status and ledger" ) );
    mMenu->addAction( segments );
    mToolBar->addAction( segments );
    connect( mSegmentsDock, &SegmentsDock::recordDecisionRequested, this, &PluginUi::showRecordDecision );
    mRecordAction = addAction( QStringLiteral( "record" ), tr( "Record Decision…" ), QStringLiteral( "mActionLimesRecord" ),
                               tr( "Record what a protocol decided about a segment, signed with your delegation's key" ), true );
    connect( mRecordAction, &QAction::triggered, this, [this] { showRecordDecision( QString() ); } );
    mMenu->addSeparator();

    mKeys = std::make_unique<SigningKeys>();
    mChanges = std::make_unique<ChangeController>( mHost.get(), mKeys.get() );
    mVersions = std::make_unique<VersionsController>( mHost.get(), mKeys.get(), mSegmentsDock );
    QAction *versions = mVersions->dock()->toggleViewAction();
    versions->setObjectName( QStringLiteral( "mActionLimesVersions" ) );
    versions->setText( tr( "Versions" ) );
    versions->setToolTip( tr( "The workspace's versions of the line: kind, date, author, parties" ) );
    mMenu->addAction( versions );
    mImportVersionAction = addAction( QStringLiteral( "import" ), tr( "Import Version…" ), QStringLiteral( "mActionLimesImportVersion" ),
                                      tr( "Import a loaded line layer, or its selected features, as a new version of the workspace, signed with your delegation's key" ), true );
    connect( mImportVersionAction, &QAction::triggered, mVersions.get(), &VersionsController::showImportDialog );
    mClaims = std::make_unique<ClaimController>( mHost.get(), mKeys.get() );
    mDigitizeAction = addAction( QStringLiteral( "record" ), tr( "Digitize Claim…" ), QStringLiteral( "mActionLimesDigitizeClaim" ),
                                 tr( "Draw a party's claim line for a segment with QGIS's snapping, tracing and Advanced Digitizing, seeing the land and water it would move while you draw; stored as the party's claim version" ), true );
    mDigitizeAction->setIcon( QgsApplication::getThemeIcon( QStringLiteral( "/mActionCaptureLine.svg" ) ) );
    mDigitizeAction->setCheckable( true );
    mClaims->setAction( mDigitizeAction );
    connect( mDigitizeAction, &QAction::triggered, this, [this] { mClaims->start( mSegmentsDock ? mSegmentsDock->currentSegment() : QString() ); } );
    connect( mSegmentsDock, &SegmentsDock::digitizeClaimRequested, this, [this]( const QString &segment ) { mClaims->start( segment ); } );
    mDraftAction = addAction( QStringLiteral( "import" ), tr( "Draft from Version…" ), QStringLiteral( "mActionLimesDraftFromVersion" ),
                              tr( "Copy a version's lines for a segment into an editable draft, edit it with QGIS's Vertex Tool while the land and water it would move are previewed, and save it as a new version" ), false );
    mDraftAction->setIcon( QgsApplication::getThemeIcon( QStringLiteral( "/mActionVertexTool.svg" ) ) );
    connect( mDraftAction, &QAction::triggered, this, [this] { mClaims->startDraft( mSegmentsDock ? mSegmentsDock->currentSegment() : QString() ); } );
    mSurveys = std::make_unique<SurveyController>( mHost.get(), mKeys.get() );
    mSurveyAction = addAction( QStringLiteral( "record" ), tr( "Survey Pillar…" ), QStringLiteral( "mActionLimesSurveyPillar" ),
                               tr( "Click a pillar and record where it was surveyed, with the accuracy and date; its designed position never changes, the deviation is shown and validated" ), true );
    mSurveyAction->setIcon( QgsApplication::getThemeIcon( QStringLiteral( "/mActionCapturePoint.svg" ) ) );
    mSurveyAction->setCheckable( true );
    mSurveys->setAction( mSurveyAction );
    connect( mSurveyAction, &QAction::triggered, this, [this] { mSurveys->start(); } );
    mSplits = std::make_unique<SplitController>( mHost.get(), mKeys.get() );
    mSplitAction = addAction( QStringLiteral( "record" ), tr( "Split Segment…" ), QStringLiteral( "mActionLimesSplitSegment" ),
                              tr( "Click a pillar or a vertex of a segment's line and split the segment in two there, with new codes you confirm; the ledger records the split" ), true );
    mSplitAction->setIcon( QgsApplication::getThemeIcon( QStringLiteral( "/mActionSplitFeatures.svg" ) ) );
    mSplitAction->setCheckable( true );
    mSplits->setAction( mSplitAction );
    connect( mSplitAction, &QAction::triggered, this, [this] { mSplits->start( mSegmentsDock ? mSegmentsDock->currentSegment() : QString() ); } );
    connect( mSegmentsDock, &SegmentsDock::splitSegmentRequested, this, [this]( const QString &segment ) { mSplits->start( segment ); } );
    connect( mSplits.get(), &SplitController::segmentSplit, this, [this]( const QString &first ) {
      if ( mSegmentsDock )
        mSegmentsDock->selectSegment( first );
    } );
    mCompareAction = addAction( QStringLiteral( "compare" ), tr( "Compare Versions…" ), QStringLiteral( "mActionLimesCompare" ),
                                tr( "Land and water that change sides between two versions: workspace versions or loaded layers" ), true );
    connect( mCompareAction, &QAction::triggered, mChanges.get(), &ChangeController::showDialog );
    mValidateAction = addAction( QStringLiteral( "validate" ), tr( "Validate…" ), QStringLiteral( "mActionLimesValidate" ),
                                 tr( "Check the line, its segments and pillars against the validation rules; accept findings in the workspace" ), true );
    connect( mValidateAction, &QAction::triggered, this, [this] {
      ValidateDock *dock = validateDock();
      dock->show();
      dock->raise();
    } );
    mChangeAction = addAction( QStringLiteral( "change" ), tr( "Boundary Change (Processing)…" ), QStringLiteral( "mActionLimesChange" ),
                               tr( "Land, water and other resources that change sides between two versions of a boundary" ), true );
    // QGIS 3.22 builds algorithm dialogs in Python only; without Python there is the toolbox-less CLI
    mChangeAction->setEnabled( QgsPythonRunner::isValid() );
    connect( mChangeAction, &QAction::triggered, this, &PluginUi::showChangeDialog );
    mKeyAction = addAction( QStringLiteral( "key" ), tr( "Signing Key…" ), QStringLiteral( "mActionLimesKey" ),
                            tr( "Choose the key your delegation signs the ledger with (asked for once per session)" ), false );
    connect( mKeyAction, &QAction::triggered, this, [this] { mKeys->chooseKey( mHost->mainWindow(), tr( "Every entry you record" ) ); } );
    mMenu->addSeparator();
    mAboutAction = addAction( QStringLiteral( "about" ), tr( "About Limes…" ), QStringLiteral( "mActionLimesAbout" ),
                              tr( "Limes version, the library versions its numbers come from, and the sample data's provenance" ), true );
    connect( mAboutAction, &QAction::triggered, this, &PluginUi::showAbout );

    // a new or another project takes the workspace's layers with it: close the workspace too
    connect( QgsProject::instance(), &QgsProject::cleared, this, &PluginUi::closeWorkspace );

    QgsProcessingRegistry *registry = QgsApplication::processingRegistry();
    if ( registry && !registry->providerById( QString::fromLatin1( ProcessingProvider::ID ) ) )
    {
      mProvider = new ProcessingProvider();
      if ( !registry->addProvider( mProvider ) )
        mProvider = nullptr; // the registry deleted it
    }
    updateActions();
  }

  void PluginUi::unload()
  {
    if ( !isLoaded() )
      return;
    disconnect( QgsProject::instance(), nullptr, this, nullptr );
    closeWorkspace();
    mChanges.reset(); // its dock, its result groups, a running comparison
    mVersions.reset(); // its dock; waits for an import, which signs with the key
    mClaims.reset();   // the map tool, the preview and its panel
    mSurveys.reset();  // its map tool and form
    mSplits.reset();   // its map tool, markers and form
    mKeys.reset();    // the key leaves memory with the plugin
    if ( mProvider )
    {
      if ( QgsProcessingRegistry *registry = QgsApplication::processingRegistry() )
        registry->removeProvider( mProvider ); // deletes it
      mProvider = nullptr;
    }
    for ( QgsDockWidget *dock : { static_cast<QgsDockWidget *>( mSegmentsDock.data() ), static_cast<QgsDockWidget *>( mValidateDock.data() ) } )
    {
      if ( !dock )
        continue;
      mHost->removeDockWidget( dock ); // removing only hides it: delete it too
      delete dock;
    }
    // Deleting the menu and toolbar removes them, and the actions they own, from the window.
    delete mToolBar;
    delete mMenu;
    removeTranslator();
  }

  void PluginUi::updateActions()
  {
    for ( QAction *action : { mCloseAction.data(), mRecordAction.data(), mImportVersionAction.data(), mDigitizeAction.data(), mDraftAction.data(), mSurveyAction.data(), mSplitAction.data() } )
      if ( action )
        action->setEnabled( mSession != nullptr );
  }

  bool PluginUi::openWorkspace( const WorkspaceChoice &choice )
  {
    if ( choice.target.isEmpty() )
    {
      mHost->pushError( tr( "Limes" ), tr( "%1 cannot be opened: it no longer exists." ).arg( RecentWorkspaces::label( choice.recentEntry ) ) );
      return false;
    }
    try
    {
      setSession( WorkspaceSession::open( choice.target, choice.name, QgsProject::instance()->transformContext() ) );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: cannot open the workspace" ), e.message() );
      return false;
    }
    RecentWorkspaces::add( choice.recentEntry );
    return true;
  }

  bool PluginUi::createWorkspace( const WorkspaceChoice &choice, const QList<Party> &parties, const QList<Segment> &segments )
  {
    try
    {
      setSession( WorkspaceSession::create( choice.target, choice.name, parties, segments, QgsProject::instance()->transformContext() ) );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: cannot create the workspace" ), e.message() );
      return false;
    }
    RecentWorkspaces::add( choice.recentEntry );
    return true;
  }

  void PluginUi::setSession( std::unique_ptr<WorkspaceSession> session )
  {
    closeWorkspace();
    mSession = std::move( session );
    mLayers = std::make_unique<WorkspaceLayers>( mSession.get(), QgsProject::instance() );
    mLayers->build();
    if ( mChanges )
      mChanges->setWorkspace( mSession.get(), mLayers.get() );
    if ( mValidateDock )
      mValidateDock->setWorkspace( mSession.get(), mLayers.get() );
    if ( mVersions )
      mVersions->setWorkspace( mSession.get() );
    if ( mClaims )
      mClaims->setWorkspace( mSession.get(), mLayers.get() );
    if ( mSurveys )
      mSurveys->setWorkspace( mSession.get(), mLayers.get() );
    if ( mSplits )
      mSplits->setWorkspace( mSession.get(), mLayers.get() );
    if ( mSegmentsDock )
    {
      mSegmentsDock->setWorkspace( mSession.get(), mLayers.get() );
      mSegmentsDock->show();
      mSegmentsDock->raise();
      // wide enough for its table, unless the user made it wider
      if ( mSegmentsDock->width() < 460 && !mSegmentsDock->isFloating() )
        mHost->mainWindow()->resizeDocks( { mSegmentsDock.data() }, { 460 }, Qt::Horizontal );
    }
    if ( QgsMapCanvas *canvas = mHost->mapCanvas(); canvas && mLayers->segmentsLayer() && mLayers->pillarsLayer() )
    {
      QgsRectangle extent = canvas->mapSettings().layerExtentToOutputExtent( mLayers->pillarsLayer(), mLayers->pillarsLayer()->extent() );
      extent.combineExtentWith( canvas->mapSettings().layerExtentToOutputExtent( mLayers->segmentsLayer(), mLayers->segmentsLayer()->extent() ) );
      if ( !extent.isEmpty() )
      {
        canvas->setExtent( extent.buffered( extent.width() * 0.03 ) );
        canvas->refresh();
      }
    }
    updateActions();
    emit workspaceChanged();
  }

  void PluginUi::closeWorkspace()
  {
    if ( !mSession )
      return;
    if ( mSegmentsDock )
      mSegmentsDock->setWorkspace( nullptr, nullptr );
    if ( mChanges )
      mChanges->setWorkspace( nullptr, nullptr );
    if ( mValidateDock )
      mValidateDock->setWorkspace( nullptr, nullptr );
    if ( mVersions )
      mVersions->setWorkspace( nullptr );
    if ( mClaims )
      mClaims->setWorkspace( nullptr, nullptr );
    if ( mSurveys )
      mSurveys->setWorkspace( nullptr, nullptr );
    if ( mSplits )
      mSplits->setWorkspace( nullptr, nullptr );
    mLayers.reset(); // removes the group and its layers
    mSession.reset();
    updateActions();
    emit workspaceChanged();
  }

  ValidateDock *PluginUi::validateDock()
  {
    if ( !mValidateDock )
    {
      mValidateDock = new ValidateDock( mHost.get(), mKeys.get(), mHost->mainWindow() );
      mHost->addDockWidget( Qt::RightDockWidgetArea, mValidateDock );
      if ( mSegmentsDock && mHost->mainWindow() )
        mHost->mainWindow()->tabifyDockWidget( mSegmentsDock, mValidateDock );
      mValidateDock->setWorkspace( mSession.get(), mLayers.get() );
    }
    return mValidateDock;
  }

  void PluginUi::showRecordDecision( const QString &segment )
  {
    if ( !mSession )
      return;
    QString code = segment;
    if ( code.isEmpty() && mSegmentsDock )
      code = mSegmentsDock->currentSegment();
    const QString party = mKeys->partyIn( mSession->data().keys );
    QString signing = tr( "your delegation's key: Limes asks for it when you record" );
    if ( mKeys->current() )
      signing = party.isEmpty() ? tr( "key %1 (not registered in this workspace: recording will be refused)" ).arg( mKeys->fingerprint() )
                : tr( "key %1, registered for %2" ).arg( mKeys->fingerprint(), party == QLatin1String( "SECRETARIAT" ) ? tr( "the secretariat" ) : party );
    RecordDecisionDialog *dialogPtr = nullptr;
    RecordDecisionDialog dialog( mSession->data(), code, signing, [this, &dialogPtr]( const LedgerEntryInput &input ) -> QString {
      const crypto::SigningKey *key = mKeys->key( dialogPtr, tr( "Recording a decision" ) );
      if ( !key )
        return tr( "Nothing was recorded: no signing key was given." );
      try
      {
        const LedgerEntry entry = mSession->recordDecision( input, *key );
        mHost->pushSuccess( tr( "Limes" ), tr( "Recorded entry %1: %2, %3." ).arg( entry.id ).arg( input.segment, RecordDecisionDialog::decisionLabel( input.decision ) ) );
        return QString();
      }
      catch ( const Error &e )
      {
        mHost->pushError( tr( "Limes: nothing was recorded" ), e.message() ); // the form stays open with the entry
        return e.message();
      }
    }, mHost->mainWindow() );
    dialogPtr = &dialog;
    dialog.exec();
  }

  void PluginUi::countersign( long long entry )
  {
    if ( !mSession )
      return;
    const LedgerEntry *decision = nullptr;
    for ( const LedgerEntry &e : mSession->data().ledger )
      if ( e.id == entry )
        decision = &e;
    if ( !decision )
      return;
    const QStringList awaiting = mSession->data().awaiting( *decision );
    const QString why = tr( "Countersigning the agreement on %1 (entry %2) for %3" ).arg( decision->input.segment ).arg( entry ).arg( awaiting.join( QLatin1String( ", " ) ) );
    const crypto::SigningKey *key = mKeys->current();
    // the key held may be the recorder's: the other delegation signs with its own
    if ( !key || !awaiting.contains( mKeys->partyIn( mSession->data().keys ) ) )
      key = mKeys->chooseKey( mHost->mainWindow(), why );
    if ( !key )
      return;
    try
    {
      const LedgerEntry signature = mSession->countersign( entry, *key );
      mHost->pushSuccess( tr( "Limes" ), tr( "Entry %1 countersigned for %2 (entry %3)." ).arg( entry ).arg( signature.signerParty ).arg( signature.id ) );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: cannot countersign" ), e.message() );
    }
  }

  void PluginUi::fillRecentMenu()
  {
    if ( !mRecentMenu )
      return;
    mRecentMenu->clear();
    for ( const QString &entry : RecentWorkspaces::entries() )
    {
      QAction *action = mRecentMenu->addAction( RecentWorkspaces::label( entry ) );
      connect( action, &QAction::triggered, this, [this, entry] { openWorkspace( choiceFromRecent( entry ) ); } );
    }
    mRecentMenu->setEnabled( !mRecentMenu->isEmpty() );
  }

  void PluginUi::showOpenDialog()
  {
    OpenWorkspaceDialog dialog( mHost->mainWindow() );
    if ( dialog.exec() == QDialog::Accepted )
      openWorkspace( dialog.choice() );
  }

  void PluginUi::showNewDialog()
  {
    NewWorkspaceDialog dialog( mHost->mainWindow() );
    if ( dialog.exec() == QDialog::Accepted )
      createWorkspace( dialog.choice(), dialog.parties(), dialog.segments() );
  }

  void PluginUi::showChangeDialog()
  {
    QgsPythonRunner::run( QStringLiteral( "import processing\nprocessing.execAlgorithmDialog('limes:boundarychange')" ) );
  }

  void PluginUi::showAbout()
  {
    AboutDialog dialog( mHost->mainWindow() );
    dialog.exec();
  }
}
