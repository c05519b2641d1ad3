// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_PROVIDER_H
#define LIMES_PROVIDER_H

#include <qgsprocessingprovider.h>

namespace limes
{
  /**
   * Processing provider "limes": the same core engines the CLI runs, for the toolbox,
   * the model designer and batch mode.
   */
  class ProcessingProvider : public QgsProcessingProvider
  {
      Q_OBJECT

    public:
      static constexpr const char *ID = "limes";

      explicit ProcessingProvider( QObject *parent = nullptr );

      QString id() const override;
      QString name() const override;
      QString longName() const override;
      QIcon icon() const override;
      QString svgIconPath() const override;
      QString helpId() const override;

    protected:
      void loadAlgorithms() override;
  };
}

#endif
