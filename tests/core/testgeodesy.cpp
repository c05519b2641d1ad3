// SPDX-License-Identifier: GPL-2.0-or-later
// Ellipsoidal areas of real transfers against GeographicLib's geodesic polygon area, and the
// edge interpretations (geodesic, rhumb, projected) against GeographicLib's polygons with
// such edges, whatever CRS the versions are stored in.
#include "change/changeengine.h"
#include "error.h"
#include "layersource.h"
#include "memorylayers.h"
#include "testutils.h"

#include <QtTest>

#include <functional>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgspolygon.h>
#include <qgsproject.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>
#include <GeographicLib/Rhumb.hpp>

using namespace limes;
using namespace limes::test;

namespace
{
  double geodesicArea( const QgsPolylineXY &ring )
  {
    GeographicLib::PolygonArea polygon( GeographicLib::Geodesic::WGS84() );
    for ( int i = 0; i + 1 < ring.size(); ++i ) // the ring repeats its first vertex
      polygon.AddPoint( ring[i].y(), ring[i].x() );
    double perimeter = 0, area = 0;
    polygon.Compute( false, true, perimeter, area );
    return std::fabs( area );
  }

  // Turning points (longitude, latitude) in the Fergana valley, tens of kilometres apart: the
  // old line runs A B C, the new one A D C, so the land between them is the polygon A B C D.
  const QList<QgsPointXY> OLD_LINE{ { 70.6, 40.2 }, { 71.1, 40.55 }, { 71.7, 40.25 } };
  const QList<QgsPointXY> NEW_LINE{ { 70.6, 40.2 }, { 71.15, 39.95 }, { 71.7, 40.25 } };

  template<typename Polygon> double oracleArea( Polygon polygon )
  {
    for ( const QgsPointXY &p : OLD_LINE )
      polygon.AddPoint( p.y(), p.x() );
    polygon.AddPoint( NEW_LINE[1].y(), NEW_LINE[1].x() );
    double perimeter = 0, area = 0;
    polygon.Compute( false, true, perimeter, area );
    return std::fabs( area );
  }

  //! The line's WKT in `crs`, to 1e-12 degrees or 1e-6 m: as a file in that CRS would hold it.
  QString lineIn( const QList<QgsPointXY> &line, const QString &crs )
  {
    QgsGeometry g = QgsGeometry::fromPolylineXY( QgsPolylineXY( line.begin(), line.end() ) );
    g.transform( QgsCoordinateTransform( QgsCoordinateReferenceSystem( "EPSG:4326" ), QgsCoordinateReferenceSystem( crs ), QgsCoordinateTransformContext() ) );
    return g.asWkt( crs == QLatin1String( "EPSG:4326" ) ? 12 : 6 );
  }

  double movedArea( const QString &crs, const QString &edges )
  {
    auto o = memoryLayer( "LineString", crs, { lineIn( OLD_LINE, crs ) } );
    auto n = memoryLayer( "LineString", crs, { lineIn( NEW_LINE, crs ) } );
    ChangeRequest request = lineRequest( o.get(), n.get() );
    request.edges = EdgeInterpretation::parse( edges );
    const ChangeResult r = ChangeEngine::run( request );
    return transferred( r, "KG", "TJ" ) + transferred( r, "TJ", "KG" );
  }

  QString errorOf( const std::function<void()> &f )
  {
    try
    {
      f();
    }
    catch ( const Error &e )
    {
      return e.message();
    }
    return QString();
  }

  bool agrees( double value, double expected, double relative )
  {
    return std::fabs( value - expected ) <= relative * std::fabs( expected );
  }
}

class TestGeodesy : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { initQgis(); }

    void transferAreasMatchGeographicLib()
    {
      const auto dcw = LayerSource( sampleData( "boundary_dcw" ) ).open();
      const auto wdb = LayerSource( sampleData( "boundary_wdbii" ) ).open();
      const ChangeResult result = ChangeEngine::run( lineRequest( dcw.get(), wdb.get(), 5000 ) );
      QVERIFY( result.transfers.size() > 20 );
      const QgsCoordinateTransform toWgs( result.workingCrs, QgsCoordinateReferenceSystem( "EPSG:4326" ), QgsProject::instance() );
      double worst = 0;
      for ( const Transfer &t : result.transfers )
      {
        QgsGeometry g = t.geometry;
        g.transform( toWgs );
        double expected = 0;
        for ( const QgsPolygonXY &polygon : g.isMultipart() ? g.asMultiPolygon() : QgsMultiPolygonXY{ g.asPolygon() } )
          for ( int k = 0; k < polygon.size(); ++k )
            expected += ( k == 0 ? 1 : -1 ) * geodesicArea( polygon[k] );
        const double diff = std::fabs( t.areaM2 - expected );
        worst = std::max( worst, diff / expected );
        QVERIFY2( diff <= 1e-7 * expected, qPrintable( QStringLiteral( "%1 m² vs GeographicLib %2 m²" ).arg( t.areaM2, 0, 'f', 3 ).arg( expected, 0, 'f', 3 ) ) );
      }
      qInfo( "%d transfers; worst relative difference to GeographicLib %.2e", static_cast<int>( result.transfers.size() ), worst );
    }

    void edges_data()
    {
      QTest::addColumn<QString>( "edges" );
      QTest::addColumn<QString>( "crs" );
      for ( const char *crs : { "EPSG:4326", "EPSG:3857", "EPSG:32642" } )
      {
        QTest::newRow( qPrintable( QStringLiteral( "geodesic, stored in %1" ).arg( crs ) ) ) << "geodesic" << crs;
        QTest::newRow( qPrintable( QStringLiteral( "rhumb, stored in %1" ).arg( crs ) ) ) << "rhumb" << crs;
      }
    }

    void edges()
    {
      // GeographicLib's polygon with geodesic (or rhumb) edges between the same turning points
      QFETCH( QString, edges );
      QFETCH( QString, crs );
      const double expected = edges == QLatin1String( "geodesic" ) ? oracleArea( GeographicLib::PolygonArea( GeographicLib::Geodesic::WGS84() ) )
                              : oracleArea( GeographicLib::PolygonAreaRhumb( GeographicLib::Rhumb::WGS84() ) );
      const double area = movedArea( crs, edges );
      qInfo( "%s, %s: %.3f m² (GeographicLib %.3f m², %.1e relative)", qPrintable( edges ), qPrintable( crs ), area, expected, std::fabs( area - expected ) / expected );
      QVERIFY2( agrees( area, expected, 1e-7 ), qPrintable( QStringLiteral( "%1 vs %2" ).arg( area, 0, 'f', 3 ).arg( expected, 0, 'f', 3 ) ) );
    }

    void edgeInterpretationsDiffer()
    {
      // straight in the working UTM zone, in degrees or in Web Mercator are other lines than the
      // geodesic (UTM's straight lines stray least: millimetres over these 50 km edges)
      const double geodesic = movedArea( "EPSG:4326", "geodesic" );
      const double utm = movedArea( "EPSG:4326", "projected" );
      const double degrees = movedArea( "EPSG:4326", "projected:EPSG:4326" );
      const double mercator = movedArea( "EPSG:4326", "projected:EPSG:3857" );
      qInfo( "geodesic %.1f m², straight in UTM %.1f m² (%.2e), in degrees %.1f m² (%.2e), in Web Mercator %.1f m² (%.2e)",
             geodesic, utm, utm / geodesic - 1, degrees, degrees / geodesic - 1, mercator, mercator / geodesic - 1 );
      QVERIFY( !agrees( utm, geodesic, 1e-9 ) );
      QVERIFY( !agrees( degrees, geodesic, 1e-4 ) );
      QVERIFY( !agrees( mercator, geodesic, 1e-4 ) );
      // straight in a named projection does not depend on the storage CRS either
      QVERIFY( agrees( movedArea( "EPSG:32642", "projected:EPSG:3857" ), mercator, 1e-7 ) );
      QCOMPARE( EdgeInterpretation::parse( "projected:3857" ).name(), QStringLiteral( "projected:EPSG:3857" ) );
      QVERIFY( errorOf( [] { EdgeInterpretation::parse( "straight" ); } ).contains( "geodesic, rhumb, projected" ) );
    }
};

QGSTEST_MAIN( TestGeodesy )
#include "testgeodesy.moc"
