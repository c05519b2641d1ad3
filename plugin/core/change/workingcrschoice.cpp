// SPDX-License-Identifier: GPL-2.0-or-later
#include "change/workingcrschoice.h"
#include "change/reading.h"
#include "error.h"
#include "geometry/workingcrs.h"
#include "qgiscompat.h"

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesource.h>

#include <cmath>

namespace limes::change
{
  namespace
  {
    bool usable( const QgsRectangle &r )
    {
      return !r.isNull() && std::isfinite( r.xMinimum() ) && r.xMinimum() <= r.xMaximum();
    }

    //! The version's extent in WGS 84; filtered sources that do not know theirs are measured.
    QgsRectangle wgs84Extent( const InputLayer &l, const char *role, const QgsCoordinateTransformContext &context )
    {
      QgsRectangle sourceExtent = l.source->sourceExtent();
      if ( !usable( sourceExtent ) )
      {
        sourceExtent = QgsRectangle();
        compat::setNull( sourceExtent );
        QgsFeatureIterator it = l.source->getFeatures( QgsFeatureRequest().setNoAttributes() );
        QgsFeature f;
        while ( it.nextFeature( f ) )
          if ( f.hasGeometry() && !f.geometry().isEmpty() )
            sourceExtent.combineExtentWith( f.geometry().boundingBox() );
      }
      if ( !usable( sourceExtent ) )
        throw Error( QStringLiteral( "no feature has a geometry" ), describe( l, role ) );
      const QgsCoordinateTransform t( l.source->sourceCrs(), QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), context );
      try
      {
        return t.transformBoundingBox( sourceExtent );
      }
      catch ( const QgsCsException &e )
      {
        throw Error( QStringLiteral( "cannot transform the extent to WGS 84: %1" ).arg( e.what() ), l.spec );
      }
    }
  }

  QgsCoordinateReferenceSystem chooseWorkingCrs( const InputLayer &oldVersion, const InputLayer &newVersion, const QgsCoordinateTransformContext &context )
  {
    QgsRectangle extent = wgs84Extent( oldVersion, "old version", context );
    extent.combineExtentWith( wgs84Extent( newVersion, "new version", context ) );
    return workingCrsFor( extent );
  }
}
