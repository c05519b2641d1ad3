// SPDX-License-Identifier: GPL-2.0-or-later
// limes:changereport as the toolbox, the modeller and processing.run call it: the report it
// writes says the figures of limes:boundarychange on the same inputs (read back with
// pdftotext), it runs on the main thread, and bad input comes back as a Processing error with
// nothing written.
#include "boundarychangealgorithm.h"
#include "changereportalgorithm.h"
#include "testutils.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

using namespace limes;

class TestChangeReportAlgorithm : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir mDir;

    static QString sample( const QString &layer )
    {
      return QStringLiteral( LIMES_SOURCE_DIR "/sampledata/fergana.gpkg|layername=%1" ).arg( layer );
    }

    QVariantMap inputs() const
    {
      return { { QStringLiteral( "OLD" ), sample( QStringLiteral( "boundary_dcw" ) ) }, { QStringLiteral( "NEW" ), sample( QStringLiteral( "boundary_wdbii" ) ) },
        { QStringLiteral( "LEFT" ), QStringLiteral( "KG" ) }, { QStringLiteral( "RIGHT" ), QStringLiteral( "TJ" ) },
        { QStringLiteral( "SEGMENTS" ), sample( QStringLiteral( "segments" ) ) },
        { QStringLiteral( "RESOURCES" ), QStringList{ sample( QStringLiteral( "synthetic_canals" ) ), sample( QStringLiteral( "synthetic_reservoirs" ) ) } },
        { QStringLiteral( "MIN_AREA" ), 1000 }, { QStringLiteral( "MAX_END_GAP" ), 5000 } };
    }

    //! Runs as QGIS runs it; "" on success, else the Processing error's text.
    static QString run( QgsProcessingAlgorithm &prototype, const QVariantMap &parameters, QVariantMap *results = nullptr )
    {
      std::unique_ptr<QgsProcessingAlgorithm> algorithm( prototype.create() );
      QgsProcessingContext context;
      context.setProject( QgsProject::instance() );
      QgsProcessingFeedback feedback;
      try
      {
        bool ok = false;
        const QVariantMap r = algorithm->run( parameters, context, &feedback, &ok, QVariantMap(), false );
        if ( results )
          *results = r;
        return ok ? QString() : QStringLiteral( "failed without an exception" );
      }
      catch ( const QgsProcessingException &e )
      {
        return e.what();
      }
    }

  private slots:
    void initTestCase()
    {
      limes::test::initQgis();
    }

    void mainThreadOnly()
    {
      ChangeReportAlgorithm algorithm;
      QVERIFY( algorithm.flags() & limes::compat::NoThreading );
      QCOMPARE( algorithm.name(), QStringLiteral( "changereport" ) );
    }

    void reportSaysTheChangeFigures()
    {
      // the change as limes:boundarychange computes it, its summary as JSON
      BoundaryChangeAlgorithm change;
      QVariantMap parameters = inputs();
      const QString summaryPath = mDir.filePath( QStringLiteral( "summary.json" ) );
      parameters.insert( QStringLiteral( "TRANSFERS" ), QStringLiteral( "TEMPORARY_OUTPUT" ) );
      parameters.insert( QStringLiteral( "SUMMARY" ), summaryPath );
      QCOMPARE( run( change, parameters ), QString() );
      QFile file( summaryPath );
      QVERIFY( file.open( QIODevice::ReadOnly ) );
      const QJsonObject summary = QJsonDocument::fromJson( file.readAll() ).object();

      ChangeReportAlgorithm report;
      parameters = inputs();
      const QString pdf = mDir.filePath( QStringLiteral( "annex.pdf" ) );
      parameters.insert( QStringLiteral( "OUTPUT" ), pdf );
      parameters.insert( QStringLiteral( "LANGUAGE" ), 1 ); // Russian
      QVariantMap results;
      QCOMPARE( run( report, parameters, &results ), QString() );
      QCOMPARE( results.value( QStringLiteral( "OUTPUT" ) ).toString(), pdf );
      QVERIFY( QFile::exists( mDir.filePath( QStringLiteral( "annex.gpkg" ) ) ) );
      QVERIFY( QFile::exists( mDir.filePath( QStringLiteral( "annex-segments.csv" ) ) ) );
      QVERIFY( results.value( QStringLiteral( "PAGES" ) ).toInt() > 30 );

      QProcess pdftotext;
      pdftotext.setProgram( QStringLiteral( "pdftotext" ) );
      pdftotext.setArguments( { QStringLiteral( "-layout" ), pdf, QStringLiteral( "-" ) } );
      pdftotext.open(); // start() with the program set: the form clazy's Qt 6 check accepts
      QVERIFY( pdftotext.waitForFinished( 60000 ) );
      const QString text = QString::fromUtf8( pdftotext.readAllStandardOutput() );
      QVERIFY( text.contains( QStringLiteral( "Отчёт об изменении линии границы" ) ) );
      int figures = 0;
      for ( const char *table : { "transfers", "segments" } )
        for ( const QJsonValue &row : summary[QLatin1String( table )].toArray() )
        {
          const QString ha = QString::number( row[QStringLiteral( "area_m2" )].toDouble() / 1e4, 'f', 4 ).replace( QLatin1Char( '.' ), QLatin1Char( ',' ) );
          QVERIFY2( text.contains( ha ), qPrintable( QStringLiteral( "%1 %2" ).arg( QLatin1String( table ), ha ) ) );
          ++figures;
        }
      QVERIFY( figures > 30 );
    }

    void pillarsFromALayer()
    {
      // versions from files: the pillars come from PILLARS; without it the page says none were given
      ChangeReportAlgorithm report;
      for ( const bool withPillars : { false, true } )
      {
        QVariantMap parameters = inputs();
        const QString pdf = mDir.filePath( withPillars ? QStringLiteral( "pillars.pdf" ) : QStringLiteral( "nopillars.pdf" ) );
        parameters.insert( QStringLiteral( "OUTPUT" ), pdf );
        parameters.insert( QStringLiteral( "SEGMENT_CODES" ), QStringLiteral( "S-003" ) );
        if ( withPillars )
          parameters.insert( QStringLiteral( "PILLARS" ), sample( QStringLiteral( "pillars" ) ) );
        QCOMPARE( run( report, parameters ), QString() );
        QFile csv( mDir.filePath( withPillars ? QStringLiteral( "pillars-pillars.csv" ) : QStringLiteral( "nopillars-pillars.csv" ) ) );
        QVERIFY( csv.open( QIODevice::ReadOnly ) );
        const QList<QByteArray> rows = csv.readAll().trimmed().split( '\n' );
        // S-003 has 8 sample pillars
        QCOMPARE( rows.size() - 1, withPillars ? 8 : 0 );
        QProcess pdftotext;
        pdftotext.setProgram( QStringLiteral( "pdftotext" ) );
        pdftotext.setArguments( { pdf, QStringLiteral( "-" ) } );
        pdftotext.open();
        QVERIFY( pdftotext.waitForFinished( 60000 ) );
        const QString text = QString::fromUtf8( pdftotext.readAllStandardOutput() );
        QCOMPARE( text.contains( QStringLiteral( "No pillars were given for this report" ) ), !withPillars );
        if ( withPillars )
          QVERIFY( text.contains( QString::fromUtf8( rows.last().split( ',' ).value( 1 ) ) ) );
      }
    }

    void badInputIsAProcessingError()
    {
      ChangeReportAlgorithm report;
      QVariantMap parameters = inputs();
      const QString pdf = mDir.filePath( QStringLiteral( "bad.pdf" ) );
      parameters.insert( QStringLiteral( "OUTPUT" ), pdf );
      const QString notALayout = mDir.filePath( QStringLiteral( "notalayout.qpt" ) );
      QFile f( notALayout );
      QVERIFY( f.open( QIODevice::WriteOnly ) );
      f.write( "<Project/>" );
      f.close();
      parameters.insert( QStringLiteral( "TEMPLATE" ), notALayout );
      QVERIFY( run( report, parameters ).contains( QStringLiteral( "not a layout template" ) ) );
      QVERIFY( !QFile::exists( pdf ) );

      parameters = inputs();
      parameters.insert( QStringLiteral( "OUTPUT" ), pdf );
      parameters.insert( QStringLiteral( "SEGMENT_CODES" ), QStringLiteral( "S-010" ) ); // no change there
      QVERIFY( run( report, parameters ).contains( QStringLiteral( "has no change" ) ) );
      QVERIFY( !QFile::exists( pdf ) );
      parameters.insert( QStringLiteral( "SEGMENT_CODES" ), QStringLiteral( "S-003, S-999" ) ); // no such segment
      QVERIFY( run( report, parameters ).contains( QStringLiteral( "unknown segment 'S-999'" ) ) );
      QVERIFY( !QFile::exists( pdf ) );
      QVERIFY( !QFile::exists( mDir.filePath( QStringLiteral( "bad.gpkg" ) ) ) );
    }
};

QGSTEST_MAIN( TestChangeReportAlgorithm )
#include "testchangereportalgorithm.moc"
