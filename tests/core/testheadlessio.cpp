// SPDX-License-Identifier: GPL-2.0-or-later
// What the CLI's start-up and output do without QGIS's own machinery, against that machinery:
// GeoPackageWriter against QgsVectorFileWriter on the same features, limes::ellipsoidParameters
// against QgsEllipsoidUtils, and the empty symbol style of the CLI's profile.
#include "error.h"
#include "geometry/ellipsoidparameters.h"
#include "headlessprofile.h"
#include "io/gpkgwriter.h"
#include "qgiscompat.h"
#include "testutils.h"
#include "workspace/gpkg/sqlite.h"

#include <QTemporaryDir>
#include <QtTest>
#include <qgstest.h>

#include <qgis.h>
#include <qgsellipsoidutils.h>
#include <qgsfeatureiterator.h>
#include <qgsmarkersymbol.h>
#include <qgsprovidermetadata.h>
#include <qgsproviderregistry.h>
#include <qgsprovidersublayerdetails.h>
#include <qgsstyle.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>


namespace
{
  struct LayerData
  {
    QString name;
    limes::WkbType type;
    QgsFields fields;
    QVector<QgsFeature> features;
  };

  QList<LayerData> sampleLayers()
  {
    QgsFields parts;
    parts.append( limes::compat::field( QStringLiteral( "from_party" ), QMetaType::QString ) );
    parts.append( limes::compat::field( QStringLiteral( "feature_id" ), QMetaType::LongLong ) );
    parts.append( limes::compat::field( QStringLiteral( "area_m2" ), QMetaType::Double ) );
    parts.append( limes::compat::field( QStringLiteral( "count" ), QMetaType::Int ) );
    QVector<QgsFeature> polygons;
    for ( int i = 0; i < 3; ++i )
    {
      QgsFeature f( parts );
      f.setGeometry( QgsGeometry::fromWkt( QStringLiteral( "MultiPolygon(((%1 0, %2 0, %2 1.25, %1 0)),((10 10, 11 10, 11 11, 10 10)))" ).arg( i ).arg( i + 1 ) ) );
      // a null string, a 64-bit id and a non-ASCII name: what a resource layer brings
      f.setAttributes( QgsAttributes( { i == 1 ? QVariant() : QVariant( QStringLiteral( "Кыргызстан %1" ).arg( i ) ), QVariant( qint64( 5000000000LL + i ) ),
                                        QVariant( 1234567.0625 * ( i + 1 ) ), QVariant( i - 1 ) } ) );
      polygons << f;
    }
    QgsFields lineFields;
    lineFields.append( limes::compat::field( QStringLiteral( "end" ), QMetaType::QString ) );
    QgsFeature line( lineFields );
    line.setGeometry( QgsGeometry::fromWkt( QStringLiteral( "LineString(0.5 0.25, 700000.125 4400000.5)" ) ) );
    line.setAttributes( QgsAttributes( { QVariant( QStringLiteral( "start" ) ) } ) );
    return { { QStringLiteral( "transfers" ), limes::WkbType::MultiPolygon, parts, polygons },
             { QStringLiteral( "resource_changes" ), limes::WkbType::GeometryCollection, parts, {} },
             { QStringLiteral( "end_connectors" ), limes::WkbType::LineString, lineFields, { line } } };
  }

  void writeWithQgis( const QString &path, const QgsCoordinateReferenceSystem &crs )
  {
    bool first = true;
    for ( const LayerData &l : sampleLayers() )
    {
      QgsVectorFileWriter::SaveVectorOptions options;
      options.driverName = QStringLiteral( "GPKG" );
      options.layerName = l.name;
      options.actionOnExistingFile = first ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
      first = false;
      std::unique_ptr<QgsVectorFileWriter> writer( QgsVectorFileWriter::create( path, l.fields, l.type, crs, QgsCoordinateTransformContext(), options ) );
      QCOMPARE( writer->hasError(), QgsVectorFileWriter::NoError );
      for ( QgsFeature f : l.features )
        QVERIFY( writer->addFeature( f ) );
    }
  }

  QStringList layerNames( const QString &path )
  {
    QStringList names;
    for ( const QgsProviderSublayerDetails &d : QgsProviderRegistry::instance()->querySublayers( path ) )
      names << d.name();
    return names;
  }

  //! Everything a reader sees of a layer: CRS, geometry type, fields and types, features.
  QStringList describe( const QString &path, const QString &layerName )
  {
    const QgsVectorLayer layer( path + QStringLiteral( "|layername=" ) + layerName, layerName, QStringLiteral( "ogr" ) );
    QStringList lines;
    if ( !layer.isValid() )
      return { QStringLiteral( "invalid" ) };
    lines << layer.crs().authid() << QgsWkbTypes::displayString( layer.wkbType() );
    for ( const QgsField &f : layer.fields() )
      lines << QStringLiteral( "%1 %2" ).arg( f.name(), f.typeName() );
    QgsFeatureIterator it = layer.getFeatures();
    QgsFeature f;
    while ( it.nextFeature( f ) )
    {
      QStringList values;
      for ( const QVariant &v : f.attributes() )
        values << ( v.isNull() ? QStringLiteral( "NULL" ) : v.toString() );
      lines << QStringLiteral( "%1 | %2 | %3" ).arg( f.id() ).arg( values.join( QLatin1String( ", " ) ), f.geometry().asWkt( 17 ) );
    }
    return lines;
  }

  int styleSymbolCount( const QString &path )
  {
    QgsStyle style;
    if ( !style.load( path ) )
      return -1;
    return style.symbolCount() + style.colorRampCount() + style.textFormatCount();
  }

  QString styleMetadata( const QString &path, const char *key )
  {
    const limes::SqliteDb db( path );
    limes::Statement value( db, QStringLiteral( "SELECT value FROM stylemetadata WHERE key = ?" ) );
    value.bind( 1, QString::fromLatin1( key ) );
    return value.next() ? value.text( 0 ) : QString();
  }
}

class TestHeadlessIo : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void writerMatchesQgisWriter()
    {
      QTemporaryDir dir;
      const QString ours = dir.filePath( QStringLiteral( "ours.gpkg" ) );
      const QString theirs = dir.filePath( QStringLiteral( "theirs.gpkg" ) );
      const QgsCoordinateReferenceSystem utm( QStringLiteral( "EPSG:32642" ) );
      writeWithQgis( theirs, utm );
      {
        limes::GeoPackageWriter writer( ours );
        for ( const LayerData &l : sampleLayers() )
          writer.writeLayer( l.name, l.type, utm, l.fields, l.features );
        writer.close();
      }
      const QStringList names { QStringLiteral( "transfers" ), QStringLiteral( "resource_changes" ), QStringLiteral( "end_connectors" ) };
      QCOMPARE( layerNames( theirs ), names );
      // in the order written, the empty layer included
      QCOMPARE( layerNames( ours ), names );
      for ( const QString &name : names )
      {
        const QStringList expected = describe( theirs, name );
        QVERIFY2( expected.size() > 2, qPrintable( expected.join( '\n' ) ) );
        QCOMPARE( describe( ours, name ), expected );
      }
      QVERIFY( describe( ours, QStringLiteral( "transfers" ) ).join( '\n' ).contains( QStringLiteral( "2 | 2, NULL, 5000000001, 2469134.125, 0 |" ) ) );
    }

    void writerLayerOptions()
    {
      // the validator's findings keep "fid" for the feature they are about
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "errors.gpkg" ) );
      QgsFields fields;
      fields.append( limes::compat::field( QStringLiteral( "fid" ), QMetaType::LongLong ) );
      QgsFeature f( fields );
      f.setGeometry( QgsGeometry::fromWkt( QStringLiteral( "Point(70 40)" ) ) );
      f.setAttributes( QgsAttributes( { QVariant( qint64( 42 ) ) } ) );
      limes::GeoPackageWriter writer( path );
      writer.writeLayer( QStringLiteral( "errors" ), limes::WkbType::Unknown, QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), fields, { f }, { QStringLiteral( "FID=finding_id" ) } );
      writer.close();
      QCOMPARE( describe( path, QStringLiteral( "errors" ) ),
                QStringList( { QStringLiteral( "EPSG:4326" ), QStringLiteral( "Point" ), QStringLiteral( "finding_id Integer64" ), QStringLiteral( "fid Integer64" ),
                               QStringLiteral( "1 | 1, 42 | Point (70 40)" ) } ) );
    }

    void writerErrorNamesTheFile()
    {
      const QString path = QStringLiteral( "/nonexistent-limes-dir/out.gpkg" );
      try
      {
        limes::GeoPackageWriter writer( path );
        QFAIL( "no error" );
      }
      catch ( const limes::Error &e )
      {
        QVERIFY2( e.message().startsWith( path + QStringLiteral( ": cannot create the GeoPackage: " ) ), qPrintable( e.message() ) );
      }
    }

    void ellipsoidsAsQgisHasThem_data()
    {
      QTest::addColumn<QString>( "id" );
      for ( const char *id : { "EPSG:7030", "EPSG:7019", "EPSG:7024", "EPSG:7022", "EPSG:7043", "EPSG:7001", "WGS84", "IGNF:ELG053", "PARAMETER:6378137:6356752.314245" } )
        QTest::newRow( id ) << QString::fromLatin1( id );
    }

    void ellipsoidsAsQgisHasThem()
    {
      QFETCH( QString, id );
      const QgsEllipsoidUtils::EllipsoidParameters ours = limes::ellipsoidParameters( id );
      const QgsEllipsoidUtils::EllipsoidParameters theirs = QgsEllipsoidUtils::ellipsoidParameters( id );
      QVERIFY( theirs.valid );
      QCOMPARE( ours.valid, theirs.valid );
      QCOMPARE( ours.semiMajor, theirs.semiMajor );
      QCOMPARE( ours.semiMinor, theirs.semiMinor );
      QCOMPARE( ours.inverseFlattening, theirs.inverseFlattening );
      QCOMPARE( ours.useCustomParameters, theirs.useCustomParameters );
      QCOMPARE( ours.crs.toProj(), theirs.crs.toProj() );
    }

    void unknownEllipsoid()
    {
      QVERIFY( !limes::ellipsoidParameters( QStringLiteral( "EPSG:999999" ) ).valid );
      QVERIFY( !limes::ellipsoidParameters( QStringLiteral( "no such ellipsoid" ) ).valid );
    }

    void emptyStyle()
    {
      QTemporaryDir dir;
      const QString path = dir.filePath( QStringLiteral( "symbology-style.db" ) );
      // a style as QGIS's init leaves it: the default symbols imported
      {
        QgsStyle full;
        QVERIFY( full.createDatabase( path ) );
        QVERIFY( full.importXml( QgsApplication::defaultStylePath() ) );
      }
      QVERIFY( styleSymbolCount( path ) > 50 );
      limes::ensureEmptyStyle( path );
      QCOMPARE( styleSymbolCount( path ), 0 );
      QCOMPARE( styleMetadata( path, "version" ), QString::number( Qgis::versionInt() ) );
      QVERIFY( !styleMetadata( path, "limes_headless" ).isEmpty() );
      // made once: a second start finds it and leaves it as it is
      {
        QgsStyle style;
        QVERIFY( style.load( path ) );
        std::unique_ptr<QgsMarkerSymbol> marker( QgsMarkerSymbol::createSimple( QVariantMap() ) );
        QVERIFY( style.saveSymbol( QStringLiteral( "kept" ), marker.get(), false, {} ) );
      }
      limes::ensureEmptyStyle( path );
      QCOMPARE( styleSymbolCount( path ), 1 );
      QVERIFY( !QFileInfo::exists( path + QStringLiteral( ".%1.tmp" ).arg( QCoreApplication::applicationPid() ) ) );
    }

    void emptyStyleInReadOnlyFolderIsNoError()
    {
      // QGIS then loads whatever is there; the CLI still starts
      limes::ensureEmptyStyle( QStringLiteral( "/nonexistent-limes-dir/symbology-style.db" ) );
      QVERIFY( !QFileInfo::exists( QStringLiteral( "/nonexistent-limes-dir" ) ) );
    }
};

QGSTEST_MAIN( TestHeadlessIo )
#include "testheadlessio.moc"
