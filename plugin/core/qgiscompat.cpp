// SPDX-License-Identifier: GPL-2.0-or-later
#include "qgiscompat.h"
#include "headlessprofile.h"

#include <qgsapplication.h>
#include <qgsauthmanager.h>
#include <qgsfillsymbol.h>
#include <qgslayoutitemlabel.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgsproviderregistry.h>

namespace limes::compat
{
  std::unique_ptr<QgsLineSymbol> createSimpleLine( const QVariantMap &properties )
  {
    return std::unique_ptr<QgsLineSymbol>( QgsLineSymbol::createSimple( properties ) );
  }

  std::unique_ptr<QgsMarkerSymbol> createSimpleMarker( const QVariantMap &properties )
  {
    return std::unique_ptr<QgsMarkerSymbol>( QgsMarkerSymbol::createSimple( properties ) );
  }

  std::unique_ptr<QgsFillSymbol> createSimpleFill( const QVariantMap &properties )
  {
    return std::unique_ptr<QgsFillSymbol>( QgsFillSymbol::createSimple( properties ) );
  }

  void setLabelFont( QgsLayoutItemLabel *label, const QFont &font, const QColor &color )
  {
#if _QGIS_VERSION_INT >= 32400
    QgsTextFormat format = QgsTextFormat::fromQFont( font );
    format.setColor( color );
    label->setTextFormat( format );
#else
    label->setFont( font );
    label->setFontColor( color );
#endif
  }

  void initHeadless()
  {
    QgsApplication::init( headlessProfileFolder() );
    // only the providers built into qgis_core; QGIS reads this pattern once, here
    const bool ownPattern = qEnvironmentVariableIsEmpty( "QGIS_PROVIDER_FILE" );
    if ( ownPattern )
      qputenv( "QGIS_PROVIDER_FILE", "^limes-loads-no-provider-library$" );
    QgsProviderRegistry::instance( QgsApplication::pluginPath() );
    if ( ownPattern )
      qunsetenv( "QGIS_PROVIDER_FILE" );
#if _QGIS_VERSION_INT >= 34000
    QgsApplication::authManager()->setup( QgsApplication::pluginPath(), QgsApplication::qgisAuthDatabaseUri() );
#endif
  }

  QgsAuthManager *authManager()
  {
    QgsAuthManager *auth = QgsApplication::authManager();
#if _QGIS_VERSION_INT < 34000
    // before 3.40 initHeadless does not set it up; this returns at once when initQgis (desktop, Processing) has
    if ( auth )
      auth->init( QgsApplication::pluginPath(), QgsApplication::qgisAuthDatabaseFilePath() );
#endif
    return auth;
  }
} // namespace limes::compat
