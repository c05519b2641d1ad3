// SPDX-License-Identifier: GPL-2.0-or-later
// The largest inscribed circle (geometry/inscribedcircle.h): hand-computed shapes, and
// random slivers and generated border pieces against GEOS's grid search at a fine tolerance.
#include "geometry/geos.h"
#include "geometry/inscribedcircle.h"
#include "boundarygenerator.h"

#include <QtTest>
#include <qgstest.h>

#include <cmath>
#include <random>

using limes::InscribedCircle;
using limes::PolygonRings;

namespace
{
  constexpr double PI = 3.14159265358979323846;
  constexpr double X0 = 500000, Y0 = 4400000; // UTM-sized coordinates: precision matters

  std::vector<double> ring( const std::vector<std::pair<double, double>> &points, double angle = 0 )
  {
    std::vector<double> xy;
    const double c = std::cos( angle ), s = std::sin( angle );
    for ( const auto &[x, y] : points )
    {
      xy.push_back( X0 + c * x - s * y );
      xy.push_back( Y0 + s * x + c * y );
    }
    xy.push_back( xy[0] );
    xy.push_back( xy[1] );
    return xy;
  }

  //! The lens between the arcs of radius r through (-a, 0) and (a, 0), bulging `n` vertices each way.
  std::vector<double> lens( double r, double a, int n )
  {
    std::vector<std::pair<double, double>> points;
    const double h = std::sqrt( r * r - a * a ), half = std::asin( a / r );
    for ( int i = 0; i < n; ++i ) // lower arc, centre (0, h), left to right
    {
      const double t = -half + 2 * half * i / n;
      points.emplace_back( r * std::sin( t ), h - r * std::cos( t ) );
    }
    for ( int i = 0; i < n; ++i ) // upper arc, centre (0, -h), right to left
    {
      const double t = half - 2 * half * i / n;
      points.emplace_back( r * std::sin( t ), -h + r * std::cos( t ) );
    }
    return ring( points );
  }

  //! Within the promise: never wider than the truth, never narrower by more than the tolerance.
  void checkDiameter( const std::vector<PolygonRings> &polygons, double tolerance, double lowest, double highest, const char *what )
  {
    const InscribedCircle c = limes::largestInscribedCircle( polygons, tolerance );
    QVERIFY2( 2 * c.radius >= lowest - tolerance - 1e-9 && 2 * c.radius <= highest + 1e-9,
              qPrintable( QStringLiteral( "%1: diameter %2, expected %3 to %4 less %5" ).arg( what ).arg( 2 * c.radius, 0, 'f', 6 ).arg( lowest, 0, 'f', 6 ).arg( highest, 0, 'f', 6 ).arg( tolerance ) ) );
    QVERIFY2( c.upperRadius >= c.radius && c.upperRadius - c.radius <= tolerance / 2 + 1e-9, what );
    QVERIFY2( 2 * c.upperRadius >= lowest - 1e-9, what );
  }

  //! GEOS's grid search at `fineTolerance`: the true radius lies within [result, result + fineTolerance].
  double geosRadius( const limes::geos::Context &geos, const std::vector<PolygonRings> &polygons, double fineTolerance )
  {
    std::vector<limes::geos::GeomPtr> parts;
    for ( const PolygonRings &p : polygons )
    {
      std::vector<GEOSGeometry *> rings;
      for ( const std::vector<double> &xy : p )
      {
        GEOSCoordSequence *seq = GEOSCoordSeq_copyFromBuffer_r( geos.handle(), xy.data(), static_cast<unsigned>( xy.size() / 2 ), 0, 0 );
        rings.push_back( GEOSGeom_createLinearRing_r( geos.handle(), seq ) );
      }
      parts.push_back( geos.check( GEOSGeom_createPolygon_r( geos.handle(), rings[0], rings.data() + 1, static_cast<unsigned>( rings.size() - 1 ) ), "polygon" ) );
    }
    const limes::geos::GeomPtr all = geos.collection( GEOS_MULTIPOLYGON, parts );
    const limes::geos::GeomPtr line = geos.check( GEOSMaximumInscribedCircle_r( geos.handle(), all.get(), fineTolerance ), "mic" );
    return geos.length( line.get() );
  }

  //! The piece between a stretch of a line and the same stretch redrawn `offset` to the north (both ends kept).
  std::vector<double> redrawnSliver( const std::vector<QgsPointXY> &line, size_t first, size_t count, double offset )
  {
    std::vector<double> xy;
    for ( size_t i = first; i <= first + count + 1; ++i )
    {
      xy.push_back( line[i].x() );
      xy.push_back( line[i].y() );
    }
    for ( size_t i = first + count; i > first; --i )
    {
      xy.push_back( line[i].x() );
      xy.push_back( line[i].y() + offset );
    }
    xy.push_back( xy[0] );
    xy.push_back( xy[1] );
    return xy;
  }
}

class TestInscribedCircle : public QObject
{
    Q_OBJECT

  private slots:
    void rectangle()
    {
      const auto r = ring( { { 0, 0 }, { 100, 0 }, { 100, 10 }, { 0, 10 } } );
      checkDiameter( { { r } }, 0.05, 10, 10, "rectangle 100 x 10" );
      // the same turned 37 degrees and long: cells along the axes do not fit it
      const auto turned = ring( { { 0, 0 }, { 3000, 0 }, { 3000, 6 }, { 0, 6 } }, 37 * PI / 180 );
      checkDiameter( { { turned } }, 0.03, 6, 6, "rectangle 3000 x 6 turned 37 degrees" );
      // clockwise exterior: orientation is the search's business
      std::vector<double> reversed;
      for ( size_t i = r.size(); i >= 2; i -= 2 )
      {
        reversed.push_back( r[i - 2] );
        reversed.push_back( r[i - 1] );
      }
      checkDiameter( { { reversed } }, 0.05, 10, 10, "rectangle, clockwise" );
    }

    void discLikePolygon()
    {
      // a regular 720-gon of circumradius 50: the inscribed circle is its apothem's
      std::vector<std::pair<double, double>> points;
      for ( int i = 0; i < 720; ++i )
        points.emplace_back( 50 * std::cos( 2 * PI * i / 720 ), 50 * std::sin( 2 * PI * i / 720 ) );
      const double apothem = 50 * std::cos( PI / 720 );
      checkDiameter( { { ring( points ) } }, 0.25, 2 * apothem, 2 * apothem, "720-gon" );
    }

    void lShape()
    {
      // arms 10 wide: the circle in the corner touches both outer walls and the inner corner
      // (10, 10): centre (r, r) with (10 - r) sqrt 2 = r
      const double r = 10 / ( 1 + 1 / std::sqrt( 2.0 ) );
      checkDiameter( { { ring( { { 0, 0 }, { 30, 0 }, { 30, 10 }, { 10, 10 }, { 10, 30 }, { 0, 30 } } ) } }, 0.05, 2 * r, 2 * r, "L" );
    }

    void lensBetweenTwoArcs()
    {
      // the lens of two discs of radius R with chord 2a is 2 (R - sqrt(R^2 - a^2)) thick in
      // the middle; the polygon's chords lie inside it by at most the sagitta
      for ( const auto &[radius, a, n] : { std::tuple{ 1000.0, 400.0, 2000 }, std::tuple{ 1e6, 2000.0, 2000 } } )
      {
        const double thick = 2 * ( radius - std::sqrt( radius * radius - a * a ) );
        const double sagitta = radius * ( 1 - std::cos( std::asin( a / radius ) / n ) );
        checkDiameter( { { lens( radius, a, n ) } }, thick / 200, thick - 2 * sagitta, thick, qPrintable( QStringLiteral( "lens R %1 a %2" ).arg( radius ).arg( a ) ) );
      }
    }

    void polygonWithHole()
    {
      // a 100 m square with a 20 m square hole in the middle: the circle in a corner touches
      // two outer walls and the hole's corner (40, 40): (40 - r) sqrt 2 = r
      const double r = 40 * std::sqrt( 2.0 ) / ( 1 + std::sqrt( 2.0 ) );
      const PolygonRings p{ ring( { { 0, 0 }, { 100, 0 }, { 100, 100 }, { 0, 100 } } ), ring( { { 40, 40 }, { 40, 60 }, { 60, 60 }, { 60, 40 } } ) };
      checkDiameter( { p }, 0.1, 2 * r, 2 * r, "square with a hole" );
    }

    void multipolygon()
    {
      const PolygonRings small{ ring( { { 0, 0 }, { 10, 0 }, { 10, 10 }, { 0, 10 } } ) };
      const PolygonRings large{ ring( { { 100, 0 }, { 130, 0 }, { 130, 30 }, { 100, 30 } } ) };
      checkDiameter( { small, large }, 0.1, 30, 30, "two squares" );
      checkDiameter( { large, small }, 0.1, 30, 30, "two squares, the other order" );
      QCOMPARE( limes::largestInscribedCircle( {}, 0.1 ).radius, 0.0 );
    }

    void randomSliversAgainstGeos()
    {
      const limes::geos::Context geos;
      std::mt19937 rng( 12 );
      std::uniform_real_distribution<double> u( 0, 1 );
      for ( int k = 0; k < 24; ++k )
      {
        // two wavy near-parallel lines 150 m long, 2 to 8 m apart, with jitter
        const double width = 2 + 6 * u( rng ), angle = 2 * PI * u( rng ), wave = 1 + 3 * u( rng ), jitter = k % 2 ? 0.05 : 0;
        std::vector<std::pair<double, double>> points;
        const int n = 150;
        for ( int i = 0; i <= n; ++i )
          points.emplace_back( i, wave * std::sin( i / 25.0 ) + jitter * ( u( rng ) - 0.5 ) );
        for ( int i = n; i >= 0; --i )
          points.emplace_back( i, width * ( 1 + 0.1 * std::sin( i / 17.0 + k ) ) + wave * std::sin( i / 25.0 ) + jitter * ( u( rng ) - 0.5 ) );
        const std::vector<PolygonRings> polygon{ { ring( points, angle ) } };
        const double fine = width / 20000;
        const double reference = geosRadius( geos, polygon, fine );
        const double tolerance = width / 200;
        const InscribedCircle c = limes::largestInscribedCircle( polygon, tolerance );
        const QString what = QStringLiteral( "sliver %1: ours %2 to %3, GEOS %4" ).arg( k ).arg( c.radius, 0, 'f', 6 ).arg( c.upperRadius, 0, 'f', 6 ).arg( reference, 0, 'f', 6 );
        QVERIFY2( c.radius <= reference + fine + 1e-9, qPrintable( what ) );  // never wider than the truth
        QVERIFY2( c.upperRadius >= reference - 1e-9, qPrintable( what ) );    // the bound holds
        QVERIFY2( 2 * c.radius >= 2 * reference - tolerance, qPrintable( what ) );
      }
    }

    void randomShapesAgainstGeos()
    {
      // star-shaped polygons, convex and not, some with a hole and some with a second part
      const limes::geos::Context geos;
      std::mt19937 rng( 7 );
      std::uniform_real_distribution<double> u( 0, 1 );
      for ( int k = 0; k < 40; ++k )
      {
        const int n = 3 + static_cast<int>( u( rng ) * 60 );
        const double size = 10 + 990 * u( rng );
        std::vector<std::pair<double, double>> points;
        for ( int i = 0; i < n; ++i )
        {
          const double t = 2 * PI * ( i + 0.8 * u( rng ) ) / n, r = size * ( 0.5 + 0.5 * u( rng ) );
          points.emplace_back( r * std::cos( t ), r * std::sin( t ) );
        }
        PolygonRings polygon{ ring( points ) };
        if ( k % 3 == 1 ) // a square hole about the centre, inside every star
        {
          const double h = size * 0.2 * u( rng ), cx = size * 0.1 * ( u( rng ) - 0.5 );
          polygon.push_back( ring( { { cx - h, -h }, { cx - h, h }, { cx + h, h }, { cx + h, -h } } ) );
        }
        std::vector<PolygonRings> polygons{ polygon };
        if ( k % 3 == 2 )
          polygons.push_back( { ring( { { 3 * size, 0 }, { 3 * size + size * u( rng ), 0 }, { 3 * size, size } } ) } );
        const double tolerance = size * 0.002 * ( 1 + 4 * u( rng ) ), fine = tolerance / 100;
        const double reference = geosRadius( geos, polygons, fine );
        const InscribedCircle c = limes::largestInscribedCircle( polygons, tolerance );
        const QString what = QStringLiteral( "shape %1: ours %2 to %3, GEOS %4" ).arg( k ).arg( c.radius, 0, 'f', 6 ).arg( c.upperRadius, 0, 'f', 6 ).arg( reference, 0, 'f', 6 );
        QVERIFY2( c.radius <= reference + fine + 1e-9, qPrintable( what ) );
        QVERIFY2( c.upperRadius >= reference - 1e-9, qPrintable( what ) );
        QVERIFY2( 2 * c.radius >= 2 * reference - tolerance, qPrintable( what ) );
        QVERIFY2( c.upperRadius - c.radius <= tolerance / 2 + 1e-9, qPrintable( what ) );
      }
    }

    void generatedBorderPiecesAgainstGeos()
    {
      const limes::geos::Context geos;
      limes::test::LineSpec spec;
      spec.vertices = 4000;
      const limes::test::LinePair lines = limes::test::generateLines( spec );
      std::vector<std::vector<PolygonRings>> pieces;
      // the disputed stretches' lenses: the faces between the two versions
      auto asLine = [&]( const std::vector<QgsPointXY> &line ) {
        std::vector<double> xy;
        for ( const QgsPointXY &p : line )
          xy.insert( xy.end(), { p.x(), p.y() } );
        return geos.lineString( xy );
      };
      std::vector<limes::geos::GeomPtr> both;
      both.push_back( asLine( lines.oldLine ) );
      both.push_back( asLine( lines.newLine ) );
      const limes::geos::GeomPtr noded = geos.unaryUnion( geos.collection( GEOS_MULTILINESTRING, both ).get(), 0 );
      const limes::geos::GeomPtr faces = geos.polygonize( { noded.get() } );
      for ( int i = 0; i < geos.geometryCount( faces.get() ) && pieces.size() < 10; ++i )
      {
        const GEOSGeometry *face = geos.geometryN( faces.get(), i );
        if ( geos.area( face ) > 100 )
          pieces.push_back( { { geos.coordinates( GEOSGetExteriorRing_r( geos.handle(), face ) ) } } );
      }
      QVERIFY( pieces.size() >= 4 );
      // a commission segment's stretch redrawn a few metres north, as the incremental benchmark does
      for ( const double offset : { 5.0, 2.5 } )
        pieces.push_back( { { redrawnSliver( lines.oldLine, 1000 + static_cast<size_t>( offset * 100 ), 120, offset ) } } );
      for ( const auto &piece : pieces )
      {
        const double area = std::fabs( geos.area( geos.check( GEOSGeom_createPolygon_r( geos.handle(),
                                        GEOSGeom_createLinearRing_r( geos.handle(), GEOSCoordSeq_copyFromBuffer_r( geos.handle(), piece[0][0].data(), static_cast<unsigned>( piece[0][0].size() / 2 ), 0, 0 ) ),
                                        nullptr, 0 ), "polygon" ).get() ) );
        double perimeter = 0;
        const std::vector<double> &xy = piece[0][0];
        for ( size_t i = 2; i < xy.size(); i += 2 )
          perimeter += std::hypot( xy[i] - xy[i - 2], xy[i + 1] - xy[i - 1] );
        // the change engine's tolerance: 0.5 % of 2 area / perimeter
        const double tolerance = std::clamp( 2 * area / perimeter / 200, 0.001, 1.0 );
        const double fine = tolerance / 50;
        const double reference = geosRadius( geos, piece, fine );
        const InscribedCircle c = limes::largestInscribedCircle( piece, tolerance );
        const QString what = QStringLiteral( "piece of %1 m²: ours %2 to %3, GEOS %4" ).arg( area, 0, 'f', 0 ).arg( c.radius, 0, 'f', 6 ).arg( c.upperRadius, 0, 'f', 6 ).arg( reference, 0, 'f', 6 );
        QVERIFY2( c.radius <= reference + fine + 1e-9, qPrintable( what ) );
        QVERIFY2( c.upperRadius >= reference - 1e-9, qPrintable( what ) );
        QVERIFY2( 2 * c.radius >= 2 * reference - tolerance, qPrintable( what ) );
        QVERIFY2( tolerance <= 2 * reference / 200 + 1e-12 || tolerance == 0.001, qPrintable( what ) ); // 0.5 % of the width, or the floor
      }
    }
};

QGSTEST_MAIN( TestInscribedCircle )
#include "testinscribedcircle.moc"
