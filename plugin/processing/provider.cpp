// SPDX-License-Identifier: GPL-2.0-or-later
#include "provider.h"
#include "boundarychangealgorithm.h"
#include "changereportalgorithm.h"
#include "validatealgorithm.h"
#include "resources.h"
#include "versioninfo.h"

#include <QIcon>

namespace limes
{
  ProcessingProvider::ProcessingProvider( QObject *parent )
    : QgsProcessingProvider( parent )
  {
    initResources();
  }

  QString ProcessingProvider::id() const
  {
    return QString::fromLatin1( ID );
  }

  QString ProcessingProvider::name() const
  {
    return QStringLiteral( "Limes" );
  }

  QString ProcessingProvider::longName() const
  {
    return QStringLiteral( "Limes %1 (boundary commission tools)" ).arg( VersionInfo::current().limes );
  }

  QIcon ProcessingProvider::icon() const
  {
    return QIcon( svgIconPath() );
  }

  QString ProcessingProvider::svgIconPath() const
  {
    return QStringLiteral( ":/limes/icons/limes.svg" );
  }

  QString ProcessingProvider::helpId() const
  {
    return QStringLiteral( "limes" );
  }

  void ProcessingProvider::loadAlgorithms()
  {
    addAlgorithm( new BoundaryChangeAlgorithm() );
    addAlgorithm( new ChangeReportAlgorithm() );
    addAlgorithm( new ValidateAlgorithm() );
  }
}
