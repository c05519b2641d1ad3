// SPDX-License-Identifier: GPL-2.0-or-later
// The Validate panel: its defaults (the workspace's line, segments and pillars), what it
// refuses, that validation runs as a QGIS task, that planted faults are found where they were
// planted, that a finding is zoomed to, and that an accepted finding is recorded (signed) and
// shown as accepted from then on.
#include "desktoptest.h"
#include "host.h"
#include "pluginui.h"
#include "workspace/connections.h"
#include "workspace/validatedock.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"
#include "forms/openworkspacedialog.h"

#include <QComboBox>
#include <QListWidget>
#include <QMainWindow>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtTest>
#include <qgstest.h>

#include <qgslinestring.h>
#include <qgsmapcanvas.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>

namespace
{
  //! The DCW line with two planted faults: a repeated vertex and a spike (where, returned).
  std::unique_ptr<QgsVectorLayer> plantedFaults( QgsPointXY *duplicate, QgsPointXY *spike )
  {
    QgsVectorLayer dcw( limes::test::sampleData( QStringLiteral( "boundary_dcw" ) ), QStringLiteral( "dcw" ), QStringLiteral( "ogr" ) );
    auto layer = std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326" ), QStringLiteral( "dcw_with_faults" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    QgsFeature f;
    QgsFeatureIterator it = dcw.getFeatures();
    bool planted = false;
    while ( it.nextFeature( f ) )
    {
      QgsPolylineXY line = f.geometry().asPolyline();
      if ( line.isEmpty() )
        line = f.geometry().asMultiPolyline().value( 0 );
      if ( !planted && line.size() > 60 )
      {
        *duplicate = line[20];
        line.insert( 21, line[20] );
        // 10 km out and straight back to a metre from where it left: a turn far sharper than one degree
        const QgsPointXY a = line[40];
        *spike = QgsPointXY( a.x() + 0.09, a.y() + 0.05 );
        line.insert( 41, *spike );
        line.insert( 42, QgsPointXY( a.x() + 0.00001, a.y() ) );
        planted = true;
      }
      QgsFeature g;
      g.setGeometry( QgsGeometry::fromPolylineXY( line ) );
      features << g;
    }
    layer->dataProvider()->addFeatures( features );
    return layer;
  }
}

class TestValidate : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    bool runAndWait( limes::ValidateDock *dock )
    {
      QSignalSpy finished( dock, &limes::ValidateDock::finished );
      limes::ValidateTask *task = dock->run();
      if ( !task || !QgsApplication::taskManager()->tasks().contains( task ) )
        return false;
      return QTest::qWaitFor( [&] { return finished.size() == 1; }, 120000 ) && finished.first().first().toBool();
    }

    QTreeWidgetItem *findingItem( limes::ValidateDock *dock, const QString &rule ) const
    {
      for ( QTreeWidgetItemIterator it( dock->findingsTree() ); *it; ++it )
      {
        const int i = dock->findingOf( *it );
        if ( i >= 0 && dock->result().findings[i].rule == rule )
          return *it;
      }
      return nullptr;
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
      mUi->host()->mapCanvas()->setDestinationCrs( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ) );
      QVERIFY( openWorkspace() );
    }

    void cleanup()
    {
      closeDesktop();
      QCOMPARE( QgsProject::instance()->mapLayers().size(), 0 );
    }

    void defaultsAreTheWorkspacesLayers()
    {
      limes::ValidateDock *dock = mUi->validateDock();
      QCOMPARE( dock->objectName(), QStringLiteral( "LimesValidateDock" ) );
      QCOMPARE( dock->lineCombo()->currentText(), QStringLiteral( "DCW by segment (agreed, workspace)" ) );
      const limes::ValidateTaskInputs in = dock->inputs();
      QCOMPARE( in.lineVersion, QStringLiteral( "DCW by segment" ) );
      QCOMPARE( in.workspaceTarget, mWs.path );
      QVERIFY( in.segments && in.pillars );
      QCOMPARE( in.segments->input().name, QStringLiteral( "segments" ) ); // as the workspace's tables are named
      QCOMPARE( in.pillars->input().name, QStringLiteral( "pillars" ) );
      QCOMPARE( in.segmentCodeField, QStringLiteral( "code" ) );
      QCOMPARE( in.pillarField, QStringLiteral( "number" ) );
      QCOMPARE( in.tolerance, 0.5 );
      QVERIFY( in.rules.isEmpty() ); // every rule
      QCOMPARE( dock->rulesList()->count(), limes::Validator::allRules().size() );
      QVERIFY( dock->problem().isEmpty() );
      QVERIFY( dock->runButton()->isEnabled() );
      dock->setRules( {} );
      QCOMPARE( dock->problem(), QStringLiteral( "Tick at least one rule." ) );
      QVERIFY( !dock->runButton()->isEnabled() );
      dock->setRules( { QStringLiteral( "spike" ) } );
      QCOMPARE( dock->inputs().rules, QStringList { QStringLiteral( "spike" ) } );
      QVERIFY( !dock->acceptButton()->isEnabled() ); // nothing selected
    }

    void plantedFaultsAreFoundAndShown()
    {
      QgsPointXY duplicate, spike;
      std::unique_ptr<QgsVectorLayer> faults = plantedFaults( &duplicate, &spike );
      QgsProject::instance()->addMapLayer( faults.get(), false );
      limes::ValidateDock *dock = mUi->validateDock();
      QVERIFY( dock->setLine( faults->id() ) );
      QVERIFY( runAndWait( dock ) );
      QgsProject::instance()->takeMapLayer( faults.get() );
      QTreeWidgetItem *dup = findingItem( dock, QStringLiteral( "duplicate_vertex" ) );
      QTreeWidgetItem *sharp = findingItem( dock, QStringLiteral( "spike" ) );
      QStringList found;
      for ( const limes::Finding &f : dock->result().findings )
        found << f.rule + ':' + f.message;
      QVERIFY2( dup && sharp, qPrintable( found.join( '\n' ) ) );
      const limes::Finding &spikeFinding = dock->result().findings[dock->findingOf( sharp )];
      QCOMPARE( spikeFinding.layer, QStringLiteral( "dcw_with_faults" ) );
      QVERIFY2( spikeFinding.geometry.distance( QgsGeometry::fromPointXY( spike ) ) < 1e-6, qPrintable( spikeFinding.geometry.asWkt() ) );
      QVERIFY( dock->result().findings[dock->findingOf( dup )].geometry.distance( QgsGeometry::fromPointXY( duplicate ) ) < 1e-6 );
      // grouped by rule: the heading counts its findings
      QVERIFY( sharp->parent()->text( 0 ).startsWith( QStringLiteral( "spike — " ) ) );
      QCOMPARE( sharp->text( 1 ), QStringLiteral( "error" ) );
      // the heading spans the row (never cut off by the value columns); the message is whole in the tooltip
      QVERIFY( sharp->parent()->isFirstColumnSpanned() );
      QVERIFY( sharp->toolTip( 0 ).startsWith( spikeFinding.message + QLatin1Char( '\n' ) ) );

      // a click zooms the map to the finding
      QgsMapCanvas *canvas = mUi->host()->mapCanvas();
      canvas->setExtent( QgsRectangle( 0, 0, 1, 1 ) );
      dock->findingsTree()->setCurrentItem( sharp );
      QVERIFY( canvas->extent().contains( spike ) );
      QVERIFY( canvas->extent().width() < 1 );
      QVERIFY( dock->acceptButton()->isEnabled() );
    }

    void acceptedFindingIsRecordedAndShownAsAccepted()
    {
      QgsPointXY duplicate, spike;
      std::unique_ptr<QgsVectorLayer> faults = plantedFaults( &duplicate, &spike );
      QgsProject::instance()->addMapLayer( faults.get(), false );
      limes::ValidateDock *dock = mUi->validateDock();
      QVERIFY( dock->setLine( faults->id() ) );
      dock->setRules( { QStringLiteral( "spike" ), QStringLiteral( "duplicate_vertex" ) } );
      QVERIFY( runAndWait( dock ) );
      QVERIFY( findingItem( dock, QStringLiteral( "duplicate_vertex" ) ) );
      dock->findingsTree()->setCurrentItem( findingItem( dock, QStringLiteral( "duplicate_vertex" ) ) );
      const limes::Finding finding = dock->result().findings[dock->findingOf( dock->findingsTree()->currentItem() )];
      mUi->signingKeys()->load( mWs.secretariatKeyFile, limes::test::passphrase() );
      QVERIFY( dock->acceptSelected( QStringLiteral( "digitized twice in protocol 17's annex; harmless" ) ) );
      const QList<limes::AcceptedFinding> accepted = mUi->session()->store().acceptedFindings();
      QCOMPARE( accepted.size(), 1 );
      QCOMPARE( accepted.first().rule, QStringLiteral( "duplicate_vertex" ) );
      QCOMPARE( accepted.first().layer, QStringLiteral( "dcw_with_faults" ) );
      QCOMPARE( accepted.first().fid, finding.fid );
      QVERIFY( accepted.first().ledgerEntry > 0 ); // signed, in the ledger
      QCOMPARE( dock->findingsTree()->currentItem()->text( 4 ), QStringLiteral( "accepted" ) );
      QCOMPARE( dock->findingsTree()->currentItem()->toolTip( 4 ), QStringLiteral( "digitized twice in protocol 17's annex; harmless" ) );
      QVERIFY( !dock->acceptButton()->isEnabled() );

      // from then on: a new run shows it accepted, from the workspace
      QVERIFY( runAndWait( dock ) );
      QgsProject::instance()->takeMapLayer( faults.get() );
      QTreeWidgetItem *again = findingItem( dock, QStringLiteral( "duplicate_vertex" ) );
      QCOMPARE( dock->result().findings[dock->findingOf( again )].exception, QStringLiteral( "digitized twice in protocol 17's annex; harmless" ) );
      QVERIFY( again->parent()->text( 0 ).contains( QStringLiteral( "1 accepted" ) ) );
      QVERIFY( findingItem( dock, QStringLiteral( "spike" ) )->text( 4 ).isEmpty() );
    }

    void unloadRemovesThePanel()
    {
      QPointer<limes::ValidateDock> dock = mUi->validateDock();
      mUi->unload();
      QVERIFY( !dock );
      QVERIFY( mWindow->findChildren<QDockWidget *>().isEmpty() );
    }
};

QGSTEST_MAIN( TestValidate )
#include "testvalidate.moc"
