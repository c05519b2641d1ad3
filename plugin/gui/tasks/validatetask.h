// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATETASK_H
#define LIMES_VALIDATETASK_H

#include "layersnapshot.h"
#include "validation/validation.h"

#include <functional>
#include <memory>

#include <qgsfeedback.h>
#include <qgstaskmanager.h>

namespace limes
{
  //! Everything a validation needs, copied on the main thread before the task starts.
  struct ValidateTaskInputs
  {
    QString workspaceTarget;                 //!< to open the task's own connection for a workspace version
    QString lineVersion;                     //!< a workspace version as the line; empty: `line`
    std::shared_ptr<LayerSnapshot> line;
    std::shared_ptr<LayerSnapshot> segments;
    QString segmentCodeField = QStringLiteral( "code" );
    std::shared_ptr<LayerSnapshot> pillars;
    QString pillarField = QStringLiteral( "number" );
    QStringList rules;                       //!< empty: every rule the inputs allow
    double tolerance = 0.5;
    QList<AcceptedException> exceptions;     //!< the workspace's accepted findings
    QgsCoordinateTransformContext transformContext;
    QString lineLabel() const { return line ? line->input().name : lineVersion; }
  };

  /**
   * `limes validate` as a QGIS task: Validator::run() with progress and cancel. Inputs are
   * copied in the constructor; a workspace version is read through the task's own connection
   * inside run(); `onFinished` is called from finished(), on the main thread.
   */
  class ValidateTask : public QgsTask
  {
      Q_OBJECT

    public:
      using Callback = std::function<void( ValidateTask &task, bool ok )>;

      ValidateTask( ValidateTaskInputs inputs, Callback onFinished );
      ~ValidateTask() override;

      void cancel() override;

      const ValidateTaskInputs &inputs() const { return mInputs; }
      const ValidationResult &result() const { return mResult; }
      QString error() const { return mError; }

    protected:
      bool run() override;
      void finished( bool result ) override;

    private:
      ValidateTaskInputs mInputs;
      Callback mOnFinished;
      std::unique_ptr<QgsFeedback> mFeedback;
      ValidationResult mResult;
      QString mError;
  };
}

#endif
