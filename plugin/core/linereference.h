// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_LINEREFERENCE_H
#define LIMES_LINEREFERENCE_H

#include <QString>

#include <unordered_map>
#include <vector>

#include <qgspointxy.h>

namespace limes
{
  /**
   * A boundary line as parts of vertices with chainage, and a grid over its segments: where
   * is the nearest point of the line to a pillar, and how far along the line does it lie.
   * Linear to build and near-constant per query, for lines of a million vertices.
   */
  class LineReference
  {
    public:
      struct Part
      {
        std::vector<QgsPointXY> points;
        std::vector<double> chainage; //!< at each vertex, continuing across parts
        QString origin;               //!< "feature 3" or "feature 3 part 2"
        long long fid = -1;
      };

      struct Location
      {
        double distance = -1;  //!< planar, working CRS; -1 when the line is empty
        double chainage = 0;
        QgsPointXY point;      //!< nearest point on the line
        int part = -1;
        int segment = -1;      //!< index of the segment's first vertex in the part
      };

      explicit LineReference( std::vector<Part> parts );

      const std::vector<Part> &parts() const { return mParts; }
      double length() const { return mLength; }
      Location nearest( const QgsPointXY &p ) const;

      //! Visits every segment whose box comes within `radius` of the box of a..b, each once.
      template<typename F> void segmentsNear( const QgsPointXY &a, const QgsPointXY &b, double radius, F &&visit ) const;

    private:
      long long cellOf( double v ) const { return static_cast<long long>( std::floor( v / mCell ) ); }
      static long long key( long long cx, long long cy ) { return cx * 73856093LL ^ cy * 19349663LL; }

      std::vector<Part> mParts;
      std::vector<std::pair<int, int>> mSegments; //!< (part, first vertex)
      std::unordered_map<long long, std::vector<int>> mCells;
      double mCell = 1;
      double mLength = 0;
  };

  template<typename F> void LineReference::segmentsNear( const QgsPointXY &a, const QgsPointXY &b, double radius, F &&visit ) const
  {
    std::vector<int> seen;
    for ( long long cx = cellOf( std::min( a.x(), b.x() ) - radius ); cx <= cellOf( std::max( a.x(), b.x() ) + radius ); ++cx )
      for ( long long cy = cellOf( std::min( a.y(), b.y() ) - radius ); cy <= cellOf( std::max( a.y(), b.y() ) + radius ); ++cy )
      {
        const auto it = mCells.find( key( cx, cy ) );
        if ( it == mCells.end() )
          continue;
        for ( int s : it->second )
        {
          if ( std::find( seen.begin(), seen.end(), s ) != seen.end() )
            continue;
          seen.push_back( s );
          visit( mSegments[static_cast<size_t>( s )].first, mSegments[static_cast<size_t>( s )].second );
        }
      }
  }
}

#endif
