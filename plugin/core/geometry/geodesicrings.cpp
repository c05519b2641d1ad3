// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/geodesicrings.h"

#include <GeographicLib/PolygonArea.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace limes
{
  namespace
  {
    constexpr double DEG = M_PI / 180;

    //! Neumaier's compensated sum: a small piece's area is the difference of large per-edge terms.
    struct CompensatedSum
    {
      double sum = 0;
      double compensation = 0;
      void add( double term )
      {
        const double s = sum + term;
        compensation += std::fabs( sum ) >= std::fabs( term ) ? ( sum - s ) + term : ( term - s ) + sum;
        sum = s;
      }
      double value() const { return sum + compensation; }
    };

    // Short edges span milli-radians: their half-angle sines, cosines and arc tangents by
    // series (terms past these are below 1e-20 of the sum), cheaper than the library calls.
    constexpr double SERIES_MAX = 0.02;

    void sinCosSmall( double x, double &sine, double &cosine )
    {
      if ( std::fabs( x ) > SERIES_MAX )
      {
        sine = std::sin( x );
        cosine = std::cos( x );
        return;
      }
      const double x2 = x * x;
      sine = x * ( 1 - x2 / 6 * ( 1 - x2 / 20 * ( 1 - x2 / 42 * ( 1 - x2 / 72 ) ) ) );
      cosine = 1 - x2 / 2 * ( 1 - x2 / 12 * ( 1 - x2 / 30 * ( 1 - x2 / 56 * ( 1 - x2 / 90 ) ) ) );
    }

    //! atan2( y, x ) for x > 0
    double atan2Small( double y, double x )
    {
      const double z = y / x;
      if ( !( std::fabs( z ) <= SERIES_MAX ) )
        return std::atan2( y, x );
      const double z2 = z * z;
      return z * ( 1 - z2 * ( 1.0 / 3 - z2 * ( 1.0 / 5 - z2 * ( 1.0 / 7 - z2 * ( 1.0 / 9 - z2 * ( 1.0 / 11 - z2 / 13 ) ) ) ) ) );
    }

    //! lon2 - lon1 (degrees) the short way round, exactly as GeographicLib takes it.
    double lonDifference( double lon1, double lon2 )
    {
      const double d = lon2 - lon1;
      if ( std::fabs( d ) <= 180 )
        return d;
      // across the antimeridian, from ±180 on either side: lon2 - lon1 rounded near 360 would be
      // 1e-15 rad off, 0.04 m² of an edge's area (measured from the equator)
      if ( std::fabs( lon1 ) <= 180 && std::fabs( lon2 ) <= 180 )
        return ( lon2 - std::copysign( 180.0, lon2 ) ) - ( lon1 - std::copysign( 180.0, lon1 ) );
      return std::remainder( d, 360.0 );
    }
  }

  struct GeodesicRings::Vertex
  {
    double lon = 0, lat = 0;    //!< degrees
    double p = 0, z = 0;        //!< distance from the axis and from the equator's plane (m)
    double m = 0, nu = 0;       //!< meridional and prime-vertical radii of curvature (m)
    double cosPhi = 0;
    // for areas: t = tan(β/2) of the authalic latitude β, sin β, cos β, the bow coefficients
    double t = 0, sinBeta = 0, cosBeta = 0, k1 = 0, k2 = 0;
    bool shortArea = false;     //!< the area formulas hold here (away from the poles)
  };

  GeodesicRings::GeodesicRings( double semiMajor, double flattening )
    : mGeodesic( semiMajor, flattening )
    , mA( semiMajor )
    , mE2( flattening * ( 2 - flattening ) )
    , mE( std::sqrt( std::max( mE2, 0.0 ) ) )
    , mQp( 1 + ( 1 - mE2 ) * ( mE > 0 ? std::atanh( mE ) / mE : 1 ) )
    , mRq2( semiMajor * semiMajor * mQp / 2 )
  {
  }

  double GeodesicRings::atanhEOverE( double x ) const
  {
    // atanh(e x) / e = x (1 + u/3 + u²/5 + ...), u = e² x²: for the Earth's e² (< 0.007) ten
    // terms reach the last bit, and avoid a logarithm per vertex
    if ( mE2 > 0.01 )
      return std::atanh( mE * x ) / mE;
    const double u = mE2 * x * x;
    double series = 0;
    for ( int k = 9; k >= 0; --k )
      series = 1.0 / ( 2 * k + 1 ) + u * series;
    return x * series;
  }

  GeodesicRings::Vertex GeodesicRings::vertex( double lon, double lat, bool forArea ) const
  {
    Vertex v;
    v.lon = lon;
    v.lat = lat;
    const double phi = lat * DEG;
    const double sinPhi = std::sin( phi ), cosPhi = std::cos( phi );
    const double w = 1 - mE2 * sinPhi * sinPhi;
    v.nu = mA / std::sqrt( w );
    v.m = v.nu * ( 1 - mE2 ) / w;
    v.p = v.nu * cosPhi;
    v.z = v.nu * ( 1 - mE2 ) * sinPhi;
    v.cosPhi = cosPhi;
    v.shortArea = forArea && mE2 >= 0 && std::fabs( lat ) <= 85;
    if ( !v.shortArea )
      return v;
    // authalic latitude: the ellipsoid mapped to the sphere of radius R_q keeping areas
    const double q = ( 1 - mE2 ) * ( sinPhi / w + atanhEOverE( sinPhi ) );
    v.sinBeta = std::clamp( q / mQp, -1.0, 1.0 );
    v.cosBeta = std::sqrt( ( 1 - v.sinBeta ) * ( 1 + v.sinBeta ) );
    v.t = v.sinBeta / ( 1 + v.cosBeta );
    // the geodesic's image bows off the authalic great circle (the two metrics' Christoffel
    // symbols in longitude and authalic latitude differ by these, O(e²)); k1 and k2 weigh
    // the area between them by Δλ³ and Δλ·Δβ²
    const double p2 = v.p * v.p;
    v.k1 = p2 * sinPhi - mRq2 * v.sinBeta * v.cosBeta * v.cosBeta;
    v.k2 = 3 * mRq2 * ( mRq2 * v.cosBeta * v.cosBeta * sinPhi / p2 - v.sinBeta );
    return v;
  }

  namespace
  {
    //! A short geodesic from its chord: s = c (1 + κ²c²/24 + 3κ⁴c⁴/640) with the normal
    //! curvature κ of the surface along the edge's direction (Euler), at its middle.
    template<typename V> double shortLength( const V &v1, const V &v2, double chord2, double dLon )
    {
      const double m = ( v1.m + v2.m ) / 2, nu = ( v1.nu + v2.nu ) / 2;
      const double north = m * ( v2.lat - v1.lat ) * DEG;
      const double east = nu * ( v1.cosPhi + v2.cosPhi ) / 2 * dLon;
      const double h2 = north * north + east * east;
      const double k = h2 > 0 ? ( north * north / m + east * east / nu ) / h2 : 0;
      const double kc2 = k * k * chord2;
      return std::sqrt( chord2 ) * ( 1 + kc2 / 24 + 3 * kc2 * kc2 / 640 );
    }

    //! Squared chord between two vertices, without subtracting large geocentric coordinates.
    template<typename V> double chordSquared( const V &v1, const V &v2, double sinHalfDLon )
    {
      const double dp = v2.p - v1.p, dz = v2.z - v1.z;
      return dp * dp + 4 * v1.p * v2.p * sinHalfDLon * sinHalfDLon + dz * dz;
    }
  }

  template<typename F> void GeodesicRings::forEachEdge( const double *lon, const double *lat, int n, bool closed, bool forArea, F &&edge ) const
  {
    // each vertex's trigonometry once, for the edges either side of it, in chunks: a batch
    // of vertices computed together runs faster than one at a time, and a 1M-vertex ring
    // needs no 128 MB buffer
    constexpr int CHUNK = 4096;
    thread_local std::vector<Vertex> vertices( CHUNK + 1 );
    const Vertex first = vertex( lon[0], lat[0], forArea );
    vertices[0] = first;
    const int edges = closed ? n : n - 1;
    for ( int start = 0; start < edges; start += CHUNK )
    {
      const int end = std::min( start + CHUNK, edges ); // this chunk's edges end at vertex `end`
      for ( int i = start + 1; i <= end; ++i )
        vertices[static_cast<size_t>( i - start )] = i < n ? vertex( lon[i], lat[i], forArea ) : first;
      for ( int i = start; i < end; ++i )
        edge( vertices[static_cast<size_t>( i - start )], vertices[static_cast<size_t>( i - start + 1 )] );
      vertices[0] = vertices[static_cast<size_t>( end - start )];
    }
  }

  double GeodesicRings::length( const double *lon, const double *lat, int n ) const
  {
    if ( n < 2 )
      return 0;
    CompensatedSum total;
    forEachEdge( lon, lat, n, false, false, [&]( const Vertex &v1, const Vertex &v2 ) {
      const double dLon = lonDifference( v1.lon, v2.lon ) * DEG;
      double sinHalf = 0, cosHalf = 0;
      sinCosSmall( dLon / 2, sinHalf, cosHalf );
      const double chord2 = chordSquared( v1, v2, sinHalf );
      if ( chord2 <= SHORT_EDGE_M * SHORT_EDGE_M )
        total.add( shortLength( v1, v2, chord2, dLon ) );
      else
      {
        double s12 = 0;
        mGeodesic.Inverse( v1.lat, v1.lon, v2.lat, v2.lon, s12 );
        total.add( s12 );
      }
    } );
    return total.value();
  }

  void GeodesicRings::ring( const double *lon, const double *lat, int n, double &area, double &perimeter ) const
  {
    area = perimeter = 0;
    if ( n > 1 && lon[0] == lon[n - 1] && lat[0] == lat[n - 1] )
      --n;
    if ( n < 2 )
      return;
    CompensatedSum areaSum, perimeterSum;
    double turn = 0;
    forEachEdge( lon, lat, n, true, true, [&]( const Vertex &v1, const Vertex &v2 ) {
      const double dLonDeg = lonDifference( v1.lon, v2.lon ), dLon = dLonDeg * DEG;
      turn += dLonDeg;
      double sinHalf = 0, cosHalf = 0;
      sinCosSmall( dLon / 2, sinHalf, cosHalf );
      const double chord2 = chordSquared( v1, v2, sinHalf );
      if ( chord2 <= SHORT_EDGE_M * SHORT_EDGE_M && v1.shortArea && v2.shortArea )
      {
        perimeterSum.add( shortLength( v1, v2, chord2, dLon ) );
        // between the edge and the equator: exact on the authalic sphere (the great circle
        // through the vertices' images), then the ellipsoid's bow; GeographicLib's S12 convention
        const double spherical = 2 * atan2Small( sinHalf * ( v1.t + v2.t ), cosHalf * ( 1 + v1.t * v2.t ) );
        const double dBeta = 2 * ( v2.sinBeta - v1.sinBeta ) / ( v1.cosBeta + v2.cosBeta );
        const double bow = dLon * ( ( v1.k1 + v2.k1 ) / 2 * dLon * dLon + ( v1.k2 + v2.k2 ) / 2 * dBeta * dBeta ) / 12;
        areaSum.add( mRq2 * spherical + bow );
      }
      else
      {
        double s12 = 0, S12 = 0, unused = 0;
        mGeodesic.GenInverse( v1.lat, v1.lon, v2.lat, v2.lon, GeographicLib::Geodesic::DISTANCE | GeographicLib::Geodesic::AREA,
                              s12, unused, unused, unused, unused, unused, S12 );
        perimeterSum.add( s12 );
        areaSum.add( S12 );
      }
    } );
    perimeter = perimeterSum.value();
    if ( std::fabs( turn ) < 180 )
    {
      area = std::fabs( areaSum.value() );
      return;
    }
    // the ring goes round a pole: GeographicLib's polygon counts the cap
    GeographicLib::PolygonArea polygon( mGeodesic );
    for ( int i = 0; i < n; ++i )
      polygon.AddPoint( lat[i], lon[i] );
    double unusedPerimeter = 0;
    polygon.Compute( false, true, unusedPerimeter, area );
    area = std::fabs( area );
  }
}
