// SPDX-License-Identifier: GPL-2.0-or-later
// Record Decision: what the form refuses and why, saving through the store with the
// recorder's key (asked for once), a failed save that loses nothing, the status following in
// the dock and the layer, and an agreement countersigned from the dock by the other party;
// a delegation login's form (its own party's cells only), and an entry about the segment
// recorded meanwhile by another session reported as a conflict with nothing written.
#include "forms/openworkspacedialog.h"
#include "forms/recorddecisiondialog.h"
#include "error.h"
#include "forms/signingkeydialog.h"
#include "fingerprint.h"
#include "desktoptest.h"
#include "host.h"
#include "pluginui.h"
#include "workspace/connections.h"
#include "workspace/segmentsdock.h"
#include "workspace/segmentsmodel.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"
#include "workspace/workspacestore.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>
#include <qgstest.h>

#include <qgsfilewidget.h>
#include <qgsproject.h>

class TestRecordDecision : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    static bool has( const QStringList &problems, const QString &text )
    {
      for ( const QString &p : problems )
        if ( p.contains( text ) )
          return true;
      return false;
    }

    QString status( const QString &segment ) const
    {
      return mUi->session()->data().status.value( segment );
    }

    //! Fills the modal key dialog the next action opens with `keyFile` and the test passphrase.
    static void answerKeyDialog( const QString &keyFile, int delay = 300 )
    {
      QTimer::singleShot( delay, [keyFile] {
        auto *dialog = qobject_cast<limes::SigningKeyDialog *>( QApplication::activeModalWidget() );
        QVERIFY( dialog );
        dialog->findChild<QgsFileWidget *>()->setFilePath( keyFile );
        QTest::keyClicks( dialog->findChild<QLineEdit *>( QStringLiteral( "mPassphrase" ) ), QString::fromUtf8( limes::test::passphrase() ) );
        QTest::mouseClick( dialog->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Ok ), Qt::LeftButton );
      } );
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
    }

    void init()
    {
      mWs = limes::test::makeSampleWorkspace( mDir.path() ); // a fresh ledger for each test
      loadLimes();
      QVERIFY( openWorkspace() );
    }

    void cleanup()
    {
      closeDesktop();
      QCOMPARE( QgsProject::instance()->mapLayers().size(), 0 );
    }

    void formSaysWhatIsMissing()
    {
      int saved = 0;
      limes::RecordDecisionDialog dialog( mUi->session()->data(), QStringLiteral( "S-002" ), QString(), [&]( const limes::LedgerEntryInput & ) {
        ++saved;
        return QString();
      } );
      QPushButton *record = dialog.findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save );
      QVERIFY( has( dialog.problems(), QStringLiteral( "Give the protocol number." ) ) );
      QVERIFY( !record->isEnabled() );
      QTest::keyClicks( dialog.findChild<QLineEdit *>( QStringLiteral( "mProtocolEdit" ) ), QStringLiteral( "23" ) );
      QVERIFY( dialog.problems().isEmpty() ); // disputed by default is recordable as it is
      QVERIFY( record->isEnabled() );

      // an agreement needs a signatory of every party
      dialog.setDecision( QStringLiteral( "agreed" ) );
      QVERIFY( dialog.findChild<QComboBox *>( QStringLiteral( "mVersionCombo" ) )->isEnabled() );
      QVERIFY( has( dialog.problems(), QStringLiteral( "missing: KG, TJ" ) ) || has( dialog.problems(), QStringLiteral( "missing: TJ, KG" ) ) );
      dialog.setSignatories( QStringLiteral( "TJ" ), { QStringLiteral( "N. Rahimov" ) } );
      QVERIFY( has( dialog.problems(), QStringLiteral( "missing: KG." ) ) );
      QVERIFY( !record->isEnabled() );
      QVERIFY( dialog.findChild<QLabel *>( QStringLiteral( "mProblems" ) )->text().contains( QStringLiteral( "missing: KG" ) ) );
      dialog.setSignatories( QStringLiteral( "KG" ), { QStringLiteral( "A. Toktogulov" ), QStringLiteral( "B. Sydykov" ) } );
      QVERIFY( dialog.problems().isEmpty() );
      QCOMPARE( dialog.input().signatories.value( QStringLiteral( "KG" ) ).size(), 2 );

      // no future dates: the date field stops at today
      auto *date = dialog.findChild<QDateEdit *>( QStringLiteral( "mDateEdit" ) );
      dialog.setMeetingDate( QDate::currentDate().addDays( 3 ) );
      QVERIFY( date->date() <= QDateTime::currentDateTimeUtc().date() );
      QVERIFY( date->maximumDate() <= QDateTime::currentDateTimeUtc().date() );

      // an attachment that cannot be read; one that can, with its fingerprint
      dialog.addAttachment( mDir.filePath( QStringLiteral( "no-such-file.pdf" ) ) );
      QVERIFY( has( dialog.problems(), QStringLiteral( "Cannot read the attachment" ) ) );
      QVERIFY( !record->isEnabled() );
      auto *attachments = dialog.findChild<QTreeWidget *>( QStringLiteral( "mAttachmentsList" ) );
      attachments->setCurrentItem( attachments->topLevelItem( 0 ) );
      QTest::mouseClick( dialog.findChild<QPushButton *>( QStringLiteral( "mRemoveAttachment" ) ), Qt::LeftButton );
      dialog.addAttachment( mWs.attachment );
      QCOMPARE( attachments->topLevelItem( 0 )->toolTip( 1 ), limes::fileSha256( mWs.attachment ) );
      QVERIFY( attachments->topLevelItem( 0 )->text( 1 ).startsWith( limes::fileSha256( mWs.attachment ).left( 16 ) ) );
      QVERIFY( dialog.problems().isEmpty() );

      // what it corrects: only this segment's entries, the newest first
      auto *supersedes = dialog.findChild<QComboBox *>( QStringLiteral( "mSupersedesCombo" ) );
      QCOMPARE( supersedes->count(), 1 ); // S-002 has none: only "(none)"
      dialog.setSegment( QStringLiteral( "S-003" ) );
      QCOMPARE( supersedes->count(), 3 );
      QCOMPARE( supersedes->itemData( 1 ).toLongLong(), mWs.referred );
      QCOMPARE( supersedes->itemData( 2 ).toLongLong(), mWs.disputed );
      dialog.setSupersedes( mWs.referred );
      QCOMPARE( dialog.input().supersedes, mWs.referred );
      QCOMPARE( saved, 0 );

      dialog.findChild<QLineEdit *>( QStringLiteral( "mAuthorEdit" ) )->clear();
      QVERIFY( has( dialog.problems(), QStringLiteral( "Say who records the decision." ) ) );
    }

    void aFailedSaveLosesNothing()
    {
      limes::RecordDecisionDialog dialog( mUi->session()->data(), QStringLiteral( "S-002" ), QString(), []( const limes::LedgerEntryInput & ) {
        return QStringLiteral( "workspace.gpkg: key SHA256:abc is not registered in this workspace" );
      } );
      dialog.setProtocol( QStringLiteral( "23" ) );
      dialog.setPlace( QStringLiteral( "Khujand" ) );
      QTest::mouseClick( dialog.findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save ), Qt::LeftButton );
      QCOMPARE( dialog.result(), int( QDialog::Rejected ) ); // still open
      QVERIFY( dialog.findChild<QLabel *>( QStringLiteral( "mProblems" ) )->text().contains( QStringLiteral( "is not registered" ) ) );
      QCOMPARE( dialog.input().place, QStringLiteral( "Khujand" ) );
    }

    void delegationLoginRecordsItsOwnPositionOnly()
    {
      limes::RecordDecisionDialog plain( mUi->session()->data(), QStringLiteral( "S-002" ), QString(), {} );
      QVERIFY( !plain.findChild<QLabel *>( QStringLiteral( "mDelegationNote" ) )->isVisibleTo( &plain ) ); // a file: no delegation

      limes::WorkspaceData data = mUi->session()->data();
      data.loginParty = QStringLiteral( "TJ" ); // what a TJ login on PostgreSQL reads
      limes::RecordDecisionDialog dialog( data, QStringLiteral( "S-002" ), QString(), {} );
      auto *note = dialog.findChild<QLabel *>( QStringLiteral( "mDelegationNote" ) );
      QVERIFY( note->isVisibleTo( &dialog ) );
      QVERIFY2( note->text().contains( QStringLiteral( "only TJ's position and signatories" ) ), qPrintable( note->text() ) );
      auto *table = dialog.findChild<QTableWidget *>( QStringLiteral( "mPartiesTable" ) );
      for ( int row = 0; row < table->rowCount(); ++row )
      {
        const bool own = table->item( row, 0 )->data( Qt::UserRole ).toString() == QLatin1String( "TJ" );
        QCOMPARE( bool( table->item( row, 1 )->flags() & Qt::ItemIsEditable ), own );
        QCOMPARE( bool( table->item( row, 2 )->flags() & Qt::ItemIsEditable ), own );
      }
      dialog.setProtocol( QStringLiteral( "24" ) );
      dialog.setPosition( QStringLiteral( "TJ" ), QStringLiteral( "the 1927 line" ) );
      QVERIFY( dialog.problems().isEmpty() );
      dialog.setPosition( QStringLiteral( "KG" ), QStringLiteral( "written for KG" ) );
      QVERIFY( has( dialog.problems(), QStringLiteral( "you record TJ's position and signatories only, not KG's." ) ) );
      dialog.setPosition( QStringLiteral( "KG" ), QString() );
      dialog.setDecision( QStringLiteral( "agreed" ) );
      QVERIFY( has( dialog.problems(), QStringLiteral( "you cannot record an agreement" ) ) );
      QVERIFY( !dialog.findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save )->isEnabled() );
    }

    void anEntryAboutTheSegmentMeanwhileIsAConflict()
    {
      limes::WorkspaceSession *session = mUi->session();
      const limes::crypto::SigningKey tj = limes::crypto::SigningKey::load( mWs.tjKeyFile, limes::test::passphrase() );
      const limes::crypto::SigningKey kg = limes::crypto::SigningKey::load( mWs.kgKeyFile, limes::test::passphrase() );
      limes::LedgerEntryInput input;
      input.segment = QStringLiteral( "S-003" );
      input.protocol = QStringLiteral( "25" );
      input.meetingDate = QDate( 2025, 6, 2 );
      input.decision = QStringLiteral( "disputed" );
      input.positions.insert( QStringLiteral( "TJ" ), QStringLiteral( "the canal head" ) );
      input.author = QStringLiteral( "TJ delegation" );
      // another session (the other delegation) writes: about another segment, then about this one
      auto other = limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() );
      limes::LedgerEntryInput elsewhere = input;
      elsewhere.segment = QStringLiteral( "S-010" );
      elsewhere.positions = { { QStringLiteral( "KG" ), QStringLiteral( "the ridge" ) } };
      other->addLedgerEntry( elsewhere, kg );
      const long long before = other->head().entries;
      limes::LedgerEntryInput same = elsewhere;
      same.segment = QStringLiteral( "S-003" );
      const limes::LedgerEntry theirs = other->addLedgerEntry( same, kg );
      try
      {
        session->recordDecision( input, tj );
        QFAIL( "an entry about S-003 recorded meanwhile was not reported" );
      }
      catch ( const limes::Error &e )
      {
        QVERIFY2( e.message().contains( QStringLiteral( "KG recorded entry %1 about S-003" ).arg( theirs.id ) ), qPrintable( e.message() ) );
      }
      QCOMPARE( other->head().entries, before + 1 ); // nothing written, theirs kept
      QCOMPARE( session->data().lastEntry( QStringLiteral( "S-003" ) )->id, theirs.id ); // read again for a second look
      const limes::LedgerEntry mine = session->recordDecision( input, tj );
      QCOMPARE( mine.id, theirs.id + 1 );
      QVERIFY( session->store().verify().clean() );
      QVERIFY( session->data().loginParty.isEmpty() ); // a file has no delegation logins
    }

    void recordingAsksForTheKeyOnceAndTheStatusFollows()
    {
      limes::SegmentsDock *dock = mUi->segmentsDock();
      QVERIFY( dock->selectSegment( QStringLiteral( "S-002" ) ) );
      const long long before = mUi->session()->store().head().entries;
      // the form, filled as a person would, then the key dialog for TJ's key
      QTimer::singleShot( 300, [] {
        auto *dialog = qobject_cast<limes::RecordDecisionDialog *>( QApplication::activeModalWidget() );
        QVERIFY( dialog );
        QTest::keyClicks( dialog->findChild<QLineEdit *>( QStringLiteral( "mProtocolEdit" ) ), QStringLiteral( "23" ) );
        QTest::keyClicks( dialog->findChild<QLineEdit *>( QStringLiteral( "mPlaceEdit" ) ), QStringLiteral( "Khujand" ) );
        dialog->setMeetingDate( QDate( 2025, 6, 2 ) );
        dialog->setDecision( QStringLiteral( "agreed" ) );
        dialog->setAgreedVersion( QStringLiteral( "DCW by segment" ) );
        dialog->setSignatories( QStringLiteral( "TJ" ), { QStringLiteral( "N. Rahimov" ) } );
        dialog->setSignatories( QStringLiteral( "KG" ), { QStringLiteral( "A. Toktogulov" ) } );
        QTest::mouseClick( dialog->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save ), Qt::LeftButton );
      } );
      answerKeyDialog( mWs.tjKeyFile, 600 );
      QTest::mouseClick( dock->recordButton(), Qt::LeftButton );
      QCOMPARE( mUi->session()->store().head().entries, before + 1 );
      const limes::LedgerEntry *entry = mUi->session()->data().lastEntry( QStringLiteral( "S-002" ) );
      QVERIFY( entry );
      QCOMPARE( entry->input.protocol, QStringLiteral( "23" ) );
      QCOMPARE( entry->signerParty, QStringLiteral( "TJ" ) );
      QCOMPARE( entry->input.agreedVersion, QStringLiteral( "DCW by segment" ) );
      QCOMPARE( status( QStringLiteral( "S-002" ) ), QStringLiteral( "agreed (awaiting KG)" ) );
      // the dock and the layer follow
      const int row = dock->model()->rowOf( QStringLiteral( "S-002" ) );
      QCOMPARE( dock->model()->index( row, limes::SegmentsModel::StatusColumn ).data().toString(), QStringLiteral( "agreed, awaiting KG" ) );
      QgsFeature f = mUi->workspaceLayers()->segmentsLayer()->getFeature( mUi->workspaceLayers()->segmentFeature( QStringLiteral( "S-002" ) ) );
      QCOMPARE( f.attribute( QStringLiteral( "status" ) ).toString(), QStringLiteral( "agreed (awaiting KG)" ) );
      QVERIFY( mUi->session()->store().verify().clean() );

      // the key is asked for once: a second decision is signed without asking
      QTimer::singleShot( 300, [] {
        auto *dialog = qobject_cast<limes::RecordDecisionDialog *>( QApplication::activeModalWidget() );
        QVERIFY( dialog );
        dialog->setSegment( QStringLiteral( "S-004" ) );
        dialog->setProtocol( QStringLiteral( "23" ) );
        dialog->setDecision( QStringLiteral( "deferred" ) );
        QTest::mouseClick( dialog->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save ), Qt::LeftButton );
      } );
      mUi->recordAction()->trigger();
      QCOMPARE( status( QStringLiteral( "S-004" ) ), QStringLiteral( "deferred" ) );
      QCOMPARE( mUi->session()->store().head().entries, before + 2 );

      // KG countersigns from the dock with its own key: the agreement takes effect
      QVERIFY( dock->selectSegment( QStringLiteral( "S-002" ) ) );
      QVERIFY( dock->countersignButton()->isVisibleTo( dock ) );
      answerKeyDialog( mWs.kgKeyFile );
      QTest::mouseClick( dock->countersignButton(), Qt::LeftButton );
      QCOMPARE( status( QStringLiteral( "S-002" ) ), QStringLiteral( "agreed" ) );
      QVERIFY( !dock->countersignButton()->isVisibleTo( dock ) );
      QVERIFY( dock->detail()->toPlainText().contains( QStringLiteral( "in force: signed for KG, TJ" ) ) );
      QVERIFY( mUi->session()->store().verify().clean() );
    }
};

QGSTEST_MAIN( TestRecordDecision )
#include "testrecorddecision.moc"
