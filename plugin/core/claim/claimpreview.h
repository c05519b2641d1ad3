// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CLAIM_CLAIMPREVIEW_H
#define LIMES_CLAIM_CLAIMPREVIEW_H

#include "change/changerequest.h"
#include "change/changeresult.h"

#include <QMap>
#include <QPair>

#include <memory>

#include <qgscoordinatetransform.h>
#include <qgsgeometry.h>
#include <qgspointxy.h>

class QgsFeedback;

namespace limes::change
{
  class IncrementalChange;
}

namespace limes::claim
{
  /**
   * The change a claim line would make while it is drawn: the reference's stretch (a part of
   * the reference version, from vertex `first` to `last`) is replaced by the line drawn so far,
   * and beyond its last vertex the reference runs on from the point of the stretch nearest to
   * it. Each update hands IncrementalChange only the vertices that differ from the previous
   * update, so that only the windows the edit touches are computed again.
   */
  class ClaimPreview
  {
    public:
      //! `request.oldVersion` is the reference, `request.newVersion` the same lines again. Reads once; throws limes::Error.
      explicit ClaimPreview( const ChangeRequest &request, QgsFeedback *feedback = nullptr );
      ~ClaimPreview();
      ClaimPreview( const ClaimPreview & ) = delete;
      ClaimPreview &operator=( const ClaimPreview & ) = delete;

      //! The stretch the claim replaces (indices into the reference's working-CRS part); by default the whole of part 0.
      void setStretch( size_t part, size_t first, size_t last );
      size_t stretchFirst() const { return mFirst; }
      size_t stretchLast() const { return mLast; }

      /**
       * The line as drawn so far (WGS 84, the cursor's position last while the mouse moves).
       * Returns false, and says why in `error`, when the engine refuses the edit (the preview
       * keeps its previous state then).
       */
      bool setLine( const QgsPolylineXY &wgs84, QString *error = nullptr );
      //! Like setLine(), in the working CRS (x0,y0,x1,y1,...): what the benchmark drives.
      bool setWorkingLine( const std::vector<double> &xy, QString *error = nullptr );

      ChangeResult result() const;
      QgsCoordinateReferenceSystem workingCrs() const { return mWorkingCrs; }
      //! The reference as the overlay sees it (working CRS).
      const std::vector<double> &referencePart() const;
      //! How many windows the last update computed again.
      int lastWindows() const { return mLastWindows; }

    private:
      std::unique_ptr<change::IncrementalChange> mIncremental;
      QgsCoordinateReferenceSystem mWorkingCrs;
      QgsCoordinateTransform mToWorking;
      double mGridM = 0.001;
      size_t mPart = 0;
      size_t mFirst = 0;
      size_t mLast = 0;
      //! new part = reference[0..mFirst-1] + drawn + reference[mK+1..]; mK + 1 == mFirst before anything is drawn
      long long mK = -1;
      int mLastWindows = 0;
  };

  //! What the preview's panel shows: the running totals of a change.
  struct ChangeTotals
  {
    QMap<QPair<QString, QString>, double> transferM2; //!< (from, to) -> area on the ellipsoid
    QMap<QString, double> netM2;                      //!< party -> gained minus lost
    //! resource layer -> features with a part that changes sides, length (lines) and area (polygons) that changes sides
    QMap<QString, long long> resourceFeatures;
    QMap<QString, double> resourceLengthM;
    QMap<QString, double> resourceAreaM2;
  };
  ChangeTotals totals( const ChangeResult &result );
}

#endif
