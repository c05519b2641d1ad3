// SPDX-License-Identifier: GPL-2.0-or-later
#include "changesummarydock.h"
#include "layerstyles.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <qgssettings.h>

namespace limes
{
  namespace
  {
    //! Columns: what, from, to, count, area (m²), length (m); the tree shows areas in ha/km² too.
    enum Column
    {
      What,
      From,
      To,
      Count,
      Area,
      Length,
      ColumnCount
    };
    constexpr int EXACT = Qt::UserRole + 1; //!< the value as the summary has it

    QTreeWidgetItem *row( QTreeWidgetItem *section, const QString &what, const QString &from, const QString &to, const QVariant &count,
                          const QVariant &areaM2, const QVariant &lengthM )
    {
      auto *item = new QTreeWidgetItem( section );
      item->setText( What, what );
      item->setText( From, from );
      item->setText( To, to );
      item->setData( Count, EXACT, count );
      item->setText( Count, count.isValid() ? count.toString() : QString() );
      item->setData( Area, EXACT, areaM2 );
      item->setText( Area, areaM2.isValid() ? formatArea( areaM2.toDouble() ) : QString() );
      item->setToolTip( Area, areaM2.isValid() ? QCoreApplication::translate( "limes::ChangeSummaryDock", "%1 m²" ).arg( areaM2.toDouble(), 0, 'f', 3 ) : QString() );
      item->setData( Length, EXACT, lengthM );
      item->setText( Length, lengthM.isValid() ? QLocale().toString( lengthM.toDouble(), 'f', 1 ) : QString() );
      for ( int c : { Count, Area, Length } )
        item->setTextAlignment( c, Qt::AlignRight | Qt::AlignVCenter );
      return item;
    }
  }

  ChangeSummaryDock::ChangeSummaryDock( QWidget *parent )
    : QgsDockWidget( tr( "Limes Change Summary" ), parent )
  {
    setObjectName( QLatin1String( OBJECT_NAME ) );
    auto *body = new QWidget( this );
    auto *layout = new QVBoxLayout( body );
    layout->setContentsMargins( 2, 2, 2, 2 );
    mHeading = new QLabel( body );
    mHeading->setWordWrap( true );
    mHeading->setTextInteractionFlags( Qt::TextSelectableByMouse );
    layout->addWidget( mHeading );
    auto *running = new QHBoxLayout();
    mProgress = new QProgressBar( body );
    mProgress->setRange( 0, 100 );
    mCancel = new QPushButton( tr( "Cancel" ), body );
    mCancel->setObjectName( QStringLiteral( "mChangeCancel" ) );
    running->addWidget( mProgress, 1 );
    running->addWidget( mCancel );
    layout->addLayout( running );
    mTree = new QTreeWidget( body );
    mTree->setObjectName( QStringLiteral( "mChangeSummaryTree" ) );
    mTree->setColumnCount( ColumnCount );
    mTree->setHeaderLabels( { tr( "What" ), tr( "From" ), tr( "To" ), tr( "Parts / features" ), tr( "Area" ), tr( "Length (m)" ) } );
    mTree->setRootIsDecorated( true );
    mTree->setAlternatingRowColors( true );
    layout->addWidget( mTree, 1 );
    auto *buttons = new QHBoxLayout();
    mCopy = new QPushButton( tr( "Copy" ), body );
    mCopy->setObjectName( QStringLiteral( "mChangeCopy" ) );
    mSave = new QPushButton( tr( "Save as CSV…" ), body );
    mSave->setObjectName( QStringLiteral( "mChangeSaveCsv" ) );
    mKeep = new QPushButton( tr( "Keep in Workspace" ), body );
    mKeep->setObjectName( QStringLiteral( "mChangeKeep" ) );
    mKeep->setToolTip( tr( "Store this summary in the workspace against the two versions, as `limes change --store` does" ) );
    buttons->addWidget( mCopy );
    buttons->addWidget( mSave );
    buttons->addStretch( 1 );
    buttons->addWidget( mKeep );
    layout->addLayout( buttons );
    setWidget( body );

    connect( mCancel, &QPushButton::clicked, this, &ChangeSummaryDock::cancelRequested );
    connect( mKeep, &QPushButton::clicked, this, &ChangeSummaryDock::keepRequested );
    connect( mCopy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText( table( QLatin1Char( '\t' ) ) ); } );
    connect( mSave, &QPushButton::clicked, this, &ChangeSummaryDock::askSaveCsv );
    showMessage( QString() );
  }

  void ChangeSummaryDock::showRunning( const QString &oldName, const QString &newName )
  {
    mOld = oldName;
    mNew = newName;
    mJson.clear();
    mTree->clear();
    mHeading->setText( tr( "Comparing %1 → %2…" ).arg( oldName, newName ) );
    mProgress->setValue( 0 );
    mProgress->setVisible( true );
    mCancel->setVisible( true );
    mCancel->setEnabled( true );
    for ( QPushButton *b : { mCopy, mSave, mKeep } )
      b->setEnabled( false );
    mKeep->setText( tr( "Keep in Workspace" ) );
  }

  void ChangeSummaryDock::setProgress( double percent )
  {
    mProgress->setValue( static_cast<int>( percent ) );
  }

  void ChangeSummaryDock::showMessage( const QString &message )
  {
    mHeading->setText( message );
    mProgress->setVisible( false );
    mCancel->setVisible( false );
    for ( QPushButton *b : { mCopy, mSave, mKeep } )
      b->setEnabled( false );
  }

  void ChangeSummaryDock::showSummary( const QString &oldName, const QString &newName, const QByteArray &summaryJson, const QStringList &warnings, bool keepable )
  {
    mOld = oldName;
    mNew = newName;
    mJson = summaryJson;
    const QJsonObject summary = QJsonDocument::fromJson( summaryJson ).object();
    mProgress->setVisible( false );
    mCancel->setVisible( false );
    mHeading->setText( tr( "<b>%1 → %2</b><br>%3; working CRS %4; areas on %5" )
                       .arg( oldName.toHtmlEscaped(), newName.toHtmlEscaped(), summary.value( QStringLiteral( "mode" ) ).toString(),
                             summary.value( QStringLiteral( "working_crs" ) ).toString(), summary.value( QStringLiteral( "ellipsoid" ) ).toString() ) );
    fill( summary, warnings );
    mCopy->setEnabled( true );
    mSave->setEnabled( true );
    mKeep->setEnabled( keepable );
    mKeep->setText( tr( "Keep in Workspace" ) );
    mKeep->setToolTip( keepable ? tr( "Store this summary in the workspace against the two versions, as `limes change --store` does" )
                       : tr( "Only a comparison of two workspace versions can be kept in the workspace" ) );
  }

  void ChangeSummaryDock::setKept( const QString &note )
  {
    mKeep->setEnabled( false );
    mKeep->setText( note );
  }

  void ChangeSummaryDock::fill( const QJsonObject &s, const QStringList &warnings )
  {
    mTree->clear();
    auto section = [this]( const QString &title ) {
      auto *item = new QTreeWidgetItem( mTree, { title } );
      QFont bold = item->font( 0 );
      bold.setBold( true );
      item->setFont( 0, bold );
      item->setFirstColumnSpanned( true );
      return item;
    };
    QTreeWidgetItem *land = section( tr( "Land that changes sides" ) );
    for ( const QJsonValue &t : s.value( QStringLiteral( "transfers" ) ).toArray() )
      row( land, tr( "land" ), t[QStringLiteral( "from" )].toString(), t[QStringLiteral( "to" )].toString(), t[QStringLiteral( "parts" )].toInt(),
           t[QStringLiteral( "area_m2" )].toDouble(), QVariant() );
    QTreeWidgetItem *net = section( tr( "Net change per party" ) );
    for ( const QJsonValue &n : s.value( QStringLiteral( "net" ) ).toArray() )
      row( net, tr( "net" ), n[QStringLiteral( "party" )].toString(), QString(), QVariant(), n[QStringLiteral( "net_m2" )].toDouble(), QVariant() );
    const QJsonArray segments = s.value( QStringLiteral( "segments" ) ).toArray();
    if ( !segments.isEmpty() )
    {
      QTreeWidgetItem *bySegment = section( tr( "By segment" ) );
      for ( const QJsonValue &g : segments )
        row( bySegment, g[QStringLiteral( "code" )].toString(), g[QStringLiteral( "from" )].toString(), g[QStringLiteral( "to" )].toString(),
             g[QStringLiteral( "parts" )].toInt(), g[QStringLiteral( "area_m2" )].toDouble(), QVariant() );
    }
    const QJsonArray water = s.value( QStringLiteral( "water" ) ).toArray();
    QTreeWidgetItem *resources = section( tr( "Water and other resources" ) );
    for ( const QJsonValue &w : water )
    {
      const QString geometry = w[QStringLiteral( "geometry" )].toString();
      row( resources, w[QStringLiteral( "layer" )].toString(), w[QStringLiteral( "from" )].toString(), w[QStringLiteral( "to" )].toString(),
           w[QStringLiteral( "count" )].toInt(), geometry == QLatin1String( "polygon" ) ? QVariant( w[QStringLiteral( "area_m2" )].toDouble() ) : QVariant(),
           geometry == QLatin1String( "line" ) ? QVariant( w[QStringLiteral( "length_m" )].toDouble() ) : QVariant() );
    }
    if ( water.isEmpty() )
      new QTreeWidgetItem( resources, { tr( "none" ) } );
    if ( !warnings.isEmpty() )
    {
      QTreeWidgetItem *notes = section( tr( "Notes" ) );
      for ( const QString &w : warnings )
      {
        auto *item = new QTreeWidgetItem( notes, { w } );
        item->setFirstColumnSpanned( true );
        item->setToolTip( 0, w );
      }
    }
    mTree->expandAll();
    for ( int c = 0; c < ColumnCount; ++c )
      mTree->resizeColumnToContents( c );
  }

  QString ChangeSummaryDock::table( QChar separator ) const
  {
    auto cell = [separator]( QString text ) {
      if ( text.contains( separator ) || text.contains( QLatin1Char( '"' ) ) || text.contains( QLatin1Char( '\n' ) ) )
        text = QLatin1Char( '"' ) + text.replace( QLatin1Char( '"' ), QLatin1String( "\"\"" ) ) + QLatin1Char( '"' );
      return text;
    };
    QStringList lines { QStringList { QStringLiteral( "section" ), QStringLiteral( "what" ), QStringLiteral( "from" ), QStringLiteral( "to" ),
                                      QStringLiteral( "count" ), QStringLiteral( "area_m2" ), QStringLiteral( "length_m" ) }.join( separator ) };
    for ( int s = 0; s < mTree->topLevelItemCount(); ++s )
    {
      const QTreeWidgetItem *section = mTree->topLevelItem( s );
      for ( int r = 0; r < section->childCount(); ++r )
      {
        const QTreeWidgetItem *item = section->child( r );
        if ( item->data( Count, EXACT ).isNull() && item->data( Area, EXACT ).isNull() && item->data( Length, EXACT ).isNull() )
          continue; // notes, "none"
        QStringList cells { cell( section->text( 0 ) ), cell( item->text( What ) ), cell( item->text( From ) ), cell( item->text( To ) ) };
        for ( int c : { Count, Area, Length } )
        {
          const QVariant v = item->data( c, EXACT );
          cells << ( v.isValid() ? ( c == Count ? v.toString() : QString::number( v.toDouble(), 'f', 3 ) ) : QString() );
        }
        lines << cells.join( separator );
      }
    }
    return lines.join( QLatin1Char( '\n' ) ) + QLatin1Char( '\n' );
  }

  bool ChangeSummaryDock::saveCsv( const QString &path, QString *error ) const
  {
    QFile file( path );
    if ( !file.open( QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text ) || file.write( table( QLatin1Char( ',' ) ).toUtf8() ) < 0 )
    {
      if ( error )
        *error = file.errorString();
      return false;
    }
    return true;
  }

  void ChangeSummaryDock::askSaveCsv()
  {
    QgsSettings settings;
    const QString dir = settings.value( QStringLiteral( "Limes/lastCsvDir" ), QDir::homePath() ).toString();
    QString path = QFileDialog::getSaveFileName( this, tr( "Save Change Summary" ), QDir( dir ).filePath( QStringLiteral( "%1-%2.csv" ).arg( mOld, mNew ) ),
                   tr( "CSV files (*.csv)" ) );
    if ( path.isEmpty() )
      return;
    if ( !path.endsWith( QLatin1String( ".csv" ), Qt::CaseInsensitive ) )
      path += QLatin1String( ".csv" );
    settings.setValue( QStringLiteral( "Limes/lastCsvDir" ), QFileInfo( path ).absolutePath() );
    QString error;
    if ( !saveCsv( path, &error ) )
      emit errorOccurred( tr( "Cannot write %1: %2" ).arg( path, error ) );
  }
}
