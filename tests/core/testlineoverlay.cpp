// SPDX-License-Identifier: GPL-2.0-or-later
// Hand-computed cases for the winding-number overlay, and its properties.
#include "error.h"
#include "change/lineoverlay.h"
#include "geometry/segmentindex.h"
#include "testutils.h"

#include <QtTest>
#include <qgstest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using limes::LineOverlay;
using limes::Polyline;

namespace
{
  std::vector<Polyline> parts( const QString &wkt )
  {
    std::vector<Polyline> out;
    const QgsGeometry g = QgsGeometry::fromWkt( wkt );
    int i = 0;
    for ( const QgsPolylineXY &line : g.asMultiPolyline() )
    {
      Polyline p;
      p.origin = QStringLiteral( "part %1" ).arg( ++i );
      for ( const QgsPointXY &pt : line )
      {
        p.xy.push_back( pt.x() );
        p.xy.push_back( pt.y() );
      }
      out.push_back( p );
    }
    return out;
  }

  double pointSegmentDistance( double px, double py, double ax, double ay, double bx, double by )
  {
    const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp( ( ( px - ax ) * dx + ( py - ay ) * dy ) / len2, 0.0, 1.0 ) : 0.0;
    return std::hypot( px - ( ax + t * dx ), py - ( ay + t * dy ) );
  }

  //! Brute force: 0 where the segments cross, else the nearest of their ends to the other.
  double segmentDistance( double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy )
  {
    auto side = []( double px, double py, double qx, double qy, double rx, double ry ) { return ( qx - px ) * ( ry - py ) - ( qy - py ) * ( rx - px ); };
    const double d1 = side( ax, ay, bx, by, cx, cy ), d2 = side( ax, ay, bx, by, dx, dy );
    const double d3 = side( cx, cy, dx, dy, ax, ay ), d4 = side( cx, cy, dx, dy, bx, by );
    if ( ( ( d1 > 0 && d2 < 0 ) || ( d1 < 0 && d2 > 0 ) ) && ( ( d3 > 0 && d4 < 0 ) || ( d3 < 0 && d4 > 0 ) ) )
      return 0;
    return std::min( { pointSegmentDistance( ax, ay, cx, cy, dx, dy ), pointSegmentDistance( bx, by, cx, cy, dx, dy ),
                       pointSegmentDistance( cx, cy, ax, ay, bx, by ), pointSegmentDistance( dx, dy, ax, ay, bx, by ) } );
  }

  //! Total area moving left->right (winding +1) and right->left (-1).
  QPair<double, double> areas( const limes::LineOverlayResult &r )
  {
    double lr = 0, rl = 0;
    for ( const limes::OverlayFace &f : r.faces )
      ( f.winding > 0 ? lr : rl ) += f.polygon.area();
    return { lr, rl };
  }
}

class TestLineOverlay : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void handComputed_data()
    {
      QTest::addColumn<QString>( "oldWkt" );
      QTest::addColumn<QString>( "newWkt" );
      QTest::addColumn<double>( "leftToRight" );
      QTest::addColumn<double>( "rightToLeft" );
      QTest::addColumn<int>( "pieces" );
      QTest::addColumn<int>( "connectors" );
      // old runs east: its left is north. A new line bulging north gives old-left land to the right party.
      QTest::newRow( "bulge north" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 0, 5 5, 10 0))" << 25.0 << 0.0 << 1 << 0;
      QTest::newRow( "bulge south" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 0, 5 -5, 10 0))" << 0.0 << 25.0 << 1 << 0;
      QTest::newRow( "one crossing" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 0, 2.5 2.5, 7.5 -2.5, 10 0))" << 6.25 << 6.25 << 2 << 0;
      QTest::newRow( "identical" ) << "MULTILINESTRING((0 0, 4 3, 10 0))" << "MULTILINESTRING((0 0, 4 3, 10 0))" << 0.0 << 0.0 << 0 << 0;
      QTest::newRow( "coincident stretch" ) << "MULTILINESTRING((0 0, 10 0, 20 0))" << "MULTILINESTRING((0 0, 10 0, 15 5, 20 0))" << 25.0 << 0.0 << 1 << 0;
      QTest::newRow( "extra vertex on the same line" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 0, 5 0, 10 0))" << 0.0 << 0.0 << 0 << 0;
      QTest::newRow( "micrometre differences" ) << "MULTILINESTRING((0 0, 5 3, 10 0))" << "MULTILINESTRING((0.0000004 0, 5 3.0000003, 10 -0.0000002))" << 0.0 << 0.0 << 0 << 0;
      QTest::newRow( "different ends" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 1, 10 1))" << 10.0 << 0.0 << 1 << 2;
      QTest::newRow( "ring shrinks" ) << "MULTILINESTRING((0 0, 0 10, 10 10, 10 0, 0 0))" << "MULTILINESTRING((2 2, 2 8, 8 8, 8 2, 2 2))" << 0.0 << 64.0 << 1 << 0;
      QTest::newRow( "ring moves" ) << "MULTILINESTRING((0 0, 0 10, 10 10, 10 0, 0 0))" << "MULTILINESTRING((5 0, 5 10, 15 10, 15 0, 5 0))" << 50.0 << 50.0 << 2 << 0;
      QTest::newRow( "two parts" ) << "MULTILINESTRING((0 0, 10 0),(20 0, 30 0))" << "MULTILINESTRING((0 0, 5 2, 10 0),(20 0, 25 -4, 30 0))" << 10.0 << 20.0 << 2 << 0;
      QTest::newRow( "touching at a vertex" ) << "MULTILINESTRING((0 0, 10 0, 20 0))" << "MULTILINESTRING((0 0, 5 5, 10 0, 15 -5, 20 0))" << 25.0 << 25.0 << 2 << 0;
      // dense lines 10 m apart, where only the segments near a crossing go to the noder: the
      // versions cross at a vertex of both (x = 100, 200, 300), then in mid-segment of both.
      // At UTM-sized coordinates with millimetres, where the noder's rounding and ours may
      // differ in the last bit
      auto at = []( double x, double y ) { return QStringLiteral( "%1 %2" ).arg( 643368.766 + x, 0, 'f', 3 ).arg( 4438876.903 + y, 0, 'f', 3 ); };
      QString straight, wave, step;
      for ( int x = 0; x <= 400; ++x )
        straight += ( x ? ", " : "" ) + at( x, 0 );
      wave = at( 0, 0 );
      for ( int x = 1; x < 400; ++x )
        wave += ", " + at( x, x % 100 == 0 ? 0 : ( x / 100 ) % 2 ? -10 : 10 );
      wave += ", " + at( 400, 0 );
      QTest::newRow( "dense, crossing at vertices" ) << "MULTILINESTRING((" + straight + "))" << "MULTILINESTRING((" + wave + "))" << 1980.0 << 1980.0 << 4 << 0;
      straight.clear();
      for ( int x = 0; x <= 201; ++x )
        straight += ( x ? ", " : "" ) + at( x, 0 );
      step = at( 0, 0 ) + ", " + at( 0, 10 );
      for ( int x = 1; x <= 100; ++x )
        step += ", " + at( x, 10 );
      step += ", " + at( 100.5, 10 ) + ", " + at( 100.5, -10 );
      for ( int x = 101; x <= 201; ++x )
        step += ", " + at( x, -10 );
      step += ", " + at( 201, 0 );
      QTest::newRow( "dense, crossing in mid-segment" ) << "MULTILINESTRING((" + straight + "))" << "MULTILINESTRING((" + step + "))" << 1005.0 << 1005.0 << 2 << 0;
    }

    void handComputed()
    {
      QFETCH( QString, oldWkt );
      QFETCH( QString, newWkt );
      QFETCH( double, leftToRight );
      QFETCH( double, rightToLeft );
      const limes::LineOverlayResult r = LineOverlay( 0.001, 100 ).run( parts( oldWkt ), parts( newWkt ) );
      const auto a = areas( r );
      QGSCOMPARENEAR( a.first, leftToRight, 1e-6 );
      QGSCOMPARENEAR( a.second, rightToLeft, 1e-6 );
      QTEST( static_cast<int>( r.faces.size() ), "pieces" );
      QTEST( static_cast<int>( r.connectors.size() ), "connectors" );
      for ( const limes::OverlayFace &f : r.faces )
        QVERIFY( f.polygon.isGeosValid() && f.polygon.area() > 0 );
    }

    void swappingVersionsSwapsDirections()
    {
      const auto o = parts( "MULTILINESTRING((0 0, 3 1, 6 -2, 9 2, 12 -1, 15 0))" );
      const auto n = parts( "MULTILINESTRING((0 0, 2 -1, 5 2, 8 -3, 11 1, 15 0))" );
      const auto ab = areas( LineOverlay( 0.001, 100 ).run( o, n ) );
      const auto ba = areas( LineOverlay( 0.001, 100 ).run( n, o ) );
      QVERIFY( ab.first > 1 && ab.second > 1 );
      QGSCOMPARENEAR( ab.first, ba.second, 1e-6 );
      QGSCOMPARENEAR( ab.second, ba.first, 1e-6 );
    }

    void sharedSegmentsAreNotOverlaid()
    {
      const limes::LineOverlayResult r = LineOverlay( 0.001, 100 ).run(
                                           parts( "MULTILINESTRING((0 0, 1 0, 2 0, 3 0, 4 0, 5 0))" ), parts( "MULTILINESTRING((0 0, 1 0, 2 0, 3 1, 4 0, 5 0))" ) );
      QCOMPARE( r.sharedSegments, 3LL );
      QCOMPARE( r.chainSegments, 4LL );
      QGSCOMPARENEAR( areas( r ).first, 1.0, 1e-9 );
    }

    void refuses_data()
    {
      QTest::addColumn<QString>( "oldWkt" );
      QTest::addColumn<QString>( "newWkt" );
      QTest::addColumn<QString>( "message" );
      QTest::newRow( "ends too far apart" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 500, 10 0))" << "are 500.00 m apart, more than the maximum end gap (100.00 m)";
      QTest::newRow( "opposite direction" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((10 0, 5 1, 0 0))" << "runs the opposite way";
      QTest::newRow( "ring without counterpart" ) << "MULTILINESTRING((0 0, 0 10, 10 10, 0 0))" << "MULTILINESTRING((0 0, 10 0))" << "no closed ring in the new version corresponds";
      QTest::newRow( "extra new part" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 0, 10 0),(20 0, 30 0))" << "new version, part 2: no part of the old version";
      QTest::newRow( "self-overlapping version" ) << "MULTILINESTRING((0 0, 10 0))" << "MULTILINESTRING((0 0, 5 5, 6 3, 4 3, 5 5, 10 0))" << "crosses itself";
    }

    void refuses()
    {
      QFETCH( QString, oldWkt );
      QFETCH( QString, newWkt );
      QFETCH( QString, message );
      try
      {
        LineOverlay( 0.001, 100 ).run( parts( oldWkt ), parts( newWkt ) );
        QFAIL( "no error" );
      }
      catch ( const limes::Error &e )
      {
        QVERIFY2( e.message().contains( message ), qPrintable( e.message() ) );
      }
    }

    void segmentIndexFindsEverySegmentNearOnce()
    {
      // a dense line (1 m) with two long straight segments (40 and 50 km) across it: every
      // query must see every segment within its radius, each once, as brute force does
      std::vector<limes::SegmentIndex::Segment> segments;
      std::mt19937 rng( 12 );
      std::uniform_real_distribution<double> u( -0.5, 0.5 );
      double x = 0, y = 0;
      for ( int i = 0; i < 20000; ++i )
      {
        const double nx = x + 1 + u( rng ), ny = y + u( rng );
        segments.push_back( { x, y, nx, ny } );
        x = nx;
        y = ny;
      }
      segments.push_back( { x, y, x - 30000, y + 26458 } );        // 40 km
      segments.push_back( { x - 30000, y + 26458, 1000, -49000 } ); // about 77 km, diagonal
      const limes::SegmentIndex index( segments );
      // memory: a cell entry per cell passed through, not per cell of the boxes (~ 2.5e9 cells)
      QVERIFY2( index.memoryUsed() < 4'000'000, qPrintable( QString::number( index.memoryUsed() ) ) );
      std::uniform_real_distribution<double> px( -1000, 21000 ), py( -50000, 30000 );
      for ( int q = 0; q < 400; ++q )
      {
        const double ax = q % 2 ? px( rng ) : x * ( q % 200 ) / 200.0, ay = q % 2 ? py( rng ) : 0;
        const double bx = ax + 30 * u( rng ), by = ay + 30 * u( rng ), radius = q % 3 ? 0.0 : 5.0;
        std::vector<size_t> seen;
        index.along( ax, ay, bx, by, radius, [&]( size_t id ) { seen.push_back( id ); } );
        const std::set<size_t> unique( seen.begin(), seen.end() );
        QCOMPARE( unique.size(), seen.size() );
        for ( size_t id = 0; id < segments.size(); ++id )
        {
          const auto &s = segments[id];
          if ( segmentDistance( s.x0, s.y0, s.x1, s.y1, ax, ay, bx, by ) <= radius )
            QVERIFY2( unique.count( id ), qPrintable( QStringLiteral( "query %1 misses segment %2" ).arg( q ).arg( id ) ) );
        }
      }
    }

    void segmentIndexWithASegmentFromTheLowerLeftCorner()
    {
      // the data's lower-left corner is a vertex: a search radius reaches cell (-1, -1) there,
      // whose key was the hash table's EMPTY mark, and that segment overwrote another cell's
      // list (a transfer of 705 ha went missing in a claim drawn against a segment's line)
      std::vector<limes::SegmentIndex::Segment> segments;
      std::mt19937 rng( 5 );
      std::uniform_real_distribution<double> u( 1, 200 );
      for ( int i = 0; i < 500; ++i )
      {
        const double x = u( rng ), y = u( rng );
        segments.push_back( { x, y, x + 0.3, y + 0.2 } ); // mostly within one cell: found there or nowhere
      }
      segments.push_back( { 3, 4, 0, 0 } ); // ends on the corner (0, 0); stored last, as the line's last segment was
      const limes::SegmentIndex index( segments, 2.0 );
      for ( size_t id = 0; id < segments.size(); ++id )
      {
        const auto &s = segments[id];
        const double mx = ( s.x0 + s.x1 ) / 2, my = ( s.y0 + s.y1 ) / 2;
        bool found = false;
        index.near( mx, my, 0.002, [&]( size_t i ) { found = found || i == id; } );
        QVERIFY2( found, qPrintable( QStringLiteral( "segment %1 not found at its own midpoint" ).arg( id ) ) );
      }
      // far from everything: nothing, not the corner's segment
      int visited = 0;
      index.near( -500, -500, 0.002, [&]( size_t ) { ++visited; } );
      QCOMPARE( visited, 0 );
    }

    void longStraightSegmentsDoNotBlowUpTheOverlay()
    {
      // the same weave with and without 50 km straight segments continuing both versions
      const QString weave = QStringLiteral( "0 0, 10 0, 20 0, 30 0, 40 0" );
      const QString weaveNew = QStringLiteral( "0 0, 10 5, 20 -5, 30 5, 40 0" );
      const auto r = LineOverlay( 0.001, 1000 ).run( parts( QStringLiteral( "MULTILINESTRING((%1, 40040 30000, 90040 -10000))" ).arg( weave ) ),
                     parts( QStringLiteral( "MULTILINESTRING((%1, 40040 30000, 90040 -10000))" ).arg( weaveNew ) ) );
      const auto a = areas( r );
      // triangles of 37.5, 25 and 37.5 m² between x = 0, 15, 25 and 40
      QCOMPARE( static_cast<int>( r.faces.size() ), 3 );
      QVERIFY2( std::fabs( a.first - 75 ) < 1e-6 && std::fabs( a.second - 25 ) < 1e-6, qPrintable( QStringLiteral( "%1 %2" ).arg( a.first ).arg( a.second ) ) );
    }
};

QGSTEST_MAIN( TestLineOverlay )
#include "testlineoverlay.moc"
