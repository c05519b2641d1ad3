// SPDX-License-Identifier: GPL-2.0-or-later
#include "newworkspacedialog.h"
#include "qgiscompat.h"
#include "ui_newworkspacedialog.h"
#include "workspace/connections.h"
#include "workspace/layerstyles.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QPushButton>
#include <QSet>

#include <qgscolorbutton.h>
#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <limits>

namespace limes
{
  NewWorkspaceDialog::NewWorkspaceDialog( QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesNewWorkspaceDialog>() )
  {
    mUi->setupUi( this );
    mUi->mButtons->button( QDialogButtonBox::Ok )->setText( tr( "Create" ) );
    mUi->mFileWidget->setStorageMode( QgsFileWidget::SaveFile );
    mUi->mFileWidget->setFilter( tr( "Limes workspace (*.gpkg)" ) );
    mUi->mFileWidget->setConfirmOverwrite( false ); // a workspace is never overwritten: refused below instead
    mLocation = new WorkspaceLocation( mUi->mFileWidget, mUi->mFileRadio, mUi->mConnectionRadio, mUi->mConnectionCombo, nullptr, this );
    connect( mLocation, &WorkspaceLocation::changed, this, &NewWorkspaceDialog::updateState );
    mUi->mSegmentsLayer->setFilters( compat::VectorLayerFilter );
    mUi->mSegmentsLayer->setAllowEmptyLayer( true );
    mUi->mSegmentsLayer->setLayer( nullptr );
    mUi->mCodeField->setLayer( nullptr );
    mUi->mPartiesTable->horizontalHeader()->setSectionResizeMode( 1, QHeaderView::Stretch );

    connect( mUi->mSegmentsLayer, &QgsMapLayerComboBox::layerChanged, this, [this]( QgsMapLayer *layer ) {
      mUi->mCodeField->setLayer( layer );
      if ( layer && mUi->mCodeField->currentIndex() < 0 )
        mUi->mCodeField->setField( QStringLiteral( "code" ) );
      updateState();
    } );
    connect( mUi->mCodeField, &QgsFieldComboBox::fieldChanged, this, &NewWorkspaceDialog::updateState );
    connect( mUi->mPartiesTable, &QTableWidget::itemChanged, this, &NewWorkspaceDialog::updateState );
    connect( mUi->mAddParty, &QPushButton::clicked, this, [this] { addParty(); } );
    connect( mUi->mRemoveParty, &QPushButton::clicked, this, [this] {
      const int row = mUi->mPartiesTable->currentRow();
      if ( row >= 0 )
        mUi->mPartiesTable->removeRow( row );
      updateState();
    } );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, [this] {
      if ( problems().isEmpty() )
        accept();
    } );
    updateState();
  }

  NewWorkspaceDialog::~NewWorkspaceDialog() = default;

  void NewWorkspaceDialog::setFile( const QString &path )
  {
    mLocation->setFile( path );
  }

  bool NewWorkspaceDialog::setConnection( const QString &name )
  {
    return mLocation->setConnection( name );
  }

  void NewWorkspaceDialog::addParty( const QString &code, const QString &name, const QColor &colour )
  {
    const int row = mUi->mPartiesTable->rowCount();
    mUi->mPartiesTable->insertRow( row );
    mUi->mPartiesTable->setItem( row, 0, new QTableWidgetItem( code ) );
    mUi->mPartiesTable->setItem( row, 1, new QTableWidgetItem( name ) );
    auto *button = new QgsColorButton();
    button->setColor( colour.isValid() ? colour : fallbackPartyColour( code.isEmpty() ? QString::number( row ) : code ) );
    button->setShowNoColor( false );
    mUi->mPartiesTable->setCellWidget( row, 2, button );
    updateState();
  }

  void NewWorkspaceDialog::setSegmentsLayer( QgsVectorLayer *layer, const QString &codeField )
  {
    mUi->mSegmentsLayer->setLayer( layer );
    mUi->mCodeField->setLayer( layer );
    mUi->mCodeField->setField( codeField );
    updateState();
  }

  WorkspaceChoice NewWorkspaceDialog::choice() const
  {
    if ( mLocation->isConnection() )
      return choiceFromRecent( RecentWorkspaces::connectionEntry( mLocation->connectionName() ) );
    QString path = mLocation->filePath();
    if ( !path.isEmpty() && QFileInfo( path ).suffix().compare( QLatin1String( "gpkg" ), Qt::CaseInsensitive ) != 0 )
      path += QLatin1String( ".gpkg" );
    return choiceFromRecent( RecentWorkspaces::fileEntry( path ) );
  }

  QList<Party> NewWorkspaceDialog::parties() const
  {
    QList<Party> list;
    for ( int row = 0; row < mUi->mPartiesTable->rowCount(); ++row )
    {
      Party p;
      p.code = mUi->mPartiesTable->item( row, 0 ) ? mUi->mPartiesTable->item( row, 0 )->text().trimmed() : QString();
      p.name = mUi->mPartiesTable->item( row, 1 ) ? mUi->mPartiesTable->item( row, 1 )->text().trimmed() : QString();
      if ( auto *button = qobject_cast<QgsColorButton *>( mUi->mPartiesTable->cellWidget( row, 2 ) ) )
        p.colour = button->color().name();
      list << p;
    }
    return list;
  }

  QList<Segment> NewWorkspaceDialog::segments() const
  {
    return segmentsFromLayer( qobject_cast<QgsVectorLayer *>( mUi->mSegmentsLayer->currentLayer() ), mUi->mCodeField->currentField() );
  }

  QStringList NewWorkspaceDialog::problems() const
  {
    QStringList list;
    const WorkspaceChoice where = choice();
    if ( mLocation->isConnection() )
    {
      if ( where.target.isEmpty() )
        list << tr( "Choose a saved PostgreSQL connection." );
    }
    else if ( mLocation->filePath().isEmpty() )
      list << tr( "Choose the new GeoPackage file." );
    else if ( QFileInfo::exists( where.target ) )
      list << tr( "%1 exists already: a workspace is never overwritten." ).arg( where.target );
    const QList<Party> given = parties();
    if ( given.size() < 2 )
      list << tr( "A commission has at least two parties." );
    QSet<QString> codes;
    for ( int i = 0; i < given.size(); ++i )
    {
      if ( given[i].code.isEmpty() || given[i].name.isEmpty() )
        list << tr( "Party %1 needs a code and a name." ).arg( i + 1 );
      else if ( codes.contains( given[i].code ) )
        list << tr( "Party code %1 is given twice." ).arg( given[i].code );
      codes.insert( given[i].code );
    }
    if ( QgsVectorLayer *layer = qobject_cast<QgsVectorLayer *>( mUi->mSegmentsLayer->currentLayer() ) )
    {
      if ( mUi->mCodeField->currentField().isEmpty() )
        list << tr( "Choose the field of %1 that holds the segment codes." ).arg( layer->name() );
      else
      {
        QSet<QString> seen;
        for ( const Segment &s : segmentsFromLayer( layer, mUi->mCodeField->currentField() ) )
        {
          if ( s.code.trimmed().isEmpty() )
          {
            list << tr( "A segment of %1 has no code." ).arg( layer->name() );
            break;
          }
          if ( seen.contains( s.code ) )
          {
            list << tr( "Segment code %1 is given twice in %2." ).arg( s.code, layer->name() );
            break;
          }
          seen.insert( s.code );
        }
      }
    }
    return list;
  }

  void NewWorkspaceDialog::updateState()
  {
    mLocation->updateWidgets();
    const QStringList why = problems();
    mUi->mProblems->setText( why.join( QLatin1Char( '\n' ) ) );
    mUi->mButtons->button( QDialogButtonBox::Ok )->setEnabled( why.isEmpty() );
  }

  QList<Segment> segmentsFromLayer( QgsVectorLayer *layer, const QString &codeField )
  {
    QList<Segment> list;
    if ( !layer )
      return list;
    const QgsFields fields = layer->fields();
    const int code = fields.lookupField( codeField );
    if ( code < 0 )
      return list;
    const int seq = fields.lookupField( QStringLiteral( "seq" ) );
    const int from = fields.lookupField( QStringLiteral( "chainage_from_m" ) ), to = fields.lookupField( QStringLiteral( "chainage_to_m" ) );
    const int fromPoint = fields.lookupField( QStringLiteral( "from_point" ) ), toPoint = fields.lookupField( QStringLiteral( "to_point" ) );
    QgsFeature f;
    QgsFeatureIterator it = layer->getFeatures( QgsFeatureRequest().addOrderBy( QStringLiteral( "$id" ) ) );
    auto number = [&]( int i ) { return i >= 0 && !f.attribute( i ).isNull() ? f.attribute( i ).toDouble() : std::numeric_limits<double>::quiet_NaN(); };
    auto text = [&]( int i ) { return i >= 0 && !f.attribute( i ).isNull() ? f.attribute( i ).toString() : QString(); };
    while ( it.nextFeature( f ) )
      list << Segment { f.attribute( code ).toString().trimmed(), seq >= 0 ? f.attribute( seq ).toInt() : static_cast<int>( list.size() ) + 1,
                        number( from ), number( to ), text( fromPoint ), text( toPoint ) };
    return list;
  }
}
