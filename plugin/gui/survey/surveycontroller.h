// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SURVEYCONTROLLER_H
#define LIMES_SURVEYCONTROLLER_H

#include <QObject>
#include <QPointer>

#include <memory>

#include <qgspointxy.h>

class QAction;

namespace limes
{
  class Host;
  class SigningKeys;
  class SurveyPillarDialog;
  class SurveyPillarTool;
  class WorkspaceLayers;
  class WorkspaceSession;

  /**
   * Survey Pillar in the desktop: the map tool (a click picks the nearest pillar within a few
   * pixels, or, after "Pick on Map", gives the surveyed position) and its form. Save records
   * the survey, signed with the recorder's key, as a ledger entry of the workspace; the
   * pillar's designed position is never changed. Errors are one line in the message bar, and
   * nothing is stored.
   */
  class SurveyController : public QObject
  {
      Q_OBJECT

    public:
      SurveyController( Host *host, SigningKeys *keys, QObject *parent = nullptr );
      ~SurveyController() override;

      //! The open workspace (null when none): the tool and the form close.
      void setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers );
      //! The action that shows the map tool as active.
      void setAction( QAction *action );
      //! The form and the map tool, waiting for a pillar to be clicked.
      void start();
      //! Takes the map tool away and closes the form.
      void stop();
      //! The pillar nearest to the canvas pixel, within `pixels`; false when none is that near.
      bool pickPillar( const QPoint &pixel, double pixels = 8 );
      //! Records the survey the form holds; false (one message-bar line) when refused.
      bool save();

      SurveyPillarDialog *dialog() const;
      SurveyPillarTool *tool() const;

    private:
      void clicked( const QgsPointXY &mapPoint, const QPoint &pixel );
      void refreshDialog( const QString &number );

      Host *mHost = nullptr;
      SigningKeys *mKeys = nullptr;
      QPointer<WorkspaceSession> mSession;
      WorkspaceLayers *mLayers = nullptr;
      QPointer<QAction> mAction;
      QPointer<SurveyPillarDialog> mDialog;
      std::unique_ptr<SurveyPillarTool> mTool;
      bool mPickingPosition = false;
  };
}

#endif
