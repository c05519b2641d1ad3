// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGE_READING_H
#define LIMES_CHANGE_READING_H

#include "change/changerequest.h"

#include <QString>

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransformcontext.h>
#include <qgsfeaturerequest.h>

class QgsFeature;
class QgsFeatureIterator;
class QgsFeedback;

// What every stage that reads an input shares: how inputs are named in messages, where
// features are read into, and the checks that no read is cut short.
namespace limes::change
{
  //! How messages name an input: "old version (path|layername=NAME)".
  QString describe( const InputLayer &layer, const char *role );

  //! Throws limes::Error "cancelled" once the user has cancelled.
  void checkCanceled( QgsFeedback *feedback );

  //! Progress in percent, when someone listens.
  void setProgress( QgsFeedback *feedback, double percent );

  //! Where inputs are read into: the working CRS and the datum transformations that get them there.
  struct WorkingFrame
  {
    QgsCoordinateReferenceSystem crs;
    QgsCoordinateTransformContext transformContext;

    //! Features in the working CRS; invalid geometries are passed through to be reported.
    QgsFeatureRequest request() const;
  };

  //! The next feature in the working CRS; a failed transformation is bad input, not a crash.
  bool nextFeature( QgsFeatureIterator &it, QgsFeature &f, const InputLayer &layer, const char *role );

  //! A driver that fails mid-read must not shorten the input silently.
  void checkAllRead( long long read, const InputLayer &layer, const char *role );
}

#endif
