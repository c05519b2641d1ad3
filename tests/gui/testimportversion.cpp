// SPDX-License-Identifier: GPL-2.0-or-later
// Import Version: what the form refuses and why (no layer, no features selected, a name the
// workspace has already, the same party on both sides, a future date, nobody importing), and
// an import from the Limes menu: started as a QGIS task, signed with the recorder's key (asked
// for once), landing in the workspace with its kind, parties and lines, in the Versions dock
// and the layer group; a duplicate name that reaches the core is refused with nothing written.
#include "forms/importversiondialog.h"
#include "forms/openworkspacedialog.h"
#include "forms/signingkeydialog.h"
#include "desktoptest.h"
#include "host.h"
#include "pluginui.h"
#include "workspace/connections.h"
#include "workspace/versionscontroller.h"
#include "workspace/versionsdock.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <qgstest.h>

#include <qgsapplication.h>
#include <qgsfilewidget.h>
#include <qgsmapcanvas.h>
#include <qgsmaplayercombobox.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>

class TestImportVersion : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    QgsVectorLayer *mSegments = nullptr; // the sample's segment lines, loaded as a user loads a layer

    static bool has( const QStringList &problems, const QString &text )
    {
      for ( const QString &p : problems )
        if ( p.contains( text ) )
          return true;
      return false;
    }

    static QPushButton *saveButton( QDialog *dialog )
    {
      return dialog->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Save );
    }

    //! The lines of the features `ids` of the sample's segments, counted independently of Limes (each part of each geometry).
    long long linesOf( const QgsFeatureIds &ids ) const
    {
      long long lines = 0;
      QgsFeature f;
      QgsFeatureIterator it = mSegments->getFeatures( QgsFeatureRequest().setFilterFids( ids ) );
      while ( it.nextFeature( f ) )
        lines += f.geometry().constGet()->partCount();
      return lines;
    }

    //! The first `n` feature ids of the sample's segments.
    QgsFeatureIds firstFeatures( int n ) const
    {
      QgsFeatureIds ids;
      QgsFeature f;
      QgsFeatureIterator it = mSegments->getFeatures( QgsFeatureRequest().addOrderBy( QStringLiteral( "seq" ) ) );
      while ( ids.size() < n && it.nextFeature( f ) )
        ids.insert( f.id() );
      return ids;
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
      mSegments = new QgsVectorLayer( limes::test::sampleData( QStringLiteral( "segments" ) ), QStringLiteral( "sample segments" ), QStringLiteral( "ogr" ) );
      QVERIFY( mSegments->isValid() );
      QgsProject::instance()->addMapLayer( mSegments );
    }

    void cleanup()
    {
      mUi.reset();
      QgsProject::instance()->removeAllMapLayers();
      mSegments = nullptr;
      delete mWindow;
    }

    void formSaysWhatIsRefused()
    {
      int started = 0;
      limes::ImportVersionDialog dialog( mUi->session()->data(), mSegments, QString(), [&]( limes::ImportVersionInputs, limes::ImportVersionDialog::Done ) {
        ++started;
        return QString();
      } );
      auto *combo = dialog.findChild<QgsMapLayerComboBox *>( QStringLiteral( "mLayerCombo" ) );
      auto *selectedOnly = dialog.findChild<QCheckBox *>( QStringLiteral( "mSelectedOnly" ) );
      QCOMPARE( dialog.layer(), mSegments ); // the layer it was opened for
      // nothing selected: the checkbox is off and cannot be ticked
      QVERIFY( !selectedOnly->isChecked() );
      QVERIFY( !selectedOnly->isEnabled() );
      QVERIFY( has( dialog.problems(), QStringLiteral( "Give the version a name." ) ) );
      QVERIFY( !saveButton( &dialog )->isEnabled() );

      QTest::keyClicks( dialog.findChild<QLineEdit *>( QStringLiteral( "mNameEdit" ) ), QStringLiteral( "Field survey 2025" ) );
      QVERIFY2( dialog.problems().isEmpty(), qPrintable( dialog.problems().join( '\n' ) ) );
      QVERIFY( saveButton( &dialog )->isEnabled() );

      // versions are never overwritten: a name the workspace has is refused before saving
      dialog.setName( QStringLiteral( "DCW" ) );
      QVERIFY( has( dialog.problems(), QStringLiteral( "versions are never overwritten" ) ) );
      QVERIFY( dialog.findChild<QLabel *>( QStringLiteral( "mProblems" ) )->text().contains( QStringLiteral( "“DCW”" ) ) );
      QVERIFY( !saveButton( &dialog )->isEnabled() );
      dialog.setName( QStringLiteral( "DCW " ) ); // trimmed: the same name
      QVERIFY( has( dialog.problems(), QStringLiteral( "versions are never overwritten" ) ) );
      dialog.setName( QStringLiteral( "Field survey 2025" ) );

      // the same party on both sides
      dialog.setParties( QStringLiteral( "KG" ), QStringLiteral( "KG" ) );
      QVERIFY( has( dialog.problems(), QStringLiteral( "The same party (KG) is on both sides" ) ) );
      QVERIFY( !saveButton( &dialog )->isEnabled() );
      dialog.setParties( QStringLiteral( "KG" ), QStringLiteral( "TJ" ) );
      QVERIFY( dialog.problems().isEmpty() );

      // no future dates: the date field stops at today
      auto *date = dialog.findChild<QDateEdit *>( QStringLiteral( "mDateEdit" ) );
      dialog.setDate( QDateTime::currentDateTimeUtc().date().addDays( 3 ) );
      QVERIFY( date->date() <= QDateTime::currentDateTimeUtc().date() );
      QVERIFY( date->maximumDate() <= QDateTime::currentDateTimeUtc().date() );
      dialog.setDate( QDate( 1924, 10, 27 ) ); // the past is fine
      QCOMPARE( dialog.version().date, QDate( 1924, 10, 27 ) );
      QVERIFY( dialog.problems().isEmpty() );

      // a selection made while the form is open: it offers to import only that
      mSegments->selectByIds( firstFeatures( 3 ) );
      QVERIFY( selectedOnly->isEnabled() );
      QVERIFY( dialog.findChild<QLabel *>( QStringLiteral( "mFeaturesInfo" ) )->text().contains( QStringLiteral( "3 of 34" ) ) );
      selectedOnly->setChecked( true );
      QVERIFY( dialog.problems().isEmpty() );
      // ... and when it is cleared again, "selected only" imports nothing: refused, and it can be unticked
      mSegments->removeSelection();
      QVERIFY( has( dialog.problems(), QStringLiteral( "No feature of sample segments is selected" ) ) );
      QVERIFY( !saveButton( &dialog )->isEnabled() );
      QVERIFY( selectedOnly->isEnabled() );
      selectedOnly->setChecked( false );
      QVERIFY( !selectedOnly->isEnabled() );
      QVERIFY( dialog.problems().isEmpty() );

      // no layer; a layer without features; a polygon layer is not offered
      dialog.setLayer( nullptr );
      QVERIFY( has( dialog.problems(), QStringLiteral( "Choose the line layer to import." ) ) );
      QVERIFY( !saveButton( &dialog )->isEnabled() );
      auto *empty = new QgsVectorLayer( QStringLiteral( "LineString?crs=EPSG:4326" ), QStringLiteral( "empty lines" ), QStringLiteral( "memory" ) );
      auto *polygons = new QgsVectorLayer( QStringLiteral( "Polygon?crs=EPSG:4326" ), QStringLiteral( "territories" ), QStringLiteral( "memory" ) );
      QgsProject::instance()->addMapLayers( { empty, polygons } );
      dialog.setLayer( empty );
      QVERIFY( has( dialog.problems(), QStringLiteral( "The layer empty lines has no features." ) ) );
      QCOMPARE( combo->findText( QStringLiteral( "territories" ) ), -1 );
      QVERIFY( combo->findText( QStringLiteral( "empty lines" ) ) >= 0 );
      dialog.setLayer( mSegments );

      // somebody imports it
      dialog.findChild<QLineEdit *>( QStringLiteral( "mAuthorEdit" ) )->clear();
      QVERIFY( has( dialog.problems(), QStringLiteral( "Say who imports the version." ) ) );
      QVERIFY( !saveButton( &dialog )->isEnabled() );
      QCOMPARE( started, 0 );

      // a polygon layer given as the active one is not taken: the first line layer is
      limes::ImportVersionDialog second( mUi->session()->data(), polygons, QString(), nullptr );
      QVERIFY( second.layer() != polygons );
    }

    void aSelectionOpensTickedAndAFailedStartLosesNothing()
    {
      const QgsFeatureIds ids = firstFeatures( 2 );
      mSegments->selectByIds( ids );
      limes::ImportVersionDialog dialog( mUi->session()->data(), mSegments, QString(), []( limes::ImportVersionInputs in, limes::ImportVersionDialog::Done ) {
        // what the task would be given: a copy of the layer and the selection
        if ( !in.selectedOnly || in.selected.size() != 2 || in.featureCount() != 2 || !in.version.source.contains( QStringLiteral( "(2 selected features)" ) ) )
          return QStringLiteral( "unexpected inputs" );
        return QStringLiteral( "Nothing was imported: no signing key was given." );
      } );
      QVERIFY( dialog.findChild<QCheckBox *>( QStringLiteral( "mSelectedOnly" ) )->isChecked() );
      dialog.setName( QStringLiteral( "Two segments" ) );
      dialog.setNotes( QStringLiteral( "from the survey of May" ) );
      QTest::mouseClick( saveButton( &dialog ), Qt::LeftButton );
      QCOMPARE( dialog.result(), int( QDialog::Rejected ) ); // still open
      QVERIFY( !dialog.isImporting() );
      QVERIFY( dialog.findChild<QLabel *>( QStringLiteral( "mProblems" ) )->text().contains( QStringLiteral( "no signing key was given" ) ) );
      QCOMPARE( dialog.version().notes, QStringLiteral( "from the survey of May" ) );
      QVERIFY( saveButton( &dialog )->isEnabled() );
    }

    void importFromTheMenuLandsInTheWorkspace()
    {
      QVERIFY( mUi->importVersionAction()->isEnabled() );
      const QgsFeatureIds ids = firstFeatures( 3 );
      const long long expectedLines = linesOf( ids );
      QVERIFY( expectedLines >= 3 );
      mSegments->selectByIds( ids );
      mUi->host()->mapCanvas()->setCurrentLayer( mSegments ); // the active layer
      const long long entriesBefore = mUi->session()->store().head().entries;
      const int versionsBefore = mUi->session()->data().versions.size();

      // once the key is given, the import runs as a task in QGIS's task manager, the form locked meanwhile
      bool wasTask = false;
      const QMetaObject::Connection added = connect( QgsApplication::taskManager(), &QgsTaskManager::taskAdded, this, [this, &wasTask]( long id ) {
        limes::ImportVersionTask *task = mUi->versions()->runningTask();
        auto *form = qobject_cast<limes::ImportVersionDialog *>( QApplication::activeModalWidget() );
        wasTask = task && QgsApplication::taskManager()->task( id ) == task && form && form->isImporting() && !saveButton( form )->isEnabled()
                  && !form->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Cancel )->isEnabled();
        if ( form )
          form->reject(); // ignored while importing: it ends by itself, whole or not at all
      } );
      QTimer::singleShot( 300, [this] {
        auto *dialog = qobject_cast<limes::ImportVersionDialog *>( QApplication::activeModalWidget() );
        QVERIFY( dialog );
        QCOMPARE( dialog->layer(), mSegments );
        QVERIFY( dialog->findChild<QCheckBox *>( QStringLiteral( "mSelectedOnly" ) )->isChecked() );
        QTest::keyClicks( dialog->findChild<QLineEdit *>( QStringLiteral( "mNameEdit" ) ), QStringLiteral( "TJ claim S-001..S-003" ) );
        dialog->setKind( QStringLiteral( "claim" ) );
        dialog->setParties( QStringLiteral( "KG" ), QStringLiteral( "TJ" ) );
        dialog->setDate( QDate( 2025, 3, 14 ) );
        QTest::keyClicks( dialog->findChild<QPlainTextEdit *>( QStringLiteral( "mNotesEdit" ) ), QStringLiteral( "handed over at protocol 21" ) );
        dialog->setAuthor( QStringLiteral( "TJ delegation" ) );
        QComboBox *edges = dialog->findChild<QComboBox *>( QStringLiteral( "mEdgesCombo" ) );
        QCOMPARE( edges->currentData().toString(), QString() ); // not recorded unless said
        edges->setCurrentIndex( edges->findData( QStringLiteral( "rhumb" ) ) );
        // the key dialog comes up when Save is clicked
        QTimer::singleShot( 300, [this] {
          auto *keys = qobject_cast<limes::SigningKeyDialog *>( QApplication::activeModalWidget() );
          QVERIFY( keys );
          keys->findChild<QgsFileWidget *>()->setFilePath( mWs.tjKeyFile );
          QTest::keyClicks( keys->findChild<QLineEdit *>( QStringLiteral( "mPassphrase" ) ), QString::fromUtf8( limes::test::passphrase() ) );
          QTest::mouseClick( keys->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Ok ), Qt::LeftButton );
        } );
        QTest::mouseClick( saveButton( dialog ), Qt::LeftButton );
      } );
      mUi->importVersionAction()->trigger(); // returns when the form closed
      disconnect( added );
      QVERIFY( wasTask );

      // in the workspace, as the form said, read back through a connection of the test's own
      const auto store = limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() );
      QCOMPARE( store->versions().size(), versionsBefore + 1 );
      const limes::LineVersion v = store->version( QStringLiteral( "TJ claim S-001..S-003" ) );
      QCOMPARE( v.kind, QStringLiteral( "claim" ) );
      QCOMPARE( v.leftParty, QStringLiteral( "KG" ) );
      QCOMPARE( v.rightParty, QStringLiteral( "TJ" ) );
      QCOMPARE( v.date, QDate( 2025, 3, 14 ) );
      QCOMPARE( v.notes, QStringLiteral( "handed over at protocol 21" ) );
      QCOMPARE( v.author, QStringLiteral( "TJ delegation" ) );
      QCOMPARE( v.edges, QStringLiteral( "rhumb" ) );
      QCOMPARE( v.parts, expectedLines );
      QCOMPARE( store->versionLayer( v ).layer->featureCount(), expectedLines );
      QVERIFY( v.source.contains( QStringLiteral( "(3 selected features)" ) ) );
      // one signed ledger entry, TJ's
      QCOMPARE( store->head().entries, entriesBefore + 1 );
      const limes::LedgerEntry last = store->ledger().last();
      QCOMPARE( last.kind, QStringLiteral( "version" ) );
      QCOMPARE( last.signerParty, QStringLiteral( "TJ" ) );
      QCOMPARE( last.payload.value( QStringLiteral( "edges" ) ).toString(), QStringLiteral( "rhumb" ) ); // sealed with the lines
      QVERIFY( store->verify().clean() );

      // the session, the Versions dock and the layer group follow
      QVERIFY( mUi->session()->data().version( v.name ) );
      limes::VersionsDock *dock = mUi->versions()->dock();
      QVERIFY( dock->isVisibleTo( mWindow ) );
      QCOMPARE( dock->currentVersion(), v.name );
      const QTreeWidgetItem *row = dock->list()->currentItem();
      QCOMPARE( row->text( limes::VersionsDock::KindColumn ), limes::versionKindLabel( QStringLiteral( "claim" ) ) );
      QCOMPARE( row->text( limes::VersionsDock::DateColumn ), QStringLiteral( "2025-03-14" ) );
      QCOMPARE( row->text( limes::VersionsDock::AuthorColumn ), QStringLiteral( "TJ delegation" ) );
      QCOMPARE( row->text( limes::VersionsDock::LeftColumn ), QStringLiteral( "KG" ) );
      QCOMPARE( row->text( limes::VersionsDock::RightColumn ), QStringLiteral( "TJ" ) );
      QCOMPARE( row->text( limes::VersionsDock::LinesColumn ), QString::number( expectedLines ) );
      QCOMPARE( dock->list()->topLevelItemCount(), versionsBefore + 1 );
      QgsVectorLayer *layer = mUi->workspaceLayers()->versionLayer( v.name );
      QVERIFY( layer );
      QCOMPARE( layer->featureCount(), expectedLines );

      // a second form refuses the same name before saving
      limes::ImportVersionDialog again( mUi->session()->data(), mSegments, QString(), nullptr );
      again.setName( v.name );
      QVERIFY( has( again.problems(), QStringLiteral( "versions are never overwritten" ) ) );
      QVERIFY( !saveButton( &again )->isEnabled() );
    }

    void theCoreRefusesADuplicateThatGetsPastTheForm()
    {
      // the name taken between the form's check and the task's transaction (another desktop)
      mUi->signingKeys()->load( mWs.tjKeyFile, limes::test::passphrase() );
      limes::ImportVersionInputs in;
      in.version.name = QStringLiteral( "WDBII" );
      in.version.kind = QStringLiteral( "draft" );
      in.version.leftParty = QStringLiteral( "KG" );
      in.version.rightParty = QStringLiteral( "TJ" );
      in.version.author = QStringLiteral( "test" );
      in.version.source = QStringLiteral( "sample segments" );
      in.layer = std::make_shared<limes::LayerSnapshot>( mSegments );
      const long long entriesBefore = mUi->session()->store().head().entries;
      QString error = QStringLiteral( "not called" );
      bool ended = false;
      limes::ImportVersionTask *task = mUi->versions()->start( in, *mUi->signingKeys()->current(), [&]( const QString &why ) {
        error = why;
        ended = true;
      } );
      QVERIFY( task );
      QTRY_VERIFY_WITH_TIMEOUT( ended, 60000 );
      QVERIFY2( error.contains( QStringLiteral( "versions are never overwritten" ) ), qPrintable( error ) );
      QVERIFY( !error.contains( QLatin1Char( '\n' ) ) );
      QCOMPARE( mUi->session()->store().head().entries, entriesBefore );
      QCOMPARE( mUi->session()->store().version( QStringLiteral( "WDBII" ) ).kind, QStringLiteral( "draft" ) );
      QCOMPARE( mUi->session()->store().versionLayer( mUi->session()->store().version( QStringLiteral( "WDBII" ) ) ).layer->featureCount(), 2 );
      QVERIFY( !mUi->versions()->runningTask() );
    }

    void theWholeLayerWhenNothingIsSelected()
    {
      mUi->signingKeys()->load( mWs.secretariatKeyFile, limes::test::passphrase() );
      limes::ImportVersionDialog *form = nullptr;
      bool ended = false;
      limes::ImportVersionDialog dialog( mUi->session()->data(), mSegments, QString(), [&]( limes::ImportVersionInputs in, limes::ImportVersionDialog::Done done ) {
        return mUi->versions()->start( std::move( in ), *mUi->signingKeys()->current(), [&, done]( const QString &why ) {
          done( why );
          ended = true;
        } ) ? QString() : QStringLiteral( "not started" );
      } );
      form = &dialog;
      QVERIFY( !form->findChild<QCheckBox *>( QStringLiteral( "mSelectedOnly" ) )->isChecked() );
      dialog.setName( QStringLiteral( "Segments as surveyed" ) );
      dialog.setKind( QStringLiteral( "draft" ) );
      QTest::mouseClick( saveButton( &dialog ), Qt::LeftButton );
      QVERIFY( dialog.isImporting() );
      QTRY_VERIFY_WITH_TIMEOUT( ended, 60000 );
      QCOMPARE( dialog.result(), int( QDialog::Accepted ) );
      const QgsFeatureIds all = mSegments->allFeatureIds();
      const limes::LineVersion v = mUi->session()->store().version( QStringLiteral( "Segments as surveyed" ) );
      QCOMPARE( v.parts, linesOf( all ) );
      QCOMPARE( v.kind, QStringLiteral( "draft" ) );
      QCOMPARE( mUi->session()->store().ledger().last().signerParty, QStringLiteral( "SECRETARIAT" ) );
    }
};

QGSTEST_MAIN( TestImportVersion )
#include "testimportversion.moc"
