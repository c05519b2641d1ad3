// SPDX-License-Identifier: GPL-2.0-or-later
#include "error.h"
#include "qgiscompat.h"
#include "layersource.h"
#include "testutils.h"

#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>
#include <qgsvectorlayer.h>

using limes::LayerSource;

class TestLayerSource : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void parse_data()
    {
      QTest::addColumn<QString>( "spec" );
      QTest::addColumn<QString>( "path" );
      QTest::addColumn<QString>( "layer" );
      QTest::addColumn<QString>( "display" );
      QTest::newRow( "plain file" ) << "/data/rivers.shp" << "/data/rivers.shp" << "" << "rivers";
      QTest::newRow( "layername" ) << "/d/f.gpkg|layername=springs" << "/d/f.gpkg" << "springs" << "springs";
      QTest::newRow( "case-insensitive key" ) << "f.gpkg|LayerName=canals" << "f.gpkg" << "canals" << "canals";
      QTest::newRow( "name with spaces" ) << "f.gpkg|layername=water intakes" << "f.gpkg" << "water intakes" << "water intakes";
      QTest::newRow( "dotted base name" ) << "claims.v2.geojson" << "claims.v2.geojson" << "" << "claims.v2";
    }

    void parse()
    {
      QFETCH( QString, spec );
      const LayerSource source( spec );
      QTEST( source.path(), "path" );
      QTEST( source.layerName(), "layer" );
      QTEST( source.displayName(), "display" );
    }

    void parseRejects_data()
    {
      QTest::addColumn<QString>( "spec" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "empty" ) << "" << "empty path";
      QTest::newRow( "unknown option" ) << "f.gpkg|layerid=3" << "unknown source option 'layerid=3'";
    }

    void parseRejects()
    {
      QFETCH( QString, spec );
      QFETCH( QString, message );
      try
      {
        LayerSource source( spec );
        QFAIL( "no error" );
      }
      catch ( const limes::Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
      }
    }

    void openErrorsNameTheSource_data()
    {
      QTest::addColumn<QString>( "spec" );
      QTest::addColumn<QString>( "message" );
      const QString gpkg = limes::test::sampleData();
      QTest::newRow( "missing file" ) << "/nonexistent/x.gpkg" << "/nonexistent/x.gpkg: no such file";
      QTest::newRow( "missing layer" ) << gpkg + "|layername=nope" << gpkg + ": no layer named 'nope' (layers: territories, ";
      QTest::newRow( "ambiguous multi-layer file" ) << gpkg << gpkg + ": holds 10 layers";
      QTest::newRow( "directory" ) << limes::test::sourcePath( "sampledata" ) << "is a directory";
      QTest::newRow( "not vector data" ) << limes::test::sourcePath( "CMakeLists.txt" ) << "CMakeLists.txt: not a vector data source";
    }

    void openErrorsNameTheSource()
    {
      QFETCH( QString, spec );
      QFETCH( QString, message );
      try
      {
        LayerSource( spec ).open();
        QFAIL( "opened" );
      }
      catch ( const limes::Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
        QVERIFY( !e.message().contains( '\n' ) );
      }
    }

    void corruptFile()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "corrupt.gpkg" ) );
      QFile file( path );
      QVERIFY( file.open( QIODevice::WriteOnly ) );
      file.write( QByteArray( 4096, 'x' ) );
      file.close();
      try
      {
        LayerSource( path ).open();
        QFAIL( "opened" );
      }
      catch ( const limes::Error &e )
      {
        QCOMPARE( e.message(), path + QStringLiteral( ": not a vector data source GDAL can read" ) );
      }
    }

    void opensOneLayer()
    {
      const auto layer = LayerSource( limes::test::sampleData( "pillars" ) ).open();
      QVERIFY( layer->isValid() );
      QCOMPARE( layer->name(), QStringLiteral( "pillars" ) );
      QCOMPARE( layer->crs().authid(), QStringLiteral( "EPSG:4326" ) );
      QCOMPARE( layer->geometryType(), limes::geometrytype::Point );
      QVERIFY( layer->featureCount() > 100 );
    }

    void subsetFilters()
    {
      const LayerSource source( limes::test::sampleData( "synthetic_claims" ) + "|subset=segment = 'S-003' AND party = 'TJ'" );
      QCOMPARE( source.subset(), QStringLiteral( "segment = 'S-003' AND party = 'TJ'" ) );
      QCOMPARE( source.displayName(), QStringLiteral( "synthetic_claims" ) );
      QCOMPARE( source.open()->featureCount(), 1LL );
      QVERIFY_EXCEPTION_THROWN( LayerSource( limes::test::sampleData( "pillars" ) + "|subset=no_such_field = 1" ).open(), limes::Error );
    }

    void listsSublayers()
    {
      const QList<LayerSource::Sublayer> layers = LayerSource( limes::test::sampleData() ).sublayers();
      QStringList names;
      for ( const LayerSource::Sublayer &s : layers )
        names << s.name;
      QCOMPARE( names, QStringList( { "territories", "boundary_dcw", "boundary_wdbii", "rivers", "segments", "pillars",
                                      "synthetic_claims", "synthetic_water_points", "synthetic_canals", "synthetic_reservoirs" } ) );
      QCOMPARE( layers.at( 0 ).featureCount, 2LL );
      QCOMPARE( layers.at( 0 ).wkbType, limes::WkbType::MultiPolygon );
      QCOMPARE( layers.at( 0 ).crs, QStringLiteral( "EPSG:4326" ) );
    }
};

QGSTEST_MAIN( TestLayerSource )
#include "testlayersource.moc"
