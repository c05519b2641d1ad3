// SPDX-License-Identifier: GPL-2.0-or-later
// limes-bench-validate: limes validate on a generated 970 km line with 2,000 pillars and 200
// segments at growing sizes, against QGIS's own check (qgis:checkvalidity) in the same run;
// with --long-segments, also the same line with straight segments of 40 and 50 km added,
// which must cost about the same (the segment index walks only the cells a segment crosses).
#include "benchsupport.h"
#include "qgiscompat.h"
#include "boundarygenerator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>

#include <qgsapplication.h>

using namespace limes::bench;
using namespace limes::test;

int main( int argc, char **argv )
{
  const auto app = startQgis( argc, argv );
  QCommandLineParser parser;
  parser.setApplicationDescription( "Benchmark of limes validate against qgis:checkvalidity" );
  parser.addHelpOption();
  parser.addOptions( {
    { "sizes", "Vertices of the line, comma-separated.", "N,N", "10000,100000,1000000" },
    { "pillars", "Pillars along the line.", "N", "2000" },
    { "segments", "Segments along the line.", "N", "200" },
    { "timeout", "Seconds a tool may take per size.", "S", "900" },
    { "long-segments", "Also run limes validate on the line with two straight segments of 40 and 50 km added." },
    { "length", "Length of the generated line in metres (default 970000; 60000 with 60,000 vertices is a river's 1 m spacing).", "METRES", "970000" },
    { "peers", "qgis (default) or none: whether to run qgis:checkvalidity too.", "LIST", "qgis" },
    { "workdir", "Where to write the generated data (default: a temporary directory).", "DIR" },
  } );
  parser.process( *app );
  QTemporaryDir tmp;
  const QString work = parser.isSet( "workdir" ) ? parser.value( "workdir" ) : tmp.path();
  QDir().mkpath( work );
  const int timeout = parser.value( "timeout" ).toInt();

  out << QStringLiteral( "%1 %2 %3 %4  %5\n" ).arg( "vertices", 9 ).arg( "tool", -36 ).arg( "wall s", 9 ).arg( "peak MB", 9 ).arg( "note" );
  out.flush();
  for ( const QString &sizeText : parser.value( "sizes" ).split( ',' ) )
  {
    const int size = sizeText.toInt();
    LineSpec spec;
    spec.seed = 5;
    spec.vertices = size;
    spec.length = parser.value( "length" ).toDouble();
    spec.windows = 0;
    spec.x0 = 200000;
    const std::vector<QgsPointXY> line = generateLines( spec ).oldLine;
    const QString gpkg = QStringLiteral( "%1/line-%2.gpkg" ).arg( work ).arg( size );
    writeLayer( gpkg, "line", limes::WkbType::LineString, { QgsGeometry::fromPolylineXY( QgsPolylineXY( line.begin(), line.end() ) ) }, true );
    // real boundaries mix dense stretches with straight segments between distant turning points
    QgsPolylineXY longLine( line.begin(), line.end() );
    longLine << QgsPointXY( line.back().x() + 24000, line.back().y() + 32000 ) << QgsPointXY( line.back().x() + 54000, line.back().y() - 8000 );
    writeLayer( gpkg, "line_long", limes::WkbType::LineString, { QgsGeometry::fromPolylineXY( longLine ) }, false );
    QVector<QgsGeometry> segments, pillars;
    QStringList codes, numbers;
    const int segmentCount = parser.value( "segments" ).toInt(), pillarCount = parser.value( "pillars" ).toInt();
    for ( int s = 0; s < segmentCount; ++s )
    {
      const size_t from = line.size() * s / segmentCount, to = std::min( line.size() - 1, line.size() * ( s + 1 ) / segmentCount );
      segments << QgsGeometry::fromPolylineXY( QgsPolylineXY( line.begin() + static_cast<long>( from ), line.begin() + static_cast<long>( to ) + 1 ) );
      codes << QStringLiteral( "S-%1" ).arg( s + 1, 3, 10, QLatin1Char( '0' ) );
    }
    for ( int p = 0; p < pillarCount; ++p )
    {
      pillars << QgsGeometry::fromPointXY( line[line.size() * p / pillarCount] );
      numbers << QString::number( p + 1 );
    }
    writeLayer( gpkg, "segments", limes::WkbType::LineString, segments, false, "code", codes );
    writeLayer( gpkg, "pillars", limes::WkbType::Point, pillars, false, "number", numbers );
    const QString src = gpkg + "|layername=";

    auto row = [&]( const QString &tool, const Measure &m ) {
      out << QStringLiteral( "%1 %2 %3 %4  %5\n" ).arg( size, 9 ).arg( tool, -36 ).arg( m.seconds, 9, 'f', 2 ).arg( m.peakMb, 9, 'f', 0 ).arg( m.note );
      out.flush();
    };
    Measure limes = runProgram( { LIMES_CLI, "validate", "--line", src + "line", "--segments", src + "segments", "--pillars", src + "pillars",
                                  "--output", QStringLiteral( "%1/limes-validate-%2.gpkg" ).arg( work ).arg( size ) }, timeout, work + "/limes-validate.log" );
    if ( limes.note == QLatin1String( "exit 1" ) )
      limes.note = QStringLiteral( "findings reported" );
    row( "limes validate (all rules)", limes );
    if ( parser.isSet( "long-segments" ) )
    {
      Measure withLong = runProgram( { LIMES_CLI, "validate", "--line", src + "line_long", "--segments", src + "segments", "--pillars", src + "pillars",
                                       "--output", QStringLiteral( "%1/limes-validate-long-%2.gpkg" ).arg( work ).arg( size ) }, timeout, work + "/limes-validate.log" );
      if ( withLong.note == QLatin1String( "exit 1" ) )
        withLong.note = QStringLiteral( "findings reported" );
      row( "limes validate, + 40 and 50 km segments", withLong );
    }
    if ( parser.value( "peers" ) == QLatin1String( "none" ) )
      continue;
    for ( const auto &[method, label] : { std::make_pair( "2", "qgis:checkvalidity (GEOS), line only" ), std::make_pair( "1", "qgis:checkvalidity (QGIS), line only" ) } )
      row( label, runProgram( { "qgis_process.bin", "run", "qgis:checkvalidity", "--", "INPUT_LAYER=" + src + "line", QStringLiteral( "METHOD=%1" ).arg( method ),
                                "VALID_OUTPUT=" + QStringLiteral( "%1/qgis-valid-%2.gpkg" ).arg( work ).arg( size ), "INVALID_OUTPUT=" + QStringLiteral( "%1/qgis-invalid-%2.gpkg" ).arg( work ).arg( size ),
                                "ERROR_OUTPUT=" + QStringLiteral( "%1/qgis-errors-%2.gpkg" ).arg( work ).arg( size ) }, timeout, work + "/qgis-checkvalidity.log" ) );
  }
  QgsApplication::exitQgis();
  return 0;
}
