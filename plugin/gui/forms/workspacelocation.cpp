// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspacelocation.h"
#include "workspace/connections.h"

#include <QComboBox>
#include <QLabel>
#include <QRadioButton>

#include <qgsfilewidget.h>

namespace limes
{
  WorkspaceLocation::WorkspaceLocation( QgsFileWidget *file, QRadioButton *fileRadio, QRadioButton *connectionRadio, QComboBox *connections,
                                        QLabel *connectionInfo, QObject *parent )
    : QObject( parent )
    , mFile( file )
    , mFileRadio( fileRadio )
    , mConnectionRadio( connectionRadio )
    , mConnections( connections )
    , mConnectionInfo( connectionInfo )
  {
    for ( const SavedConnection &c : savedPostgresConnections() )
      mConnections->addItem( c.name, c.description );
    if ( mConnections->count() == 0 )
    {
      mConnectionRadio->setEnabled( false );
      mConnectionRadio->setToolTip( tr( "Save a connection in QGIS first: Data Source Manager, PostgreSQL, New" ) );
      mConnections->setVisible( false );
      if ( mConnectionInfo )
        mConnectionInfo->setText( tr( "No PostgreSQL connections are saved in QGIS (Data Source Manager, PostgreSQL, New)." ) );
    }
    connect( mFile, &QgsFileWidget::fileChanged, this, [this] {
      mFileRadio->setChecked( true );
      emit changed();
    } );
    // choosing a connection is choosing the connection side
    connect( mConnections, qOverload<int>( &QComboBox::activated ), this, [this] { mConnectionRadio->setChecked( true ); } );
    connect( mConnections, qOverload<int>( &QComboBox::currentIndexChanged ), this, &WorkspaceLocation::changed );
    connect( mFileRadio, &QRadioButton::toggled, this, &WorkspaceLocation::changed );
    connect( mConnectionRadio, &QRadioButton::toggled, this, &WorkspaceLocation::changed );
  }

  bool WorkspaceLocation::isConnection() const
  {
    return mConnectionRadio->isChecked();
  }

  QString WorkspaceLocation::filePath() const
  {
    return mFile->filePath();
  }

  QString WorkspaceLocation::connectionName() const
  {
    return mConnections->currentIndex() < 0 ? QString() : mConnections->currentText();
  }

  void WorkspaceLocation::setFile( const QString &path )
  {
    mFile->setFilePath( path );
    mFileRadio->setChecked( true );
    emit changed();
  }

  bool WorkspaceLocation::setConnection( const QString &name )
  {
    const int index = mConnections->findText( name );
    if ( index < 0 )
      return false;
    mConnections->setCurrentIndex( index );
    mConnectionRadio->setChecked( true );
    emit changed();
    return true;
  }

  void WorkspaceLocation::updateWidgets()
  {
    mFile->setEnabled( mFileRadio->isChecked() );
    mConnections->setEnabled( mConnectionRadio->isChecked() );
    if ( mConnectionInfo && mConnections->count() > 0 )
      mConnectionInfo->setText( mConnectionRadio->isChecked() ? mConnections->currentData().toString() : QString() );
  }
}
