// SPDX-License-Identifier: GPL-2.0-or-later
// The Processing algorithms under the adversary's attacks: outputs onto inputs, coordinates that
// cannot be, features that cannot be transformed, a grid finer than the data allows, an ambiguous
// datum. Each must come back as a QgsProcessingException (what the toolbox shows), never as
// anything else escaping into QGIS, and leave the input files as they were.
#include "boundarychangealgorithm.h"
#include "guard.h"
#include "testutils.h"
#include "validatealgorithm.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgsdatumtransform.h>
#include <qgsexception.h>
#include <qgslinestring.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <limits>

using namespace limes;
using namespace limes::test;

namespace
{
  QByteArray sha256( const QString &path )
  {
    QFile f( path );
    f.open( QIODevice::ReadOnly );
    return QCryptographicHash::hash( f.readAll(), QCryptographicHash::Sha256 );
  }

  //! How a run ended: "" on success, else the message of the exception that came out.
  QString outcome( const QgsProcessingAlgorithm &prototype, const QVariantMap &parameters, QgsProcessingContext &context )
  {
    std::unique_ptr<QgsProcessingAlgorithm> algorithm( prototype.create() );
    QgsProcessingFeedback feedback;
    try
    {
      bool ok = false;
      algorithm->run( parameters, context, &feedback, &ok, QVariantMap(), false ); // as QGIS calls it, exceptions and all
      return ok ? QString() : QStringLiteral( "failed without an exception" );
    }
    catch ( const QgsProcessingException &e )
    {
      return e.what();
    }
    catch ( const QgsException &e )
    {
      return QStringLiteral( "ESCAPED QgsException: " ) + e.what();
    }
    catch ( const std::exception &e )
    {
      return QStringLiteral( "ESCAPED std::exception: " ) + e.what();
    }
  }

  //! A memory layer in the context's store, from WKT (or a ready geometry) and attributes; returns its id.
  QString memoryLayer( QgsProcessingContext &context, const QString &uri, const QList<QPair<QgsGeometry, QVariantList>> &rows )
  {
    auto layer = std::make_unique<QgsVectorLayer>( uri, QStringLiteral( "fixture" ), QStringLiteral( "memory" ) );
    QgsFeatureList features;
    for ( const auto &[geometry, attributes] : rows )
    {
      QgsFeature f( layer->fields() );
      f.setGeometry( geometry );
      for ( int i = 0; i < attributes.size(); ++i )
        f.setAttribute( i, attributes[i] );
      features << f;
    }
    layer->dataProvider()->addFeatures( features );
    layer->updateExtents();
    const QString id = layer->id();
    context.temporaryLayerStore()->addMapLayer( layer.release() );
    return id;
  }

  QgsGeometry wkt( const QString &text )
  {
    return QgsGeometry::fromWkt( text );
  }

  //! Two line versions near Isfara (UTM 42N), the new one bulging north.
  QVariantMap lineVersions( QgsProcessingContext &context, const QgsGeometry &newLine = QgsGeometry() )
  {
    const QString old = memoryLayer( context, "LineString?crs=EPSG:32642", { { wkt( "LINESTRING(600000 4430000, 601000 4430000)" ), {} } } );
    const QString bulge = memoryLayer( context, "LineString?crs=EPSG:32642", { { newLine.isNull() ? wkt( "LINESTRING(600000 4430000, 600500 4430100, 601000 4430000)" ) : newLine, {} } } );
    return { { "OLD", old }, { "NEW", bulge }, { "LEFT", "KG" }, { "RIGHT", "TJ" }, { "TRANSFERS", "memory:" } };
  }
}

class TestAdversarialProcessing : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase()
    {
      initQgis();
      QVERIFY( mDir.isValid() );
      mCopy = mDir.filePath( "inputs.gpkg" );
      QVERIFY( QFile::copy( sampleData(), mCopy ) );
      mHash = sha256( mCopy );
    }

    void outputOntoAnInputIsRefused_data()
    {
      QTest::addColumn<QString>( "algorithm" );
      QTest::addColumn<QString>( "output" );      //!< the parameter pointed at the input file
      QTest::addColumn<QString>( "destination" ); //!< %1: the inputs' file
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "TRANSFERS onto OLD" ) << "change" << "TRANSFERS" << "%1" << "TRANSFERS is the same file as the OLD input";
      QTest::newRow( "NOISE onto OLD, as a layer" ) << "change" << "NOISE" << "ogr:dbname='%1' table=\"noise\" (geom)" << "NOISE is the same file as the OLD input";
      QTest::newRow( "SUMMARY onto the inputs' file" ) << "change" << "SUMMARY" << "%1" << "SUMMARY is the same file as the OLD input";
      QTest::newRow( "OUTPUT onto LINE" ) << "validate" << "OUTPUT" << "%1" << "OUTPUT is the same file as the LINE input";
      QTest::newRow( "OUTPUT onto LINE, through .." ) << "validate" << "OUTPUT" << "%1/../inputs.gpkg" << "OUTPUT is the same file as the LINE input";
      QTest::newRow( "SUMMARY onto LINE" ) << "validate" << "SUMMARY" << "%1" << "SUMMARY is the same file as the LINE input";
    }

    void outputOntoAnInputIsRefused()
    {
      QFETCH( QString, algorithm );
      QFETCH( QString, output );
      QFETCH( QString, destination );
      QFETCH( QString, message );
      QgsProcessingContext context;
      const QString target = destination.contains( "/../" ) ? destination.arg( mDir.filePath( "sub" ) ) : destination.arg( mCopy );
      QDir( mDir.path() ).mkpath( "sub" );
      QVariantMap parameters;
      QString result;
      if ( algorithm == "change" )
      {
        parameters = { { "OLD", mCopy + "|layername=boundary_dcw" }, { "NEW", sampleData( "boundary_wdbii" ) }, { "SEGMENTS", mCopy + "|layername=segments" },
          { "LEFT", "KG" }, { "RIGHT", "TJ" }, { "MAX_END_GAP", 5000 }, { "TRANSFERS", "memory:" }, { "NOISE", "memory:" } };
        parameters[output] = target;
        result = outcome( BoundaryChangeAlgorithm(), parameters, context );
      }
      else
      {
        parameters = { { "LINE", mCopy + "|layername=boundary_dcw" }, { "OUTPUT", "memory:" } };
        parameters[output] = target;
        result = outcome( ValidateAlgorithm(), parameters, context );
      }
      QVERIFY2( result.contains( message ), qPrintable( result ) );
      QCOMPARE( sha256( mCopy ), mHash );
    }

    void outputsAsLayersOfOneFileAreAllowed()
    {
      QgsProcessingContext context;
      const QString out = mDir.filePath( "out.gpkg" );
      QVariantMap parameters = lineVersions( context );
      parameters["TRANSFERS"] = QStringLiteral( "ogr:dbname='%1' table=\"transfers\" (geom)" ).arg( out );
      parameters["NOISE"] = QStringLiteral( "ogr:dbname='%1' table=\"noise\" (geom)" ).arg( out );
      QCOMPARE( outcome( BoundaryChangeAlgorithm(), parameters, context ), QString() );
      parameters["NOISE"] = out;
      QVERIFY( outcome( BoundaryChangeAlgorithm(), parameters, context ).contains( "TRANSFERS and NOISE are the same file" ) );
    }

    void coordinatesThatCannotBeAreRefused_data()
    {
      QTest::addColumn<double>( "value" );
      QTest::newRow( "NaN" ) << std::numeric_limits<double>::quiet_NaN();
      QTest::newRow( "infinity" ) << std::numeric_limits<double>::infinity();
      QTest::newRow( "1e300" ) << 1e300;
    }

    void coordinatesThatCannotBeAreRefused()
    {
      QFETCH( double, value );
      QgsProcessingContext context;
      const QgsGeometry bad( new QgsLineString( QVector<double> { 600000, 600500, 601000 }, QVector<double> { 4430000, value, 4430000 } ) );
      const QString message = outcome( BoundaryChangeAlgorithm(), lineVersions( context, bad ), context );
      QVERIFY2( message.contains( QRegularExpression( "new version .*: feature 1: coordinate \\(600500, .*\\) (is not finite|cannot be a position)" ) ), qPrintable( message ) );
      const QString line = memoryLayer( context, "LineString?crs=EPSG:32642", { { bad, {} } } );
      const QString found = outcome( ValidateAlgorithm(), { { "LINE", line }, { "OUTPUT", "memory:" } }, context );
      QVERIFY2( found.contains( QRegularExpression( "line .*: feature 1: coordinate \\(600500, " ) ), qPrintable( found ) );
    }

    void surveyFieldsInMetresInAWgs84LayerAreRefused()
    {
      // once a QgsCsException escaping processAlgorithm: QGIS itself would go down
      QgsProcessingContext context;
      const QString line = memoryLayer( context, "LineString?crs=EPSG:4326", { { wkt( "LINESTRING(70.1 40.0, 70.2 40.0)" ), {} } } );
      const QString pillars = memoryLayer( context, "Point?crs=EPSG:4326&field=number:string&field=surveyed_x:double&field=surveyed_y:double",
      { { wkt( "POINT(70.2 40.0)" ), { "7", 591000.0, 4428000.0 } } } );
      const QString message = outcome( ValidateAlgorithm(), { { "LINE", line }, { "PILLARS", pillars }, { "OUTPUT", "memory:" } }, context );
      QVERIFY2( message.contains( "feature 1 (pillar 7): surveyed position: coordinate (591000, 4428000) is not a longitude and latitude" ), qPrintable( message ) );
    }

    void featureThatCannotBeTransformedStopsTheRun()
    {
      // QGIS's own callback logs the failure and drops the geometry: a spring silently missing
      QgsProcessingContext context;
      bool contextCallbackCalled = false;
      context.setTransformErrorCallback( [&]( const QgsFeature & ) { contextCallbackCalled = true; } );
      QVariantMap parameters = lineVersions( context );
      parameters["RESOURCES"] = QStringList{ memoryLayer( context, "Point?crs=EPSG:4326", { { wkt( "POINT(70.5 40.0)" ), {} }, { wkt( "POINT(159 0)" ), {} } } ) };
      const QString message = outcome( BoundaryChangeAlgorithm(), parameters, context );
      QVERIFY2( message.contains( "resource layer" ) && message.contains( "feature 2 cannot be transformed to the working CRS" ), qPrintable( message ) );
      QVERIFY( !contextCallbackCalled );
      // and the context's own callback is back for the algorithms after this one
      context.transformErrorCallback()( QgsFeature() );
      QVERIFY( contextCallbackCalled );
    }

    void gridFinerThanTheDataAllowsIsRefused()
    {
      QgsProcessingContext context;
      QVariantMap parameters = lineVersions( context );
      parameters["GRID"] = 2e-6;
      const QString message = outcome( BoundaryChangeAlgorithm(), parameters, context );
      QVERIFY2( message.contains( QRegularExpression( "the smallest grid allowed is 4\\.4e-06 m$" ) ), qPrintable( message ) );
      parameters["GRID"] = 1e-5;
      QCOMPARE( outcome( BoundaryChangeAlgorithm(), parameters, context ), QString() );
    }

    void ambiguousDatumIsRefusedUnlessTheContextNamesTheWay()
    {
      const QgsCoordinateReferenceSystem pulkovo( "EPSG:4284" ), utm( "EPSG:32642" );
      QgsProcessingContext context;
      const QString old = memoryLayer( context, "LineString?crs=EPSG:4284", { { wkt( "LINESTRING(70.50 40.00, 70.52 40.00)" ), {} } } );
      const QString bulge = memoryLayer( context, "LineString?crs=EPSG:4284", { { wkt( "LINESTRING(70.50 40.00, 70.51 40.002, 70.52 40.00)" ), {} } } );
      const QVariantMap parameters{ { "OLD", old }, { "NEW", bulge }, { "LEFT", "KG" }, { "RIGHT", "TJ" }, { "TRANSFERS", "memory:" } };
      QVERIFY( outcome( BoundaryChangeAlgorithm(), parameters, context ).contains( "from EPSG:4284 to EPSG:32642 is ambiguous" ) );
      QVERIFY( outcome( ValidateAlgorithm(), { { "LINE", old }, { "OUTPUT", "memory:" } }, context ).contains( "from EPSG:4284 to EPSG:32642 is ambiguous" ) );
      // the commission's choice, in the project's transform context
      QgsCoordinateTransformContext agreed;
      const QList<QgsDatumTransform::TransformDetails> ways = QgsDatumTransform::operations( pulkovo, utm );
      QVERIFY( !ways.isEmpty() );
      agreed.addCoordinateOperation( pulkovo, utm, ways.first().proj );
      context.setTransformContext( agreed );
      QCOMPARE( outcome( BoundaryChangeAlgorithm(), parameters, context ), QString() );
    }

    void guardTurnsEveryExceptionIntoAProcessingError()
    {
      auto message = []( const std::function<void()> &body ) {
        try
        {
          processing::guarded( [&] { body(); return QVariantMap(); } );
        }
        catch ( const QgsProcessingException &e )
        {
          return e.what();
        }
        return QString();
      };
      QCOMPARE( message( [] { throw QgsCsException( "no way from here" ); } ), QStringLiteral( "cannot transform coordinates: no way from here" ) );
      QCOMPARE( message( [] { throw std::runtime_error( "bad" ); } ), QStringLiteral( "internal error: bad" ) );
      QCOMPARE( message( [] { throw QgsProcessingException( "as is" ); } ), QStringLiteral( "as is" ) );
    }

  private:
    QTemporaryDir mDir;
    QString mCopy;
    QByteArray mHash;
};

QGSTEST_MAIN( TestAdversarialProcessing )
#include "testprocessing.moc"
