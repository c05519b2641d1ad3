// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_TESTUTILS_H
#define LIMES_TESTUTILS_H

#include <QString>

#include <qgsapplication.h>

namespace limes::test
{
  inline QString sourcePath( const QString &relative )
  {
    return QStringLiteral( LIMES_SOURCE_DIR "/" ) + relative;
  }

  inline QString sampleData( const QString &layer = QString() )
  {
    const QString path = sourcePath( QStringLiteral( "sampledata/fergana.gpkg" ) );
    return layer.isEmpty() ? path : path + QStringLiteral( "|layername=" ) + layer;
  }

  //! Providers and the PROJ database, as the CLI has them (QGIS_PREFIX_PATH comes from ctest).
  inline void initQgis()
  {
    QgsApplication::init();
    QgsApplication::initQgis();
  }
}

#endif
