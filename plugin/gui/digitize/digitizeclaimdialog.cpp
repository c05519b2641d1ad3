// SPDX-License-Identifier: GPL-2.0-or-later
#include "digitizeclaimdialog.h"
#include "claim/claimline.h"
#include "ui_digitizeclaimdialog.h"
#include "workspace/versionsdock.h"
#include "workspace/workspacesession.h"

#include <QPushButton>

#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace limes
{
  DigitizeClaimDialog::DigitizeClaimDialog( const WorkspaceData &data, const QString &segment, const QString &party, QgsProject *project, QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesDigitizeClaimDialog>() )
    , mData( data )
  {
    mUi->setupUi( this );
    for ( const Segment &s : data.segments )
      mUi->mSegmentCombo->addItem( s.code, s.code );
    for ( const Party &p : data.parties )
      mUi->mPartyCombo->addItem( QStringLiteral( "%1 (%2)" ).arg( p.code, p.name ), p.code );
    if ( project )
      for ( QgsMapLayer *layer : project->mapLayers() )
        if ( auto *vl = qobject_cast<QgsVectorLayer *>( layer ); vl && vl->isValid() && vl->isSpatial() )
        {
          auto *item = new QListWidgetItem( vl->name(), mUi->mResourcesList );
          item->setData( Qt::UserRole, vl->id() );
          item->setFlags( item->flags() | Qt::ItemIsUserCheckable );
          item->setCheckState( Qt::Unchecked );
        }
    mUi->mResourcesList->sortItems();
    mUi->mHintLabel->setText( tr( "Draw from one end of the segment to the other: the line must begin and end on the segment's end turning "
                                  "points or pillars (within %1 m). Snapping, tracing (T) and the Advanced Digitizing panel work as in "
                                  "QGIS; Backspace removes the last vertex, Esc cancels, a right-click finishes and stores the claim." )
                              .arg( claim::END_TOLERANCE_M ) );
    if ( !segment.isEmpty() )
      setSegment( segment );
    if ( !party.isEmpty() )
      setParty( party );
    connect( mUi->mSegmentCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &DigitizeClaimDialog::fillReferences );
    connect( mUi->mPartyCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &DigitizeClaimDialog::fillReferences );
    connect( mUi->mButtonBox, &QDialogButtonBox::accepted, this, &QDialog::accept );
    connect( mUi->mButtonBox, &QDialogButtonBox::rejected, this, &QDialog::reject );
    fillReferences();
  }

  DigitizeClaimDialog::~DigitizeClaimDialog() = default;

  void DigitizeClaimDialog::setDraftMode()
  {
    setWindowTitle( tr( "Draft from Version" ) );
    mUi->mPartyLabel->hide();
    mUi->mPartyCombo->hide();
    mUi->mReferenceLabel->setText( tr( "Version to copy" ) );
    mUi->mReferenceCombo->setToolTip( tr( "The version whose lines for the segment become the draft; the preview compares the draft with it" ) );
    mUi->mHintLabel->setText( tr( "The version's lines for the segment become an editable draft layer: move, add and delete vertices with QGIS's "
                                  "Vertex Tool while the preview shows the land and water the edits would move. Save as Version… in the Claim "
                                  "Preview panel stores the draft as a new version; the version copied never changes." ) );
  }

  QString DigitizeClaimDialog::defaultReference( const WorkspaceData &data, const QString &segment, const QString &party )
  {
    const auto line = data.lines.constFind( segment );
    if ( line == data.lines.constEnd() )
      return QString();
    const QStringList candidates = line->versions;
    // the agreement in force: the newest agreed decision about the segment that no later one supersedes
    const QSet<long long> superseded = data.superseded();
    const QList<LedgerEntry> entries = data.entries( segment );
    for ( auto it = entries.crbegin(); it != entries.crend(); ++it )
      if ( it->input.decision == QLatin1String( "agreed" ) && !superseded.contains( it->id ) && candidates.contains( it->input.agreedVersion ) )
        return it->input.agreedVersion;
    // the other party's claim, the one imported last
    const LineVersion *other = nullptr;
    for ( const LineVersion &v : data.versions )
      if ( v.kind == QLatin1String( "claim" ) && candidates.contains( v.name ) && !data.claimParty( v ).isEmpty() && data.claimParty( v ) != party )
        if ( !other || v.id > other->id )
          other = &v;
    if ( other )
      return other->name;
    return line->version;
  }

  void DigitizeClaimDialog::fillReferences()
  {
    mUi->mReferenceCombo->clear();
    const auto line = mData.lines.constFind( segment() );
    if ( line != mData.lines.constEnd() )
      for ( const QString &name : line->versions )
        if ( const LineVersion *v = mData.version( name ) )
          mUi->mReferenceCombo->addItem( QStringLiteral( "%1 (%2)" ).arg( name, versionKindLabel( v->kind ) ), name );
    setReference( defaultReference( mData, segment(), party() ) );
    updateOk();
  }

  void DigitizeClaimDialog::updateOk()
  {
    const bool ok = !segment().isEmpty() && !party().isEmpty() && !reference().isEmpty();
    mUi->mButtonBox->button( QDialogButtonBox::Ok )->setEnabled( ok );
    if ( !segment().isEmpty() && reference().isEmpty() )
      mUi->mReferenceCombo->setToolTip( tr( "No version has lines for %1: import one that names its segments first." ).arg( segment() ) );
  }

  QString DigitizeClaimDialog::segment() const { return mUi->mSegmentCombo->currentData().toString(); }
  QString DigitizeClaimDialog::party() const { return mUi->mPartyCombo->currentData().toString(); }
  QString DigitizeClaimDialog::reference() const { return mUi->mReferenceCombo->currentData().toString(); }

  QStringList DigitizeClaimDialog::resourceLayerIds() const
  {
    QStringList ids;
    for ( int i = 0; i < mUi->mResourcesList->count(); ++i )
      if ( mUi->mResourcesList->item( i )->checkState() == Qt::Checked )
        ids << mUi->mResourcesList->item( i )->data( Qt::UserRole ).toString();
    return ids;
  }

  bool DigitizeClaimDialog::setSegment( const QString &code )
  {
    const int i = mUi->mSegmentCombo->findData( code );
    if ( i >= 0 )
      mUi->mSegmentCombo->setCurrentIndex( i );
    return i >= 0;
  }

  bool DigitizeClaimDialog::setParty( const QString &code )
  {
    const int i = mUi->mPartyCombo->findData( code );
    if ( i >= 0 )
      mUi->mPartyCombo->setCurrentIndex( i );
    return i >= 0;
  }

  bool DigitizeClaimDialog::setReference( const QString &version )
  {
    const int i = mUi->mReferenceCombo->findData( version );
    if ( i >= 0 )
      mUi->mReferenceCombo->setCurrentIndex( i );
    return i >= 0;
  }

  void DigitizeClaimDialog::setResources( const QStringList &layerIds )
  {
    for ( int i = 0; i < mUi->mResourcesList->count(); ++i )
      mUi->mResourcesList->item( i )->setCheckState( layerIds.contains( mUi->mResourcesList->item( i )->data( Qt::UserRole ).toString() ) ? Qt::Checked : Qt::Unchecked );
  }
}
