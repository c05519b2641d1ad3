// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGETASK_H
#define LIMES_CHANGETASK_H

#include "change/changeresult.h"
#include "layersnapshot.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <vector>

#include <qgsfeedback.h>
#include <qgstaskmanager.h>

namespace limes
{
  //! One version to compare: a workspace version (by name) or a loaded layer (copied).
  struct ChangeVersionInput
  {
    QString workspaceVersion;                 //!< name in the workspace; empty for a layer
    std::shared_ptr<LayerSnapshot> layer;     //!< the loaded layer, when not a workspace version
    QString label() const;                    //!< how results name it: the version's or the layer's name
  };

  //! Everything a comparison needs, copied on the main thread before the task starts.
  struct ChangeTaskInputs
  {
    QString workspaceTarget;                  //!< to open the task's own connection; empty without workspace versions
    ChangeVersionInput oldVersion;
    ChangeVersionInput newVersion;
    QString leftParty;
    QString rightParty;
    QString partyField;
    QStringList knownParties;
    std::vector<std::shared_ptr<LayerSnapshot>> resources;
    std::shared_ptr<LayerSnapshot> segments;
    QString segmentCodeField = QStringLiteral( "code" );
    double gridM = 0.001;
    double minAreaM2 = 0;
    double maxEndGapM = 1000;
    QString edges = QStringLiteral( "geodesic" );
    QgsCoordinateTransformContext transformContext;
  };

  /**
   * `limes change` as a QGIS task: ChangeEngine::run() in QGIS's task manager, with its
   * progress and cancel. The inputs are copied in the constructor; the workspace, when
   * versions come from it, is opened by the task itself inside run(). `onFinished` is called
   * from finished(), on the main thread, where the caller builds its layers.
   */
  class ChangeTask : public QgsTask
  {
      Q_OBJECT

    public:
      using Callback = std::function<void( ChangeTask &task, bool ok )>;

      ChangeTask( ChangeTaskInputs inputs, Callback onFinished );
      ~ChangeTask() override;

      void cancel() override;

      const ChangeTaskInputs &inputs() const { return mInputs; }
      const ChangeResult &result() const { return mResult; }
      //! Exactly what `limes change --summary` writes for the same inputs.
      const QByteArray &summaryJson() const { return mSummaryJson; }
      //! Why it failed, one line; empty after success or cancel.
      QString error() const { return mError; }

    protected:
      bool run() override;
      void finished( bool result ) override;

    private:
      void holdForTest() const;

      ChangeTaskInputs mInputs;
      Callback mOnFinished;
      std::unique_ptr<QgsFeedback> mFeedback;
      ChangeResult mResult;
      QByteArray mSummaryJson;
      QString mError;
  };
}

#endif
