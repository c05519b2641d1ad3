// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_OVERLAYPHASES_H
#define LIMES_CHANGE_OVERLAYPHASES_H

#include "change/lineoverlay.h"
#include "geometry/geos.h"
#include "geometry/segmentindex.h"

#include <vector>

// The phases of LineOverlay::run, each on plain values: snap, pair the parts (closing their
// ends with connectors), cancel shared segments, cluster the differing windows, then per
// window node, weigh the edges, polygonize and classify the faces by winding number.
namespace limes::overlay
{
  using Segment = LineOverlay::Segment;

  //! Every part snapped to the grid; throws for a part the grid shrinks below two vertices.
  std::vector<Polyline> snapParts( const std::vector<Polyline> &parts, double grid, const char *which );

  //! Corresponding parts paired, their differing ends closed by straight connectors.
  struct Pairing
  {
    std::vector<Segment> chain;            //!< the connectors as steps of the chain old - new
    std::vector<EndConnector> connectors;
  };

  /**
   * Rings are paired with the ring they overlap most, open parts by their ends. Throws for a
   * part without a counterpart, a version running the other way, or ends farther apart than
   * `maxEndGap`.
   */
  Pairing pairParts( const std::vector<Polyline> &oldParts, const std::vector<Polyline> &newParts, double maxEndGap );

  //! The directed segments that differ between the versions (old +1, then new -1).
  struct Unshared
  {
    std::vector<Segment> chain;
    long long shared = 0; //!< segments identical in both versions, never overlaid
  };

  //! Identical directed segments cancel in old - new: a sort-merge of their grid keys finds them.
  Unshared cancelShared( const std::vector<Polyline> &oldParts, const std::vector<Polyline> &newParts, double grid );

  /**
   * The chain old - new has no boundary, so each spatially separate cluster of it is a closed
   * chain of its own. Clusters in a deterministic order.
   */
  std::vector<std::vector<Segment>> clusterWindows( const std::vector<Segment> &chain, double grid );

  //! A window's segments indexed once, in cells about a mean segment long (at least 50 grid cells).
  SegmentIndex windowIndex( const std::vector<Segment> &window, double grid );

  //! One window's linework noded with snap-rounding on the grid, so both delegations get the same faces.
  geos::GeomPtr nodeWindow( const geos::Context &ctx, const std::vector<Segment> &window, double grid );
  //! nodeWindow() with the window's index (windowIndex()) at hand.
  geos::GeomPtr nodeWindow( const geos::Context &ctx, const std::vector<Segment> &window, const SegmentIndex &index, double grid );

  //! Noded edges whose multiplicity in the chain is not zero (coincident stretches sum to zero).
  struct WeightedEdges
  {
    std::vector<const GEOSGeometry *> edges; //!< owned by the noded geometry
    std::vector<Segment> segments;           //!< their segments, weighted by the multiplicity
    double cell = 0;                         //!< index cell size suited to the window
  };

  WeightedEdges weighEdges( const geos::Context &ctx, const GEOSGeometry *noded, const std::vector<Segment> &window, double grid );
  //! weighEdges() with the window's index (windowIndex()) at hand.
  WeightedEdges weighEdges( const geos::Context &ctx, const GEOSGeometry *noded, const std::vector<Segment> &window, const SegmentIndex &index, double grid );

  //! The faces the kept edges enclose (GEOSPolygonize).
  geos::GeomPtr polygonize( const geos::Context &ctx, const WeightedEdges &edges );

  /**
   * Each face classified by the winding number of the weighted edges at an interior point;
   * faces with winding 0 move nothing. Throws when a winding number is beyond ±1: a version
   * crosses or runs back over itself.
   */
  std::vector<OverlayFace> classifyFaces( const geos::Context &ctx, const GEOSGeometry *faces, const WeightedEdges &edges, double grid );

  //! One window through node, weigh, polygonize and classify: the faces that move land.
  std::vector<OverlayFace> windowFaces( const geos::Context &ctx, const std::vector<Segment> &window, double grid );
}

#endif
