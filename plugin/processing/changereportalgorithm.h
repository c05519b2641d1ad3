// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGEREPORTALGORITHM_H
#define LIMES_CHANGEREPORTALGORITHM_H

#include "boundarychangealgorithm.h"
#include "qgiscompat.h"

namespace limes
{
  /**
   * limes:changereport — the change between two versions as the commission's PDF report, with
   * its tables as CSV and its geometry as a GeoPackage: the inputs of limes:boundarychange.
   * Runs on the main thread: QGIS layouts are not thread-safe.
   */
  class ChangeReportAlgorithm : public BoundaryChangeAlgorithm
  {
    public:
      QString name() const override;
      QString displayName() const override;
      QStringList tags() const override;
      QString shortHelpString() const override;
      limes::compat::ProcessingAlgorithmFlags flags() const override;
      ChangeReportAlgorithm *createInstance() const override;

    protected:
      void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
      QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback ) override;

    private:
      //! A layout template per report part (reportParts()), and its parameter.
      static QList<std::pair<QString, QString>> templateParameters();
      QVariantMap report( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback );
  };
}

#endif
