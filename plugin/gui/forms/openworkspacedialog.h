// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_OPENWORKSPACEDIALOG_H
#define LIMES_OPENWORKSPACEDIALOG_H

#include <QDialog>

#include <memory>

namespace Ui
{
  class LimesOpenWorkspaceDialog;
}

namespace limes
{
  //! What to open, and how the desktop and the recent list name it.
  struct WorkspaceChoice
  {
    QString target;       //!< for openWorkspace(): a path, or a connection string
    QString name;         //!< the file's base name, or the connection's name
    QString recentEntry;  //!< RecentWorkspaces entry (never a password)
  };

  class WorkspaceLocation;

  //! Picks a GeoPackage workspace file or one of QGIS's saved PostgreSQL connections.
  class OpenWorkspaceDialog : public QDialog
  {
      Q_OBJECT

    public:
      explicit OpenWorkspaceDialog( QWidget *parent = nullptr );
      ~OpenWorkspaceDialog() override;

      WorkspaceChoice choice() const;
      //! Why the choice cannot be opened yet; empty when it can.
      QString problem() const;

      void setFile( const QString &path );
      //! Selects a saved connection by name; false when there is none of that name.
      bool setConnection( const QString &name );

    private:
      void updateState();

      std::unique_ptr<Ui::LimesOpenWorkspaceDialog> mUi;
      WorkspaceLocation *mLocation = nullptr;
  };

  //! The choice behind a recent-workspaces entry; an empty target when it no longer exists.
  WorkspaceChoice choiceFromRecent( const QString &entry );
}

#endif
