// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/piecewindow.h"

#include <qgsgeometry.h>
#include <qgslinestring.h>
#include <qgsmultipolygon.h>
#include <qgspolygon.h>
#include <qgsrectangle.h>

#include <algorithm>
#include <array>

namespace limes::change
{
  namespace
  {
    using Box = PieceWindow::Box;
    using Ring = PieceWindow::Ring;

    constexpr int kChunk = 16;  // segments per chunk
    constexpr int kGroup = 64;  // chunks per group
    constexpr int kWorthIt = 2048; // vertices: below, GEOS's own walk of the piece is cheap

    bool meets( const Box &a, const Box &b )
    {
      return a.xmin <= b.xmax && b.xmin <= a.xmax && a.ymin <= b.ymax && b.ymin <= a.ymax;
    }

    Box segmentBox( const Ring &r, int s )
    {
      return { std::min( r.x[s], r.x[s + 1] ), std::min( r.y[s], r.y[s + 1] ), std::max( r.x[s], r.x[s + 1] ), std::max( r.y[s], r.y[s + 1] ) };
    }

    void grow( Box &a, const Box &b )
    {
      a.xmin = std::min( a.xmin, b.xmin );
      a.ymin = std::min( a.ymin, b.ymin );
      a.xmax = std::max( a.xmax, b.xmax );
      a.ymax = std::max( a.ymax, b.ymax );
    }

    int segments( const Ring &r ) { return r.vertices - 1; }

    //! Calls `visit` with each chunk of `r` whose extent meets `box`, in the ring's order.
    template<typename Visit> void forChunks( const Ring &r, const Box &box, Visit visit )
    {
      for ( size_t g = 0; g < r.groups.size(); ++g )
      {
        if ( !meets( r.groups[g], box ) )
          continue;
        const size_t end = std::min( r.chunks.size(), ( g + 1 ) * kGroup );
        for ( size_t c = g * kGroup; c < end; ++c )
          if ( meets( r.chunks[c], box ) )
            visit( static_cast<int>( c ) );
      }
    }

    Ring indexRing( const QgsLineString &l, bool shell )
    {
      Ring r;
      r.x = l.xData();
      r.y = l.yData();
      r.vertices = l.numPoints();
      double twiceArea = 0; // about the first vertex, so the sign does not drown in big coordinates
      for ( int s = 0; s < segments( r ); ++s )
      {
        if ( s % kChunk == 0 )
          r.chunks.push_back( segmentBox( r, s ) );
        else
          grow( r.chunks.back(), segmentBox( r, s ) );
        twiceArea += ( r.x[s] - r.x[0] ) * ( r.y[s + 1] - r.y[0] ) - ( r.x[s + 1] - r.x[0] ) * ( r.y[s] - r.y[0] );
      }
      for ( size_t c = 0; c < r.chunks.size(); ++c )
      {
        if ( c % kGroup == 0 )
          r.groups.push_back( r.chunks[c] );
        else
          grow( r.groups.back(), r.chunks[c] );
      }
      // a shell runs anticlockwise and a hole clockwise when the piece is on their left
      r.interiorLeft = ( twiceArea > 0 ) == shell;
      return r;
    }

    enum class Where { Inside, Outside, Edge };

    //! A stretch of a ring inside the box, from the box's edge to its edge, the piece on the walk's side.
    struct Part
    {
      std::vector<double> x, y;
      double from = 0, to = 0; //!< where it starts and ends along the box's edge, in the walk's direction
      unsigned long long order = 0; //!< ring, then the vertex it starts after: the piece's own order
      long long start = -1;         //!< where in x, y its ring's first vertex is, if there
    };

    class Cutter
    {
      public:
        /**
         * `clockwise`: the piece lies right of its rings (GEOS's polygons: shells clockwise), and
         * the box's edge is walked clockwise, so the window's rings keep the piece's direction.
         */
        Cutter( const Box &b, bool clockwise ) : mBox( b ), mW( b.xmax - b.xmin ), mH( b.ymax - b.ymin ), mClockwise( clockwise ) {}

        Where where( double x, double y ) const
        {
          if ( x > mBox.xmin && x < mBox.xmax && y > mBox.ymin && y < mBox.ymax )
            return Where::Inside;
          if ( x < mBox.xmin || x > mBox.xmax || y < mBox.ymin || y > mBox.ymax )
            return Where::Outside;
          return Where::Edge;
        }

        /**
         * Walks `count` segments of ring number `ring` from vertex `start` (outside the box) adding
         * its parts; false if degenerate, or if the ring turns the other way than the walk (rings
         * of both turns in one piece: not what GEOS or QGIS build).
         */
        bool walk( const Ring &r, unsigned ring, int start, int count, std::vector<Part> &parts ) const
        {
          const int n = segments( r );
          int i = start % n;
          if ( r.interiorLeft == mClockwise || where( r.x[i], r.y[i] ) != Where::Outside )
            return false;
          bool inside = false;
          for ( int k = 0; k < count; ++k )
          {
            const int j = ( i + 1 ) % n;
            const Where w = where( r.x[j], r.y[j] );
            if ( w == Where::Edge )
              return false;
            if ( !inside )
            {
              double t0, t1;
              int e0, e1;
              if ( clip( r.x[i], r.y[i], r.x[j], r.y[j], t0, t1, e0, e1 ) )
              {
                Part p;
                p.order = ( static_cast<unsigned long long>( ring ) << 32 ) | static_cast<unsigned>( i );
                if ( !add( p, r.x[i], r.y[i], r.x[j], r.y[j], t0, e0, p.from ) )
                  return false;
                if ( w == Where::Inside )
                {
                  if ( j == 0 )
                    p.start = static_cast<long long>( p.x.size() );
                  p.x.push_back( r.x[j] );
                  p.y.push_back( r.y[j] );
                  inside = true;
                }
                else if ( !add( p, r.x[i], r.y[i], r.x[j], r.y[j], t1, e1, p.to ) )
                  return false;
                parts.push_back( std::move( p ) );
              }
              else if ( w == Where::Inside )
                return false; // an inside vertex must be reached through the edge
            }
            else if ( w == Where::Inside )
            {
              if ( j == 0 )
                parts.back().start = static_cast<long long>( parts.back().x.size() );
              parts.back().x.push_back( r.x[j] );
              parts.back().y.push_back( r.y[j] );
            }
            else
            {
              double t0, t1;
              int e0, e1;
              if ( !clip( r.x[i], r.y[i], r.x[j], r.y[j], t0, t1, e0, e1 ) || !add( parts.back(), r.x[i], r.y[i], r.x[j], r.y[j], t1, e1, parts.back().to ) )
                return false;
              inside = false;
            }
            i = j;
          }
          return !inside;
        }

        /**
         * The polygons the parts bound with the box's edge, walking on along it from each part's
         * end to the next part's start; empty if that does not close up or keeps no order.
         */
        std::vector<std::unique_ptr<QgsPolygon>> close( const std::vector<Part> &parts ) const
        {
          std::vector<double> along;
          std::vector<size_t> byStart( parts.size() );
          for ( size_t i = 0; i < parts.size(); ++i )
          {
            along.push_back( parts[i].from );
            along.push_back( parts[i].to );
            byStart[i] = i;
          }
          std::sort( along.begin(), along.end() );
          if ( std::adjacent_find( along.begin(), along.end() ) != along.end() )
            return {}; // two parts meet on the edge
          std::sort( byStart.begin(), byStart.end(), [&]( size_t a, size_t b ) { return parts[a].from < parts[b].from; } );
          auto next = [&]( size_t part ) {
            auto n = std::upper_bound( byStart.begin(), byStart.end(), parts[part].to, [&]( double t, size_t b ) { return t < parts[b].from; } );
            return n == byStart.end() ? byStart.front() : *n;
          };
          // the corners in the walk's order, the last one where the walk starts and ends
          const double perimeter = 2 * ( mW + mH );
          struct Corner { double along, x, y; };
          const std::array<Corner, 4> corners = mClockwise
                                                ? std::array<Corner, 4> { { { mH, mBox.xmin, mBox.ymax }, { mW + mH, mBox.xmax, mBox.ymax }, { mW + 2 * mH, mBox.xmax, mBox.ymin }, { perimeter, mBox.xmin, mBox.ymin } } }
                                                : std::array<Corner, 4> { { { mW, mBox.xmax, mBox.ymin }, { mW + mH, mBox.xmax, mBox.ymax }, { 2 * mW + mH, mBox.xmin, mBox.ymax }, { perimeter, mBox.xmin, mBox.ymin } } };

          std::vector<std::vector<size_t>> cycles;
          std::vector<bool> used( parts.size(), false );
          for ( size_t first = 0; first < parts.size(); ++first )
          {
            if ( used[first] )
              continue;
            std::vector<size_t> cycle;
            for ( size_t cur = first; !used[cur]; cur = next( cur ) )
            {
              used[cur] = true;
              cycle.push_back( cur );
            }
            if ( next( cycle.back() ) != first )
              return {};
            cycles.push_back( std::move( cycle ) );
          }

          /**
           * GEOS's output starts at the first edge it meets, and it meets the piece's edges in the
           * order of its rings from their first vertex. The window keeps that order: each ring
           * starts at its stretch first in the piece, the polygons follow one another in that order,
           * and a window whose stretches cannot all be put in that order is left to the whole piece.
           */
          struct Ordered
          {
            unsigned long long first, last;
            std::unique_ptr<QgsPolygon> polygon;
          };
          std::vector<Ordered> ordered;
          for ( const std::vector<size_t> &cycle : cycles )
          {
            QVector<double> x, y;
            std::vector<std::pair<unsigned long long, int>> stretches; // where in the piece, where in x, y
            for ( size_t k = 0; k < cycle.size(); ++k )
            {
              const Part &p = parts[cycle[k]];
              stretches.emplace_back( p.order, x.size() );
              if ( p.start >= 0 ) // the ring's first vertex: its stretch is first in the ring
                stretches.emplace_back( p.order >> 32 << 32, x.size() + static_cast<int>( p.start ) );
              for ( size_t v = 0; v < p.x.size(); ++v )
              {
                x << p.x[v];
                y << p.y[v];
              }
              const double to = parts[cycle[( k + 1 ) % cycle.size()]].from;
              const bool wraps = to < p.to; // past the corner where the walk starts
              for ( const Corner &c : corners )
              {
                if ( wraps ? c.along > p.to : c.along > p.to && c.along < to )
                {
                  x << c.x;
                  y << c.y;
                }
              }
              for ( const Corner &c : corners )
              {
                if ( wraps && c.along < to )
                {
                  x << c.x;
                  y << c.y;
                }
              }
            }
            const size_t m = static_cast<size_t>( std::min_element( stretches.begin(), stretches.end() ) - stretches.begin() );
            std::rotate( stretches.begin(), stretches.begin() + static_cast<long>( m ), stretches.end() );
            if ( std::adjacent_find( stretches.begin(), stretches.end(), []( const auto &a, const auto &b ) { return a.first >= b.first; } ) != stretches.end() )
              return {};
            const int first = stretches.front().second;
            std::rotate( x.begin(), x.begin() + first, x.end() );
            std::rotate( y.begin(), y.begin() + first, y.end() );
            x << x.front();
            y << y.front();
            double twiceArea = 0;
            for ( int k = 0; k + 1 < x.size(); ++k )
              twiceArea += ( x[k] - x[0] ) * ( y[k + 1] - y[0] ) - ( x[k + 1] - x[0] ) * ( y[k] - y[0] );
            if ( !( mClockwise ? twiceArea < 0 : twiceArea > 0 ) )
              return {};
            auto polygon = std::make_unique<QgsPolygon>();
            polygon->setExteriorRing( new QgsLineString( x, y ) );
            ordered.push_back( { stretches.front().first, stretches.back().first, std::move( polygon ) } );
          }
          std::sort( ordered.begin(), ordered.end(), []( const Ordered &a, const Ordered &b ) { return a.first < b.first; } );
          std::vector<std::unique_ptr<QgsPolygon>> polygons;
          for ( size_t k = 0; k < ordered.size(); ++k )
          {
            if ( k > 0 && ordered[k - 1].last >= ordered[k].first )
              return {};
            polygons.push_back( std::move( ordered[k].polygon ) );
          }
          return polygons;
        }

      private:
        //! Liang-Barsky: the share of p->q where it enters (t0, through edge e0) and leaves (t1, e1) the box.
        bool clip( double px, double py, double qx, double qy, double &t0, double &t1, int &e0, int &e1 ) const
        {
          const double dx = qx - px, dy = qy - py;
          // edges: 0 bottom, 1 right, 2 top, 3 left
          const double p[4] = { -dy, dx, dy, -dx };
          const double q[4] = { py - mBox.ymin, mBox.xmax - px, mBox.ymax - py, px - mBox.xmin };
          t0 = 0;
          t1 = 1;
          e0 = e1 = -1;
          for ( int k = 0; k < 4; ++k )
          {
            if ( p[k] == 0 )
            {
              if ( q[k] < 0 )
                return false;
              continue;
            }
            const double t = q[k] / p[k];
            if ( p[k] < 0 )
            {
              if ( t > t0 )
              {
                t0 = t;
                e0 = k;
              }
            }
            else if ( t < t1 )
            {
              t1 = t;
              e1 = k;
            }
          }
          return t0 < t1;
        }

        /**
         * Appends the point at share t of p->q on edge e, put exactly on the edge, and sets `along`
         * to where it lies along the edge (from the lower left corner, in the walk's direction). False for a
         * corner or a missing edge: such windows are left to the whole piece.
         */
        bool add( Part &part, double px, double py, double qx, double qy, double t, int e, double &along ) const
        {
          double x, y;
          switch ( e )
          {
            case 0:
            case 2:
              y = e == 0 ? mBox.ymin : mBox.ymax;
              x = std::clamp( px + t * ( qx - px ), mBox.xmin, mBox.xmax );
              if ( !( x > mBox.xmin && x < mBox.xmax ) )
                return false;
              along = e == 0 ? x - mBox.xmin : mW + mH + ( mBox.xmax - x );
              along = mClockwise ? 2 * ( mW + mH ) - along : along;
              break;
            case 1:
            case 3:
              x = e == 1 ? mBox.xmax : mBox.xmin;
              y = std::clamp( py + t * ( qy - py ), mBox.ymin, mBox.ymax );
              if ( !( y > mBox.ymin && y < mBox.ymax ) )
                return false;
              along = e == 1 ? mW + ( y - mBox.ymin ) : 2 * mW + mH + ( mBox.ymax - y );
              along = mClockwise ? 2 * ( mW + mH ) - along : along;
              break;
            default:
              return false;
          }
          part.x.push_back( x );
          part.y.push_back( y );
          return true;
        }

        Box mBox;
        double mW, mH;
        bool mClockwise;
    };
  }

  PieceWindow::PieceWindow( const QgsGeometry &piece )
  {
    const QgsAbstractGeometry *g = piece.constGet();
    auto addPolygon = [&]( const QgsCurvePolygon *p ) {
      for ( int i = 0; p && i <= p->numInteriorRings(); ++i )
      {
        const QgsLineString *l = qgsgeometry_cast<const QgsLineString *>( i == 0 ? p->exteriorRing() : p->interiorRing( i - 1 ) );
        if ( !l || l->numPoints() < 4 || l->is3D() || l->isMeasure() )
          mPlain = false; // the window is flat and straight
        else
          mRings.push_back( indexRing( *l, i == 0 ) );
      }
    };
    if ( const QgsGeometryCollection *c = qgsgeometry_cast<const QgsGeometryCollection *>( g ) )
    {
      for ( int i = 0; i < c->numGeometries(); ++i )
      {
        const QgsCurvePolygon *p = qgsgeometry_cast<const QgsCurvePolygon *>( c->geometryN( i ) );
        if ( !p )
          mPlain = false;
        addPolygon( p );
      }
    }
    else if ( const QgsCurvePolygon *p = qgsgeometry_cast<const QgsCurvePolygon *>( g ) )
      addPolygon( p );
    else
      mPlain = false;
  }

  PieceWindow::~PieceWindow() = default;

  bool PieceWindow::worthIt( const QgsGeometry &piece )
  {
    return !piece.isNull() && piece.constGet()->nCoordinates() > kWorthIt;
  }

  std::unique_ptr<QgsAbstractGeometry> PieceWindow::around( const QgsRectangle &extent ) const
  {
    if ( !mPlain || mRings.empty() || extent.isNull() )
      return nullptr;
    // the box holds every segment meeting the feature's extent whole, with room to spare
    const Box feature { extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum() };
    Box near = feature;
    for ( const Ring &r : mRings )
    {
      forChunks( r, feature, [&]( int c ) {
        const int end = std::min( ( c + 1 ) * kChunk, segments( r ) );
        for ( int s = c * kChunk; s < end; ++s )
        {
          const Box b = segmentBox( r, s );
          if ( meets( b, feature ) )
            grow( near, b );
        }
      } );
    }
    const double room = 0.05 * std::max( near.xmax - near.xmin, near.ymax - near.ymin );
    const Box box { near.xmin - room, near.ymin - room, near.xmax + room, near.ymax + room };
    if ( !( box.xmin < near.xmin && box.ymin < near.ymin && box.xmax > near.xmax && box.ymax > near.ymax ) )
      return nullptr;

    const Cutter cutter( box, !mRings.front().interiorLeft );
    std::vector<Part> parts;
    for ( unsigned ring = 0; ring < mRings.size(); ++ring )
    {
      const Ring &r = mRings[ring];
      std::vector<int> chunks;
      forChunks( r, box, [&]( int c ) { chunks.push_back( c ); } );
      if ( chunks.empty() )
        continue;
      const int count = static_cast<int>( r.chunks.size() );
      if ( static_cast<int>( chunks.size() ) == count )
      {
        // every chunk near: start from any vertex outside, or leave a ring inside the box to the whole piece
        int start = -1;
        for ( int v = 0; v < segments( r ) && start < 0; ++v )
          if ( cutter.where( r.x[v], r.y[v] ) == Where::Outside )
            start = v;
        if ( start < 0 || !cutter.walk( r, ring, start, segments( r ), parts ) )
          return nullptr;
        continue;
      }
      // runs of consecutive near chunks, around the ring's closing vertex too; a far chunk's vertices are all outside
      std::vector<bool> isNear( static_cast<size_t>( count ), false );
      for ( int c : chunks )
        isNear[static_cast<size_t>( c )] = true;
      for ( int c : chunks )
      {
        if ( isNear[static_cast<size_t>( ( c + count - 1 ) % count )] )
          continue; // not the first of its run
        int run = 0;
        for ( int d = c; isNear[static_cast<size_t>( d % count )]; ++d )
          run += std::min( ( d % count + 1 ) * kChunk, segments( r ) ) - ( d % count ) * kChunk;
        if ( !cutter.walk( r, ring, c * kChunk, run, parts ) )
          return nullptr;
      }
    }

    if ( parts.empty() )
    {
      // no ring comes near: the box lies wholly inside the piece, which the feature meets
      auto polygon = std::make_unique<QgsPolygon>();
      polygon->setExteriorRing( new QgsLineString( QVector<double> { box.xmin, box.xmax, box.xmax, box.xmin, box.xmin },
                                QVector<double> { box.ymin, box.ymin, box.ymax, box.ymax, box.ymin } ) );
      return polygon;
    }
    std::vector<std::unique_ptr<QgsPolygon>> polygons = cutter.close( parts );
    if ( polygons.empty() )
      return nullptr;
    if ( polygons.size() == 1 )
      return std::move( polygons.front() );
    auto multi = std::make_unique<QgsMultiPolygon>();
    for ( std::unique_ptr<QgsPolygon> &p : polygons )
      multi->addGeometry( p.release() );
    return multi;
  }
}
