// SPDX-License-Identifier: GPL-2.0-or-later
// The workspace in the desktop: open/new/close, the layer group and its styles, recent
// workspaces, QGIS's saved connections, the Segments dock's model, selection and detail pane.
#include "forms/newworkspacedialog.h"
#include "forms/openworkspacedialog.h"
#include "desktoptest.h"
#include "pluginui.h"
#include "host.h"
#include "workspace/connections.h"
#include "workspace/layerstyles.h"
#include "workspace/segmentlines.h"
#include "workspace/segmentsdock.h"
#include "workspace/segmentsmodel.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QtTest>
#include <qgstest.h>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfilterlineedit.h>
#include <qgslayertree.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgssinglesymbolrenderer.h>

//! Receives what QDesktopServices would open, so that no viewer starts during the test.
class UrlCatcher : public QObject
{
    Q_OBJECT
  public:
    QList<QUrl> urls;
  public slots:
    void open( const QUrl &url ) { urls << url; }
};

class TestWorkspaceUi : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    QgsLayerTreeGroup *limesGroup( const QString &name = QStringLiteral( "fergana-ws" ) ) const
    {
      return QgsProject::instance()->layerTreeRoot()->findGroup( QStringLiteral( "Limes — %1" ).arg( name ) );
    }

    static QString status( QgsVectorLayer *segments, const QString &code )
    {
      QgsFeature f;
      segments->getFeatures( QgsFeatureRequest().setFilterExpression( QStringLiteral( "code = '%1'" ).arg( code ) ) ).nextFeature( f );
      return f.attribute( QStringLiteral( "status" ) ).toString();
    }

    static QgsSimpleLineSymbolLayer *lineOf( QgsVectorLayer *layer )
    {
      auto *renderer = dynamic_cast<QgsSingleSymbolRenderer *>( layer->renderer() );
      return renderer ? dynamic_cast<QgsSimpleLineSymbolLayer *>( renderer->symbol()->symbolLayer( 0 ) ) : nullptr;
    }

    bool open()
    {
      return openWorkspace();
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
      QgsSettings().remove( QStringLiteral( "Limes" ) );
      mWs = limes::test::makeSampleWorkspace( mDir.path() );
    }

    void init()
    {
      mWindow = new QMainWindow;
      mUi = std::make_unique<limes::PluginUi>( mWindow, mWindow->menuBar()->addMenu( QStringLiteral( "Help" ) )->menuAction() );
      mUi->load();
      mUi->host()->mapCanvas()->setDestinationCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ) );
    }

    void cleanup()
    {
      closeDesktop();
      QCOMPARE( QgsProject::instance()->mapLayers().size(), 0 );
      QVERIFY( !limesGroup() );
    }

    void segmentLinesComeFromTheVersionsSegmentField()
    {
      const auto store = limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() );
      const QMap<QString, limes::SegmentLine> lines = limes::segmentLines( *store );
      QCOMPARE( lines.size(), 34 );
      // the agreed line outranks both claims; the claims are still listed for the segment
      QCOMPARE( lines.value( QStringLiteral( "S-003" ) ).version, QStringLiteral( "DCW by segment" ) );
      QCOMPARE( lines.value( QStringLiteral( "S-003" ) ).versions.size(), 3 );
      QVERIFY( lines.value( QStringLiteral( "S-003" ) ).versions.contains( QStringLiteral( "TJ claim S-003" ) ) );
      QCOMPARE( lines.value( QStringLiteral( "S-010" ) ).versions, QStringList { QStringLiteral( "DCW by segment" ) } );
      QVERIFY( !lines.value( QStringLiteral( "S-010" ) ).geometry.isEmpty() );
      limes::LineVersion claim, ratified;
      claim.kind = QStringLiteral( "claim" );
      ratified.kind = QStringLiteral( "ratified" );
      QVERIFY( limes::segmentLineRank( ratified ) < limes::segmentLineRank( claim ) );
    }

    void openAddsAStyledLayerGroup()
    {
      QVERIFY( open() );
      QgsLayerTreeGroup *group = limesGroup();
      QVERIFY( group );
      QCOMPARE( QgsProject::instance()->layerTreeRoot()->children().first(), group ); // on top
      limes::WorkspaceLayers *layers = mUi->workspaceLayers();
      QgsVectorLayer *segments = layers->segmentsLayer();
      QCOMPARE( segments->featureCount(), 34L );
      QVERIFY( !segments->startEditing() ); // read-only: the workspace is written through Limes
      QVERIFY( group->findLayer( segments ) && group->findLayer( layers->pillarsLayer() ) );
      QCOMPARE( layers->pillarsLayer()->featureCount(), 267L );
      QVERIFY( layers->pillarsLayer()->labelsEnabled() );
      QVERIFY( segments->labelsEnabled() );

      // the status legend: one category per status, and each segment's status from the ledger
      auto *renderer = dynamic_cast<QgsCategorizedSymbolRenderer *>( segments->renderer() );
      QVERIFY( renderer );
      QVERIFY( renderer->classAttribute().contains( QStringLiteral( "\"status\"" ) ) );
      QStringList values, labels;
      for ( const QgsRendererCategory &c : renderer->categories() )
      {
        values << c.value().toString();
        labels << c.label();
      }
      QCOMPARE( values, limes::segmentStatuses() );
      QCOMPARE( labels, QStringList( { "agreed", "agreed, awaiting countersignature", "disputed", "deferred", "referred", "no decision yet" } ) );
      QCOMPARE( status( segments, QStringLiteral( "S-001" ) ), QStringLiteral( "agreed" ) );
      QCOMPARE( status( segments, QStringLiteral( "S-003" ) ), QStringLiteral( "referred to working group" ) );
      QCOMPARE( status( segments, QStringLiteral( "S-002" ) ), QStringLiteral( "no decision yet" ) );

      // versions by kind: claims dashed in their party's colour, drafts thin, the rest solid
      QgsLayerTreeGroup *versions = group->findGroup( QStringLiteral( "Versions" ) );
      QVERIFY( versions );
      QCOMPARE( versions->findLayers().size(), 5 );
      QgsSimpleLineSymbolLayer *tjClaim = lineOf( layers->versionLayer( QStringLiteral( "TJ claim S-003" ) ) );
      QgsSimpleLineSymbolLayer *kgClaim = lineOf( layers->versionLayer( QStringLiteral( "KG claim S-003" ) ) );
      QgsSimpleLineSymbolLayer *draft = lineOf( layers->versionLayer( QStringLiteral( "WDBII" ) ) );
      QgsSimpleLineSymbolLayer *historical = lineOf( layers->versionLayer( QStringLiteral( "DCW" ) ) );
      QgsSimpleLineSymbolLayer *agreed = lineOf( layers->versionLayer( QStringLiteral( "DCW by segment" ) ) );
      QVERIFY( tjClaim && kgClaim && draft && historical && agreed );
      QCOMPARE( agreed->penStyle(), Qt::SolidLine );
      QCOMPARE( tjClaim->penStyle(), Qt::DashLine );
      QCOMPARE( tjClaim->color().name(), QStringLiteral( "#1f78b4" ) );
      QCOMPARE( kgClaim->color().name(), QStringLiteral( "#e31a1c" ) );
      QCOMPARE( historical->penStyle(), Qt::SolidLine );
      QVERIFY( draft->width() < historical->width() );
      QCOMPARE( layers->versionLayer( QStringLiteral( "WDBII" ) )->featureCount(), 2L );
      QVERIFY( mUi->closeAction()->isEnabled() );
    }

    void closeRemovesEveryLimesObject()
    {
      const int before = QgsProject::instance()->mapLayers().size();
      QVERIFY( open() );
      QVERIFY( QgsProject::instance()->mapLayers().size() > before );
      mUi->closeAction()->trigger();
      QVERIFY( !mUi->session() );
      QVERIFY( !limesGroup() );
      QCOMPARE( QgsProject::instance()->mapLayers().size(), before );
      QCOMPARE( mUi->segmentsDock()->model()->rowCount(), 0 );
      QVERIFY( !mUi->closeAction()->isEnabled() );
    }

    void closingKeepsTheUsersOwnLayers()
    {
      QVERIFY( open() );
      // the user drops a layer of their own into the Limes group
      auto *own = new QgsVectorLayer( QStringLiteral( "Point?crs=EPSG:4326" ), QStringLiteral( "my notes" ), QStringLiteral( "memory" ) );
      QgsProject::instance()->addMapLayer( own, false );
      limesGroup()->findGroup( QStringLiteral( "Versions" ) )->addLayer( own );
      mUi->closeWorkspace();
      QVERIFY( !limesGroup() );
      QCOMPARE( QgsProject::instance()->mapLayers().size(), 1 );
      QVERIFY( QgsProject::instance()->layerTreeRoot()->findLayer( own->id() ) );
      QgsProject::instance()->removeAllMapLayers();
    }

    void aNewProjectClosesTheWorkspace()
    {
      QVERIFY( open() );
      QgsProject::instance()->clear();
      QVERIFY( !mUi->session() );
      QCOMPARE( mUi->segmentsDock()->model()->rowCount(), 0 );
    }

    void unloadRemovesDockGroupAndLayers()
    {
      QVERIFY( open() );
      QPointer<limes::SegmentsDock> dock = mUi->segmentsDock();
      QVERIFY( dock );
      QCOMPARE( dock->objectName(), QStringLiteral( "LimesSegmentsDock" ) );
      mUi->unload();
      QVERIFY( !dock ); // removed and deleted, not only hidden
      QVERIFY( !limesGroup() );
      QCOMPARE( QgsProject::instance()->mapLayers().size(), 0 );
      QVERIFY( mWindow->findChildren<QDockWidget *>().isEmpty() );
    }

    void recentWorkspacesAreRemembered()
    {
      QVERIFY( open() );
      mUi->closeWorkspace();
      QCOMPARE( limes::RecentWorkspaces::entries().value( 0 ), limes::RecentWorkspaces::fileEntry( mWs.path ) );
      emit mUi->recentMenu()->aboutToShow();
      const QList<QAction *> actions = mUi->recentMenu()->actions();
      QVERIFY( !actions.isEmpty() );
      QCOMPARE( actions.first()->text(), mWs.path );
      actions.first()->trigger();
      QVERIFY( mUi->session() );
      QCOMPARE( mUi->session()->name(), QStringLiteral( "fergana-ws" ) );
    }

    void aFailedOpenIsOneLineInTheMessageBar()
    {
      QVERIFY( open() );
      const QString notAWorkspace = limes::test::sampleData();
      QVERIFY( !openWorkspace( notAWorkspace ) );
      QgsMessageBarItem *item = mUi->host()->messageBar()->currentItem();
      QVERIFY( item );
      QVERIFY2( item->text().contains( QStringLiteral( "not a Limes workspace" ) ), qPrintable( item->text() ) );
      QVERIFY( !item->text().contains( QLatin1Char( '\n' ) ) );
      QVERIFY( mUi->session() ); // the workspace open before stays open
      QVERIFY( limesGroup() );
      QVERIFY( !limes::RecentWorkspaces::entries().contains( limes::RecentWorkspaces::fileEntry( notAWorkspace ) ) );
    }

    void openDialogRefusesWhatCannotBeOpened()
    {
      limes::OpenWorkspaceDialog dialog;
      QPushButton *openButton = dialog.findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Open );
      QVERIFY( !dialog.problem().isEmpty() ); // nothing chosen
      QVERIFY( !openButton->isEnabled() );
      dialog.setFile( mDir.path() + QStringLiteral( "/missing.gpkg" ) );
      QVERIFY( dialog.problem().contains( QStringLiteral( "There is no file" ) ) );
      QVERIFY( !openButton->isEnabled() );
      dialog.setFile( mWs.path );
      QVERIFY( dialog.problem().isEmpty() );
      QVERIFY( openButton->isEnabled() );
      QCOMPARE( dialog.choice().target, mWs.path );
      QCOMPARE( dialog.choice().name, QStringLiteral( "fergana-ws" ) );
    }

    void savedPostgresConnectionsCarryTheirAuthcfg()
    {
      QgsSettings settings;
      const QString key = QStringLiteral( "PostgreSQL/connections/commission/" );
      settings.setValue( key + QStringLiteral( "host" ), QStringLiteral( "db.example.invalid" ) );
      settings.setValue( key + QStringLiteral( "port" ), QStringLiteral( "5433" ) );
      settings.setValue( key + QStringLiteral( "database" ), QStringLiteral( "border" ) );
      settings.setValue( key + QStringLiteral( "username" ), QStringLiteral( "tj_delegate" ) );
      settings.setValue( key + QStringLiteral( "saveUsername" ), true );
      settings.setValue( key + QStringLiteral( "password" ), QStringLiteral( "s3cret" ) );
      settings.setValue( key + QStringLiteral( "savePassword" ), true );
      settings.setValue( key + QStringLiteral( "authcfg" ), QStringLiteral( "abc1234" ) );
      settings.setValue( key + QStringLiteral( "sslmode" ), QStringLiteral( "SslDisable" ) );
      const limes::SavedConnection c = limes::savedPostgresConnection( QStringLiteral( "commission" ) );
      QVERIFY2( c.conninfo.contains( QStringLiteral( "authcfg=abc1234" ) ), qPrintable( c.conninfo ) );
      QVERIFY( c.conninfo.contains( QStringLiteral( "dbname='border'" ) ) );
      QVERIFY( c.conninfo.contains( QStringLiteral( "port=5433" ) ) );
      QVERIFY( limes::isWorkspaceConnection( c.conninfo ) );
      QVERIFY( !c.description.contains( QStringLiteral( "s3cret" ) ) );

      limes::OpenWorkspaceDialog dialog;
      QVERIFY( dialog.setConnection( QStringLiteral( "commission" ) ) );
      QVERIFY( dialog.problem().isEmpty() );
      QCOMPARE( dialog.choice().target, c.conninfo );
      QCOMPARE( dialog.choice().recentEntry, QStringLiteral( "postgres:commission" ) ); // never the password
      settings.remove( QStringLiteral( "PostgreSQL/connections/commission" ) );
    }

    void newDialogSaysWhatIsMissing()
    {
      limes::NewWorkspaceDialog dialog;
      QPushButton *create = dialog.findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Ok );
      auto has = [&]( const QString &text ) {
        for ( const QString &p : dialog.problems() )
          if ( p.contains( text ) )
            return true;
        return false;
      };
      QVERIFY( has( QStringLiteral( "Choose the new GeoPackage file" ) ) );
      QVERIFY( has( QStringLiteral( "at least two parties" ) ) );
      QVERIFY( !create->isEnabled() );
      dialog.setFile( mWs.path );
      QVERIFY( has( QStringLiteral( "never overwritten" ) ) );
      const QString path = mDir.path() + QStringLiteral( "/new-ws.gpkg" );
      dialog.setFile( path );
      dialog.addParty( QStringLiteral( "TJ" ), QStringLiteral( "Tajikistan" ) );
      dialog.addParty( QStringLiteral( "TJ" ), QString() );
      QVERIFY( has( QStringLiteral( "Party 2 needs a code and a name" ) ) );
      QVERIFY( !create->isEnabled() );
      dialog.findChild<QTableWidget *>()->item( 1, 1 )->setText( QStringLiteral( "Kyrgyzstan" ) );
      QVERIFY( has( QStringLiteral( "Party code TJ is given twice" ) ) );
      dialog.findChild<QTableWidget *>()->item( 1, 0 )->setText( QStringLiteral( "KG" ) );
      auto segments = std::make_unique<QgsVectorLayer>( limes::test::sampleData( QStringLiteral( "segments" ) ), QStringLiteral( "segments" ), QStringLiteral( "ogr" ) );
      QgsProject::instance()->addMapLayer( segments.get() );
      dialog.setSegmentsLayer( segments.get(), QStringLiteral( "part" ) ); // not unique
      QVERIFY( has( QStringLiteral( "is given twice in segments" ) ) );
      dialog.setSegmentsLayer( segments.get(), QStringLiteral( "code" ) );
      QVERIFY2( dialog.problems().isEmpty(), qPrintable( dialog.problems().join( '\n' ) ) );
      QVERIFY( create->isEnabled() );
      QCOMPARE( dialog.segments().size(), 34 );
      QCOMPARE( dialog.segments().first().code, QStringLiteral( "S-001" ) );
      QCOMPARE( dialog.parties().value( 1 ).code, QStringLiteral( "KG" ) );
      QVERIFY( dialog.parties().value( 1 ).colour.startsWith( '#' ) );

      // creating it opens it: every segment, none decided, no lines named yet
      QVERIFY( mUi->createWorkspace( dialog.choice(), dialog.parties(), dialog.segments() ) );
      QgsProject::instance()->takeMapLayer( segments.get() );
      QVERIFY( QFileInfo::exists( path ) );
      QVERIFY( limesGroup( QStringLiteral( "new-ws" ) ) );
      QCOMPARE( mUi->workspaceLayers()->segmentsLayer()->featureCount(), 34L );
      QCOMPARE( status( mUi->workspaceLayers()->segmentsLayer(), QStringLiteral( "S-034" ) ), QStringLiteral( "no decision yet" ) );
      QCOMPARE( mUi->segmentsDock()->model()->rowCount(), 34 );
      QCOMPARE( limes::RecentWorkspaces::entries().value( 0 ), limes::RecentWorkspaces::fileEntry( path ) );
      mUi->closeWorkspace();
    }

    void segmentsModelSortsAndFilters()
    {
      QVERIFY( open() );
      limes::SegmentsDock *dock = mUi->segmentsDock();
      QCOMPARE( dock->model()->rowCount(), 34 );
      QCOMPARE( dock->model()->columnCount(), 7 );
      limes::SegmentsFilterModel *filter = dock->filterModel();
      const int agreed = dock->statusCombo()->findData( QStringLiteral( "agreed" ) );
      dock->statusCombo()->setCurrentIndex( agreed );
      QCOMPARE( filter->rowCount(), 1 );
      QCOMPARE( filter->index( 0, limes::SegmentsModel::AgreedVersionColumn ).data().toString(), QStringLiteral( "DCW by segment" ) );
      QCOMPARE( filter->index( 0, limes::SegmentsModel::ProtocolColumn ).data().toString(), QStringLiteral( "17" ) );
      QCOMPARE( filter->index( 0, limes::SegmentsModel::DateColumn ).data().toString(), QStringLiteral( "2024-05-14" ) );
      dock->statusCombo()->setCurrentIndex( 0 );
      QTest::keyClicks( dock->filterEdit(), QStringLiteral( "S-00" ) );
      QCOMPARE( filter->rowCount(), 9 );
      dock->filterEdit()->clear();
      QCOMPARE( filter->rowCount(), 34 );
      // sorting by segment follows the order along the line; by length, the numbers
      dock->view()->sortByColumn( limes::SegmentsModel::CodeColumn, Qt::DescendingOrder );
      QCOMPARE( filter->index( 0, 0 ).data().toString(), QStringLiteral( "S-034" ) );
      dock->view()->sortByColumn( limes::SegmentsModel::LengthColumn, Qt::DescendingOrder );
      const double first = filter->index( 0, limes::SegmentsModel::LengthColumn ).data( limes::SegmentsModel::SortRole ).toDouble();
      const double last = filter->index( 33, limes::SegmentsModel::LengthColumn ).data( limes::SegmentsModel::SortRole ).toDouble();
      QVERIFY( first > last && last > 0 );
    }

    void selectingARowZoomsAndTheMapSelectsTheRow()
    {
      QVERIFY( open() );
      limes::SegmentsDock *dock = mUi->segmentsDock();
      QgsVectorLayer *segments = mUi->workspaceLayers()->segmentsLayer();
      QgsMapCanvas *canvas = mUi->host()->mapCanvas();
      canvas->setExtent( QgsRectangle( 0, 0, 1, 1 ) );
      // a click on S-010's row
      const QModelIndex index = dock->filterModel()->mapFromSource( dock->model()->index( dock->model()->rowOf( QStringLiteral( "S-010" ) ), 0 ) );
      dock->view()->scrollTo( index );
      QTest::mouseClick( dock->view()->viewport(), Qt::LeftButton, Qt::NoModifier, dock->view()->visualRect( index ).center() );
      QCOMPARE( dock->currentSegment(), QStringLiteral( "S-010" ) );
      const QgsFeatureId fid = mUi->workspaceLayers()->segmentFeature( QStringLiteral( "S-010" ) );
      QCOMPARE( segments->selectedFeatureIds(), QgsFeatureIds( { fid } ) );
      const QgsRectangle box = segments->getFeature( fid ).geometry().boundingBox();
      QVERIFY2( canvas->extent().contains( box ), qPrintable( canvas->extent().toString() ) );
      QVERIFY( canvas->extent().width() < 1.0 ); // zoomed to the segment, not the whole line

      // the map selects S-020: its row follows
      segments->selectByIds( QgsFeatureIds( { mUi->workspaceLayers()->segmentFeature( QStringLiteral( "S-020" ) ) } ) );
      QCOMPARE( dock->currentSegment(), QStringLiteral( "S-020" ) );
      QVERIFY( dock->detail()->toPlainText().contains( QStringLiteral( "S-020" ) ) );
    }

    void detailShowsLedgerClaimsPillarsAndOpensAttachments()
    {
      QVERIFY( open() );
      limes::SegmentsDock *dock = mUi->segmentsDock();
      QVERIFY( dock->selectSegment( QStringLiteral( "S-003" ) ) );
      const QString html = dock->detail()->toHtml();
      const QString text = dock->detail()->toPlainText();
      // oldest first, the superseded entry struck through
      QVERIFY( text.indexOf( QStringLiteral( "protocol 17" ) ) < text.indexOf( QStringLiteral( "protocol 21" ) ) );
      QVERIFY( text.contains( QStringLiteral( "superseded by #%1" ).arg( mWs.referred ) ) );
      QVERIFY( html.contains( QStringLiteral( "line-through" ) ) );
      QVERIFY( text.contains( QStringLiteral( "TJ: the line of the TJ claim" ) ) );
      QVERIFY( text.contains( QStringLiteral( "TJ claim S-003" ) ) && text.contains( QStringLiteral( "KG claim S-003" ) ) );
      QVERIFY( text.contains( QStringLiteral( "protocol-21.txt" ) ) );
      QVERIFY( text.contains( QStringLiteral( "surveyed" ) ) );
      QVERIFY( dock->selectSegment( QStringLiteral( "S-001" ) ) );
      QVERIFY( dock->detail()->toPlainText().contains( QStringLiteral( "signatories: N. Rahimov" ) ) );
      QVERIFY2( dock->detail()->toPlainText().contains( QStringLiteral( "signed with TJ's key; in force: signed for KG, TJ" ) ), qPrintable( dock->detail()->toPlainText() ) );
      QVERIFY( !dock->countersignButton()->isVisible() );

      // a click on the attachment opens it
      QVERIFY( dock->selectSegment( QStringLiteral( "S-003" ) ) );
      UrlCatcher catcher;
      QDesktopServices::setUrlHandler( QStringLiteral( "file" ), &catcher, "open" );
      QSignalSpy opened( dock, &limes::SegmentsDock::attachmentOpened );
      mWindow->resize( 1000, 800 );
      mWindow->show();
      dock->show();
      QVERIFY( QTest::qWaitForWindowExposed( mWindow ) );
      QTextBrowser *detail = dock->detail();
      QPoint at;
      for ( QTextBlock b = detail->document()->begin(); b.isValid() && at.isNull(); b = b.next() )
        for ( auto it = b.begin(); !it.atEnd(); ++it )
          if ( it.fragment().charFormat().isAnchor() )
          {
            QTextCursor cursor( detail->document() );
            cursor.setPosition( it.fragment().position() + it.fragment().length() / 2 );
            detail->setTextCursor( cursor );
            detail->ensureCursorVisible();
            at = detail->cursorRect( cursor ).center();
            break;
          }
      QVERIFY( !at.isNull() );
      QVERIFY2( !detail->anchorAt( at ).isEmpty(), qPrintable( QStringLiteral( "no link at %1,%2" ).arg( at.x() ).arg( at.y() ) ) );
      QTest::mouseClick( detail->viewport(), Qt::LeftButton, Qt::NoModifier, at );
      QDesktopServices::unsetUrlHandler( QStringLiteral( "file" ) );
      QCOMPARE( opened.size(), 1 );
      QCOMPARE( catcher.urls, QList<QUrl>( { QUrl::fromLocalFile( mWs.attachment ) } ) );
    }
};

QGSTEST_MAIN( TestWorkspaceUi )
#include "testworkspaceui.moc"
