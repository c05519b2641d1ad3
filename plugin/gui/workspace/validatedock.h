// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATEDOCK_H
#define LIMES_VALIDATEDOCK_H

#include "tasks/validatetask.h"

#include <QPointer>

#include <qgsdockwidget.h>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QgsDoubleSpinBox;
class QgsFieldComboBox;
class QgsMapLayerComboBox;

namespace limes
{
  class Host;
  class SigningKeys;
  class WorkspaceLayers;
  class WorkspaceSession;

  /**
   * The Validate panel: the line (a workspace version or a loaded layer), segments and pillars
   * (the workspace's by default), the tolerance and the rules (from the rule registry); runs
   * Validator::run as a QGIS task; lists the findings grouped by rule with severity, message,
   * measured value and tolerance. A finding clicked is zoomed to and flashed; Accept… records
   * it as accepted in the workspace (signed), and it is shown as accepted from then on.
   */
  class ValidateDock : public QgsDockWidget
  {
      Q_OBJECT

    public:
      static constexpr const char *OBJECT_NAME = "LimesValidateDock";

      ValidateDock( Host *host, SigningKeys *keys, QWidget *parent = nullptr );
      ~ValidateDock() override;

      //! The open workspace (null: loaded layers only); its layers become the defaults.
      void setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers );

      //! Selects the line: a workspace version's name or a layer id; false when not offered.
      bool setLine( const QString &nameOrLayerId );
      void setTolerance( double metres );
      //! Ticks exactly these rules.
      void setRules( const QStringList &rules );
      //! Why it cannot run yet; empty when it can.
      QString problem() const;
      ValidateTaskInputs inputs() const;

      //! Starts the validation as a task; null when one runs already or something is missing.
      ValidateTask *run();
      ValidateTask *runningTask() const { return mTask; }
      const ValidationResult &result() const { return mResult; }

      //! Records the selected finding as accepted with `reason`, signed (asks for the key once).
      bool acceptSelected( const QString &reason );
      //! The finding behind a tree item; -1 for a rule's heading.
      int findingOf( const QTreeWidgetItem *item ) const;

      QTreeWidget *findingsTree() const { return mTree; }
      QPushButton *runButton() const { return mRun; }
      QPushButton *acceptButton() const { return mAccept; }
      QListWidget *rulesList() const { return mRules; }
      QComboBox *lineCombo() const { return mLine; }

    signals:
      void finished( bool ok );

    private:
      QWidget *buildInputs( QWidget *parent );
      void fillLines();
      void taskFinished( ValidateTask &task, bool ok );
      void showFindings();
      void findingSelected();
      void askAccept();
      void updateState();

      Host *mHost = nullptr;
      SigningKeys *mKeys = nullptr;
      QPointer<WorkspaceSession> mSession;
      QPointer<WorkspaceLayers> mLayers;
      QPointer<ValidateTask> mTask;
      ValidationResult mResult;
      QString mLineName;          //!< the line's name in the last result
      QComboBox *mLine = nullptr;
      QgsMapLayerComboBox *mSegments = nullptr;
      QgsFieldComboBox *mSegmentField = nullptr;
      QgsMapLayerComboBox *mPillars = nullptr;
      QgsFieldComboBox *mPillarField = nullptr;
      QgsDoubleSpinBox *mTolerance = nullptr;
      QListWidget *mRules = nullptr;
      QPushButton *mRun = nullptr;
      QProgressBar *mProgress = nullptr;
      QLabel *mStatus = nullptr;
      QTreeWidget *mTree = nullptr;
      QPushButton *mAccept = nullptr;
  };
}

#endif
