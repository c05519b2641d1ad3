// SPDX-License-Identifier: GPL-2.0-or-later
#include "versionscontroller.h"
#include "workspace/workspacestore.h"
#include "error.h"
#include "host.h"
#include "signingkeys.h"
#include "workspacesession.h"

#include <QMainWindow>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>

namespace limes
{
  VersionsController::VersionsController( Host *host, SigningKeys *keys, QDockWidget *tabWith, QObject *parent )
    : QObject( parent )
    , mHost( host )
    , mKeys( keys )
    , mTabWith( tabWith )
  {
    mDock = new VersionsDock( mHost->mainWindow() );
    mHost->addDockWidget( Qt::RightDockWidgetArea, mDock );
    mDock->hide();
    // a tab beside the Segments dock, once it is first shown (not before: a tab bar stays for good)
    connect( mDock, &QDockWidget::visibilityChanged, this, [this]( bool visible ) {
      if ( !visible || mTabified || !mTabWith || !mHost->mainWindow() || mDock->isFloating() )
        return;
      mTabified = true;
      mHost->mainWindow()->tabifyDockWidget( mTabWith, mDock );
      mDock->raise();
    } );
    connect( mDock, &VersionsDock::importRequested, this, &VersionsController::showImportDialog );
  }

  VersionsController::~VersionsController()
  {
    unload();
  }

  void VersionsController::setWorkspace( WorkspaceSession *session )
  {
    mSession = session;
    if ( mDock )
      mDock->setWorkspace( session );
  }

  void VersionsController::showImportDialog()
  {
    if ( !mSession )
      return;
    if ( mTask )
    {
      mHost->pushError( tr( "Limes" ), tr( "A version is being imported: wait for it to end." ) );
      return;
    }
    const QString party = mKeys->partyIn( mSession->data().keys );
    QString signing = tr( "your delegation's key: Limes asks for it when you import" );
    if ( mKeys->current() )
      signing = party.isEmpty() ? tr( "key %1 (not registered in this workspace: the import will be refused)" ).arg( mKeys->fingerprint() )
                : tr( "key %1, registered for %2" ).arg( mKeys->fingerprint(), party == QLatin1String( "SECRETARIAT" ) ? tr( "the secretariat" ) : party );
    QgsMapLayer *active = mHost->mapCanvas() ? mHost->mapCanvas()->currentLayer() : nullptr;
    ImportVersionDialog *dialogPtr = nullptr;
    ImportVersionDialog dialog( mSession->data(), active, signing, [this, &dialogPtr]( ImportVersionInputs inputs, ImportVersionDialog::Done done ) -> QString {
      const crypto::SigningKey *key = mKeys->key( dialogPtr, tr( "Importing a version" ) );
      if ( !key )
        return tr( "Nothing was imported: no signing key was given." );
      if ( !mSession )
        return tr( "The workspace was closed." );
      return start( std::move( inputs ), *key, std::move( done ) ) ? QString() : tr( "A version is being imported: wait for it to end." );
    }, mHost->mainWindow() );
    dialogPtr = &dialog;
    // modal until the import ended: the key it signs with is not to change meanwhile
    dialog.exec();
  }

  ImportVersionTask *VersionsController::start( ImportVersionInputs inputs, const crypto::SigningKey &key, ImportVersionDialog::Done done )
  {
    if ( mTask || !mSession )
      return nullptr;
    inputs.workspaceTarget = workspaceTargetForWorker( mSession->target() ); // the task thread never asks QGIS's authentication manager
    inputs.transformContext = QgsProject::instance()->transformContext();
    QPointer<VersionsController> self( this );
    auto *task = new ImportVersionTask( std::move( inputs ), key, [self, done]( ImportVersionTask &t, bool ok ) {
      if ( self ) // the plugin may have been unloaded meanwhile
        self->taskFinished( t, ok, done );
      else if ( done )
        done( t.error() );
    } );
    mTask = task;
    QgsApplication::taskManager()->addTask( task );
    return task;
  }

  void VersionsController::taskFinished( ImportVersionTask &task, bool ok, const ImportVersionDialog::Done &done )
  {
    mTask = nullptr;
    const QString name = task.inputs().version.name;
    QString error = task.error();
    if ( !ok && error.isEmpty() )
      error = tr( "The import of %1 ended without storing it." ).arg( name );
    if ( ok && mSession )
    {
      try
      {
        mSession->reload(); // the list, the Segments dock and the layer group follow
      }
      catch ( const Error &e )
      {
        mHost->pushError( tr( "Limes: the workspace cannot be read again" ), e.message() );
      }
    }
    if ( ok )
    {
      mHost->pushSuccess( tr( "Limes" ), tr( "Imported version %1 (%2, %n lines).", nullptr, static_cast<int>( task.stored().parts ) )
                          .arg( name, versionKindLabel( task.stored().kind ) ) );
      if ( mDock )
      {
        mDock->show();
        mDock->raise();
        mDock->selectVersion( name );
      }
    }
    else
      mHost->pushError( tr( "Limes: cannot import the version" ), error );
    if ( done )
      done( ok ? QString() : error );
    emit imported( ok, name );
  }

  void VersionsController::unload()
  {
    if ( mTask )
      mTask->waitForFinished(); // one transaction: it ends whole or not at all, shortly
    mTask = nullptr;
    if ( mDock )
    {
      mHost->removeDockWidget( mDock );
      delete mDock;
    }
  }
}
