// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_BOUNDARYCHANGEALGORITHM_H
#define LIMES_BOUNDARYCHANGEALGORITHM_H

#include "change/changerequest.h"

#include <memory>

#include <qgsprocessingalgorithm.h>
#include <qgsprocessingutils.h>

namespace limes
{
  namespace io
  {
    class PathGuard;
  }

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

      //! The sources a request reads; they must outlive it.
      struct Sources
      {
        std::unique_ptr<QgsProcessingFeatureSource> oldVersion;
        std::unique_ptr<QgsProcessingFeatureSource> newVersion;
        std::unique_ptr<QgsProcessingFeatureSource> segments;
      };
      //! OLD, NEW, LEFT, RIGHT, PARTY_FIELD, RESOURCES, SEGMENTS (required when `segmentsRequired`), SEGMENT_FIELD, GRID, MIN_AREA, MAX_END_GAP, EDGES.
      void addInputParameters( bool segmentsRequired );
      //! The engine's request from those parameters (transform context from `context`).
      ChangeRequest readRequest( const QVariantMap &parameters, QgsProcessingContext &context, Sources &sources );
      //! The request's input files (OLD, NEW, SEGMENTS, RESOURCES), which no output may name.
      static void guardInputs( io::PathGuard &guard, const ChangeRequest &request );

    private:
      QVariantMap run( const QVariantMap &parameters, QgsProcessingContext &context, QgsProcessingFeedback *feedback );
      //! No output (TRANSFERS, RESOURCE_CHANGES, NOISE, SUMMARY) may name an input's file or another output.
      void checkOutputPaths( const QVariantMap &parameters, QgsProcessingContext &context, const ChangeRequest &request );
  };
}

#endif
