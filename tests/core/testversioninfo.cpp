// SPDX-License-Identifier: GPL-2.0-or-later
#include "versioninfo.h"

#include <QtTest>
#include <qgstest.h>

#include <geos_c.h>
#include <proj.h>

class TestVersionInfo : public QObject
{
    Q_OBJECT

  private slots:
    void runtimeMatchesHeaders()
    {
      const limes::VersionInfo v = limes::VersionInfo::current();
      QCOMPARE( v.limes, QStringLiteral( LIMES_VERSION ) );
      QCOMPARE( v.geos, QStringLiteral( GEOS_VERSION ) );
      QCOMPARE( v.proj, QStringLiteral( "%1.%2.%3" ).arg( PROJ_VERSION_MAJOR ).arg( PROJ_VERSION_MINOR ).arg( PROJ_VERSION_PATCH ) );
      QVERIFY( v.qgis.startsWith( QStringLiteral( "%1.%2." ).arg( Qgis::versionInt() / 10000 ).arg( Qgis::versionInt() / 100 % 100 ) ) );
    }

    void textHasOneLinePerLibrary()
    {
      const QStringList lines = limes::VersionInfo::current().toText().split( '\n' );
      QCOMPARE( lines.size(), 4 );
      QVERIFY( lines.at( 0 ).startsWith( QLatin1String( "Limes " ) ) );
      QVERIFY( lines.at( 1 ).startsWith( QLatin1String( "QGIS " ) ) );
      QVERIFY( lines.at( 2 ).startsWith( QLatin1String( "GEOS " ) ) );
      QVERIFY( lines.at( 3 ).startsWith( QLatin1String( "PROJ " ) ) );
    }
};

QGSTEST_MAIN( TestVersionInfo )
#include "testversioninfo.moc"
