// SPDX-License-Identifier: GPL-2.0-or-later
// Digitize Claim and Draft from Version on the real controller, form and panel (offscreen, a
// plain window): the reference each segment is drawn against by default, the preview following
// the line, a line the end rule refuses (one message-bar line, nothing stored) and a claim
// stored; the map tool's mouse and keys are the e2e's (tests/e2e/check_digitize.py).
#include "claim/claimline.h"
#include "digitize/claimcapturetool.h"
#include "digitize/claimcontroller.h"
#include "digitize/claimpreviewdock.h"
#include "digitize/digitizeclaimdialog.h"
#include "forms/openworkspacedialog.h"
#include "desktoptest.h"
#include "host.h"
#include "pluginui.h"
#include "workspace/connections.h"
#include "workspace/workspacesession.h"
#include "workspace/workspacestore.h"

#include <QMainWindow>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

class TestDigitizeClaim : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    const limes::WorkspaceData &data() const { return mUi->session()->data(); }

    //! S-003's end turning points with the KG claim's vertices between them, WGS 84.
    QgsPolylineXY course() const
    {
      const QList<limes::claim::EndPoint> ends = limes::claim::segmentEnds( mUi->session()->store(), QStringLiteral( "S-003" ) );
      const limes::VersionLayer kg = mUi->session()->store().versionLayer( mUi->session()->store().version( QStringLiteral( "KG claim S-003" ) ) );
      QgsFeature f;
      kg.layer->getFeatures().nextFeature( f );
      QgsPolylineXY line = f.geometry().asPolyline();
      if ( line.size() < 3 || ends.size() < 2 )
        return QgsPolylineXY();
      line.first() = ends[0].point;
      line.last() = ends[1].point;
      return line;
    }

    double previewed( const QString &key ) const
    {
      const QTableWidget *table = mUi->claims()->dock()->table();
      for ( int r = 0; r < table->rowCount(); ++r )
        if ( table->item( r, 1 )->data( Qt::UserRole + 1 ).toString() == key )
          return table->item( r, 1 )->data( Qt::UserRole ).toDouble();
      return std::numeric_limits<double>::quiet_NaN();
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
    }

    void init()
    {
      mWs = limes::test::makeSampleWorkspace( mDir.path() );
      loadLimes();
      QVERIFY( openWorkspace() );
    }

    void cleanup()
    {
      mUi.reset();
      QgsProject::instance()->removeAllMapLayers();
      delete mWindow;
    }

    void defaultReference()
    {
      using limes::DigitizeClaimDialog;
      // S-001 is agreed on "DCW by segment"; S-003 has both parties' claims and no agreement
      QCOMPARE( DigitizeClaimDialog::defaultReference( data(), "S-001", "TJ" ), QStringLiteral( "DCW by segment" ) );
      QCOMPARE( DigitizeClaimDialog::defaultReference( data(), "S-003", "TJ" ), QStringLiteral( "KG claim S-003" ) );
      QCOMPARE( DigitizeClaimDialog::defaultReference( data(), "S-003", "KG" ), QStringLiteral( "TJ claim S-003" ) );
      // S-002: nothing agreed, no claim: where it runs now
      QCOMPARE( DigitizeClaimDialog::defaultReference( data(), "S-002", "TJ" ), QStringLiteral( "DCW by segment" ) );
      QVERIFY( DigitizeClaimDialog::defaultReference( data(), "S-999", "TJ" ).isEmpty() );
      // the form offers it, and the versions that have lines for the segment
      DigitizeClaimDialog dialog( data(), "S-003", "KG", QgsProject::instance() );
      QCOMPARE( dialog.reference(), QStringLiteral( "TJ claim S-003" ) );
      QVERIFY( dialog.setReference( "DCW by segment" ) );
      QVERIFY( !dialog.setReference( "WDBII" ) ); // no segment codes: no lines for S-003
    }

    void previewFollowsTheLine()
    {
      QVERIFY( mUi->claims()->begin( "S-003", "TJ", "KG claim S-003", {} ) );
      limes::ClaimCaptureTool *tool = mUi->claims()->tool();
      QVERIFY( tool );
      QCOMPARE( mUi->host()->mapCanvas()->mapTool(), tool );
      QVERIFY( mUi->digitizeAction()->isChecked() );
      QVERIFY( mUi->claims()->previewResult().transfers.empty() );
      const QgsPolylineXY c = course();
      // from the start, 1 km east of the course's middle, to the end: land moves
      QgsPolylineXY drawn { c.first(), QgsPointXY( c[c.size() / 2].x() + 0.012, c[c.size() / 2].y() ), c.last() };
      emit tool->lineChanged( drawn );
      QCoreApplication::processEvents(); // the update queued for the event loop (mouse moves collapse into one)
      QVERIFY( !mUi->claims()->previewResult().transfers.empty() );
      double moved = 0;
      for ( const limes::Transfer &t : mUi->claims()->previewResult().transfers )
        moved += t.areaM2;
      QCOMPARE( previewed( "transfer:KG:TJ" ) + previewed( "transfer:TJ:KG" ), moved );
      QCOMPARE( previewed( "net:TJ" ), -previewed( "net:KG" ) );
      // Esc: back to the reference
      emit tool->captureCancelled();
      QVERIFY( mUi->claims()->previewResult().transfers.empty() );
      QCOMPARE( previewed( "transfer:KG:TJ" ), 0.0 );
    }

    void refusedAndStored()
    {
      QVERIFY( mUi->claims()->begin( "S-003", "TJ", "KG claim S-003", {} ) );
      limes::ClaimCaptureTool *tool = mUi->claims()->tool();
      const QgsPolylineXY c = course();
      const int versions = data().versions.size();
      // ends 0.01 degrees (about 1 km) short of S-003's end: refused before any key is asked
      emit tool->lineFinished( { c.first(), QgsPointXY( c.last().x() + 0.01, c.last().y() ) } );
      QgsMessageBarItem *item = mUi->host()->messageBar()->currentItem();
      QVERIFY( item );
      QVERIFY2( item->text().contains( QStringLiteral( "the line ends" ) ), qPrintable( item->text() ) );
      QCOMPARE( limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() )->versions().size(), versions );
      // drawn from the far end: stored turned round, its ends exactly on the course's
      mUi->signingKeys()->load( mWs.tjKeyFile, limes::test::passphrase() );
      QgsPolylineXY back { c.last(), QgsPointXY( c[c.size() / 2].x() - 0.01, c[c.size() / 2].y() ), c.first() };
      QSignalSpy stored( mUi->claims(), &limes::ClaimController::claimStored );
      emit tool->lineFinished( back );
      QCOMPARE( stored.count(), 1 );
      const QString name = stored.at( 0 ).at( 0 ).toString();
      QCOMPARE( name, QStringLiteral( "TJ claim S-003 (digitized)" ) );
      const auto store = limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() );
      QCOMPARE( store->version( name ).kind, QStringLiteral( "claim" ) );
      const limes::VersionLayer layer = store->versionLayer( store->version( name ) );
      QgsFeature f;
      QVERIFY( layer.layer->getFeatures().nextFeature( f ) );
      const QgsPolylineXY line = f.geometry().asPolyline();
      QCOMPARE( line.first(), c.first() );
      QCOMPARE( line.last(), c.last() );
      QVERIFY( data().version( name ) ); // the session read it again
    }

    void draftSaved()
    {
      mUi->signingKeys()->load( mWs.secretariatKeyFile, limes::test::passphrase() );
      QVERIFY( mUi->claims()->beginDraft( "S-003", "KG claim S-003", {} ) );
      QgsVectorLayer *draft = mUi->claims()->draftLayer();
      QVERIFY( draft && draft->isEditable() );
      QVERIFY( QgsProject::instance()->mapLayer( draft->id() ) );
      QgsFeature f;
      QVERIFY( draft->getFeatures().nextFeature( f ) );
      QgsPolylineXY line = f.geometry().asPolyline();
      line[line.size() / 2].setX( line[line.size() / 2].x() + 0.005 );
      QgsGeometry moved = QgsGeometry::fromPolylineXY( line );
      QVERIFY( draft->changeGeometry( f.id(), moved ) );
      QCoreApplication::processEvents(); // the update queued for the event loop (mouse moves collapse into one)
      QVERIFY( !mUi->claims()->previewResult().transfers.empty() );
      const QString id = draft->id();
      QVERIFY( mUi->claims()->saveDraft() );
      QVERIFY( !QgsProject::instance()->mapLayer( id ) );
      const auto store = limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() );
      const limes::LineVersion v = store->version( "S-003 draft from KG claim S-003" );
      QCOMPARE( v.kind, QStringLiteral( "draft" ) );
      const limes::VersionLayer layer = store->versionLayer( v );
      QVERIFY( layer.layer->getFeatures().nextFeature( f ) );
      QCOMPARE( f.geometry().asPolyline()[line.size() / 2], line[line.size() / 2] );
    }
};

QGSTEST_MAIN( TestDigitizeClaim )
#include "testdigitizeclaim.moc"
