// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/reading.h"
#include "error.h"
#include "io/coordinates.h"
#include "qgiscompat.h"

#include <qgsexception.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturesource.h>
#include <qgsfeedback.h>

namespace limes::change
{
  QString describe( const InputLayer &layer, const char *role )
  {
    return QStringLiteral( "%1 (%2)" ).arg( QLatin1String( role ), layer.spec.isEmpty() ? layer.name : layer.spec );
  }

  void checkCanceled( QgsFeedback *feedback )
  {
    if ( feedback && feedback->isCanceled() )
      throw Error( QStringLiteral( "cancelled" ) );
  }

  void setProgress( QgsFeedback *feedback, double percent )
  {
    if ( feedback )
      feedback->setProgress( percent );
  }

  QgsFeatureRequest WorkingFrame::request() const
  {
    QgsFeatureRequest r;
    r.setDestinationCrs( crs, transformContext );
    r.setInvalidGeometryCheck( limes::compat::NoGeometryCheck );
    // QGIS would drop the geometry and go on: a version or a river would silently lose a feature
    r.setTransformErrorCallback( io::throwTransformFailure( crs.authid() ) );
    return r;
  }

  bool nextFeature( QgsFeatureIterator &it, QgsFeature &f, const InputLayer &layer, const char *role )
  {
    bool more = false;
    try
    {
      more = it.nextFeature( f );
    }
    catch ( const io::TransformFailure &failure )
    {
      throw Error( io::describe( failure ), describe( layer, role ) );
    }
    catch ( const QgsCsException &e )
    {
      throw Error( QStringLiteral( "cannot transform to the working CRS: %1" ).arg( e.what() ), describe( layer, role ) );
    }
    // in the working CRS (projected, metres), whatever the source's: NaN, infinity or 1e300 here
    // would hang the overlay or measure nothing
    if ( more && f.hasGeometry() )
      io::CoordinateLimits( io::CoordinateLimits::Projected, QStringLiteral( "the working CRS" ) ).check( f.geometry(), f.id(), describe( layer, role ) );
    return more;
  }

  void checkAllRead( long long read, const InputLayer &layer, const char *role )
  {
    const long long expected = layer.source->featureCount();
    if ( expected >= 0 && read != expected )
      throw Error( QStringLiteral( "read %1 of %2 features; the source failed while reading" ).arg( read ).arg( expected ), describe( layer, role ) );
  }
}
