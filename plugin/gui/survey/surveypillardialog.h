// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SURVEYPILLARDIALOG_H
#define LIMES_SURVEYPILLARDIALOG_H

#include "workspace/survey.h"

#include <QDialog>

#include <optional>

#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransformcontext.h>
#include <qgspointxy.h>

class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QgsProjectionSelectionWidget;

namespace limes
{
  /**
   * The Survey Pillar form (modeless, beside the map): the pillar picked on the canvas, its
   * designed position (in the map's CRS and in degrees; never changed), the surveyed position
   * typed or picked on the map in a CRS of the user's choice, its accuracy and date, the
   * deviation from the designed position as it is typed, and the pillar's earlier surveys.
   */
  class SurveyPillarDialog : public QDialog
  {
      Q_OBJECT

    public:
      SurveyPillarDialog( const QgsCoordinateTransformContext &context, QWidget *parent = nullptr );

      //! Shows `pillar` (designed position in `mapCrs` too) with its history; the surveyed fields start empty.
      void setPillar( const Pillar &pillar, const QList<PillarSurvey> &history, const QgsCoordinateReferenceSystem &mapCrs );
      bool hasPillar() const { return mPillar.has_value(); }
      const Pillar &pillar() const { return *mPillar; }
      //! A position clicked on the map (in `crs`), written into X and Y in the form's CRS.
      void setPosition( const QgsPointXY &point, const QgsCoordinateReferenceSystem &crs );
      void setSurveyCrs( const QgsCoordinateReferenceSystem &crs );
      QgsCoordinateReferenceSystem surveyCrs() const;
      //! The survey as entered, its position in WGS 84; limes::Error saying what is wrong.
      PillarSurvey survey() const;
      //! Shown under the buttons: what was recorded, or why not.
      void setStatus( const QString &text );

    signals:
      void pickRequested();
      void saveRequested();

    private:
      void updateDeviation();
      std::optional<QgsPointXY> typedPosition() const;

      QgsCoordinateTransformContext mContext;
      std::optional<Pillar> mPillar;
      QLabel *mNumber = nullptr;
      QLabel *mDesigned = nullptr;
      QgsProjectionSelectionWidget *mCrs = nullptr;
      QLineEdit *mX = nullptr;
      QLineEdit *mY = nullptr;
      QPushButton *mPick = nullptr;
      QDoubleSpinBox *mAccuracy = nullptr;
      QDateEdit *mDate = nullptr;
      QLabel *mDeviation = nullptr;
      QTreeWidget *mHistory = nullptr;
      QPushButton *mSave = nullptr;
      QLabel *mStatus = nullptr;
  };
}

#endif
