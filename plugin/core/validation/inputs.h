// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_INPUTS_H
#define LIMES_VALIDATION_INPUTS_H

#include "linereference.h"

#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <vector>

#include <qgsgeometry.h>
#include <qgspointxy.h>
#include <qgsrectangle.h>

// What a validation run reads from each input layer, once, in the working CRS. The readers
// only collect; the rules decide what is a finding (features without a geometry become
// empty_geometry findings, bad line parts and invalid territories invalid_geometry ones).
namespace limes::validation
{
  class RunContext;

  //! A feature without a geometry, and what the messages call it ("segment S-003").
  struct NoGeometry
  {
    long long fid = -1;
    QString name;
  };

  //! A part of the line with fewer than two distinct vertices (coordinates that cannot be are refused when read).
  struct BadLinePart
  {
    long long fid = -1;
    QString origin;            //!< "feature 3" or "feature 3 part 2"
    int distinctVertices = 0;
    QgsGeometry where;         //!< its first vertex; null for an empty part
  };

  struct LineInput
  {
    std::unique_ptr<LineReference> reference;   //!< the good parts
    double scale = 1;                           //!< ellipsoidal / planar length
    std::vector<NoGeometry> noGeometry;
    std::vector<BadLinePart> badParts;
  };

  struct SegmentInput
  {
    struct Segment
    {
      long long fid = -1;
      QString code;
      QgsPointXY start, end;                   //!< in the line's direction
      LineReference::Location from, to;        //!< on the line, from <= to
      QgsMultiPolylineXY lines;                //!< its geometry, as digitized
    };
    std::vector<Segment> segments;              //!< in feature order
    std::vector<NoGeometry> noGeometry;

    //! The segments by the chainage of their start, then fid.
    std::vector<const Segment *> alongLine() const;
  };

  struct PillarInput
  {
    struct Pillar
    {
      long long fid = -1;
      QString number;
      QgsPointXY point;
      LineReference::Location at;              //!< nearest point of the line
      bool surveyed = false;                   //!< both survey coordinates given
      QgsPointXY surveyedAt;                   //!< in the pillars' CRS
      bool hasAccuracy = false;
      double accuracy = 0;                     //!< metres
    };
    std::vector<Pillar> pillars;                //!< in feature order
    std::vector<NoGeometry> noGeometry;

    //! The pillars by part, chainage, then fid.
    std::vector<const Pillar *> alongLine() const;
  };

  struct TerritoryInput
  {
    struct Invalid
    {
      long long fid = -1;
      QString reason;                          //!< GEOS's
      QgsGeometry where;                       //!< a point on its surface
    };
    std::map<QString, QgsGeometry> byParty;     //!< each party's territory, dissolved and made valid
    QgsRectangle extent;
    std::vector<NoGeometry> noGeometry;
    std::vector<Invalid> invalid;
  };

  //! Field indices resolved before anything is read; -1 where a layer has no such field.
  struct InputFields
  {
    int segmentCode = -1;
    int pillarNumber = -1;
    int surveyX = -1;
    int surveyY = -1;
    int surveyAccuracy = -1;
    int party = -1;
  };

  //! The line: throws limes::Error when no feature has a line geometry.
  LineInput readLine( const RunContext &context );
  SegmentInput readSegments( const RunContext &context );
  PillarInput readPillars( const RunContext &context );
  TerritoryInput readTerritories( const RunContext &context );
  std::vector<QgsPointXY> readTripoints( const RunContext &context );
}

#endif
