// SPDX-License-Identifier: GPL-2.0-or-later
#include "versionsdock.h"
#include "workspacesession.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace limes
{
  QString versionKindLabel( const QString &kind )
  {
    if ( kind == QLatin1String( "historical" ) )
      return VersionsDock::tr( "historical" );
    if ( kind == QLatin1String( "claim" ) )
      return VersionsDock::tr( "claim of a party" );
    if ( kind == QLatin1String( "draft" ) )
      return VersionsDock::tr( "draft" );
    if ( kind == QLatin1String( "agreed" ) )
      return VersionsDock::tr( "agreed" );
    if ( kind == QLatin1String( "ratified" ) )
      return VersionsDock::tr( "ratified" );
    return kind;
  }

  namespace
  {
    //! Sorts the line count as a number, everything else as shown.
    class VersionItem : public QTreeWidgetItem
    {
      public:
        using QTreeWidgetItem::QTreeWidgetItem;
        bool operator<( const QTreeWidgetItem &other ) const override
        {
          const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
          if ( column == VersionsDock::LinesColumn )
            return data( column, Qt::UserRole ).toLongLong() < other.data( column, Qt::UserRole ).toLongLong();
          return QTreeWidgetItem::operator<( other );
        }
    };
  }

  VersionsDock::VersionsDock( QWidget *parent )
    : QgsDockWidget( tr( "Limes Versions" ), parent )
  {
    setObjectName( QLatin1String( OBJECT_NAME ) ); // so that QGIS restores where the user put it
    auto *body = new QWidget( this );
    auto *layout = new QVBoxLayout( body );
    layout->setContentsMargins( 2, 2, 2, 2 );
    mEmpty = new QLabel( tr( "No workspace is open. Open one from the Limes menu." ), body );
    mEmpty->setWordWrap( true );
    layout->addWidget( mEmpty );
    mList = new QTreeWidget( body );
    mList->setObjectName( QStringLiteral( "mVersionsList" ) );
    mList->setRootIsDecorated( false );
    mList->setAlternatingRowColors( true );
    mList->setSortingEnabled( true );
    mList->setHeaderLabels( { tr( "Name" ), tr( "Kind" ), tr( "Date" ), tr( "Author" ), tr( "Left" ), tr( "Right" ), tr( "Lines" ) } );
    mList->sortByColumn( DateColumn, Qt::AscendingOrder );
    layout->addWidget( mList, 1 );
    auto *actions = new QHBoxLayout();
    actions->addStretch( 1 );
    mImportButton = new QPushButton( QIcon( QStringLiteral( ":/limes/icons/import.svg" ) ), tr( "Import Version…" ), body );
    mImportButton->setObjectName( QStringLiteral( "mVersionsImport" ) );
    mImportButton->setToolTip( tr( "Import a loaded line layer, or its selected features, as a new version" ) );
    actions->addWidget( mImportButton );
    layout->addLayout( actions );
    setWidget( body );
    connect( mImportButton, &QPushButton::clicked, this, &VersionsDock::importRequested );
    setWorkspace( nullptr );
  }

  VersionsDock::~VersionsDock() = default;

  void VersionsDock::setWorkspace( WorkspaceSession *session )
  {
    if ( mSession )
      disconnect( mSession, nullptr, this, nullptr );
    mSession = session;
    if ( mSession )
      connect( mSession, &WorkspaceSession::changed, this, &VersionsDock::refresh );
    setWindowTitle( mSession ? tr( "Limes Versions — %1" ).arg( mSession->name() ) : tr( "Limes Versions" ) );
    mEmpty->setVisible( !mSession );
    mImportButton->setEnabled( mSession );
    refresh();
  }

  void VersionsDock::refresh()
  {
    const QString current = currentVersion();
    mList->setSortingEnabled( false ); // rows stay where they are put while they are filled
    mList->clear();
    if ( mSession )
    {
      const WorkspaceData &data = mSession->data();
      auto partyName = [&data]( const QString &code ) {
        for ( const Party &p : data.parties )
          if ( p.code == code )
            return p.name;
        return QString();
      };
      for ( const LineVersion &v : data.versions )
      {
        auto *item = new VersionItem( mList, { v.name, versionKindLabel( v.kind ), v.date.isValid() ? v.date.toString( Qt::ISODate ) : QString(), v.author,
                                               v.leftParty, v.rightParty, QString::number( v.parts ) } );
        item->setData( NameColumn, Qt::UserRole, v.name );
        item->setData( LinesColumn, Qt::UserRole, v.parts );
        item->setTextAlignment( LinesColumn, Qt::AlignRight | Qt::AlignVCenter );
        item->setToolTip( NameColumn, v.notes.isEmpty() ? tr( "Source: %1" ).arg( v.source ) : tr( "%1\nSource: %2" ).arg( v.notes, v.source ) );
        item->setToolTip( LeftColumn, partyName( v.leftParty ) );
        item->setToolTip( RightColumn, partyName( v.rightParty ) );
      }
    }
    mList->setSortingEnabled( true );
    for ( int c = 0; c < mList->columnCount(); ++c )
      mList->resizeColumnToContents( c );
    if ( !current.isEmpty() )
      selectVersion( current );
  }

  bool VersionsDock::selectVersion( const QString &name )
  {
    for ( int i = 0; i < mList->topLevelItemCount(); ++i )
    {
      QTreeWidgetItem *item = mList->topLevelItem( i );
      if ( item->data( NameColumn, Qt::UserRole ).toString() == name )
      {
        mList->setCurrentItem( item );
        mList->scrollToItem( item );
        return true;
      }
    }
    return false;
  }

  QString VersionsDock::currentVersion() const
  {
    const QTreeWidgetItem *item = mList->currentItem();
    return item ? item->data( NameColumn, Qt::UserRole ).toString() : QString();
  }
}
