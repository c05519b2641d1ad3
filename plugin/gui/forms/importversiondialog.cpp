// SPDX-License-Identifier: GPL-2.0-or-later
#include "importversiondialog.h"
#include "qgiscompat.h"
#include "ui_importversiondialog.h"
#include "workspace/checks.h"
#include "workspace/versionsdock.h"
#include "workspace/workspacesession.h"

#include <QDateTime>
#include <QPushButton>

#include <qgsvectorlayer.h>

namespace limes
{
  namespace
  {
    QDate today()
    {
      return QDateTime::currentDateTimeUtc().date();
    }
  }

  ImportVersionDialog::ImportVersionDialog( const WorkspaceData &data, QgsMapLayer *layer, const QString &signingInfo, Starter starter, QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesImportVersionDialog>() )
    , mData( data )
    , mStarter( std::move( starter ) )
  {
    mUi->setupUi( this );
    // the workspace keeps lines: a polygon layer would be refused by the core
    mUi->mLayerCombo->setFilters( compat::LineLayerFilter );
    mUi->mLayerCombo->setAllowEmptyLayer( true );
    for ( const QString &kind : checks::versionKinds() )
      mUi->mKindCombo->addItem( versionKindLabel( kind ), kind );
    mUi->mKindCombo->setCurrentIndex( mUi->mKindCombo->findData( QStringLiteral( "draft" ) ) );
    // as `import-version --edges`: not recorded unless the treaty's definition is known
    mUi->mEdgesCombo->addItem( tr( "Not recorded (each comparison chooses)" ), QString() );
    mUi->mEdgesCombo->addItem( tr( "Geodesics" ), QStringLiteral( "geodesic" ) );
    mUi->mEdgesCombo->addItem( tr( "Rhumb lines" ), QStringLiteral( "rhumb" ) );
    mUi->mEdgesCombo->addItem( tr( "Straight in the working UTM zone" ), QStringLiteral( "projected" ) );
    for ( QComboBox *combo : { mUi->mLeftCombo, mUi->mRightCombo } )
      for ( const Party &p : data.parties )
        combo->addItem( QStringLiteral( "%1 — %2" ).arg( p.code, p.name ), p.code );
    // the sides of the workspace's newest version, else the first two parties
    if ( !data.versions.isEmpty() )
      setParties( data.versions.last().leftParty, data.versions.last().rightParty );
    else if ( data.parties.size() > 1 )
      mUi->mRightCombo->setCurrentIndex( 1 );
    // a version records a line as it was, never one to come
    mUi->mDateEdit->setMaximumDate( today() );
    mUi->mDateEdit->setDate( today() );
    mUi->mAuthorEdit->setText( authorName() );
    mUi->mSigningInfo->setText( signingInfo );
    mUi->mButtons->button( QDialogButtonBox::Save )->setText( tr( "Import" ) );

    connect( mUi->mLayerCombo, &QgsMapLayerComboBox::layerChanged, this, &ImportVersionDialog::layerChanged );
    connect( mUi->mSelectedOnly, &QCheckBox::toggled, this, &ImportVersionDialog::updateState );
    for ( QLineEdit *edit : { mUi->mNameEdit, mUi->mAuthorEdit } )
      connect( edit, &QLineEdit::textChanged, this, &ImportVersionDialog::updateState );
    for ( QComboBox *combo : { mUi->mKindCombo, mUi->mLeftCombo, mUi->mRightCombo } )
      connect( combo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &ImportVersionDialog::updateState );
    connect( mUi->mDateEdit, &QDateEdit::dateChanged, this, &ImportVersionDialog::updateState );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, &ImportVersionDialog::trySave );
    connect( mUi->mButtons, &QDialogButtonBox::rejected, this, &ImportVersionDialog::reject );
    QgsVectorLayer *given = qobject_cast<QgsVectorLayer *>( layer );
    setLayer( given && QgsWkbTypes::geometryType( given->wkbType() ) == limes::geometrytype::Line ? given : mUi->mLayerCombo->currentLayer() );
    layerChanged();
    mUi->mNameEdit->setFocus();
  }

  ImportVersionDialog::~ImportVersionDialog()
  {
    disconnect( mSelectionConnection );
  }

  QgsVectorLayer *ImportVersionDialog::layer() const
  {
    return qobject_cast<QgsVectorLayer *>( mUi->mLayerCombo->currentLayer() );
  }

  void ImportVersionDialog::setLayer( QgsMapLayer *layer )
  {
    mUi->mLayerCombo->setLayer( layer );
  }

  void ImportVersionDialog::setSelectedOnly( bool selectedOnly )
  {
    mUi->mSelectedOnly->setChecked( selectedOnly );
  }

  void ImportVersionDialog::setName( const QString &name )
  {
    mUi->mNameEdit->setText( name );
  }

  void ImportVersionDialog::setKind( const QString &kind )
  {
    mUi->mKindCombo->setCurrentIndex( mUi->mKindCombo->findData( kind ) );
  }

  void ImportVersionDialog::setParties( const QString &left, const QString &right )
  {
    mUi->mLeftCombo->setCurrentIndex( mUi->mLeftCombo->findData( left ) );
    mUi->mRightCombo->setCurrentIndex( mUi->mRightCombo->findData( right ) );
  }

  void ImportVersionDialog::setDate( const QDate &date )
  {
    mUi->mDateEdit->setDate( date );
  }

  void ImportVersionDialog::setNotes( const QString &notes )
  {
    mUi->mNotesEdit->setPlainText( notes );
  }

  void ImportVersionDialog::setAuthor( const QString &author )
  {
    mUi->mAuthorEdit->setText( author );
  }

  void ImportVersionDialog::layerChanged()
  {
    disconnect( mSelectionConnection );
    mSelectionLayer = layer();
    if ( mSelectionLayer )
      mSelectionConnection = connect( mSelectionLayer, &QgsVectorLayer::selectionChanged, this, &ImportVersionDialog::updateState );
    // what the user selected is what is meant, when there is a selection
    mUi->mSelectedOnly->setChecked( mSelectionLayer && mSelectionLayer->selectedFeatureCount() > 0 );
    updateState();
  }

  void ImportVersionDialog::updateSelectionInfo()
  {
    QgsVectorLayer *l = layer();
    const long long selected = l ? l->selectedFeatureCount() : 0;
    // ticking it only makes sense with something selected; ticked without (the selection was
    // cleared meanwhile) it stays enabled, so that it can be unticked, and problems() says why
    mUi->mSelectedOnly->setEnabled( !mImporting && l && ( selected > 0 || mUi->mSelectedOnly->isChecked() ) );
    if ( !l )
      mUi->mFeaturesInfo->clear();
    else if ( selected > 0 )
      mUi->mFeaturesInfo->setText( tr( "%n of %1 features selected", nullptr, static_cast<int>( selected ) ).arg( l->featureCount() ) );
    else
      mUi->mFeaturesInfo->setText( tr( "%n features, none selected", nullptr, static_cast<int>( l->featureCount() ) ) );
  }

  LineVersion ImportVersionDialog::version() const
  {
    LineVersion v;
    v.name = mUi->mNameEdit->text().trimmed();
    v.kind = mUi->mKindCombo->currentData().toString();
    v.leftParty = mUi->mLeftCombo->currentData().toString();
    v.rightParty = mUi->mRightCombo->currentData().toString();
    v.date = mUi->mDateEdit->date();
    v.notes = mUi->mNotesEdit->toPlainText().trimmed();
    v.edges = mUi->mEdgesCombo->currentData().toString();
    v.author = mUi->mAuthorEdit->text().trimmed();
    return v;
  }

  QStringList ImportVersionDialog::problems() const
  {
    const LineVersion v = version();
    QStringList list;
    QgsVectorLayer *l = layer();
    if ( !l )
      list << tr( "Choose the line layer to import." );
    else if ( mUi->mSelectedOnly->isChecked() && l->selectedFeatureCount() == 0 )
      list << tr( "No feature of %1 is selected: select the lines to import on the map, or untick “Selected features only”." ).arg( l->name() );
    else if ( !mUi->mSelectedOnly->isChecked() && l->featureCount() == 0 )
      list << tr( "The layer %1 has no features." ).arg( l->name() );
    if ( v.name.isEmpty() )
      list << tr( "Give the version a name." );
    else if ( const LineVersion *existing = mData.version( v.name ) )
      list << tr( "The workspace has a version named “%1” already (%2, imported by %3): versions are never overwritten; choose another name." )
           .arg( v.name, versionKindLabel( existing->kind ), existing->author );
    if ( v.leftParty.isEmpty() || v.rightParty.isEmpty() )
      list << tr( "Choose the parties on the left and on the right of the line." );
    else if ( v.leftParty == v.rightParty )
      list << tr( "The same party (%1) is on both sides of the line: choose the party on the other side." ).arg( v.leftParty );
    if ( !v.date.isValid() )
      list << tr( "Give the version's date." );
    else if ( v.date > today() )
      list << tr( "The date %1 is in the future." ).arg( v.date.toString( Qt::ISODate ) );
    if ( v.author.isEmpty() )
      list << tr( "Say who imports the version." );
    return list;
  }

  void ImportVersionDialog::updateState()
  {
    updateSelectionInfo();
    QStringList why = problems();
    if ( !mSaveError.isEmpty() )
      why.prepend( mSaveError );
    mUi->mProblems->setText( why.join( QLatin1Char( '\n' ) ) );
    mUi->mButtons->button( QDialogButtonBox::Save )->setEnabled( !mImporting && problems().isEmpty() );
  }

  void ImportVersionDialog::setImporting( bool importing )
  {
    mImporting = importing;
    for ( QWidget *w : { static_cast<QWidget *>( mUi->mSourceGroup ), static_cast<QWidget *>( mUi->mVersionGroup ) } )
      w->setEnabled( !importing );
    mUi->mButtons->button( QDialogButtonBox::Cancel )->setEnabled( !importing );
    mUi->mProgress->setVisible( importing );
    mUi->mProgress->setRange( 0, 0 ); // busy: QGIS's task manager shows the figures
    updateState();
  }

  void ImportVersionDialog::trySave()
  {
    if ( mImporting || !problems().isEmpty() || !mStarter )
      return;
    ImportVersionInputs in;
    in.version = version();
    QgsVectorLayer *l = layer();
    in.layer = std::make_shared<LayerSnapshot>( l ); // the features as they are now
    in.selectedOnly = mUi->mSelectedOnly->isChecked();
    in.version.source = in.layer->input().spec;
    if ( in.selectedOnly )
    {
      in.selected = l->selectedFeatureIds();
      in.selectedExtent = l->boundingBoxOfSelected();
      // provenance: not the whole layer
      in.version.source += QStringLiteral( " (%1 selected features)" ).arg( in.selected.size() );
    }
    mSaveError.clear();
    setImporting( true );
    QPointer<ImportVersionDialog> self( this );
    const QString error = mStarter( std::move( in ), [self]( const QString &why ) {
      if ( self )
        self->importEnded( why );
    } );
    if ( !error.isEmpty() && mImporting )
      importEnded( error );
  }

  void ImportVersionDialog::importEnded( const QString &error )
  {
    setImporting( false );
    mSaveError = error;
    if ( error.isEmpty() )
      accept();
    else
      updateState(); // nothing imported, nothing lost: the user may put it right and save again
  }

  void ImportVersionDialog::reject()
  {
    if ( !mImporting )
      QDialog::reject();
  }
}
