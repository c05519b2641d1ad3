// SPDX-License-Identifier: GPL-2.0-or-later
#include "changecontroller.h"
#include "changelayers.h"
#include "error.h"
#include "forms/comparedialog.h"
#include "host.h"
#include "layerstyles.h"
#include "signingkeys.h"
#include "workspacelayers.h"
#include "workspacesession.h"

#include <QMainWindow>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

namespace limes
{
  ChangeController::ChangeController( Host *host, SigningKeys *keys, QObject *parent )
    : QObject( parent )
    , mHost( host )
    , mKeys( keys )
  {}

  ChangeController::~ChangeController()
  {
    unload();
  }

  void ChangeController::setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers )
  {
    mSession = session;
    mLayers = layers;
  }

  QList<ChangeLayers *> ChangeController::results() const
  {
    QList<ChangeLayers *> list;
    for ( const auto &r : mResults )
      list << r.get();
    return list;
  }

  ChangeSummaryDock *ChangeController::dock()
  {
    if ( !mDock )
    {
      mDock = new ChangeSummaryDock( mHost->mainWindow() );
      // below the map: a table wants the width
      mHost->addDockWidget( Qt::BottomDockWidgetArea, mDock );
      connect( mDock, &ChangeSummaryDock::cancelRequested, this, [this] {
        if ( mTask )
          mTask->cancel();
      } );
      connect( mDock, &ChangeSummaryDock::keepRequested, this, &ChangeController::keep );
      connect( mDock, &ChangeSummaryDock::errorOccurred, this, [this]( const QString &message ) { mHost->pushError( tr( "Limes" ), message ); } );
    }
    return mDock;
  }

  void ChangeController::showDialog()
  {
    CompareDialog dialog( mSession, QgsProject::instance(), mLayers ? mLayers->segmentsLayer() : nullptr, mHost->mainWindow() );
    dialog.setHost( mHost );
    if ( dialog.exec() == QDialog::Accepted )
      start( dialog.inputs() );
  }

  ChangeTask *ChangeController::start( ChangeTaskInputs inputs )
  {
    if ( mTask )
    {
      mHost->pushError( tr( "Limes" ), tr( "A comparison is running: wait for it or cancel it first." ) );
      return nullptr;
    }
    mKeepable = inputs.oldVersion.layer == nullptr && inputs.newVersion.layer == nullptr && !inputs.workspaceTarget.isEmpty();
    const QString oldName = inputs.oldVersion.label(), newName = inputs.newVersion.label();
    QPointer<ChangeController> self( this );
    auto *task = new ChangeTask( std::move( inputs ), [self]( ChangeTask &t, bool ok ) {
      if ( self ) // the plugin may have been unloaded meanwhile
        self->taskFinished( t, ok );
    } );
    ChangeSummaryDock *summary = dock();
    summary->showRunning( oldName, newName );
    summary->show();
    summary->raise();
    connect( task, &QgsTask::progressChanged, summary, &ChangeSummaryDock::setProgress );
    mTask = task;
    QgsApplication::taskManager()->addTask( task );
    return task;
  }

  void ChangeController::taskFinished( ChangeTask &task, bool ok )
  {
    mTask = nullptr;
    const QString oldName = task.inputs().oldVersion.label(), newName = task.inputs().newVersion.label();
    if ( !ok )
    {
      const QString why = task.error().isEmpty() ? tr( "Comparison of %1 → %2 cancelled." ).arg( oldName, newName ) : task.error();
      if ( mDock )
        mDock->showMessage( why );
      if ( !task.error().isEmpty() )
        mHost->pushError( tr( "Limes: the comparison failed" ), task.error() );
      emit finished( false );
      return;
    }
    QMap<QString, QColor> colours;
    if ( mSession )
      for ( const Party &p : mSession->data().parties )
        if ( !p.colour.isEmpty() )
          colours.insert( p.code, QColor( p.colour ) );
    // layers are made here, on the main thread, from the task's plain result
    mResults.push_back( std::make_unique<ChangeLayers>( QgsProject::instance(), oldName, newName, task.result(), colours ) );
    if ( mDock )
      mDock->showSummary( oldName, newName, task.summaryJson(), task.result().warnings, mKeepable && mSession );
    if ( QgsMapCanvas *canvas = mHost->mapCanvas(); canvas && mResults.back()->transfers() )
    {
      QgsVectorLayer *transfers = mResults.back()->transfers();
      const QgsRectangle extent = canvas->mapSettings().layerExtentToOutputExtent( transfers, transfers->extent() );
      if ( !extent.isEmpty() )
        canvas->setExtent( extent.buffered( extent.width() * 0.05 ) );
      canvas->refresh();
    }
    emit finished( true );
  }

  void ChangeController::keep()
  {
    if ( !mDock || !mSession )
      return;
    const crypto::SigningKey *key = mKeys->key( mHost->mainWindow(), tr( "Keeping a comparison in the workspace" ) );
    if ( !key )
      return;
    try
    {
      const StoredChange stored = mSession->storeChange( mDock->oldName(), mDock->newName(), mDock->summaryJson(), authorName(), *key );
      mDock->setKept( tr( "Kept as change %1" ).arg( stored.id ) );
      mHost->pushSuccess( tr( "Limes" ), tr( "The comparison %1 → %2 is kept in the workspace." ).arg( mDock->oldName(), mDock->newName() ) );
    }
    catch ( const Error &e )
    {
      mHost->pushError( tr( "Limes: cannot keep the comparison" ), e.message() );
    }
  }

  void ChangeController::unload()
  {
    if ( mTask )
    {
      mTask->cancel(); // its callback no longer reaches us
      mTask->waitForFinished(); // its code must not outlive the plugin's library
    }
    mTask = nullptr;
    mResults.clear(); // removes the layer groups
    if ( mDock )
    {
      mHost->removeDockWidget( mDock );
      delete mDock;
    }
  }
}
