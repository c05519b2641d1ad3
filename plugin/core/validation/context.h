// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATION_CONTEXT_H
#define LIMES_VALIDATION_CONTEXT_H

#include "geometry/geos.h"
#include "qgiscompat.h"
#include "validation/findings.h"
#include "validation/inputs.h"
#include "validation/rule.h"
#include "validation/validation.h"

#include <QList>

#include <memory>
#include <vector>

#include <qgscoordinatereferencesystem.h>
#include <qgsdistancearea.h>
#include <qgsfeaturerequest.h>

class QgsFeature;
class QgsFeatureIterator;
class QgsFeedback;

namespace limes::validation
{
  //! An input in another CRS than the line's: reprojected, and reported by crs_mismatch.
  struct Reprojected
  {
    QString layer;
    QString crs;
  };

  /**
   * Everything one validation run shares: the request, the working CRS (metric: the line's,
   * or the UTM zone of a geographic line) and the ellipsoid, the line as a LineReference,
   * the inputs (each read once, on first use), the findings sink and cancellation.
   * Building it checks the inputs: a wrong geometry type, a missing CRS or field, an
   * ambiguous datum transformation or a line without lines throw limes::Error.
   * One per run and per thread; not copyable (it owns a GEOS context).
   */
  class RunContext
  {
    public:
      RunContext( const ValidationRequest &request, QgsFeedback *feedback );
      ~RunContext();
      RunContext( const RunContext & ) = delete;
      RunContext &operator=( const RunContext & ) = delete;

      const ValidationRequest &request() const { return mRequest; }
      double tolerance() const { return mRequest.tolerance; }
      bool has( Input input ) const;
      const InputFields &fields() const { return mFields; }
      const QList<Reprojected> &reprojected() const { return mReprojected; }

      const QgsCoordinateReferenceSystem &workingCrs() const { return mWorking; }
      //! The inputs' features in the working CRS, by fid, geometries unchecked; read them with nextFeature().
      QgsFeatureRequest featureRequest() const;
      /**
       * The next feature of a featureRequest() iterator: limes::Error naming the layer and the
       * feature for one that cannot be transformed or has coordinates that cannot be (NaN,
       * 1e300); cancellation checked.
       */
      bool nextFeature( QgsFeatureIterator &it, QgsFeature &f, const InputLayer &layer, const char *role ) const;
      //! How messages name an input: "pillars (path|layername=NAME)".
      static QString describe( const InputLayer &layer, const char *role );
      //! Ellipsoidal measures in the working CRS.
      const QgsDistanceArea &ellipsoid() const { return mDa; }
      //! Ellipsoidal distance in metres between two points of the working CRS.
      double distance( const QgsPointXY &a, const QgsPointXY &b ) const { return mDa.measureLine( a, b ); }
      const geos::Context &geos() const { return mGeos; }

      const LineReference &line() const { return *mLine.reference; }
      //! Ellipsoidal / planar length of the line: planar lengths times this are metres.
      double scale() const { return mLine.scale; }
      const LineInput &lineInput() const { return mLine; }
      const SegmentInput &segments();
      const PillarInput &pillars();
      const TerritoryInput &territories();
      const std::vector<QgsPointXY> &tripoints();

      //! Throws limes::Error( "cancelled" ) when the user cancelled.
      void checkCanceled() const;
      void setProgress( double percent ) const;

      Findings &findings() { return mFindings; }
      //! A finding of `rule`, dropped unless the rule is wanted; `where` in the working CRS.
      void add( const RuleInfo &rule, const QString &layer, long long fid, const QString &message, double value, double tolerance, const QgsGeometry &where )
      {
        mFindings.add( rule, layer, fid, message, value, tolerance, where );
      }

    private:
      void setWorkingCrs();
      void checkSource( const InputLayer &layer, const char *role, limes::GeometryType type );
      void resolveFields();

      const ValidationRequest &mRequest;
      QgsFeedback *mFeedback = nullptr;
      Findings mFindings;
      QgsCoordinateReferenceSystem mWorking;
      QgsDistanceArea mDa;
      geos::Context mGeos;
      QList<Reprojected> mReprojected;
      InputFields mFields;
      LineInput mLine;
      std::unique_ptr<SegmentInput> mSegments;
      std::unique_ptr<PillarInput> mPillars;
      std::unique_ptr<TerritoryInput> mTerritories;
      std::unique_ptr<std::vector<QgsPointXY>> mTripoints;
  };
}

#endif
