// SPDX-License-Identifier: GPL-2.0-or-later
#include "geometry/ellipsoidparameters.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

#include <qgis.h>
#include <qgsprojutils.h>

#include <proj.h>

namespace limes
{
  namespace
  {
    using Parameters = QgsEllipsoidUtils::EllipsoidParameters;

    //! What QgsEllipsoidUtils::definitions builds for one ellipsoid of PROJ's database.
    bool fromProjDatabase( const QString &id, Parameters &out )
    {
      if ( !id.startsWith( QLatin1String( "EPSG:" ) ) )
        return false;
      const QByteArray code = id.mid( 5 ).toLatin1();
      PJ_CONTEXT *context = QgsProjContext::get();
      PJ *ellipsoid = proj_create_from_database( context, "EPSG", code.constData(), PJ_CATEGORY_ELLIPSOID, 0, nullptr );
      if ( !ellipsoid )
        return false;
      double semiMajor = 0, semiMinor = 0, inverseFlattening = 0;
      int semiMinorComputed = 0;
      const bool known = proj_ellipsoid_get_parameters( context, ellipsoid, &semiMajor, &semiMinor, &semiMinorComputed, &inverseFlattening );
      proj_destroy( ellipsoid );
      if ( !known )
        return false;
      out.semiMajor = semiMajor;
      out.semiMinor = semiMinor;
      out.inverseFlattening = inverseFlattening;
      // the same PROJ string as QGIS's, so that transformations to it are the same
      QString proj;
      if ( !semiMinorComputed )
        proj = QStringLiteral( "+proj=longlat +a=%1 +b=%2 +no_defs +type=crs" ).arg( semiMajor, 0, 'g', 17 ).arg( semiMinor, 0, 'g', 17 );
      else if ( !qgsDoubleNear( inverseFlattening, 0.0 ) )
        proj = QStringLiteral( "+proj=longlat +a=%1 +rf=%2 +no_defs +type=crs" ).arg( semiMajor, 0, 'g', 17 ).arg( inverseFlattening, 0, 'g', 17 );
      else
        proj = QStringLiteral( "+proj=longlat +a=%1 +no_defs +type=crs" ).arg( semiMajor, 0, 'g', 17 );
      out.crs.createFromProj( proj, false );
      out.valid = out.crs.isValid();
      return out.valid;
    }
  }

  QgsEllipsoidUtils::EllipsoidParameters ellipsoidParameters( const QString &id )
  {
    static QMutex mutex;
    static QHash<QString, Parameters> cache;
    {
      const QMutexLocker locker( &mutex );
      const auto it = cache.constFind( id );
      if ( it != cache.constEnd() )
        return it.value();
    }
    Parameters p;
    if ( !fromProjDatabase( id, p ) )
      p = QgsEllipsoidUtils::ellipsoidParameters( id );
    const QMutexLocker locker( &mutex );
    cache.insert( id, p );
    return p;
  }
}
