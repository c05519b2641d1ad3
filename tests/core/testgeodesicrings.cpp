// SPDX-License-Identifier: GPL-2.0-or-later
// The fast geodesic areas and perimeters (GeodesicRings, EllipsoidMeasure) against GeographicLib's
// polygons, and tiny pieces against an equal-area projection: random and adversarial rings near
// the Fergana valley (40°N), the equator and 70°N, both ways round, with holes and parts.
#include "geometry/ellipsoidmeasure.h"
#include "geometry/geodesicrings.h"
#include "testutils.h"

#include <QtTest>

#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsgeometry.h>
#include <qgslinestring.h>
#include <qgsmultipolygon.h>
#include <qgspolygon.h>

#include <GeographicLib/AlbersEqualArea.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicExact.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <algorithm>
#include <random>
#include <vector>

using namespace limes;

namespace
{
  //! A ring's vertices in degrees, its first not repeated.
  struct Ring
  {
    std::vector<double> lon, lat;
    void add( double latitude, double longitude )
    {
      lat.push_back( latitude );
      lon.push_back( longitude );
    }
    Ring reversed() const
    {
      Ring r{ lon, lat };
      std::reverse( r.lon.begin(), r.lon.end() );
      std::reverse( r.lat.begin(), r.lat.end() );
      return r;
    }
    Ring closed() const
    {
      Ring r{ lon, lat };
      r.add( lat.front(), lon.front() );
      return r;
    }
  };

  const GeographicLib::Geodesic &wgs84() { return GeographicLib::Geodesic::WGS84(); }

  //! From (lat, lon), `count` steps of `metres` each along the geodesic leaving at `azimuth`.
  void walk( Ring &ring, double &lat, double &lon, double azimuth, double metres, int count )
  {
    double azi = azimuth;
    for ( int i = 0; i < count; ++i )
    {
      double lat2 = 0, lon2 = 0, azi2 = 0;
      wgs84().Direct( lat, lon, azi, metres, lat2, lon2, azi2 );
      lat = lat2;
      lon = lon2;
      azi = azi2; // straight on: one geodesic cut into steps
      ring.add( lat, lon );
    }
  }

  //! A long thin piece: `length` m out in `out` steps, `width` m across, back in `back` steps.
  Ring sliver( double lat0, double lon0, double azimuth, double length, double width, int out, int back )
  {
    Ring r;
    r.add( lat0, lon0 );
    double lat = lat0, lon = lon0;
    walk( r, lat, lon, azimuth, length / out, out );
    double nearLat = 0, nearLon = 0, farLat = 0, farLon = 0, across = 0, t = 0, backAzimuth = 0, distance = 0;
    wgs84().Direct( lat0, lon0, azimuth + 90, width, nearLat, nearLon );
    wgs84().Inverse( lat0, lon0, lat, lon, t, t, across );
    wgs84().Direct( lat, lon, across + 90, width, farLat, farLon );
    r.add( farLat, farLon );
    wgs84().Inverse( farLat, farLon, nearLat, nearLon, distance, backAzimuth, t );
    walk( r, farLat, farLon, backAzimuth, distance / back, back );
    return r; // the ring closes with the `width` m step from the last vertex to the first
  }

  QgsLineString *lineOf( const Ring &ring )
  {
    return new QgsLineString( QVector<double>( ring.lon.begin(), ring.lon.end() ), QVector<double>( ring.lat.begin(), ring.lat.end() ) );
  }

  //! A star: n vertices round (lat0, lon0) at radii drawn from [radius/2, radius].
  Ring star( double lat0, double lon0, double radius, int n, std::mt19937_64 &random )
  {
    std::uniform_real_distribution<double> r( radius / 2, radius );
    Ring ring;
    for ( int i = 0; i < n; ++i )
    {
      double lat = 0, lon = 0;
      wgs84().Direct( lat0, lon0, 360.0 * i / n, r( random ), lat, lon );
      ring.add( lat, lon );
    }
    return ring;
  }

  struct Measured
  {
    double area = 0;
    double perimeter = 0;
  };

  template<typename Polygon> Measured polygonArea( Polygon polygon, const Ring &ring )
  {
    for ( size_t i = 0; i < ring.lat.size(); ++i )
      polygon.AddPoint( ring.lat[i], ring.lon[i] );
    Measured m;
    polygon.Compute( false, true, m.perimeter, m.area );
    m.area = std::fabs( m.area );
    return m;
  }

  Measured geographicLib( const Ring &ring ) { return polygonArea( GeographicLib::PolygonArea( wgs84() ), ring ); }

  Measured geographicLibExact( const Ring &ring ) { return polygonArea( GeographicLib::PolygonAreaExact( GeographicLib::GeodesicExact::WGS84() ), ring ); }

  /**
   * The area in an ellipsoidal equal-area projection touching the piece: for pieces up to tens
   * of metres across, straight lines there and geodesics bound the same area to 1e-11, while
   * GeographicLib's polygon keeps ~1e-5 m² of rounding from its per-edge areas (measured from
   * the equator, millions of m² each): 1e-5 of a 1 m² piece, 2e-7 of a 15 m one.
   */
  double equalArea( const Ring &ring )
  {
    // south of the equator mirrored north (the same area): the projection's own southern
    // standard parallels put it 1e-5 off there
    const double sign = ring.lat.front() < 0 ? -1 : 1;
    const GeographicLib::AlbersEqualArea albers( GeographicLib::Constants::WGS84_a(), GeographicLib::Constants::WGS84_f(), sign * ring.lat.front(), 1 );
    std::vector<double> x( ring.lat.size() ), y( ring.lat.size() );
    for ( size_t i = 0; i < x.size(); ++i )
      albers.Forward( ring.lon.front(), sign * ring.lat[i], ring.lon[i], x[i], y[i] );
    double twice = 0;
    for ( size_t i = 0; i < x.size(); ++i )
    {
      const size_t j = ( i + 1 ) % x.size();
      twice += ( x[i] - x[0] ) * ( y[j] - y[0] ) - ( x[j] - x[0] ) * ( y[i] - y[0] );
    }
    return std::fabs( twice ) / 2;
  }

  Measured fast( const Ring &ring )
  {
    static const GeodesicRings rings( GeographicLib::Constants::WGS84_a(), GeographicLib::Constants::WGS84_f() );
    Measured m;
    rings.ring( ring.lon.data(), ring.lat.data(), static_cast<int>( ring.lat.size() ), m.area, m.perimeter );
    return m;
  }

  double relative( double value, double expected ) { return std::fabs( value - expected ) / std::fabs( expected ); }

  const double LATITUDES[] = { 40.6, 0.2, -40.3, 70.1 };
}

class TestGeodesicRings : public QObject
{
    Q_OBJECT

  private:
    double mWorst = 0;

    /**
     * The ring, both ways round and with its first vertex repeated, within 1e-7 of the oracles;
     * perimeters within 1e-10 (1e-8 for tiny pieces, their chords' rounding): the chord's
     * curvature term is 1e-9 of a 1 km edge, and this should see it.
     */
    void check( const QString &name, const Ring &ring, bool tiny )
    {
      const Measured oracle = geographicLib( ring );
      const double expectedArea = tiny ? equalArea( ring ) : oracle.area;
      for ( const Ring &r : { ring, ring.reversed(), ring.closed(), ring.reversed().closed() } )
      {
        const Measured m = fast( r );
        const double areaError = relative( m.area, expectedArea ), perimeterError = relative( m.perimeter, oracle.perimeter );
        mWorst = std::max( { mWorst, areaError, perimeterError } );
        QVERIFY2( areaError <= 1e-7, qPrintable( QStringLiteral( "%1: area %2 m² vs %3 m² (%4 relative)" ).arg( name ).arg( m.area, 0, 'f', 9 ).arg( expectedArea, 0, 'f', 9 ).arg( areaError, 0, 'g', 2 ) ) );
        QVERIFY2( perimeterError <= ( tiny ? 1e-8 : 1e-10 ), qPrintable( QStringLiteral( "%1: perimeter %2 m vs %3 m" ).arg( name ).arg( m.perimeter, 0, 'f', 9 ).arg( oracle.perimeter, 0, 'f', 9 ) ) );
      }
    }

  private slots:
    void initTestCase() { limes::test::initQgis(); }
    void cleanupTestCase() { qInfo( "worst relative difference to the oracles %.1e", mWorst ); }

    void tinyPieces()
    {
      std::mt19937_64 random( 12 );
      for ( double lat : LATITUDES )
      {
        Ring square;
        square.add( lat, 71.3 );
        double la = lat, lo = 71.3;
        for ( double azimuth : { 27.0, 117.0, 207.0 } )
          walk( square, la, lo, azimuth, 1, 1 );
        check( QStringLiteral( "1 m² square at %1°" ).arg( lat ), square, true );
        check( QStringLiteral( "a 1 m star at %1°" ).arg( lat ), star( lat, 71.3, 0.7, 13, random ), true );
        check( QStringLiteral( "a 10 m × 0.1 m sliver at %1°" ).arg( lat ), sliver( lat, 71.3, 63, 10, 0.1, 10, 14 ), true );
      }
    }

    void slivers()
    {
      for ( double lat : LATITUDES )
      {
        // two long edges (GeographicLib's own) against 2 m ends (the formulas)
        check( QStringLiteral( "10 km × 2 m, undivided, at %1°" ).arg( lat ), sliver( lat, 70.9, 63, 10000, 2, 1, 1 ), false );
        // densified as versions are: every edge short, the sides cut differently
        check( QStringLiteral( "10 km × 2 m, 1 m and 7 m steps, at %1°" ).arg( lat ), sliver( lat, 70.9, 118, 10000, 2, 10000, 1429 ), false );
        // out in 1001 m steps (GeographicLib), back in 910 m ones (the formulas)
        check( QStringLiteral( "10 km × 2 m, 1001 m and 910 m steps, at %1°" ).arg( lat ), sliver( lat, 70.9, 75, 10010, 2, 10, 11 ), false );
        check( QStringLiteral( "10 km × 2 m, 1001 m and 910 m steps north, at %1°" ).arg( lat ), sliver( lat, 70.9, 5, 10010, 2, 10, 11 ), false );
        check( QStringLiteral( "10 km × 2 m, 10 km and 1 m steps, at %1°" ).arg( lat ), sliver( lat, 70.9, 91, 10000, 2, 1, 10000 ), false );
        // the same in the equal-area projection too, where edges are short
        const Ring dense = sliver( lat, 70.9, 118, 10000, 2, 2000, 3333 );
        const double albers = equalArea( dense );
        QVERIFY2( relative( fast( dense ).area, albers ) <= 1e-7, qPrintable( QStringLiteral( "%1 vs %2" ).arg( fast( dense ).area ).arg( albers ) ) );
      }
    }

    void longEdges()
    {
      for ( double lat : LATITUDES )
      {
        // a few 5-40 km edges, some cut into steps either side of the threshold, some not
        Ring r;
        double la = lat, lo = 71.1;
        r.add( la, lo );
        walk( r, la, lo, 80, 40000, 1 );
        walk( r, la, lo, 170, 500, 20 );
        walk( r, la, lo, 200, 5000, 1 );
        walk( r, la, lo, 240, 1500, 8 );
        walk( r, la, lo, 275, 12000, 1 );
        check( QStringLiteral( "5-40 km edges at %1°" ).arg( lat ), r, false );
        Ring triangle;
        la = lat;
        lo = 71.1;
        triangle.add( la, lo );
        walk( triangle, la, lo, 100, 25000, 1 );
        walk( triangle, la, lo, 330, 30000, 1 );
        check( QStringLiteral( "25-30 km triangle at %1°" ).arg( lat ), triangle, false );
      }
    }

    void randomPieces()
    {
      std::mt19937_64 random( 2026 );
      std::uniform_real_distribution<double> around( -0.5, 0.5 );
      for ( double lat : LATITUDES )
        for ( double radius : { 15.0, 120.0, 900.0, 4000.0, 30000.0 } )
          for ( int i = 0; i < 8; ++i )
            check( QStringLiteral( "star of %1 m at %2°, #%3" ).arg( radius ).arg( lat ).arg( i ), star( lat + around( random ), 71 + around( random ), radius, 7 + 11 * i, random ), radius < 100 );
    }

    void acrossTheAntimeridianAndRoundAPole()
    {
      std::mt19937_64 random( 7 );
      check( QStringLiteral( "across 180°" ), star( 40.6, 179.999, 300, 40, random ), false );
      check( QStringLiteral( "across 180°, tiny" ), star( -40.6, -179.99999, 0.8, 9, random ), true );
      Ring cap;
      for ( int i = 0; i < 36; ++i )
        cap.add( 89, -180 + 10 * i );
      check( QStringLiteral( "round the north pole" ), cap, false );
    }

    void exactModeWherePrecise()
    {
      // GeographicLib's exact (elliptic-integral) polygon rounds its per-edge areas more
      // coarsely (~1e-2 m²): decisive at 1e-7 for pieces of hectares and more
      std::mt19937_64 random( 5 );
      for ( double lat : LATITUDES )
        for ( double radius : { 3000.0, 30000.0 } )
        {
          const Ring r = star( lat, 71.2, radius, 60, random );
          const Measured exact = geographicLibExact( r ), m = fast( r );
          QVERIFY2( relative( m.area, exact.area ) <= 1e-7, qPrintable( QStringLiteral( "%1 vs %2" ).arg( m.area, 0, 'f', 6 ).arg( exact.area, 0, 'f', 6 ) ) );
          QVERIFY( relative( m.perimeter, exact.perimeter ) <= 1e-7 );
        }
    }

    void ellipsoidMeasureOfProjectedGeometries()
    {
      // multipolygons with holes stored in UTM 42N: transformed in bulk, then measured
      std::mt19937_64 random( 3 );
      const QgsCoordinateReferenceSystem utm( QStringLiteral( "EPSG:32642" ) ), wgs( QStringLiteral( "EPSG:4326" ) );
      const QgsCoordinateTransformContext context;
      const EllipsoidMeasure measure( Ellipsoid::checked( utm, QStringLiteral( "EPSG:7030" ), context ) );
      const QgsCoordinateTransform toUtm( wgs, utm, context );
      for ( double lat : { 40.6, 0.2, 70.1 } )
      {
        auto polygonOf = [&]( const Ring &exterior, const std::vector<Ring> &holes ) {
          auto polygon = std::make_unique<QgsPolygon>();
          polygon->setExteriorRing( lineOf( exterior.closed() ) );
          for ( const Ring &h : holes )
            polygon->addInteriorRing( lineOf( h.closed() ) );
          return polygon;
        };
        const Ring outer = star( lat, 71.0, 3000, 300, random ), hole = star( lat, 71.0, 800, 40, random ).reversed();
        const Ring second = sliver( lat, 71.2, 40, 10000, 2, 3333, 2000 );
        auto multi = std::make_unique<QgsMultiPolygon>();
        multi->addGeometry( polygonOf( outer, { hole } ).release() );
        multi->addGeometry( polygonOf( second, {} ).release() );
        QgsGeometry g( std::move( multi ) );
        g.transform( toUtm );

        // the oracle on the coordinates the measure sees: the UTM geometry back in degrees
        QgsGeometry back = g;
        back.transform( toUtm, Qgis::TransformDirection::Reverse );
        double area = 0, perimeter = 0;
        for ( const QgsPolygonXY &polygon : back.asMultiPolygon() )
          for ( int k = 0; k < polygon.size(); ++k )
          {
            Ring r;
            for ( int i = 0; i + 1 < polygon[k].size(); ++i )
              r.add( polygon[k][i].y(), polygon[k][i].x() );
            const Measured m = geographicLib( r );
            area += ( k == 0 ? 1 : -1 ) * m.area;
            perimeter += m.perimeter;
          }
        const AreaAndPerimeter both = measure.areaAndPerimeter( g );
        QVERIFY2( relative( both.areaM2, area ) <= 1e-7, qPrintable( QStringLiteral( "%1 vs %2" ).arg( both.areaM2, 0, 'f', 6 ).arg( area, 0, 'f', 6 ) ) );
        QVERIFY2( relative( both.perimeterM, perimeter ) <= 1e-7, qPrintable( QStringLiteral( "%1 vs %2" ).arg( both.perimeterM, 0, 'f', 6 ).arg( perimeter, 0, 'f', 6 ) ) );
        QVERIFY( relative( measure.area( g ), area ) <= 1e-7 );
        QVERIFY( relative( measure.perimeter( g ), perimeter ) <= 1e-7 );
        // a line: its geodesic length, edge by edge (a 10 km edge after 3 m ones)
        Ring line = sliver( lat, 71.2, 40, 10000, 2, 3333, 1 );
        double expected = 0;
        for ( size_t i = 0; i + 1 < line.lat.size(); ++i )
        {
          double s12 = 0;
          wgs84().Inverse( line.lat[i], line.lon[i], line.lat[i + 1], line.lon[i + 1], s12 );
          expected += s12;
        }
        QgsGeometry lineGeometry( lineOf( line ) );
        const QgsGeometry lineInDegrees = lineGeometry;
        lineGeometry.transform( toUtm );
        QVERIFY( relative( measure.length( lineGeometry ), expected ) <= 1e-7 );
        const EllipsoidMeasure inDegrees( Ellipsoid::checked( wgs, QStringLiteral( "EPSG:7030" ), context ) );
        QVERIFY( relative( inDegrees.length( lineInDegrees ), expected ) <= 1e-9 );
      }
    }
};

QGSTEST_MAIN( TestGeodesicRings )
#include "testgeodesicrings.moc"
