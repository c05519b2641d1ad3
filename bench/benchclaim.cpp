// SPDX-License-Identifier: GPL-2.0-or-later
// limes-bench-claim: the Digitize Claim preview. A full border of N vertices (the change
// benchmark's generated line) is the reference; one commission segment's stretch (1/200 of
// the line) is drawn again as a claim, vertex by vertex, with the mouse moving between the
// vertices, as the desktop's ClaimPreview is driven. Each update is the preview's setLine()
// (transform from WGS 84, the stretch handed to IncrementalChange), result() and the panel's
// totals: everything but painting the canvas. Prints the time per update (median, 95th
// percentile, worst) and checks the last update against a fresh engine run on the line drawn.
#include "benchsupport.h"
#include "boundarygenerator.h"
#include "change/changeengine.h"
#include "claim/claimpreview.h"
#include "memorylayers.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace limes;
using namespace limes::test;
using namespace limes::bench;

namespace
{
  double percentile( std::vector<double> v, double p )
  {
    if ( v.empty() )
      return 0;
    std::sort( v.begin(), v.end() );
    return v[std::min( v.size() - 1, static_cast<size_t>( p * static_cast<double>( v.size() - 1 ) + 0.5 ) )];
  }

}

int main( int argc, char **argv )
{
  const auto app = startQgis( argc, argv );
  QCommandLineParser parser;
  parser.setApplicationDescription( "Benchmark of the Digitize Claim preview" );
  parser.addHelpOption();
  parser.addOptions( {
    { "sizes", "Vertices of the reference border, comma-separated.", "N,N", "100000,1000000" },
    { "clicks", "Vertices of the claim drawn.", "N", "40" },
    { "moves", "Mouse moves between two vertices.", "N", "5" },
    { "resources", "Resource points near the line.", "N", "20000" },
  } );
  parser.process( *app );
  const int clicks = std::max( 2, parser.value( "clicks" ).toInt() );
  const int moves = parser.value( "moves" ).toInt();
  out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( "vertices", 9 ).arg( "step", -34 ).arg( "updates", 8 ).arg( "median ms", 10 ).arg( "p95 ms", 8 )
      .arg( "worst ms", 9 ).arg( "note" );
  out.flush();
  bool allEqual = true;
  for ( const QString &sizeText : parser.value( "sizes" ).split( ',' ) )
  {
    const LineSpec spec = fullBorder( sizeText.toInt() );
    const LinePair p = generateLines( spec );
    auto reference = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.oldLine ) } );
    std::mt19937 rng( 7 );
    auto springs = memoryLayer( "Point", "EPSG:32642", springsNear( p.oldLine, parser.value( "resources" ).toInt(), rng ) );
    ChangeRequest request = lineRequest( reference.get(), reference.get() );
    request.resources = { input( springs.get(), "springs" ) };

    QElapsedTimer timer;
    timer.start();
    claim::ClaimPreview preview( request );
    const double setUp = timer.nsecsElapsed() / 1e6;
    out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( spec.vertices, 9 ).arg( "read and compute once", -34 ).arg( 1, 8 ).arg( setUp, 10, 'f', 1 )
        .arg( "", 8 ).arg( "", 9 ).arg( "working CRS " + preview.workingCrs().authid() );
    out.flush();

    // the segment: 1/200 of the line, in its middle
    const std::vector<double> &ref = preview.referencePart();
    const size_t n = ref.size() / 2;
    const size_t stretch = std::max<size_t>( 8, n / 200 );
    const size_t first = n / 2, last = first + stretch - 1;
    preview.setStretch( 0, first, last );
    // the claim: from the segment's first vertex to its last, weaving 40 m across the reference
    std::vector<QgsPointXY> clicked;
    for ( int c = 0; c < clicks; ++c )
    {
      const size_t i = first + static_cast<size_t>( std::llround( static_cast<double>( stretch - 1 ) * c / ( clicks - 1 ) ) );
      const double off = ( c == 0 || c == clicks - 1 ) ? 0 : 40 * std::sin( 1.3 * c );
      clicked.emplace_back( ref[2 * i], ref[2 * i + 1] + off );
    }
    const QgsCoordinateTransform toWgs84( preview.workingCrs(), QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), QgsCoordinateTransformContext() );
    auto wgs84 = [&]( const QgsPointXY &w ) { return toWgs84.transform( w ); };
    std::vector<double> vertexTimes, moveTimes;
    QgsPolylineXY drawn;
    QString error;
    auto update = [&]( const QgsPolylineXY &line, std::vector<double> &times ) {
      QElapsedTimer t;
      t.start();
      if ( !preview.setLine( line, &error ) )
        out << "refused: " << error << "\n";
      const claim::ChangeTotals totals = claim::totals( preview.result() );
      Q_UNUSED( totals );
      times.push_back( t.nsecsElapsed() / 1e6 );
    };
    for ( int c = 0; c < clicks; ++c )
    {
      drawn << wgs84( clicked[static_cast<size_t>( c )] );
      update( drawn, vertexTimes );
      for ( int m = 1; c + 1 < clicks && m <= moves; ++m )
      {
        const double f = static_cast<double>( m ) / ( moves + 1 );
        const QgsPointXY a = clicked[static_cast<size_t>( c )], b = clicked[static_cast<size_t>( c + 1 )];
        QgsPolylineXY moving = drawn;
        moving << wgs84( QgsPointXY( a.x() + f * ( b.x() - a.x() ), a.y() + f * ( b.y() - a.y() ) ) );
        update( moving, moveTimes );
      }
    }
    std::vector<double> all = vertexTimes;
    all.insert( all.end(), moveTimes.begin(), moveTimes.end() );
    for ( const auto &[label, times] : { std::make_pair( QStringLiteral( "vertex added" ), vertexTimes ), std::make_pair( QStringLiteral( "mouse moved" ), moveTimes ),
                                         std::make_pair( QStringLiteral( "every update" ), all ) } )
      out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( spec.vertices, 9 ).arg( label, -34 ).arg( times.size(), 8 ).arg( percentile( times, 0.5 ), 10, 'f', 1 )
          .arg( percentile( times, 0.95 ), 8, 'f', 1 ).arg( *std::max_element( times.begin(), times.end() ), 9, 'f', 1 ).arg( "" );

    // the line as drawn, the rest of the border as it was: a fresh engine run must say the same
    QgsPolylineXY edited;
    for ( size_t i = 0; i < first; ++i )
      edited << QgsPointXY( ref[2 * i], ref[2 * i + 1] );
    for ( const QgsPointXY &c : clicked )
      edited << c;
    for ( size_t i = last + 1; i < n; ++i )
      edited << QgsPointXY( ref[2 * i], ref[2 * i + 1] );
    auto editedLayer = memoryLayer( "LineString", preview.workingCrs().authid(), { QgsGeometry::fromPolylineXY( edited ).asWkt( 17 ) } );
    ChangeRequest fresh = request;
    fresh.newVersion = input( editedLayer.get(), "drawn" );
    timer.restart();
    const ChangeResult full = ChangeEngine::run( fresh );
    const double fullMs = timer.nsecsElapsed() / 1e6;
    const ChangeResult inc = preview.result();
    const bool same = full.transfers.size() == inc.transfers.size() && std::fabs( movedArea( full ) - movedArea( inc ) ) <= 1e-9 * std::max( 1.0, movedArea( full ) )
                      && full.resourceChanges.size() == inc.resourceChanges.size();
    allEqual = allEqual && same;
    out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( spec.vertices, 9 ).arg( "fresh full run (engine, in memory)", -34 ).arg( 1, 8 ).arg( fullMs, 10, 'f', 0 )
        .arg( "", 8 ).arg( "", 9 )
        .arg( same ? QStringLiteral( "equal: %1 transfers, %2 m²" ).arg( inc.transfers.size() ).arg( movedArea( inc ), 0, 'f', 3 )
              : QStringLiteral( "DIFFERENT: %1 vs %2 transfers, %3 vs %4 m²" ).arg( inc.transfers.size() ).arg( full.transfers.size() ).arg( movedArea( inc ), 0, 'f', 3 ).arg( movedArea( full ), 0, 'f', 3 ) );
    out.flush();
  }
  QgsApplication::exitQgis();
  return allEqual ? 0 : 1;
}
