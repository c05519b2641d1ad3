// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CLAIMPREVIEWDOCK_H
#define LIMES_CLAIMPREVIEWDOCK_H

#include "claim/claimpreview.h"

#include <qgsdockwidget.h>

class QLabel;
class QPushButton;
class QTableWidget;

namespace limes
{
  /**
   * The running totals of the claim being drawn: hectares each way and net per party, and per
   * resource layer the features, length and area that change sides. Each row keeps its value
   * unrounded (Qt::UserRole) and what it is (Qt::UserRole + 1: "transfer:KG:TJ", "net:TJ",
   * "features:LAYER", "length:LAYER", "area:LAYER"), for the end-to-end test.
   */
  class ClaimPreviewDock : public QgsDockWidget
  {
      Q_OBJECT

    public:
      static constexpr const char *OBJECT_NAME = "LimesClaimPreviewDock";

      explicit ClaimPreviewDock( QWidget *parent = nullptr );

      //! What is drawn against what (the first line).
      void setHeading( const QString &text );
      void showTotals( const claim::ChangeTotals &totals, const QStringList &parties, const QStringList &resourceLayers );
      //! The second line: the last update's time, or why the preview paused.
      void setStatus( const QString &text );
      void clear();

      QTableWidget *table() const { return mTable; }
      //! Save as Version…, shown while a draft is edited.
      QPushButton *saveButton() const { return mSave; }
      QLabel *status() const { return mStatus; }

    private:
      void addRow( const QString &what, const QString &value, double raw, const QString &key );

      QLabel *mHeading = nullptr;
      QTableWidget *mTable = nullptr;
      QLabel *mStatus = nullptr;
      QPushButton *mSave = nullptr;
  };
}

#endif
