// SPDX-License-Identifier: GPL-2.0-or-later
// The sample data is what every later test and the demo compute on: check the promises
// sampledata/README.md makes about it.
#include "layersource.h"
#include "testutils.h"

#include <QtTest>
#include <qgstest.h>

#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgscurve.h>
#include <qgsgeometry.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace
{
  std::unique_ptr<QgsVectorLayer> open( const QString &name )
  {
    return limes::LayerSource( limes::test::sampleData( name ) ).open();
  }

  QVector<QgsFeature> features( QgsVectorLayer &layer )
  {
    QVector<QgsFeature> result;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures( QgsFeatureRequest().addOrderBy( QStringLiteral( "fid" ) ) );
    while ( it.nextFeature( f ) )
      result << f;
    return result;
  }

  //! Geometry in metres (UTM 42N covers the sample area).
  QgsGeometry toUtm( QgsGeometry g )
  {
    const QgsCoordinateTransform t( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ),
                                    QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:32642" ) ), QgsProject::instance() );
    g.transform( t );
    return g;
  }

  //! Each part of the DCW version with its WDBII twin (same fid), both in UTM 42N.
  QVector<QPair<QgsFeature, QgsFeature>> boundaryPairs()
  {
    const auto dcw = open( QStringLiteral( "boundary_dcw" ) );
    const auto wdb = open( QStringLiteral( "boundary_wdbii" ) );
    const QVector<QgsFeature> a = features( *dcw ), b = features( *wdb );
    QVector<QPair<QgsFeature, QgsFeature>> pairs;
    for ( int i = 0; i < std::min( a.size(), b.size() ); ++i )
    {
      QgsFeature fa = a[i], fb = b[i];
      fa.setGeometry( toUtm( fa.geometry() ) );
      fb.setGeometry( toUtm( fb.geometry() ) );
      pairs << qMakePair( fa, fb );
    }
    return pairs;
  }
}

class TestSampleData : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase() { limes::test::initQgis(); }

    void everyLayerHasCrsAndValidGeometries_data()
    {
      QTest::addColumn<QString>( "layer" );
      for ( const limes::LayerSource::Sublayer &s : limes::LayerSource( limes::test::sampleData() ).sublayers() )
        QTest::newRow( qPrintable( s.name ) ) << s.name;
    }

    void everyLayerHasCrsAndValidGeometries()
    {
      QFETCH( QString, layer );
      const auto l = open( layer );
      QCOMPARE( l->crs().authid(), QStringLiteral( "EPSG:4326" ) );
      const QVector<QgsFeature> fs = features( *l );
      QVERIFY( !fs.isEmpty() );
      for ( const QgsFeature &f : fs )
      {
        QVERIFY2( !f.geometry().isEmpty(), qPrintable( QStringLiteral( "%1 fid %2 empty" ).arg( layer ).arg( f.id() ) ) );
        QVERIFY2( f.geometry().isGeosValid(), qPrintable( QStringLiteral( "%1 fid %2 invalid" ).arg( layer ).arg( f.id() ) ) );
      }
    }

    void boundaryVersionsReallyDiffer()
    {
      const auto pairs = boundaryPairs();
      QCOMPARE( pairs.size(), 2 );
      for ( const auto &[a, b] : pairs )
      {
        const QgsGeometry ga = a.geometry(), gb = b.geometry();
        const double hausdorff = ga.hausdorffDistance( gb );
        // Different sources: apart by more than a demarcation tolerance, but the same border.
        QVERIFY2( hausdorff > 500 && hausdorff < 10000, qPrintable( QString::number( hausdorff ) ) );
        QVERIFY( !ga.equals( gb ) );
        QCOMPARE( a.attribute( "left_party" ).toString(), QStringLiteral( "KG" ) );
        QCOMPARE( b.attribute( "right_party" ).toString(), QStringLiteral( "TJ" ) );
      }
    }

    void dcwIsOrientedKgLeftTjRight()
    {
      // The DCW version is traced from the DCW territories, so they can vouch for its sides.
      const QString layer = QStringLiteral( "boundary_dcw" );
      QMap<QString, QgsGeometry> territory;
      const auto terr = open( QStringLiteral( "territories" ) );
      for ( const QgsFeature &f : features( *terr ) )
        territory.insert( f.attribute( "party" ).toString(), toUtm( f.geometry() ) );
      const auto l = open( layer );
      for ( const QgsFeature &f : features( *l ) )
      {
        const QgsGeometry g = toUtm( f.geometry() );
        int agree = 0, probes = 0;
        // Probe 200 m to each side at 40 places; real data wiggles, so ask for a clear majority.
        for ( int k = 1; k <= 40; ++k )
        {
          const double s = g.length() * k / 41.0;
          const QgsPointXY p = g.interpolate( s ).asPoint();
          const QgsPointXY q = g.interpolate( s + 1.0 ).asPoint();
          const double dx = q.x() - p.x(), dy = q.y() - p.y(), d = std::hypot( dx, dy );
          const QgsGeometry left = QgsGeometry::fromPointXY( QgsPointXY( p.x() - dy / d * 200, p.y() + dx / d * 200 ) );
          const QgsGeometry right = QgsGeometry::fromPointXY( QgsPointXY( p.x() + dy / d * 200, p.y() - dx / d * 200 ) );
          if ( territory["KG"].contains( left ) || territory["TJ"].contains( right ) )
          {
            ++probes;
            agree += territory["KG"].contains( left ) && !territory["TJ"].contains( left );
          }
        }
        QVERIFY2( probes >= 20 && agree >= probes * 8 / 10, qPrintable( QStringLiteral( "%1 part %2: %3 of %4" ).arg( layer ).arg( f.id() ).arg( agree ).arg( probes ) ) );
      }
    }

    void wdbiiRunsTheSameWayAsDcw()
    {
      // WDBII lies 1-4 km from the coarse DCW outlines, too far for side probes; instead
      // each part must start and end where its DCW twin does and turn the same way.
      for ( const auto &[a, b] : boundaryPairs() )
      {
        const QgsGeometry ga = a.geometry(), gb = b.geometry();
        const auto *ca = qgsgeometry_cast<const QgsCurve *>( ga.constGet() );
        const auto *cb = qgsgeometry_cast<const QgsCurve *>( gb.constGet() );
        QVERIFY( ca && cb );
        QCOMPARE( ca->isClosed(), cb->isClosed() );
        if ( ca->isClosed() )
          QCOMPARE( ca->orientation(), cb->orientation() );
        else
        {
          QVERIFY( ca->startPoint().distance( cb->startPoint() ) < 5000 );
          QVERIFY( ca->endPoint().distance( cb->endPoint() ) < 5000 );
        }
      }
    }

    void segmentsAreContiguousAndOrdered()
    {
      const auto l = open( QStringLiteral( "segments" ) );
      const QVector<QgsFeature> fs = features( *l );
      QVERIFY( fs.size() >= 20 );
      for ( int i = 0; i < fs.size(); ++i )
      {
        QCOMPARE( fs[i].attribute( "code" ).toString(), QStringLiteral( "S-%1" ).arg( i + 1, 3, 10, QLatin1Char( '0' ) ) );
        QVERIFY( fs[i].attribute( "chainage_to_m" ).toDouble() > fs[i].attribute( "chainage_from_m" ).toDouble() );
        if ( i > 0 )
          QCOMPARE( fs[i].attribute( "chainage_from_m" ).toDouble(), fs[i - 1].attribute( "chainage_to_m" ).toDouble() );
      }
    }

    void pillarNumbersIncreaseAlongTheLine()
    {
      const auto l = open( QStringLiteral( "pillars" ) );
      const QVector<QgsFeature> fs = features( *l );
      QVERIFY( fs.size() >= 100 );
      const auto line = open( QStringLiteral( "boundary_dcw" ) );
      QgsGeometry dcw;
      for ( const QgsFeature &f : features( *line ) )
        dcw = dcw.isNull() ? toUtm( f.geometry() ) : dcw.combine( toUtm( f.geometry() ) );
      for ( int i = 0; i < fs.size(); ++i )
      {
        QCOMPARE( fs[i].attribute( "number" ).toString(), QString::number( i + 1 ) );
        // strictly increasing within a part; where one part ends the next one starts
        if ( i > 0 && fs[i].attribute( "part" ) == fs[i - 1].attribute( "part" ) )
          QVERIFY( fs[i].attribute( "chainage_m" ).toDouble() > fs[i - 1].attribute( "chainage_m" ).toDouble() );
        else if ( i > 0 )
          QCOMPARE( fs[i].attribute( "chainage_m" ).toDouble(), fs[i - 1].attribute( "chainage_m" ).toDouble() );
        QVERIFY( toUtm( fs[i].geometry() ).distance( dcw ) < 0.01 ); // on the line, to the centimetre
      }
    }

    void syntheticMaterialIsLabelled_data()
    {
      QTest::addColumn<QString>( "layer" );
      QTest::newRow( "claims" ) << "synthetic_claims";
      QTest::newRow( "water points" ) << "synthetic_water_points";
      QTest::newRow( "canals" ) << "synthetic_canals";
      QTest::newRow( "reservoirs" ) << "synthetic_reservoirs";
    }

    void syntheticMaterialIsLabelled()
    {
      QFETCH( QString, layer );
      const auto l = open( layer );
      for ( const QgsFeature &f : features( *l ) )
        QVERIFY( f.attribute( "note" ).toString().startsWith( QLatin1String( "SYNTHETIC" ) ) );
    }

    void claimsComeInPairs()
    {
      const auto l = open( QStringLiteral( "synthetic_claims" ) );
      QMap<QString, QStringList> bySegment;
      for ( const QgsFeature &f : features( *l ) )
        bySegment[f.attribute( "segment" ).toString()] << f.attribute( "party" ).toString();
      QVERIFY( bySegment.size() >= 3 );
      for ( auto it = bySegment.cbegin(); it != bySegment.cend(); ++it )
      {
        QStringList parties = it.value();
        parties.sort();
        QCOMPARE( parties, QStringList( { "KG", "TJ" } ) );
      }
    }
};

QGSTEST_MAIN( TestSampleData )
#include "testsampledata.moc"
