// SPDX-License-Identifier: GPL-2.0-or-later
// Ellipsoidal areas of real transfers against GeographicLib's geodesic polygon area.
#include "change/changeengine.h"
#include "layersource.h"
#include "memorylayers.h"
#include "testutils.h"

#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgspolygon.h>
#include <qgsproject.h>

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>

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
        QVERIFY2( diff <= std::max( 1.0, 1e-4 * expected ), qPrintable( QStringLiteral( "%1 m² vs GeographicLib %2 m²" ).arg( t.areaM2, 0, 'f', 3 ).arg( expected, 0, 'f', 3 ) ) );
      }
      qInfo( "%d transfers; worst relative difference to GeographicLib %.2e", static_cast<int>( result.transfers.size() ), worst );
    }
};

QGSTEST_MAIN( TestGeodesy )
#include "testgeodesy.moc"
