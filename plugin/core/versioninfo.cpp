// SPDX-License-Identifier: GPL-2.0-or-later
#include "versioninfo.h"

#include <qgis.h>

#include <geos_c.h>
#include <proj.h>

namespace limes
{
  VersionInfo VersionInfo::current()
  {
    VersionInfo info;
    info.limes = QStringLiteral( LIMES_VERSION );
    info.qgis = Qgis::version();
    // GEOSversion() is "3.11.1-CAPI-1.17.1": the part before "-CAPI" is the library version.
    info.geos = QString::fromLatin1( GEOSversion() ).section( QLatin1Char( '-' ), 0, 0 );
    info.proj = QString::fromLatin1( proj_info().version );
    return info;
  }

  QString VersionInfo::toText() const
  {
    return QStringLiteral( "Limes %1\nQGIS %2\nGEOS %3\nPROJ %4" ).arg( limes, qgis, geos, proj );
  }
}
