// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SPLITSEGMENTDIALOG_H
#define LIMES_SPLITSEGMENTDIALOG_H

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace limes
{
  /**
   * Split Segment's confirmation: where the segment is split, and the two new codes (proposed
   * CODE+a and CODE+b), which the user may edit. Not modal: the map stays usable.
   */
  class SplitSegmentDialog : public QDialog
  {
      Q_OBJECT

    public:
      static constexpr const char *OBJECT_NAME = "LimesSplitSegmentDialog";

      explicit SplitSegmentDialog( QWidget *parent = nullptr );

      //! Shows the split point ("pillar 19", or a vertex) and proposes the codes.
      void propose( const QString &segment, const QString &where );
      QString firstCode() const;
      QString secondCode() const;
      QLineEdit *firstEdit() const { return mFirst; }
      QLineEdit *secondEdit() const { return mSecond; }
      QDialogButtonBox *buttons() const { return mButtons; }

    signals:
      void confirmed();

    private:
      QLabel *mWhere = nullptr;
      QLineEdit *mFirst = nullptr;
      QLineEdit *mSecond = nullptr;
      QDialogButtonBox *mButtons = nullptr;
  };
}

#endif
