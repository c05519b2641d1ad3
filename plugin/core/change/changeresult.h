// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGERESULT_H
#define LIMES_CHANGERESULT_H

#include "change/lineoverlay.h"
#include "qgiscompat.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

#include <qgscoordinatereferencesystem.h>
#include <qgsfeatureid.h>
#include <qgsgeometry.h>

namespace limes
{
  //! A piece of land that is on party `from`'s side under the old version and `to`'s under the new.
  struct Transfer
  {
    QString from;
    QString to;
    QString segment;        //!< code of the nearest segment, when segments were given
    QgsGeometry geometry;   //!< working CRS
    double areaM2 = 0;      //!< on the ellipsoid
    double perimeterM = 0;  //!< on the ellipsoid
    double maxWidthM = 0;   //!< diameter of the largest inscribed circle, working CRS
  };

  //! The part of one resource feature that changes sides in one direction.
  struct ResourceChange
  {
    QString layer;
    QgsFeatureId fid = FID_NULL;
    limes::GeometryType type = limes::geometrytype::Unknown;
    QString from;
    QString to;
    QString segment;
    double lengthM = 0;     //!< lines: ellipsoidal length that changes sides
    double areaM2 = 0;      //!< polygons: ellipsoidal area that changes sides
    QgsGeometry geometry;   //!< working CRS
  };

  //! How often the boundary crosses a line resource under each version, where that differs.
  struct CrossingChange
  {
    QString layer;
    QgsFeatureId fid = FID_NULL;
    int oldCrossings = 0;
    int newCrossings = 0;
  };

  //! What an input was, so that the other delegation can check it ran on the same data.
  struct InputProvenance
  {
    QString role;        //!< old, new, segments, resource
    QString source;      //!< as given
    QString path;
    QString layer;
    QString sha256;      //!< of the file; empty for non-file sources
    long long features = 0;
    QString crs;
  };

  struct ChangeResult
  {
    QString mode;                        //!< "lines" or "territories"
    QgsCoordinateReferenceSystem workingCrs;
    QString ellipsoid;
    QString edges;                       //!< the edge interpretation's name, e.g. "geodesic"
    long long densifiedVertices = 0;     //!< vertices added along the versions' long edges
    QString workspace;                   //!< the request's, for provenance
    QString ledgerHead;
    QString leftParty;
    QString rightParty;
    QStringList parties;                 //!< every party seen, sorted
    std::vector<Transfer> transfers;     //!< sorted: from, to, segment, then position
    std::vector<Transfer> noise;         //!< pieces below the minimum area
    std::vector<ResourceChange> resourceChanges;
    std::vector<CrossingChange> crossings;
    std::vector<EndConnector> connectors;
    QStringList resourceLayers;          //!< names, in the order given
    QStringList warnings;                //!< repaired geometries, reprojections, connectors
    QList<InputProvenance> inputs;
    double gridM = 0;
    double minAreaM2 = 0;
    double maxEndGapM = 0;
    QString partyField;
    long long sharedSegments = 0;
    long long overlaidSegments = 0;
  };
}

#endif
