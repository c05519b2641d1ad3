// SPDX-License-Identifier: GPL-2.0-or-later
// limes-bench-report: `limes report` on a generated full border of 200 changed segments, in
// English and Russian: wall time, peak memory, pages, and both per page. Prints a table.
#include "benchsupport.h"
#include "qgiscompat.h"
#include "boundarygenerator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <qgsapplication.h>

#include <cmath>
#include <random>

using namespace limes::test;
using namespace limes::bench;

namespace
{
  //! The old line cut into `count` segments of equal vertex count, coded S-001…
  void writeSegments( const QString &path, const LinePair &p, int count )
  {
    QVector<QgsGeometry> lines;
    QStringList codes;
    const size_t n = p.oldLine.size();
    for ( int i = 0; i < count; ++i )
    {
      const size_t from = n * static_cast<size_t>( i ) / static_cast<size_t>( count );
      const size_t to = std::min( n - 1, n * static_cast<size_t>( i + 1 ) / static_cast<size_t>( count ) );
      lines << QgsGeometry::fromPolylineXY( QgsPolylineXY( p.oldLine.begin() + static_cast<long>( from ), p.oldLine.begin() + static_cast<long>( to ) + 1 ) );
      codes << QStringLiteral( "S-%1" ).arg( i + 1, 3, 10, QLatin1Char( '0' ) );
    }
    writeLayer( path, "segments", limes::WkbType::LineString, lines, false, "code", codes );
  }

  //! Springs (points) and canals (lines) near the line: a few per segment change sides.
  void writeResources( const QString &path, const LinePair &p, int count )
  {
    std::mt19937 rng( 11 );
    std::uniform_real_distribution<double> u( 0, 1 );
    QVector<QgsGeometry> points, lines;
    for ( int i = 0; i < count; ++i )
    {
      const QgsPointXY &at = p.oldLine[static_cast<size_t>( u( rng ) * ( p.oldLine.size() - 1 ) )];
      const double x = at.x(), y = at.y() + ( u( rng ) - 0.5 ) * 1200;
      if ( i % 2 )
        points << QgsGeometry::fromPointXY( QgsPointXY( x, y ) );
      else
        lines << QgsGeometry::fromPolylineXY( { QgsPointXY( x, y - 300 ), QgsPointXY( x + 100, y ), QgsPointXY( x + 40, y + 300 ) } );
    }
    writeLayer( path, "springs", limes::WkbType::Point, points, false );
    writeLayer( path, "canals", limes::WkbType::LineString, lines, false );
  }
}

int main( int argc, char **argv )
{
  const auto app = startQgis( argc, argv );

  QCommandLineParser parser;
  parser.setApplicationDescription( "Benchmark of limes report on a full border" );
  parser.addHelpOption();
  parser.addOptions( {
    { "segments", "Changed segments (one disputed stretch each).", "N", "200" },
    { "vertices", "Vertices per version.", "N", "40000" },
    { "resources", "Resource features near the line.", "N", "4000" },
    { "languages", "Report languages, comma-separated.", "LIST", "en,ru" },
    { "timeout", "Seconds a report may take.", "S", "900" },
    { "workdir", "Where to write the generated data and the reports (default: a temporary directory).", "DIR" },
  } );
  parser.process( *app );
  const int segments = parser.value( "segments" ).toInt();
  QTemporaryDir tmp;
  const QString work = parser.isSet( "workdir" ) ? parser.value( "workdir" ) : tmp.path();
  QDir().mkpath( work );

  // a 970 km border in UTM 42N with a disputed stretch in every segment
  LineSpec spec;
  spec.seed = 5;
  spec.vertices = parser.value( "vertices" ).toInt();
  spec.length = 970000;
  spec.windows = 0;
  spec.amplitude = 250;
  spec.x0 = 200000; // as limes-bench-change: within the extent PROJ gives UTM 42N
  LinePair p = generateLines( spec );
  // one disputed stretch in the middle third of every segment: every segment gets a page
  const size_t n = p.oldLine.size();
  for ( int i = 0; i < segments; ++i )
  {
    const size_t from = n * static_cast<size_t>( i ) / static_cast<size_t>( segments ), to = n * static_cast<size_t>( i + 1 ) / static_cast<size_t>( segments );
    const size_t a = from + ( to - from ) / 3, b = from + 2 * ( to - from ) / 3;
    for ( size_t k = a; k < b; ++k )
    {
      const double t = static_cast<double>( k - a ) / static_cast<double>( b - a );
      p.newLine[k].setY( p.oldLine[k].y() + 200 * ( i % 2 ? 1 : -1 ) * std::sin( 3.14159265 * t * 2 ) );
    }
  }
  const QString gpkg = work + "/border.gpkg";
  writeLayer( gpkg, "old", limes::WkbType::LineString, { QgsGeometry::fromPolylineXY( QgsPolylineXY( p.oldLine.begin(), p.oldLine.end() ) ) }, true );
  writeLayer( gpkg, "new", limes::WkbType::LineString, { QgsGeometry::fromPolylineXY( QgsPolylineXY( p.newLine.begin(), p.newLine.end() ) ) }, false );
  writeSegments( gpkg, p, segments );
  writeResources( gpkg, p, parser.value( "resources" ).toInt() );

  out << QStringLiteral( "limes report: %1 km border, %2 vertices per version, %3 segments, %4 resource features\n\n" )
      .arg( spec.length / 1000 ).arg( spec.vertices ).arg( segments ).arg( parser.value( "resources" ) );
  out << "| language | changed segments | pages | wall s | peak MB | s per page | MB per page |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|\n";
  out.flush();
  const QString l = gpkg + "|layername=";
  for ( const QString &lang : parser.value( "languages" ).split( ',', Qt::SkipEmptyParts ) )
  {
    const QString pdf = QStringLiteral( "%1/report-%2.pdf" ).arg( work, lang );
    const QString log = QStringLiteral( "%1/report-%2.log" ).arg( work, lang );
    const Measure m = runProgram( { LIMES_CLI, "report", "--old", l + "old", "--new", l + "new", "--left", "KG", "--right", "TJ",
                                    "--segments", l + "segments", "--water", l + "springs", "--water", l + "canals", "--lang", lang, "--output", pdf },
                                  parser.value( "timeout" ).toInt(), log );
    QFile f( log );
    f.open( QIODevice::ReadOnly );
    const QString said = QString::fromUtf8( f.readAll() );
    const QRegularExpressionMatch match = QRegularExpression( QStringLiteral( "\\((\\d+) pages, (\\d+) segments" ) ).match( said );
    const int pages = match.hasMatch() ? match.captured( 1 ).toInt() : 0;
    if ( !m.note.isEmpty() || pages == 0 )
    {
      out << QStringLiteral( "| %1 | | | %2 | %3 | %4 | |\n" ).arg( lang ).arg( m.seconds, 0, 'f', 1 ).arg( m.peakMb, 0, 'f', 0 ).arg( m.note.isEmpty() ? said.simplified().left( 80 ) : m.note );
      continue;
    }
    out << QStringLiteral( "| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n" ).arg( lang ).arg( match.captured( 2 ) ).arg( pages ).arg( m.seconds, 0, 'f', 1 )
        .arg( m.peakMb, 0, 'f', 0 ).arg( m.seconds / pages, 0, 'f', 3 ).arg( m.peakMb / pages, 0, 'f', 2 );
    out.flush();
  }
  return 0;
}
