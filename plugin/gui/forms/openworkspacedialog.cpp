// SPDX-License-Identifier: GPL-2.0-or-later
#include "openworkspacedialog.h"
#include "ui_openworkspacedialog.h"
#include "workspacelocation.h"
#include "workspace/connections.h"

#include <QFileInfo>
#include <QPushButton>

namespace limes
{
  OpenWorkspaceDialog::OpenWorkspaceDialog( QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesOpenWorkspaceDialog>() )
  {
    mUi->setupUi( this );
    mUi->mFileWidget->setFilter( tr( "Limes workspace (*.gpkg)" ) );
    mUi->mFileWidget->setStorageMode( QgsFileWidget::GetFile );
    mUi->mFileWidget->setDialogTitle( tr( "Open Commission Workspace" ) );
    mLocation = new WorkspaceLocation( mUi->mFileWidget, mUi->mFileRadio, mUi->mConnectionRadio, mUi->mConnectionCombo, mUi->mConnectionInfo, this );
    connect( mLocation, &WorkspaceLocation::changed, this, &OpenWorkspaceDialog::updateState );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, [this] {
      if ( problem().isEmpty() )
        accept();
    } );
    updateState();
  }

  OpenWorkspaceDialog::~OpenWorkspaceDialog() = default;

  void OpenWorkspaceDialog::setFile( const QString &path )
  {
    mLocation->setFile( path );
  }

  bool OpenWorkspaceDialog::setConnection( const QString &name )
  {
    return mLocation->setConnection( name );
  }

  WorkspaceChoice OpenWorkspaceDialog::choice() const
  {
    if ( mLocation->isConnection() )
      return choiceFromRecent( RecentWorkspaces::connectionEntry( mLocation->connectionName() ) );
    return choiceFromRecent( RecentWorkspaces::fileEntry( mLocation->filePath() ) );
  }

  QString OpenWorkspaceDialog::problem() const
  {
    if ( mLocation->isConnection() )
      return mLocation->connectionName().isEmpty() ? tr( "Choose a saved PostgreSQL connection." ) : QString();
    const QString path = mLocation->filePath();
    if ( path.isEmpty() )
      return tr( "Choose the workspace's GeoPackage file." );
    if ( !QFileInfo( path ).isFile() )
      return tr( "There is no file %1." ).arg( path );
    return QString();
  }

  void OpenWorkspaceDialog::updateState()
  {
    mLocation->updateWidgets();
    const QString why = problem();
    mUi->mProblem->setText( why );
    mUi->mButtons->button( QDialogButtonBox::Open )->setEnabled( why.isEmpty() );
  }

  WorkspaceChoice choiceFromRecent( const QString &entry )
  {
    WorkspaceChoice c;
    c.recentEntry = entry;
    if ( entry.startsWith( QLatin1String( "postgres:" ) ) )
    {
      const SavedConnection saved = savedPostgresConnection( entry.mid( 9 ) );
      c.name = entry.mid( 9 );
      c.target = saved.conninfo;
    }
    else if ( entry.startsWith( QLatin1String( "file:" ) ) )
    {
      c.target = entry.mid( 5 );
      c.name = QFileInfo( c.target ).completeBaseName();
    }
    return c;
  }
}
