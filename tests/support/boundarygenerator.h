// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_BOUNDARYGENERATOR_H
#define LIMES_BOUNDARYGENERATOR_H

// Generated pairs of boundary versions, shared by the oracle tests and the benchmark: a
// version and a copy of it that differs only in disputed windows, as real drafts do.

#include <QString>

#include <cmath>
#include <random>
#include <vector>

#include <qgspointxy.h>

namespace limes::test
{
  struct LinePair
  {
    std::vector<QgsPointXY> oldLine;
    std::vector<QgsPointXY> newLine;
    double yMin = 0, yMax = 0;
  };

  struct LineSpec
  {
    unsigned seed = 1;
    int vertices = 400;
    double length = 20000;       //!< metres, along x
    int windows = 4;             //!< disputed stretches
    double amplitude = 300;      //!< metres
    double endOffset = 0;        //!< new version's ends moved by up to this, metres
    double x0 = 500000, y0 = 4400000; //!< UTM 42N, in the Fergana valley
  };

  //! The benchmarks' full border: 970 km with 40 disputed stretches, where PROJ gives UTM 42N.
  inline LineSpec fullBorder( int vertices )
  {
    LineSpec spec;
    spec.seed = 970;
    spec.vertices = vertices;
    spec.length = 970000;
    spec.windows = 40;
    spec.amplitude = 250;
    spec.x0 = 200000;
    return spec;
  }

  /**
   * An x-monotone old line (so that "left" is simply "north") and a new one equal to it
   * except in `windows` stretches, where it weaves across the old line several times.
   */
  inline LinePair generateLines( const LineSpec &s )
  {
    std::mt19937 rng( s.seed );
    std::uniform_real_distribution<double> u( 0, 1 );
    LinePair p;
    const int n = s.vertices;
    std::vector<double> phase( 4 ), freq( 4 ), amp( 4 );
    for ( int k = 0; k < 4; ++k )
    {
      phase[k] = u( rng ) * 6.283;
      freq[k] = ( 1 + k * 3 + u( rng ) * 2 ) * 6.283 / s.length;
      amp[k] = s.amplitude * 3 / ( k + 1 );
    }
    for ( int i = 0; i < n; ++i )
    {
      // uneven spacing: real vertices are not equidistant
      const double x = s.x0 + s.length * ( i + ( i > 0 && i < n - 1 ? 0.4 * ( u( rng ) - 0.5 ) : 0 ) ) / ( n - 1 );
      double y = s.y0;
      for ( int k = 0; k < 4; ++k )
        y += amp[k] * std::sin( freq[k] * ( x - s.x0 ) + phase[k] );
      p.oldLine.emplace_back( x, y );
    }
    p.newLine = p.oldLine;
    for ( int w = 0; w < s.windows; ++w )
    {
      const int width = std::max( 4, static_cast<int>( n / ( 3.0 * s.windows ) * ( 0.3 + 0.7 * u( rng ) ) ) );
      const int start = 1 + static_cast<int>( u( rng ) * ( n - width - 2 ) );
      const int weaves = 1 + static_cast<int>( u( rng ) * 4 );
      const double a = s.amplitude * ( 0.2 + u( rng ) ) * ( u( rng ) < 0.5 ? -1 : 1 );
      for ( int i = start; i < start + width && i < n - 1; ++i )
      {
        const double t = static_cast<double>( i - start ) / width;
        p.newLine[static_cast<size_t>( i )].setY( p.oldLine[static_cast<size_t>( i )].y() + a * std::sin( 3.14159265 * t * weaves ) * std::sin( 3.14159265 * t ) );
      }
    }
    if ( s.endOffset > 0 )
    {
      p.newLine.front().setY( p.newLine.front().y() + s.endOffset * ( 0.2 + 0.8 * u( rng ) ) );
      p.newLine.back().setY( p.newLine.back().y() - s.endOffset * ( 0.2 + 0.8 * u( rng ) ) );
    }
    p.yMin = p.yMax = p.oldLine.front().y();
    for ( const auto *line : { &p.oldLine, &p.newLine } )
      for ( const QgsPointXY &pt : *line )
      {
        p.yMin = std::min( p.yMin, pt.y() );
        p.yMax = std::max( p.yMax, pt.y() );
      }
    return p;
  }

  //! Closed, clockwise rings (an enclave of the right party), star-shaped around a centre.
  inline LinePair generateRings( unsigned seed, int vertices = 200, double radius = 3000, double x0 = 560000, double y0 = 4410000 )
  {
    std::mt19937 rng( seed );
    std::uniform_real_distribution<double> u( 0, 1 );
    LinePair p;
    std::vector<double> r( static_cast<size_t>( vertices ) ), rn;
    for ( int i = 0; i < vertices; ++i )
    {
      const double t = 6.283185307 * i / vertices;
      r[static_cast<size_t>( i )] = radius * ( 1 + 0.2 * std::sin( 3 * t + seed ) + 0.1 * std::sin( 7 * t ) );
    }
    rn = r;
    const int start = static_cast<int>( u( rng ) * vertices / 2 );
    const int width = vertices / 4 + static_cast<int>( u( rng ) * vertices / 4 );
    for ( int i = start; i < start + width; ++i )
      rn[static_cast<size_t>( i )] *= 1 + 0.15 * std::sin( 3.14159265 * 3 * ( i - start ) / width );
    for ( int i = vertices; i >= 0; --i ) // clockwise
    {
      const size_t k = static_cast<size_t>( i % vertices );
      const double t = 6.283185307 * static_cast<double>( k ) / vertices;
      p.oldLine.emplace_back( x0 + r[k] * std::cos( t ), y0 + r[k] * std::sin( t ) );
      p.newLine.emplace_back( x0 + rn[k] * std::cos( t ), y0 + rn[k] * std::sin( t ) );
    }
    return p;
  }

  inline QString wktLine( const std::vector<QgsPointXY> &line )
  {
    QString wkt = QStringLiteral( "LINESTRING(" );
    for ( size_t i = 0; i < line.size(); ++i )
      wkt += ( i ? QStringLiteral( "," ) : QString() ) + QStringLiteral( "%1 %2" ).arg( line[i].x(), 0, 'f', 4 ).arg( line[i].y(), 0, 'f', 4 );
    return wkt + QLatin1Char( ')' );
  }

  //! The region north of an x-monotone line, closed along the top of a box: the left side.
  inline QString wktLeftOf( const std::vector<QgsPointXY> &line, double top )
  {
    QString wkt = QStringLiteral( "POLYGON((" );
    for ( const QgsPointXY &pt : line )
      wkt += QStringLiteral( "%1 %2," ).arg( pt.x(), 0, 'f', 4 ).arg( pt.y(), 0, 'f', 4 );
    wkt += QStringLiteral( "%1 %2,%3 %2,%4 %5))" ).arg( line.back().x(), 0, 'f', 4 ).arg( top, 0, 'f', 4 ).arg( line.front().x(), 0, 'f', 4 ).arg( line.front().x(), 0, 'f', 4 ).arg( line.front().y(), 0, 'f', 4 );
    return wkt;
  }
}

#endif
