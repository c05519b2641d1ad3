// SPDX-License-Identifier: GPL-2.0-or-later
// limes-bench-incremental: the desktop's live preview. A full border of N vertices per version
// (the change benchmark's generated line, 40 disputed stretches, resources near the line) is
// read once; then one vertex is dragged, and one commission segment's stretch (1/200 of the
// line) is redrawn, many times each. Prints the time per edit (median and worst) and checks
// that the result after the last edit equals a fresh full run on the edited versions.
#include "benchsupport.h"
#include "boundarygenerator.h"
#include "change/changeengine.h"
#include "change/incremental.h"
#include "memorylayers.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <qgsapplication.h>

#include <algorithm>
#include <ctime>
#include <random>

using namespace limes;
using namespace limes::test;
using namespace limes::bench;

namespace
{
  double median( std::vector<double> v )
  {
    std::sort( v.begin(), v.end() );
    return v.empty() ? 0 : v[v.size() / 2];
  }

}

//! The incremental result against a fresh full run on the edited versions; prints the row.
bool sameAsFresh( const change::IncrementalChange &incremental, const ChangeRequest &request, QTextStream &out )
{
  QStringList wkt;
  for ( const Polyline &part : incremental.newParts() )
  {
    QgsPolylineXY line;
    for ( size_t i = 0; i + 1 < part.xy.size(); i += 2 )
      line << QgsPointXY( part.xy[i], part.xy[i + 1] );
    wkt << QgsGeometry::fromPolylineXY( line ).asWkt( 6 );
  }
  auto edited = memoryLayer( "LineString", "EPSG:32642", wkt );
  ChangeRequest fresh = request;
  fresh.newVersion = input( edited.get(), "new" );
  QElapsedTimer timer;
  timer.start();
  const ChangeResult full = ChangeEngine::run( fresh );
  const double fullMs = timer.elapsed();
  const ChangeResult inc = incremental.result();
  const bool same = full.transfers.size() == inc.transfers.size() && full.resourceChanges.size() == inc.resourceChanges.size()
                    && std::fabs( movedArea( full ) - movedArea( inc ) ) <= 1e-9 * movedArea( full );
  const int vertices = static_cast<int>( incremental.oldParts()[0].size() );
  out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( vertices, 9 ).arg( "fresh full run (engine, in memory)", -38 ).arg( fullMs, 10, 'f', 0 ).arg( "", 9 ).arg( "", 7 ).arg( "", 8 )
      .arg( same ? QStringLiteral( "equal: %1 transfers, %2 m²" ).arg( inc.transfers.size() ).arg( movedArea( inc ), 0, 'f', 3 )
            : QStringLiteral( "DIFFERENT: %1 vs %2 transfers, %3 vs %4 m²" ).arg( inc.transfers.size() ).arg( full.transfers.size() ).arg( movedArea( inc ), 0, 'f', 3 ).arg( movedArea( full ), 0, 'f', 3 ) );
  if ( !same )
  {
    // which pieces differ: by centre and area
    auto key = []( const Transfer &t ) {
      const QgsPointXY c = t.geometry.boundingBox().center();
      return QStringLiteral( "%1->%2 at %3 %4: %5 m²" ).arg( t.from, t.to ).arg( c.x(), 0, 'f', 1 ).arg( c.y(), 0, 'f', 1 ).arg( t.areaM2, 0, 'f', 1 );
    };
    QStringList a, b;
    for ( const Transfer &t : inc.transfers )
      a << key( t );
    for ( const Transfer &t : full.transfers )
      b << key( t );
    for ( const QString &k : a )
      if ( !b.contains( k ) )
        out << "  only incremental: " << k << "\n";
    for ( const QString &k : b )
      if ( !a.contains( k ) )
        out << "  only fresh run:   " << k << "\n";
  }
  out.flush();
  return same;
}

int main( int argc, char **argv )
{
  const auto app = startQgis( argc, argv );
  QCommandLineParser parser;
  parser.setApplicationDescription( "Benchmark of the incremental per-segment recompute" );
  parser.addHelpOption();
  parser.addOptions( {
    { "sizes", "Vertices per version, comma-separated.", "N,N", "100000,1000000" },
    { "edits", "Edits of each kind.", "N", "50" },
    { "resources", "Resource points near the line.", "N", "20000" },
    { "kinds", "Edits to time: drag, redraw, or both (default).", "LIST", "drag,redraw" },
    { "check-every", "Compare with a fresh full run after every N edits (slow; to find an edit that differs).", "N", "0" },
  } );
  parser.process( *app );
  const int edits = parser.value( "edits" ).toInt();
  // wall time, and the process's CPU time: on a shared machine the wall time waits for a core
  out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( "vertices", 9 ).arg( "edit", -38 ).arg( "median ms", 10 ).arg( "worst ms", 9 ).arg( "cpu ms", 7 ).arg( "windows", 8 ).arg( "note" );
  out.flush();
  for ( const QString &sizeText : parser.value( "sizes" ).split( ',' ) )
  {
    const LineSpec spec = fullBorder( sizeText.toInt() );
    const LinePair p = generateLines( spec );
    auto o = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.oldLine ) } );
    auto n = memoryLayer( "LineString", "EPSG:32642", { wktLine( p.newLine ) } );
    std::mt19937 rng( 7 ); // the springs, then the edits
    std::uniform_real_distribution<double> u( 0, 1 );
    auto springs = memoryLayer( "Point", "EPSG:32642", springsNear( p.oldLine, parser.value( "resources" ).toInt(), rng ) );
    ChangeRequest request = lineRequest( o.get(), n.get() );
    request.resources = { input( springs.get(), "springs" ) };

    QElapsedTimer timer;
    timer.start();
    change::IncrementalChange incremental( request );
    const double setUp = timer.elapsed();
    out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( spec.vertices, 9 ).arg( "read and compute once", -38 ).arg( setUp, 10, 'f', 0 ).arg( "", 9 ).arg( "", 7 )
        .arg( incremental.windowCount(), 8 ).arg( "" );
    out.flush();

    // the mouse drags one vertex, anywhere along the line; a segment's stretch is redrawn 5 m off
    const size_t count = incremental.newParts()[0].size();
    const size_t stretch = std::max<size_t>( 2, count / 200 );
    for ( int kind = 0; kind < 2; ++kind )
    {
      if ( !parser.value( "kinds" ).split( ',' ).contains( kind == 0 ? "drag" : "redraw" ) )
        continue;
      std::vector<double> times, cpu;
      int windows = 0;
      for ( int e = 0; e < edits; ++e )
      {
        const std::vector<double> &xy = incremental.newParts()[0].xy;
        const size_t first = 1 + static_cast<size_t>( u( rng ) * static_cast<double>( count - stretch - 2 ) );
        const size_t last = kind == 0 ? first : first + stretch - 1;
        std::vector<double> moved( xy.begin() + static_cast<std::ptrdiff_t>( 2 * first ), xy.begin() + static_cast<std::ptrdiff_t>( 2 * last + 2 ) );
        for ( size_t i = 1; i < moved.size(); i += 2 )
          moved[i] += kind == 0 ? 20 * ( u( rng ) - 0.5 ) : 5;
        const std::vector<double> before = xy;
        timer.restart();
        const std::clock_t started = std::clock();
        windows += incremental.replaceNewStretch( 0, first, last, moved );
        const ChangeResult r = incremental.result();
        times.push_back( timer.nsecsElapsed() / 1e6 );
        cpu.push_back( 1000.0 * static_cast<double>( std::clock() - started ) / CLOCKS_PER_SEC );
        const int every = parser.value( "check-every" ).toInt();
        if ( every > 0 && ( e + 1 ) % every == 0 && !sameAsFresh( incremental, request, out ) )
        {
          out << QStringLiteral( "after edit %1 of kind %2: vertices %3..%4 (%5 %6)\n" ).arg( e ).arg( kind ).arg( first ).arg( last )
              .arg( moved[0], 0, 'f', 1 ).arg( moved[1], 0, 'f', 1 );
          // the new version before the edit, the edit and the old version, to replay it
          QFile dump( QStringLiteral( "incremental-edit.txt" ) );
          if ( dump.open( QIODevice::WriteOnly ) )
          {
            QTextStream d( &dump );
            d.setRealNumberPrecision( 17 );
            d << first << " " << last << "\n";
            for ( double v : moved )
              d << v << " ";
            d << "\n";
            for ( double v : before )
              d << v << " ";
            d << "\n";
            for ( double v : incremental.oldParts()[0].xy )
              d << v << " ";
            d << "\n";
          }
          return 1;
        }
        Q_UNUSED( r );
      }
      out << QStringLiteral( "%1 %2 %3 %4 %5 %6  %7\n" ).arg( spec.vertices, 9 ).arg( kind == 0 ? "drag one vertex, then result()" : "redraw a 1/200 stretch, then result()", -38 )
          .arg( median( times ), 10, 'f', 1 ).arg( *std::max_element( times.begin(), times.end() ), 9, 'f', 1 ).arg( median( cpu ), 7, 'f', 1 )
          .arg( static_cast<double>( windows ) / std::max( 1, edits ), 8, 'f', 1 ).arg( "" );
      out.flush();
    }

    // the result after all the edits against a fresh full run on the edited versions
    if ( !sameAsFresh( incremental, request, out ) )
      return 1;
  }
  QgsApplication::exitQgis();
  return 0;
}
