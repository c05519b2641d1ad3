#ifndef LIMES_ABOUTDIALOG_H
#define LIMES_ABOUTDIALOG_H

#include <QDialog>

#include "ui_aboutdialog.h"

namespace limes
{
  //! Which Limes and which libraries computed the numbers: what a delegation quotes in an annex.
  class AboutDialog : public QDialog, private Ui::LimesAboutDialog
  {
      Q_OBJECT

    public:
      explicit AboutDialog( QWidget *parent = nullptr );

      //! The text shown, also for tests and for copying into a protocol annex.
      QString versionsText() const;
  };
}

#endif
