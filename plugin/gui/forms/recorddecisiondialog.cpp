// SPDX-License-Identifier: GPL-2.0-or-later
#include "recorddecisiondialog.h"
#include "fingerprint.h"
#include "ui_recorddecisiondialog.h"
#include "workspace/layerstyles.h"
#include "workspace/workspacesession.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>

#include <qgssettings.h>

namespace limes
{
  namespace
  {
    enum PartyColumn
    {
      PartyCol,
      Position,
      Signatories
    };
    constexpr int PATH = Qt::UserRole + 1;
    constexpr int ERROR = Qt::UserRole + 2;
  }

  QString RecordDecisionDialog::decisionLabel( const QString &decision )
  {
    if ( decision == QLatin1String( "agreed" ) )
      return tr( "agreed" );
    if ( decision == QLatin1String( "disputed" ) )
      return tr( "disputed" );
    if ( decision == QLatin1String( "deferred" ) )
      return tr( "deferred" );
    if ( decision == QLatin1String( "referred" ) )
      return tr( "referred to a working group" );
    return decision;
  }

  RecordDecisionDialog::RecordDecisionDialog( const WorkspaceData &data, const QString &segment, const QString &signingInfo, Saver saver, QWidget *parent )
    : QDialog( parent )
    , mUi( std::make_unique<Ui::LimesRecordDecisionDialog>() )
    , mData( data )
    , mSaver( std::move( saver ) )
  {
    mUi->setupUi( this );
    for ( const Segment &s : data.segments )
      mUi->mSegmentCombo->addItem( s.code );
    for ( const QString &value : { QStringLiteral( "agreed" ), QStringLiteral( "disputed" ), QStringLiteral( "deferred" ), QStringLiteral( "referred" ) } )
      mUi->mDecisionCombo->addItem( decisionLabel( value ), value );
    mUi->mDecisionCombo->setCurrentIndex( 1 ); // nothing is agreed by default
    mUi->mVersionCombo->addItem( tr( "(none)" ), QString() );
    for ( const LineVersion &v : data.versions )
      mUi->mVersionCombo->addItem( QStringLiteral( "%1 (%2)" ).arg( v.name, v.kind ), v.name );
    // the commission records what was decided, never what will be
    const QDate today = QDateTime::currentDateTimeUtc().date();
    mUi->mDateEdit->setMaximumDate( today );
    mUi->mDateEdit->setDate( today );
    mUi->mPartiesTable->setRowCount( static_cast<int>( data.parties.size() ) );
    for ( int row = 0; row < data.parties.size(); ++row )
    {
      auto *party = new QTableWidgetItem( QStringLiteral( "%1 — %2" ).arg( data.parties[row].code, data.parties[row].name ) );
      party->setData( Qt::UserRole, data.parties[row].code );
      party->setFlags( Qt::ItemIsEnabled );
      mUi->mPartiesTable->setItem( row, PartyCol, party );
      mUi->mPartiesTable->setItem( row, Position, new QTableWidgetItem() );
      mUi->mPartiesTable->setItem( row, Signatories, new QTableWidgetItem() );
    }
    setDelegationMode();
    mUi->mPartiesTable->resizeColumnToContents( PartyCol );
    mUi->mPartiesTable->setColumnWidth( Position, 240 );
    mUi->mAuthorEdit->setText( authorName() );
    mUi->mSigningInfo->setText( signingInfo );
    mUi->mButtons->button( QDialogButtonBox::Save )->setText( tr( "Record" ) );

    connect( mUi->mSegmentCombo, &QComboBox::currentTextChanged, this, [this] {
      fillSupersedes();
      updateState();
    } );
    for ( QLineEdit *edit : { mUi->mProtocolEdit, mUi->mPlaceEdit, mUi->mAuthorEdit } )
      connect( edit, &QLineEdit::textChanged, this, &RecordDecisionDialog::updateState );
    connect( mUi->mDateEdit, &QDateEdit::dateChanged, this, &RecordDecisionDialog::updateState );
    connect( mUi->mDecisionCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RecordDecisionDialog::updateState );
    connect( mUi->mVersionCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &RecordDecisionDialog::updateState );
    connect( mUi->mPartiesTable, &QTableWidget::itemChanged, this, &RecordDecisionDialog::updateState );
    connect( mUi->mAddAttachment, &QPushButton::clicked, this, [this] {
      QgsSettings settings;
      const QStringList files = QFileDialog::getOpenFileNames( this, tr( "Attach Files" ), settings.value( QStringLiteral( "Limes/lastAttachmentDir" ) ).toString() );
      for ( const QString &file : files )
        addAttachment( file );
      if ( !files.isEmpty() )
        settings.setValue( QStringLiteral( "Limes/lastAttachmentDir" ), QFileInfo( files.first() ).absolutePath() );
    } );
    connect( mUi->mRemoveAttachment, &QPushButton::clicked, this, [this] {
      delete mUi->mAttachmentsList->currentItem();
      updateState();
    } );
    connect( mUi->mButtons, &QDialogButtonBox::accepted, this, &RecordDecisionDialog::trySave );
    setSegment( segment );
    fillSupersedes();
    updateState();
  }

  RecordDecisionDialog::~RecordDecisionDialog() = default;

  void RecordDecisionDialog::setDelegationMode()
  {
    const QString own = mData.loginParty;
    if ( own.isEmpty() )
      return;
    // the database records a delegation's own position only (row-level security): say so, and offer no other
    mUi->mDelegationNote->setText( tr( "You are logged in as the %1 delegation: only %1's position and signatories can be recorded here. "
                                       "The other parties' are read-only; an agreement is recorded by the secretariat and countersigned by each delegation." ).arg( own ) );
    mUi->mDelegationNote->setVisible( true );
    for ( int row = 0; row < mUi->mPartiesTable->rowCount(); ++row )
    {
      const QString party = mUi->mPartiesTable->item( row, PartyCol )->data( Qt::UserRole ).toString();
      if ( party == own )
        continue;
      for ( const int column : { Position, Signatories } )
      {
        QTableWidgetItem *item = mUi->mPartiesTable->item( row, column );
        item->setFlags( Qt::ItemIsEnabled );
        item->setBackground( palette().window() );
        item->setToolTip( tr( "Recorded by %1's delegation or the secretariat" ).arg( party ) );
      }
    }
  }

  void RecordDecisionDialog::fillSupersedes()
  {
    mUi->mSupersedesCombo->clear();
    mUi->mSupersedesCombo->addItem( tr( "(none)" ), -1 );
    const QString segment = mUi->mSegmentCombo->currentText();
    QList<LedgerEntry> entries = mData.entries( segment );
    std::reverse( entries.begin(), entries.end() ); // the newest first: the one usually corrected
    for ( const LedgerEntry &e : entries )
      if ( e.input.segment == segment ) // not the decisions a split segment carries from before the split
        mUi->mSupersedesCombo->addItem( tr( "#%1 · protocol %2 of %3: %4" ).arg( e.id ).arg( e.input.protocol, e.input.meetingDate.toString( Qt::ISODate ),
                                        statusLabel( e.input.decision ) ), e.id );
  }

  int RecordDecisionDialog::partyRow( const QString &party ) const
  {
    for ( int row = 0; row < mUi->mPartiesTable->rowCount(); ++row )
      if ( mUi->mPartiesTable->item( row, PartyCol )->data( Qt::UserRole ).toString() == party )
        return row;
    return -1;
  }

  void RecordDecisionDialog::setSegment( const QString &code )
  {
    mUi->mSegmentCombo->setCurrentText( code );
  }

  void RecordDecisionDialog::setProtocol( const QString &protocol )
  {
    mUi->mProtocolEdit->setText( protocol );
  }

  void RecordDecisionDialog::setMeetingDate( const QDate &date )
  {
    mUi->mDateEdit->setDate( date );
  }

  void RecordDecisionDialog::setPlace( const QString &place )
  {
    mUi->mPlaceEdit->setText( place );
  }

  void RecordDecisionDialog::setDecision( const QString &decision )
  {
    mUi->mDecisionCombo->setCurrentIndex( mUi->mDecisionCombo->findData( decision ) );
  }

  void RecordDecisionDialog::setAgreedVersion( const QString &version )
  {
    mUi->mVersionCombo->setCurrentIndex( std::max( 0, mUi->mVersionCombo->findData( version ) ) );
  }

  void RecordDecisionDialog::setPosition( const QString &party, const QString &position )
  {
    if ( const int row = partyRow( party ); row >= 0 )
      mUi->mPartiesTable->item( row, Position )->setText( position );
  }

  void RecordDecisionDialog::setSignatories( const QString &party, const QStringList &names )
  {
    if ( const int row = partyRow( party ); row >= 0 )
      mUi->mPartiesTable->item( row, Signatories )->setText( names.join( QLatin1String( "; " ) ) );
  }

  void RecordDecisionDialog::addAttachment( const QString &path )
  {
    QString error;
    const QString hash = fileSha256( path, &error );
    auto *item = new QTreeWidgetItem( mUi->mAttachmentsList, { QFileInfo( path ).fileName(), hash.isEmpty() ? error : hash.left( 16 ) + QStringLiteral( "…" ) } );
    item->setData( 0, PATH, path );
    item->setData( 0, ERROR, error );
    item->setToolTip( 0, path );
    item->setToolTip( 1, hash.isEmpty() ? error : hash );
    mUi->mAttachmentsList->resizeColumnToContents( 0 );
    updateState();
  }

  void RecordDecisionDialog::setSupersedes( long long entry )
  {
    mUi->mSupersedesCombo->setCurrentIndex( std::max( 0, mUi->mSupersedesCombo->findData( entry ) ) );
  }

  void RecordDecisionDialog::setAuthor( const QString &author )
  {
    mUi->mAuthorEdit->setText( author );
  }

  LedgerEntryInput RecordDecisionDialog::input() const
  {
    LedgerEntryInput in;
    in.segment = mUi->mSegmentCombo->currentText();
    in.protocol = mUi->mProtocolEdit->text().trimmed();
    in.meetingDate = mUi->mDateEdit->date();
    in.place = mUi->mPlaceEdit->text().trimmed();
    in.decision = mUi->mDecisionCombo->currentData().toString();
    if ( in.decision == QLatin1String( "agreed" ) )
      in.agreedVersion = mUi->mVersionCombo->currentData().toString();
    for ( int row = 0; row < mUi->mPartiesTable->rowCount(); ++row )
    {
      const QString party = mUi->mPartiesTable->item( row, PartyCol )->data( Qt::UserRole ).toString();
      const QString position = mUi->mPartiesTable->item( row, Position )->text().trimmed();
      if ( !position.isEmpty() )
        in.positions.insert( party, position );
      QStringList names;
      for ( const QString &name : mUi->mPartiesTable->item( row, Signatories )->text().split( QLatin1Char( ';' ) ) )
        if ( !name.trimmed().isEmpty() )
          names << name.trimmed();
      if ( !names.isEmpty() )
        in.signatories.insert( party, names );
    }
    for ( int i = 0; i < mUi->mAttachmentsList->topLevelItemCount(); ++i )
      in.attachments << mUi->mAttachmentsList->topLevelItem( i )->data( 0, PATH ).toString();
    in.supersedes = mUi->mSupersedesCombo->currentData().toLongLong();
    in.author = mUi->mAuthorEdit->text().trimmed();
    return in;
  }

  QStringList RecordDecisionDialog::problems() const
  {
    const LedgerEntryInput in = input();
    QStringList list;
    if ( in.segment.isEmpty() )
      list << tr( "Choose the segment." );
    if ( in.protocol.isEmpty() )
      list << tr( "Give the protocol number." );
    if ( !in.meetingDate.isValid() )
      list << tr( "Give the meeting date." );
    else if ( in.meetingDate > QDateTime::currentDateTimeUtc().date() )
      list << tr( "The meeting date %1 is in the future." ).arg( in.meetingDate.toString( Qt::ISODate ) );
    const QString own = mData.loginParty;
    if ( !own.isEmpty() )
    {
      QStringList others;
      for ( const Party &p : mData.parties )
        if ( p.code != own && ( in.positions.contains( p.code ) || in.signatories.contains( p.code ) ) )
          others << p.code;
      if ( !others.isEmpty() )
        list << tr( "Logged in as the %1 delegation, you record %1's position and signatories only, not %2's." ).arg( own, others.join( QLatin1String( ", " ) ) );
      if ( in.decision == QLatin1String( "agreed" ) )
        list << tr( "Logged in as the %1 delegation, you cannot record an agreement: the secretariat records it and each delegation countersigns it." ).arg( own );
    }
    else if ( in.decision == QLatin1String( "agreed" ) )
    {
      QStringList missing;
      for ( const Party &p : mData.parties )
        if ( in.signatories.value( p.code ).isEmpty() )
          missing << p.code;
      if ( !missing.isEmpty() )
        list << tr( "An agreed decision needs a signatory of every party; missing: %1." ).arg( missing.join( QLatin1String( ", " ) ) );
    }
    for ( int i = 0; i < mUi->mAttachmentsList->topLevelItemCount(); ++i )
      if ( const QTreeWidgetItem *item = mUi->mAttachmentsList->topLevelItem( i ); !item->data( 0, ERROR ).toString().isEmpty() )
        list << tr( "Cannot read the attachment %1: %2" ).arg( item->data( 0, PATH ).toString(), item->data( 0, ERROR ).toString() );
    if ( in.author.isEmpty() )
      list << tr( "Say who records the decision." );
    return list;
  }

  void RecordDecisionDialog::updateState()
  {
    const bool agreed = mUi->mDecisionCombo->currentData().toString() == QLatin1String( "agreed" );
    mUi->mVersionCombo->setEnabled( agreed );
    QStringList why = problems();
    if ( !mSaveError.isEmpty() )
      why.prepend( mSaveError );
    mUi->mProblems->setText( why.join( QLatin1Char( '\n' ) ) );
    mUi->mButtons->button( QDialogButtonBox::Save )->setEnabled( problems().isEmpty() );
  }

  void RecordDecisionDialog::trySave()
  {
    if ( !problems().isEmpty() )
      return;
    mSaveError = mSaver ? mSaver( input() ) : QString();
    if ( mSaveError.isEmpty() )
      accept();
    else
    {
      // nothing recorded, nothing lost: the user may put it right and save again, and may now
      // supersede what another delegation recorded meanwhile (the session has read it)
      const long long supersedes = mUi->mSupersedesCombo->currentData().toLongLong();
      fillSupersedes();
      setSupersedes( supersedes );
      updateState();
    }
  }
}
