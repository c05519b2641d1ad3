// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_ABOUTDIALOG_H
#define LIMES_ABOUTDIALOG_H

#include <QDialog>

#include <memory>

namespace Ui
{
  class LimesAboutDialog;
}

namespace limes
{
  //! Which Limes and which libraries computed the numbers: what a delegation quotes in an annex.
  class AboutDialog : public QDialog
  {
      Q_OBJECT

    public:
      explicit AboutDialog( QWidget *parent = nullptr );
      ~AboutDialog() override;

      //! The text shown, also for tests and for copying into a protocol annex.
      QString versionsText() const;

    private:
      std::unique_ptr<Ui::LimesAboutDialog> mUi;
  };
}

#endif
