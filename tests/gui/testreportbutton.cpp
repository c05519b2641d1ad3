// SPDX-License-Identifier: GPL-2.0-or-later
// The Compare dialog's Report… button: offered when the comparison can start and segments are
// chosen; the report it writes (the comparison in QGIS's task manager, the layouts on the main
// thread) says the engine's own figures for the same inputs, in Russian.
#include "change/changeengine.h"
#include "change/summary.h"
#include "forms/comparedialog.h"
#include "forms/openworkspacedialog.h"
#include "desktoptest.h"
#include "host.h"
#include "pluginui.h"
#include "workspace/connections.h"
#include "workspace/workspacelayers.h"
#include "workspace/workspacesession.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMainWindow>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsproject.h>
#include <qgstaskmanager.h>

class TestReportButton : public limes::test::DesktopTest
{
    Q_OBJECT

  private:
    std::unique_ptr<limes::CompareDialog> dialog()
    {
      return std::make_unique<limes::CompareDialog>( mUi->session(), QgsProject::instance(), mUi->workspaceLayers()->segmentsLayer() );
    }

    //! The engine's summary for DCW → WDBII with the workspace's segments, as `limes change --workspace` computes it.
    QJsonObject engineSummary( QgsVectorLayer *segments )
    {
      const auto store = limes::openWorkspace( mWs.path, QgsCoordinateTransformContext() );
      limes::VersionLayer o = store->versionLayer( store->version( QStringLiteral( "DCW" ) ) );
      limes::VersionLayer n = store->versionLayer( store->version( QStringLiteral( "WDBII" ) ) );
      limes::ChangeRequest request;
      request.oldVersion = limes::InputLayer { o.layer.get(), QStringLiteral( "DCW" ), o.spec, o.path };
      request.newVersion = limes::InputLayer { n.layer.get(), QStringLiteral( "WDBII" ), n.spec, n.path };
      request.leftParty = QStringLiteral( "KG" );
      request.rightParty = QStringLiteral( "TJ" );
      request.knownParties = store->partyCodes();
      request.segments = limes::InputLayer { segments, QStringLiteral( "segments" ), segments->source(), QString() };
      request.maxEndGapM = 5000;
      request.minAreaM2 = 1000;
      return limes::changeSummary( limes::ChangeEngine::run( request ) );
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
    }

    void offeredOnlyWithSegments()
    {
      auto d = dialog();
      auto *report = d->findChild<QPushButton *>( QStringLiteral( "mReportButton" ) );
      QVERIFY( report );
      QCOMPARE( report->text(), QStringLiteral( "Report…" ) );
      QVERIFY( d->setOldVersion( QStringLiteral( "DCW" ) ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      QVERIFY( report->isEnabled() );
      // for a person to look at: the dialog with its Report… button (in the test's directory)
      d->show();
      QVERIFY( d->grab().save( QDir::current().filePath( QStringLiteral( "compare-dialog-report-button.png" ) ) ) );
      d->setSegments( nullptr ); // a page per changed segment: no segments, no report
      QVERIFY( !report->isEnabled() );
      QVERIFY( d->setNewVersion( QStringLiteral( "DCW" ) ) ); // nor when the comparison cannot start
      QVERIFY( !report->isEnabled() );
    }

    void writesTheEnginesFigures()
    {
      QgsVectorLayer *segments = mUi->workspaceLayers()->segmentsLayer();
      QVERIFY( segments );
      auto d = dialog();
      QVERIFY( d->setOldVersion( QStringLiteral( "DCW" ) ) );
      QVERIFY( d->setNewVersion( QStringLiteral( "WDBII" ) ) );
      d->setThresholds( 1000, 5000 );
      const QString pdf = mDir.filePath( QStringLiteral( "desktop-report.pdf" ) );
      const limes::report::ReportFiles files = d->writeReport( pdf, QStringLiteral( "ru" ) );
      QVERIFY( QFile::exists( pdf ) );
      QVERIFY( QFile::exists( files.geoPackage ) );
      QVERIFY( files.segments > 0 );
      QCOMPARE( files.pages, files.segments + 5 ); // cover, 2 summary pages and one more of the per-segment table, the annex

      QProcess pdftotext;
      pdftotext.setProgram( QStringLiteral( "pdftotext" ) );
      pdftotext.setArguments( { QStringLiteral( "-layout" ), pdf, QStringLiteral( "-" ) } );
      pdftotext.open(); // start() with the program set: the form clazy's Qt 6 check accepts
      QVERIFY( pdftotext.waitForFinished( 60000 ) );
      const QString text = QString::fromUtf8( pdftotext.readAllStandardOutput() );
      QVERIFY( text.contains( QStringLiteral( "Отчёт об изменении линии границы" ) ) );
      const QJsonObject summary = engineSummary( segments );
      const QJsonArray transfers = summary[QStringLiteral( "transfers" )].toArray();
      QCOMPARE( transfers.size(), 2 );
      for ( const QJsonValue &t : transfers )
      {
        // hectares with four decimals and a decimal comma, as the Russian report writes them
        const QString ha = QString::number( t[QStringLiteral( "area_m2" )].toDouble() / 1e4, 'f', 4 ).replace( QLatin1Char( '.' ), QLatin1Char( ',' ) );
        QVERIFY2( text.contains( ha ), qPrintable( ha ) );
      }
      for ( const QJsonValue &s : summary[QStringLiteral( "segments" )].toArray() )
      {
        const QString ha = QString::number( s[QStringLiteral( "area_m2" )].toDouble() / 1e4, 'f', 4 ).replace( QLatin1Char( '.' ), QLatin1Char( ',' ) );
        QVERIFY2( text.contains( ha ), qPrintable( s[QStringLiteral( "code" )].toString() + QLatin1Char( ' ' ) + ha ) );
      }
    }
};

QGSTEST_MAIN( TestReportButton )
#include "testreportbutton.moc"
