// SPDX-License-Identifier: GPL-2.0-or-later
// Resources against big pieces through a window (change/piecewindow.h): GEOS intersecting a
// feature with the piece near it must give, to the byte, what it gives with the whole piece.
// The oracle is GEOS's intersection with the whole piece, as the resource stage did before.
#include "change/piecewindow.h"
#include "change/resourcechanges.h"
#include "geometry/ellipsoidmeasure.h"

#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransformcontext.h>
#include <qgsgeometryengine.h>
#include <qgslinestring.h>
#include <qgsmultipolygon.h>
#include <qgspolygon.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace limes;
using namespace limes::change;

namespace
{
  constexpr double X0 = 600000, Y0 = 4430000; // near Isfara, UTM 42N

  /**
   * A sliver 20 km long, 60-140 m wide, with wavy edges of 2 m steps (about 20,000 vertices),
   * starting its ring mid-way along the north edge; clockwise as GEOS builds them, or not.
   */
  QgsLineString *sliverRing( double dx, double dy, bool clockwise )
  {
    QVector<double> x, y;
    for ( double s = 0; s <= 20000; s += 2 )
    {
      x << X0 + dx + s;
      y << Y0 + dy + 50 + 20 * std::sin( s / 37 ) + 3 * std::sin( s / 5.3 );
    }
    for ( double s = 20000; s >= 0; s -= 2 )
    {
      x << X0 + dx + s;
      y << Y0 + dy - 50 + 15 * std::sin( s / 53 ) - 2 * std::cos( s / 7.1 );
    }
    // start mid-way, so a ring's first vertex lies where features are
    std::rotate( x.begin(), x.begin() + 2500, x.end() );
    std::rotate( y.begin(), y.begin() + 2500, y.end() );
    x << x.front();
    y << y.front();
    // west to east on the north edge is clockwise
    if ( !clockwise )
    {
      std::reverse( x.begin(), x.end() );
      std::reverse( y.begin(), y.end() );
    }
    return new QgsLineString( x, y );
  }

  //! A hole 1.5 km long and 30 m wide inside the sliver: boxes cut it like the shell.
  QgsLineString *holeRing( double cx, bool clockwise )
  {
    QVector<double> x, y;
    for ( int k = 0; k <= 300; ++k )
    {
      const double a = ( clockwise ? -1 : 1 ) * 2 * M_PI * ( k % 300 ) / 300;
      x << X0 + cx + 750 * std::cos( a );
      y << Y0 + 15 * std::sin( a );
    }
    return new QgsLineString( x, y );
  }

  //! Lines and polygons from a few metres to 3 km across, many over the sliver's edges.
  QVector<QgsGeometry> features( int count, unsigned seed )
  {
    std::mt19937 rng( seed );
    std::uniform_real_distribution<double> u( 0, 1 );
    QVector<QgsGeometry> out;
    for ( int i = 0; i < count; ++i )
    {
      const double x = X0 + 200 + u( rng ) * 19600, y = Y0 + ( u( rng ) - 0.5 ) * 400;
      const double size = i % 7 == 0 ? 3000 * u( rng ) : 2 + 300 * u( rng );
      if ( i % 3 == 0 )
      {
        const double w = size * ( 0.2 + u( rng ) ), h = size * ( 0.2 + u( rng ) );
        out << QgsGeometry::fromPolygonXY( { { QgsPointXY( x, y ), QgsPointXY( x + w, y + 0.3 * h ), QgsPointXY( x + 0.6 * w, y + h ),
                                               QgsPointXY( x - 0.2 * w, y + 0.7 * h ), QgsPointXY( x, y ) } } );
      }
      else
        out << QgsGeometry::fromPolylineXY( { QgsPointXY( x, y - size / 2 ), QgsPointXY( x + size / 3, y ), QgsPointXY( x + size / 8, y + size / 2 ) } );
    }
    return out;
  }
}

class TestResourceWindow : public QObject
{
    Q_OBJECT

  private:
    /**
     * Every feature meeting the piece: the window's intersection has the whole piece's WKB.
     * Returns how many went through a window.
     */
    int compare( const QgsGeometry &piece, const QVector<QgsGeometry> &features )
    {
      const PieceWindow window( piece );
      const std::unique_ptr<QgsGeometryEngine> whole( QgsGeometry::createGeometryEngine( piece.constGet() ) );
      whole->prepareGeometry();
      int windowed = 0, meeting = 0;
      for ( const QgsGeometry &f : features )
      {
        if ( !whole->intersects( f.constGet() ) )
          continue;
        ++meeting;
        const std::unique_ptr<QgsAbstractGeometry> near = window.around( f.boundingBox() );
        if ( !near )
          continue;
        ++windowed;
        const std::unique_ptr<QgsGeometryEngine> e( QgsGeometry::createGeometryEngine( near.get() ) );
        const QgsGeometry got( e->intersection( f.constGet() ) );
        const QgsGeometry expected( whole->intersection( f.constGet() ) );
        if ( got.asWkb() != expected.asWkb() )
          qWarning() << f.asWkt( 3 ) << "\n window:" << got.asWkt( 3 ) << "\n whole: " << expected.asWkt( 3 );
        [&] { QCOMPARE( got.asWkb(), expected.asWkb() ); }();
        if ( QTest::currentTestFailed() )
          return windowed;
      }
      qInfo() << windowed << "of" << meeting << "features through a window";
      return windowed;
    }

  private slots:
    void initTestCase() { QgsApplication::init(); QgsApplication::initQgis(); }
    void cleanupTestCase() { QgsApplication::exitQgis(); }

    void bigEnough()
    {
      QVERIFY( PieceWindow::worthIt( QgsGeometry( new QgsPolygon( sliverRing( 0, 0, true ) ) ) ) );
      QVERIFY( !PieceWindow::worthIt( QgsGeometry::fromRect( QgsRectangle( 0, 0, 10, 10 ) ) ) );
    }

    void sameAsWholePiece_data()
    {
      QTest::addColumn<bool>( "clockwise" );
      QTest::newRow( "clockwise shells, anticlockwise holes (GEOS)" ) << true;
      QTest::newRow( "anticlockwise shells, clockwise holes" ) << false;
    }

    void sameAsWholePiece()
    {
      QFETCH( bool, clockwise );
      QgsPolygon *p = new QgsPolygon( sliverRing( 0, 0, clockwise ) );
      p->addInteriorRing( holeRing( 9000, !clockwise ) );
      const QgsGeometry piece( p );
      QVERIFY( piece.isGeosValid() );
      const int windowed = compare( piece, features( 1500, 7 ) );
      QVERIFY( windowed > 800 ); // the windows are the ordinary path, not the exception
    }

    void multipolygonAndBoxInside()
    {
      auto m = new QgsMultiPolygon();
      m->addGeometry( new QgsPolygon( sliverRing( 0, 0, true ) ) );
      m->addGeometry( new QgsPolygon( sliverRing( 0, 300, true ) ) );
      const QgsGeometry piece( m );
      QVERIFY( piece.isGeosValid() );
      QVector<QgsGeometry> f = features( 1200, 11 );
      // wholly inside the sliver, far from its edges: the window is the box alone
      f << QgsGeometry::fromPolylineXY( { QgsPointXY( X0 + 3000, Y0 - 5 ), QgsPointXY( X0 + 3004, Y0 + 5 ) } );
      f << QgsGeometry::fromRect( QgsRectangle( X0 + 7000, Y0 - 3, X0 + 7006, Y0 + 3 ) );
      QVERIFY( compare( piece, f ) > 750 );
    }

    //! Through the overlay every resource stage uses: the same changes as with the whole piece.
    void overlaySameAsResourceChange()
    {
      std::vector<Transfer> transfers( 2 );
      transfers[0].from = QStringLiteral( "KG" );
      transfers[0].to = QStringLiteral( "TJ" );
      transfers[0].geometry = QgsGeometry( new QgsPolygon( sliverRing( 0, 0, true ) ) );
      transfers[1].from = QStringLiteral( "TJ" );
      transfers[1].to = QStringLiteral( "KG" );
      transfers[1].geometry = QgsGeometry::fromRect( QgsRectangle( X0 + 100, Y0 + 100, X0 + 900, Y0 + 180 ) ); // small: no window
      const QgsCoordinateTransformContext context;
      const Ellipsoid ellipsoid = Ellipsoid::checked( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:32642" ) ), QStringLiteral( "EPSG:7030" ), context );
      const ResourceOverlay overlay( transfers, ellipsoid );
      const EllipsoidMeasure measure( ellipsoid );
      std::vector<std::unique_ptr<QgsGeometryEngine>> engines;
      for ( const Transfer &t : transfers )
      {
        engines.emplace_back( QgsGeometry::createGeometryEngine( t.geometry.constGet() ) );
        engines.back()->prepareGeometry();
      }
      int moved = 0;
      QgsFeatureId fid = 0;
      for ( const QgsGeometry &f : features( 600, 3 ) )
      {
        const limes::GeometryType type = f.type();
        std::vector<ResourceChange> got;
        overlay.add( QStringLiteral( "canals" ), type, ++fid, f, got );
        std::vector<ResourceChange> expected;
        for ( size_t i = 0; i < transfers.size(); ++i )
        {
          ResourceChange c;
          if ( resourceChange( transfers[i], *engines[i], measure, QStringLiteral( "canals" ), type, fid, f, c ) )
            expected.push_back( c );
        }
        QCOMPARE( got.size(), expected.size() );
        for ( size_t k = 0; k < got.size(); ++k )
        {
          QCOMPARE( got[k].from, expected[k].from );
          QCOMPARE( got[k].geometry.asWkb(), expected[k].geometry.asWkb() );
          QCOMPARE( got[k].lengthM, expected[k].lengthM );
          QCOMPARE( got[k].areaM2, expected[k].areaM2 );
        }
        moved += static_cast<int>( got.size() );
      }
      QVERIFY( moved > 100 );
    }
};

QGSTEST_MAIN( TestResourceWindow )
#include "testresourcewindow.moc"
