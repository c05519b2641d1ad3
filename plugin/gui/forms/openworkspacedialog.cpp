// SPDX-License-Identifier: GPL-2.0-or-later
#include "openworkspacedialog.h"
#include "ui_openworkspacedialog.h"
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
    for ( const SavedConnection &c : savedPostgresConnections() )
      mUi->mConnectionCombo->addItem( c.name, c.description );
    if ( mUi->mConnectionCombo->count() == 0 )
    {
      mUi->mConnectionRadio->setEnabled( false );
      mUi->mConnectionRadio->setToolTip( tr( "Save a connection in QGIS first: Data Source Manager, PostgreSQL, New" ) );
      mUi->mConnectionCombo->setVisible( false );
      mUi->mConnectionInfo->setText( tr( "No PostgreSQL connections are saved in QGIS (Data Source Manager, PostgreSQL, New)." ) );
    }
    connect( mUi->mFileWidget, &QgsFileWidget::fileChanged, this, [this] {
      mUi->mFileRadio->setChecked( true );
      updateState();
    } );
    connect( mUi->mConnectionCombo, qOverload<int>( &QComboBox::activated ), this, [this] { mUi->mConnectionRadio->setChecked( true ); } );
    connect( mUi->mConnectionCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &OpenWorkspaceDialog::updateState );
    connect( mUi->mFileRadio, &QRadioButton::toggled, this, &OpenWorkspaceDialog::updateState );
    connect( mUi->mConnectionRadio, &QRadioButton::toggled, this, &OpenWorkspaceDialog::updateState );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, [this] {
      if ( problem().isEmpty() )
        accept();
    } );
    updateState();
  }

  OpenWorkspaceDialog::~OpenWorkspaceDialog() = default;

  void OpenWorkspaceDialog::setFile( const QString &path )
  {
    mUi->mFileWidget->setFilePath( path );
    mUi->mFileRadio->setChecked( true );
    updateState();
  }

  bool OpenWorkspaceDialog::setConnection( const QString &name )
  {
    const int index = mUi->mConnectionCombo->findText( name );
    if ( index < 0 )
      return false;
    mUi->mConnectionCombo->setCurrentIndex( index );
    mUi->mConnectionRadio->setChecked( true );
    updateState();
    return true;
  }

  WorkspaceChoice OpenWorkspaceDialog::choice() const
  {
    if ( mUi->mConnectionRadio->isChecked() )
      return choiceFromRecent( RecentWorkspaces::connectionEntry( mUi->mConnectionCombo->currentText() ) );
    return choiceFromRecent( RecentWorkspaces::fileEntry( mUi->mFileWidget->filePath() ) );
  }

  QString OpenWorkspaceDialog::problem() const
  {
    if ( mUi->mConnectionRadio->isChecked() )
      return mUi->mConnectionCombo->currentIndex() < 0 ? tr( "Choose a saved PostgreSQL connection." ) : QString();
    const QString path = mUi->mFileWidget->filePath();
    if ( path.isEmpty() )
      return tr( "Choose the workspace's GeoPackage file." );
    if ( !QFileInfo( path ).isFile() )
      return tr( "There is no file %1." ).arg( path );
    return QString();
  }

  void OpenWorkspaceDialog::updateState()
  {
    mUi->mFileWidget->setEnabled( mUi->mFileRadio->isChecked() );
    mUi->mConnectionCombo->setEnabled( mUi->mConnectionRadio->isChecked() );
    if ( mUi->mConnectionCombo->count() > 0 )
      mUi->mConnectionInfo->setText( mUi->mConnectionRadio->isChecked() ? mUi->mConnectionCombo->currentData().toString() : QString() );
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
