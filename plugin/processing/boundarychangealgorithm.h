// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_BOUNDARYCHANGEALGORITHM_H
#define LIMES_BOUNDARYCHANGEALGORITHM_H

#include <qgsprocessingalgorithm.h>

namespace limes
{
  struct ChangeRequest;

  //! limes:boundarychange — the change engine for the toolbox, the model designer and batch mode.
  class BoundaryChangeAlgorithm : public QgsProcessingAlgorithm
  {
    public:
      QString name() const override;
      QString displayName() const override;
      QStringList tags() const override;
      QString group() const override;
      QString groupId() const override;
      QString shortHelpString() const override;
      QIcon icon() const override;
      BoundaryChangeAlgorithm *createInstance() const override;

    protected:
      void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
      QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback ) override;

    private:
      QVariantMap run( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback );
      //! No output (TRANSFERS, RESOURCE_CHANGES, NOISE, SUMMARY) may name an input's file or another output.
      void checkOutputPaths( const QVariantMap &parameters, QgsProcessingContext &context, const ChangeRequest &request );
  };
}

#endif
