// SPDX-License-Identifier: GPL-2.0-or-later
#include "splitaction.h"
#include "error.h"
#include "terminal.h"
#include "workspaceoptions.h"

#include <QRegularExpression>

#include <cmath>

namespace limes::cli
{
  QList<QCommandLineOption> splitOptions()
  {
    return {
      { "codes", "split: the two new segment codes, A,B, from the old start to the split point and on (default: SEGMENT+a,SEGMENT+b).", "A,B" },
    };
  }

  int splitSegment( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
  {
    if ( args.size() < 3 || args[2].trimmed().isEmpty() )
      throw Error( QStringLiteral( "split takes the segment to split: limes workspace split TARGET SEGMENT --at PILLAR|LON,LAT" ) );
    SegmentSplitInput in;
    in.segment = args[2].trimmed();
    // LON,LAT: two numbers; anything else names a pillar (numbers like 123 or 123a)
    const QString at = required( parser, "at" );
    static const QRegularExpression lonLat( QStringLiteral( "^\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*,\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*$" ) );
    const QRegularExpressionMatch m = lonLat.match( at );
    if ( m.hasMatch() )
    {
      const double lon = m.captured( 1 ).toDouble(), lat = m.captured( 2 ).toDouble();
      if ( !( std::fabs( lon ) <= 180 ) || !( std::fabs( lat ) <= 90 ) )
        throw Error( QStringLiteral( "--at %1: not a longitude,latitude in WGS 84 degrees" ).arg( terminalSafe( at ) ) );
      in.point = QgsPointXY( lon, lat );
    }
    else if ( at.contains( QLatin1Char( ',' ) ) )
      throw Error( QStringLiteral( "--at takes a pillar number or LON,LAT in WGS 84 degrees (got '%1')" ).arg( terminalSafe( at ) ) );
    else
      in.pillar = at;
    if ( parser.isSet( QStringLiteral( "codes" ) ) )
    {
      const QStringList codes = parser.value( QStringLiteral( "codes" ) ).split( QLatin1Char( ',' ) );
      if ( codes.size() != 2 || codes[0].trimmed().isEmpty() || codes[1].trimmed().isEmpty() )
        throw Error( QStringLiteral( "--codes takes the two new codes, A,B (got '%1')" ).arg( terminalSafe( parser.value( QStringLiteral( "codes" ) ) ) ) );
      in.firstCode = codes[0].trimmed();
      in.secondCode = codes[1].trimmed();
    }
    in.author = author( parser );
    const crypto::SigningKey key = signingKey( parser );
    const auto ws = openStore( args[1] );
    const SegmentSplit s = ws->splitSegment( in, key );
    out << QStringLiteral( "Split %1 at %2 (%3, %4) into %5 and %6 (entry %7)\n" )
        .arg( terminalSafe( s.segment ), s.pillar.isEmpty() ? QStringLiteral( "a vertex" ) : QStringLiteral( "pillar %1" ).arg( terminalSafe( s.pillar ) ) )
        .arg( s.point.x(), 0, 'f', 9 ).arg( s.point.y(), 0, 'f', 9 )
        .arg( terminalSafe( s.first ), terminalSafe( s.second ) ).arg( s.entry );
    return 0;
  }
}
