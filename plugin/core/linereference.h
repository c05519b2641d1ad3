// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_LINEREFERENCE_H
#define LIMES_LINEREFERENCE_H

#include "geometry/segmentindex.h"

#include <QString>

#include <vector>

#include <qgspointxy.h>

namespace limes
{
  /**
   * A boundary line as parts of vertices with chainage, and the shared segment index over it:
   * where is the nearest point of the line to a pillar, and how far along the line does it
   * lie. Linear to build and near-constant per query, for lines of a million vertices, with
   * or without straight segments tens of kilometres long.
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

      //! Visits (part, first vertex) of every segment in an index cell within `radius` of a..b, each once.
      template<typename F> void segmentsNear( const QgsPointXY &a, const QgsPointXY &b, double radius, F &&visit ) const;

    private:
      std::vector<Part> mParts;
      std::vector<std::pair<int, int>> mSegments; //!< (part, first vertex), by index id
      SegmentIndex mIndex;
      double mLength = 0;
  };

  template<typename F> void LineReference::segmentsNear( const QgsPointXY &a, const QgsPointXY &b, double radius, F &&visit ) const
  {
    mIndex.along( a.x(), a.y(), b.x(), b.y(), radius, [&]( size_t id ) { visit( mSegments[id].first, mSegments[id].second ); } );
  }
}

#endif
