// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACELOCATION_H
#define LIMES_WORKSPACELOCATION_H

#include <QObject>

class QComboBox;
class QLabel;
class QRadioButton;
class QgsFileWidget;

namespace limes
{
  /**
   * "A GeoPackage file or one of QGIS's saved PostgreSQL connections": the choice the Open and
   * New Workspace dialogs both start with, on their own widgets. Fills the connections, ticks
   * the side the user touches, and says when the choice changed.
   */
  class WorkspaceLocation : public QObject
  {
      Q_OBJECT

    public:
      //! `connectionInfo` (may be null) shows the chosen connection's description.
      WorkspaceLocation( QgsFileWidget *file, QRadioButton *fileRadio, QRadioButton *connectionRadio, QComboBox *connections,
                         QLabel *connectionInfo, QObject *parent );

      bool isConnection() const;
      QString filePath() const;
      //! The chosen saved connection's name; empty when none is chosen.
      QString connectionName() const;

      void setFile( const QString &path );
      //! Selects a saved connection by name; false when there is none of that name.
      bool setConnection( const QString &name );

      //! Enables the chosen side's widget (the dialogs call it when updating their state).
      void updateWidgets();

    signals:
      void changed();

    private:
      QgsFileWidget *mFile;
      QRadioButton *mFileRadio;
      QRadioButton *mConnectionRadio;
      QComboBox *mConnections;
      QLabel *mConnectionInfo;
  };
}

#endif
