// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_COMPAREDIALOG_H
#define LIMES_COMPAREDIALOG_H

#include "report/changereport.h"
#include "tasks/changetask.h"
#include "workspace/model.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QPushButton;
class QgsProject;
class QgsVectorLayer;

namespace Ui
{
  class LimesCompareDialog;
}

namespace limes
{
  class Host;
  class WorkspaceSession;

  /**
   * What to compare: the old and the new version (workspace versions, or any loaded line or
   * polygon layer), the parties, the resource layers, the segments and the thresholds. Says
   * what is missing before it lets the comparison start; inputs() copies everything for the
   * task. The comparison itself is ChangeTask.
   */
  class CompareDialog : public QDialog
  {
      Q_OBJECT

    public:
      //! `session` may be null (loaded layers only); `segmentsLayer`: the default segments (the workspace's).
      CompareDialog( WorkspaceSession *session, QgsProject *project, QgsVectorLayer *segmentsLayer, QWidget *parent = nullptr );
      ~CompareDialog() override;

      //! Selects a version: a workspace version's name, or a layer id; false when not offered.
      bool setOldVersion( const QString &nameOrLayerId );
      bool setNewVersion( const QString &nameOrLayerId );
      void setResources( const QStringList &layerIds );
      void setSegments( QgsVectorLayer *layer, const QString &codeField = QStringLiteral( "code" ) );
      void setThresholds( double minAreaM2, double maxEndGapM );

      //! What must be put right first; empty when the comparison can start.
      QStringList problems() const;
      //! The comparison's inputs, copied now (loaded layers as snapshots).
      ChangeTaskInputs inputs() const;

      /**
       * What the Report… button does once it has the file and the language: the comparison
       * and its report (report/reportrunner.h), under a progress dialog. limes::Error when it
       * fails or is cancelled; nothing is written then.
       */
      report::ReportFiles writeReport( const QString &pdf, const QString &language );
      //! Where Report… says what it wrote or why it failed: the host's message bar (a message box without one).
      void setHost( const Host *host ) { mHost = host; }

    private:
      //! The workspace version behind a combo entry; null for a layer.
      const LineVersion *workspaceVersion( int which ) const;
      QgsVectorLayer *layerVersion( int which ) const;
      void fillVersions();
      void fillResources();
      void updateParties();
      //! Edges as the workspace versions record them, until the user chooses others.
      void updateEdges();
      void updateState();
      //! Report…: asks for the PDF and the language, writes the report, says what it wrote.
      void askReport();

      std::unique_ptr<Ui::LimesCompareDialog> mUi;
      bool mEdgesChosen = false;  //!< the user picked the edges: recorded ones no longer apply
      QPointer<WorkspaceSession> mSession;
      QPointer<QgsProject> mProject;
      QPushButton *mReportButton = nullptr;
      const Host *mHost = nullptr;
  };
}

#endif
