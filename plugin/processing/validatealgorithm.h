// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATEALGORITHM_H
#define LIMES_VALIDATEALGORITHM_H

#include <qgsprocessingalgorithm.h>

namespace limes
{
  struct ValidationRequest;

  //! limes:validate — the validation rules for the toolbox, models and batch runs.
  class ValidateAlgorithm : public QgsProcessingAlgorithm
  {
    public:
      QString name() const override { return QStringLiteral( "validate" ); }
      QString displayName() const override;
      QStringList tags() const override;
      QString group() const override;
      QString groupId() const override { return QStringLiteral( "validation" ); }
      QString shortHelpString() const override;
      QIcon icon() const override;
      ValidateAlgorithm *createInstance() const override { return new ValidateAlgorithm(); }

    protected:
      void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
      QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback ) override;

    private:
      QVariantMap run( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback );
      //! No output (OUTPUT, SUMMARY) may name an input's file (a layer, the workspace) or the other output.
      void checkOutputPaths( const QVariantMap &parameters, QgsProcessingContext &context, const ValidationRequest &request );
  };
}

#endif
