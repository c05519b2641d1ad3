// SPDX-License-Identifier: GPL-2.0-or-later
// Compare Versions in the desktop: what the dialog refuses, that the comparison runs as a
// QGIS task (progress, cancel), the result layers and summary against the engine's own
// numbers, CSV, and keeping the result in the workspace.
#include "change/changeengine.h"
#include "change/summary.h"
#include "forms/comparedialog.h"
#include "forms/openworkspacedialog.h"
#include "desktoptest.h"
#include "host.h"
#include "pluginui.h"
#include "workspace/changecontroller.h"
#include "workspace/changelayers.h"
#include "workspace/changesummarydock.h"
#include "workspace/connections.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <qgstest.h>

#include <qgscategorizedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>

class TestCompare : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    //! The engine's own answer for two workspace versions, as `limes change --workspace` computes it.
    static QMap<QString, double> engineAreas( const QString &workspace, const QString &oldName, const QString &newName, QByteArray *json = nullptr,
        QgsVectorLayer *water = nullptr )
    {
      const auto store = limes::openWorkspace( workspace, QgsCoordinateTransformContext() );
      limes::VersionLayer o = store->versionLayer( store->version( oldName ) ), n = store->versionLayer( store->version( newName ) );
      limes::ChangeRequest request;
      request.oldVersion = limes::InputLayer { o.layer.get(), oldName, o.spec, o.path };
      request.newVersion = limes::InputLayer { n.layer.get(), newName, n.spec, n.path };
      request.leftParty = QStringLiteral( "KG" );
      request.rightParty = QStringLiteral( "TJ" );
      request.knownParties = store->partyCodes();
      request.maxEndGapM = 5000;
      request.minAreaM2 = 1000;
      if ( water )
        request.resources.push_back( limes::InputLayer { water, QStringLiteral( "synthetic_water_points" ), water->source(), limes::test::sampleData() } );
      const limes::ChangeResult result = limes::ChangeEngine::run( request );
      if ( json )
        *json = limes::changeSummaryJson( result );
      QMap<QString, double> areas;
      for ( const limes::Transfer &t : result.transfers )
        areas[t.from + QStringLiteral( "→" ) + t.to] += t.areaM2;
      return areas;
    }

    static QMap<QString, double> layerAreas( QgsVectorLayer *transfers )
    {
      QMap<QString, double> areas;
      QgsFeature f;
      QgsFeatureIterator it = transfers->getFeatures();
      while ( it.nextFeature( f ) )
        areas[f.attribute( QStringLiteral( "from_party" ) ).toString() + QStringLiteral( "→" ) + f.attribute( QStringLiteral( "to_party" ) ).toString()]
          += f.attribute( QStringLiteral( "area_m2" ) ).toDouble();
      return areas;
    }

    QString messageBarText() const
    {
      QgsMessageBarItem *item = mUi->host()->messageBar()->currentItem();
      return item ? item->text() : QString();
    }

    std::unique_ptr<limes::CompareDialog> dialog()
    {
      return std::make_unique<limes::CompareDialog>( mUi->session(), QgsProject::instance(), mUi->workspaceLayers()->segmentsLayer() );
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
      mWs = limes::test::makeSampleWorkspace( mDir.path() );
    }

    void init()
    {
      loadLimes();
      QVERIFY( openWorkspace() );
    }

    void cleanup()
    {
      closeDesktop();
      QgsApplication::taskManager()->cancelAll();
      QCOMPARE( QgsProject::instance()->mapLayers().size(), 0 );
    }

    void dialogSaysWhatIsMissing()
    {
      auto d = dialog();
      QPushButton *compare = d->findChild<QDialogButtonBox *>()->button( QDialogButtonBox::Ok );
      // offered: the workspace's versions; by default the first two
      QVERIFY( d->problems().isEmpty() );
      QVERIFY( compare->isEnabled() );
      QVERIFY( d->setOldVersion( QStringLiteral( "WDBII" ) ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      QVERIFY( d->problems().contains( QStringLiteral( "The old and the new version are the same." ) ) );
      QVERIFY( !compare->isEnabled() );

      // loaded layers: the parties must be named, and lines go with lines
      auto line = std::make_unique<QgsVectorLayer>( limes::test::sampleData( QStringLiteral( "boundary_dcw" ) ), QStringLiteral( "boundary_dcw" ), QStringLiteral( "ogr" ) );
      auto territories = std::make_unique<QgsVectorLayer>( limes::test::sampleData( QStringLiteral( "territories" ) ), QStringLiteral( "territories" ), QStringLiteral( "ogr" ) );
      QgsProject::instance()->addMapLayers( { line.get(), territories.get() } );
      auto d2 = dialog();
      QVERIFY( d2->setOldVersion( line->id() ) );
      QVERIFY( d2->setNewVersion( territories->id() ) );
      QVERIFY( d2->problems().contains( QStringLiteral( "Compare lines with lines and territories with territories." ) ) );
      QVERIFY( d2->setNewVersion( QStringLiteral( "WDBII" ) ) );
      QCOMPARE( d2->problems().size(), 0 ); // the party combos start on the workspace's first party each...
      d2->findChild<QComboBox *>( QStringLiteral( "mLeftCombo" ) )->setCurrentText( QStringLiteral( "TJ" ) );
      d2->findChild<QComboBox *>( QStringLiteral( "mRightCombo" ) )->setCurrentText( QStringLiteral( "TJ" ) );
      QVERIFY( d2->problems().contains( QStringLiteral( "The left and the right party are the same." ) ) );
      d2->findChild<QComboBox *>( QStringLiteral( "mLeftCombo" ) )->setCurrentText( QString() );
      QVERIFY( d2->problems().value( 0 ).startsWith( QStringLiteral( "Name the parties" ) ) );
      QgsProject::instance()->takeMapLayer( line.get() );
      QgsProject::instance()->takeMapLayer( territories.get() );
    }

    void comparisonRunsAsATaskAndMatchesTheEngine()
    {
      auto water = std::make_unique<QgsVectorLayer>( limes::test::sampleData( QStringLiteral( "synthetic_water_points" ) ), QStringLiteral( "synthetic_water_points" ), QStringLiteral( "ogr" ) );
      QgsProject::instance()->addMapLayer( water.get(), false );
      auto d = dialog();
      QVERIFY( d->setOldVersion( QStringLiteral( "DCW" ) ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      d->setSegments( nullptr );
      d->setResources( { water->id() } );
      d->setThresholds( 1000, 5000 );
      QVERIFY( d->problems().isEmpty() );
      limes::ChangeController *changes = mUi->changes();
      QSignalSpy finished( changes, &limes::ChangeController::finished );
      limes::ChangeTask *task = changes->start( d->inputs() );
      QVERIFY( task );
      QVERIFY( QgsApplication::taskManager()->tasks().contains( task ) );
      QVERIFY( task->description().contains( QStringLiteral( "DCW → WDBII" ) ) );
      QVERIFY( changes->summaryDock()->progressBar()->isVisibleTo( changes->summaryDock() ) );
      QVERIFY( !changes->start( d->inputs() ) ); // one at a time
      QTRY_VERIFY_WITH_TIMEOUT( finished.size() == 1, 120000 );
      QVERIFY2( finished.first().first().toBool(), qPrintable( messageBarText() ) );

      QgsLayerTreeGroup *group = QgsProject::instance()->layerTreeRoot()->findGroup( QStringLiteral( "Change: DCW → WDBII" ) );
      QVERIFY( group );
      QgsVectorLayer *transfers = changes->results().last()->transfers();
      QVERIFY( group->findLayer( transfers ) );
      QVERIFY( transfers->labelsEnabled() );
      QCOMPARE( dynamic_cast<QgsCategorizedSymbolRenderer *>( transfers->renderer() )->categories().size(), 2 );
      QgsProject::instance()->takeMapLayer( water.get() );
      // the water points that change sides, highlighted: one feature per point and direction
      const QList<QgsVectorLayer *> resources = changes->results().last()->resourceLayers();
      QCOMPARE( resources.size(), 1 );
      QCOMPARE( resources.first()->geometryType(), limes::geometrytype::Point );
      long long waterCount = 0;
      for ( const QJsonValue &w : QJsonDocument::fromJson( changes->summaryDock()->summaryJson() ).object().value( QStringLiteral( "water" ) ).toArray() )
        waterCount += w[QStringLiteral( "count" )].toInt();
      QVERIFY( waterCount > 0 );
      QCOMPARE( resources.first()->featureCount(), waterCount );
      QByteArray engineJson;
      const QMap<QString, double> expected = engineAreas( mWs.path, QStringLiteral( "DCW" ), QStringLiteral( "WDBII" ), &engineJson, water.get() );
      const QMap<QString, double> shown = layerAreas( transfers );
      QCOMPARE( shown.keys(), expected.keys() );
      for ( const QString &direction : expected.keys() )
        QVERIFY2( std::abs( shown[direction] - expected[direction] ) <= 1e-9 * expected[direction], qPrintable( direction ) );
      // the summary is the engine's (provenance aside: the desktop names its layers as Processing does)
      limes::ChangeSummaryDock *dock = changes->summaryDock();
      auto withoutInputs = []( const QByteArray &json ) {
        QJsonObject o = QJsonDocument::fromJson( json ).object();
        o.remove( QStringLiteral( "provenance" ) );
        return o;
      };
      QCOMPARE( withoutInputs( dock->summaryJson() ), withoutInputs( engineJson ) );
      QVERIFY( dock->keepButton()->isEnabled() );
      const QString csv = dock->table( ',' );
      QVERIFY( csv.startsWith( QStringLiteral( "section,what,from,to,count,area_m2,length_m\n" ) ) );
      const QJsonArray directions = QJsonDocument::fromJson( engineJson ).object().value( QStringLiteral( "transfers" ) ).toArray();
      for ( const QJsonValue &t : directions )
        QVERIFY2( csv.contains( QStringLiteral( ",%1,%2,%3,%4," ).arg( t[QStringLiteral( "from" )].toString(), t[QStringLiteral( "to" )].toString() )
                                .arg( t[QStringLiteral( "parts" )].toInt() ).arg( t[QStringLiteral( "area_m2" )].toDouble(), 0, 'f', 3 ) ), qPrintable( csv ) );
      const QString path = mDir.filePath( QStringLiteral( "summary.csv" ) );
      QVERIFY( dock->saveCsv( path ) );
      QFile file( path );
      QVERIFY( file.open( QIODevice::ReadOnly ) );
      QCOMPARE( QString::fromUtf8( file.readAll() ), csv );

      // kept in the workspace, as `change --store` keeps it, signed with the session's key
      mUi->signingKeys()->load( mWs.secretariatKeyFile, limes::test::passphrase() );
      const int before = mUi->session()->store().storedChanges().size();
      QTest::mouseClick( dock->keepButton(), Qt::LeftButton );
      const QList<limes::StoredChange> stored = mUi->session()->store().storedChanges();
      QCOMPARE( stored.size(), before + 1 );
      QCOMPARE( stored.last().summaryJson, dock->summaryJson() );
      QCOMPARE( stored.last().oldVersion, QStringLiteral( "DCW" ) );
      QVERIFY( !dock->keepButton()->isEnabled() );
    }

    void cancelStopsTheTask()
    {
      auto d = dialog();
      QVERIFY( d->setOldVersion( QStringLiteral( "DCW" ) ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      d->setThresholds( 1000, 5000 );
      QSignalSpy finished( mUi->changes(), &limes::ChangeController::finished );
      QVERIFY( mUi->changes()->start( d->inputs() ) );
      QTest::mouseClick( mUi->changes()->summaryDock()->cancelButton(), Qt::LeftButton );
      QTRY_VERIFY_WITH_TIMEOUT( finished.size() == 1, 120000 );
      QCOMPARE( finished.first().first().toBool(), false );
      QVERIFY( mUi->changes()->results().isEmpty() );
      QVERIFY( !QgsProject::instance()->layerTreeRoot()->findGroup( QStringLiteral( "Change: DCW → WDBII" ) ) );
      QVERIFY( !mUi->changes()->runningTask() );
    }

    void loadedLayersCannotBeKept()
    {
      auto line = std::make_unique<QgsVectorLayer>( limes::test::sampleData( QStringLiteral( "boundary_dcw" ) ), QStringLiteral( "boundary_dcw" ), QStringLiteral( "ogr" ) );
      QgsProject::instance()->addMapLayer( line.get(), false );
      auto d = dialog();
      QVERIFY( d->setOldVersion( line->id() ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      d->setThresholds( 1000, 5000 );
      d->findChild<QComboBox *>( QStringLiteral( "mLeftCombo" ) )->setCurrentText( QStringLiteral( "KG" ) );
      d->findChild<QComboBox *>( QStringLiteral( "mRightCombo" ) )->setCurrentText( QStringLiteral( "TJ" ) );
      QVERIFY2( d->problems().isEmpty(), qPrintable( d->problems().join( '\n' ) ) );
      const limes::ChangeTaskInputs inputs = d->inputs();
      QVERIFY( inputs.oldVersion.layer && inputs.oldVersion.workspaceVersion.isEmpty() );
      QCOMPARE( inputs.newVersion.workspaceVersion, QStringLiteral( "WDBII" ) );
      QSignalSpy finished( mUi->changes(), &limes::ChangeController::finished );
      QVERIFY( mUi->changes()->start( d->inputs() ) );
      QgsProject::instance()->takeMapLayer( line.get() ); // the task has its own copy
      line.reset();
      QTRY_VERIFY_WITH_TIMEOUT( finished.size() == 1, 120000 );
      QCOMPARE( finished.first().first().toBool(), true );
      QVERIFY( !mUi->changes()->summaryDock()->keepButton()->isEnabled() );
      QVERIFY( QgsProject::instance()->layerTreeRoot()->findGroup( QStringLiteral( "Change: boundary_dcw → WDBII" ) ) );
    }

    void edgesFollowTheVersions()
    {
      // a copy of the sample with versions that record their edges (as `import-version --edges`)
      const QString copy = mDir.filePath( QStringLiteral( "edges.gpkg" ) );
      QFile::remove( copy );
      QVERIFY( QFile::copy( mWs.path, copy ) );
      {
        const auto store = limes::openWorkspace( copy, QgsCoordinateTransformContext() );
        QgsVectorLayer wdbii( limes::test::sampleData( QStringLiteral( "boundary_wdbii" ) ), QStringLiteral( "boundary_wdbii" ), QStringLiteral( "ogr" ) );
        for ( const auto &[name, edges] : { std::pair<QString, QString>{ "WDBII rhumb", "rhumb" }, { "WDBII rhumb 2", "rhumb" }, { "WDBII UTM", "projected:EPSG:32642" } } )
        {
          limes::LineVersion v;
          v.name = name;
          v.kind = QStringLiteral( "draft" );
          v.leftParty = QStringLiteral( "KG" );
          v.rightParty = QStringLiteral( "TJ" );
          v.author = QStringLiteral( "test" );
          v.edges = edges;
          store->importVersion( v, &wdbii, QStringLiteral( "boundary_wdbii" ), limes::test::secretariatKey() );
        }
      }
      QVERIFY( openWorkspace( copy ) );
      auto d = dialog();
      QComboBox *edges = d->findChild<QComboBox *>( QStringLiteral( "mEdgesCombo" ) );
      // versions that record none: geodesics, the default
      QVERIFY( d->setOldVersion( QStringLiteral( "DCW" ) ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      QCOMPARE( edges->currentData().toString(), QStringLiteral( "geodesic" ) );
      // one records rhumb lines: the comparison takes them, and says whose they are
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII rhumb" ) ) );
      QCOMPARE( edges->currentData().toString(), QStringLiteral( "rhumb" ) );
      QCOMPARE( d->inputs().edges, QStringLiteral( "rhumb" ) );
      QCOMPARE( edges->toolTip(), QStringLiteral( "As version WDBII rhumb records them" ) );
      QVERIFY( d->problems().isEmpty() );
      // a map projection the treaty names is offered as it is recorded
      QVERIFY( d->setOldVersion( QStringLiteral( "WDBII UTM" ) ) );
      QCOMPARE( edges->currentData().toString(), QStringLiteral( "projected:EPSG:32642" ) );
      // two versions that record different edges: the user must choose
      QVERIFY( d->problems().contains( QStringLiteral( "Versions WDBII UTM (edges projected:EPSG:32642) and WDBII rhumb (edges rhumb) record different edges: choose which under Edges." ) ) );
      edges->setCurrentIndex( edges->findData( QStringLiteral( "geodesic" ) ) );
      emit edges->activated( edges->currentIndex() ); // as a click in the list does
      QVERIFY( d->problems().isEmpty() );
      QCOMPARE( d->inputs().edges, QStringLiteral( "geodesic" ) );
      // chosen once, the choice stays whatever versions are picked next
      QVERIFY( d->setOldVersion( QStringLiteral( "WDBII rhumb 2" ) ) );
      QCOMPARE( d->inputs().edges, QStringLiteral( "geodesic" ) );
    }

    void unloadRemovesResultsAndDock()
    {
      auto d = dialog();
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      d->setThresholds( 1000, 5000 );
      QSignalSpy finished( mUi->changes(), &limes::ChangeController::finished );
      QVERIFY( mUi->changes()->start( d->inputs() ) );
      QTRY_VERIFY_WITH_TIMEOUT( finished.size() == 1, 120000 );
      QPointer<limes::ChangeSummaryDock> dock = mUi->changes()->summaryDock();
      QVERIFY( dock );
      mUi->unload();
      QVERIFY( !dock );
      QCOMPARE( QgsProject::instance()->layerTreeRoot()->children().size(), 0 );
    }
};

QGSTEST_MAIN( TestCompare )
#include "testcompare.moc"
