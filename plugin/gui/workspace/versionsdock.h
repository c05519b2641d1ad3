// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VERSIONSDOCK_H
#define LIMES_VERSIONSDOCK_H

#include <QPointer>

#include <qgsdockwidget.h>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace limes
{
  class WorkspaceSession;

  //! A version kind as the desktop names it (historical, claim of a party, draft, agreed, ratified).
  QString versionKindLabel( const QString &kind );

  /**
   * The Versions dock: the open workspace's versions (name, kind, date, author, the parties
   * left and right, lines, notes as a tooltip) in a sortable list that follows every write,
   * and Import Version….
   */
  class VersionsDock : public QgsDockWidget
  {
      Q_OBJECT

    public:
      static constexpr const char *OBJECT_NAME = "LimesVersionsDock";

      enum Column
      {
        NameColumn,
        KindColumn,
        DateColumn,
        AuthorColumn,
        LeftColumn,
        RightColumn,
        LinesColumn,
      };

      explicit VersionsDock( QWidget *parent = nullptr );
      ~VersionsDock() override;

      //! Shows a workspace; null clears the dock.
      void setWorkspace( WorkspaceSession *session );
      //! Selects a version's row; false when it is not listed.
      bool selectVersion( const QString &name );
      //! The selected version's name; empty when none.
      QString currentVersion() const;

      QTreeWidget *list() const { return mList; }
      QPushButton *importButton() const { return mImportButton; }

    signals:
      void importRequested();

    private:
      void refresh();

      QPointer<WorkspaceSession> mSession;
      QTreeWidget *mList = nullptr;
      QPushButton *mImportButton = nullptr;
      QLabel *mEmpty = nullptr;
  };
}

#endif
