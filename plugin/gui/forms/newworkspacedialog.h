// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_NEWWORKSPACEDIALOG_H
#define LIMES_NEWWORKSPACEDIALOG_H

#include "openworkspacedialog.h"
#include "workspacelocation.h"
#include "workspace/model.h"

#include <QDialog>

#include <memory>

class QgsVectorLayer;

namespace Ui
{
  class LimesNewWorkspaceDialog;
}

namespace limes
{
  /**
   * Where a new workspace goes (a new GeoPackage file or a saved PostgreSQL connection), its
   * parties (code, name, colour) and its segments, read from a loaded layer. Lists what is
   * missing or wrong before it lets the user create anything; creating is
   * WorkspaceSession::create(), which applies the core's checks once more.
   */
  class NewWorkspaceDialog : public QDialog
  {
      Q_OBJECT

    public:
      explicit NewWorkspaceDialog( QWidget *parent = nullptr );
      ~NewWorkspaceDialog() override;

      void setFile( const QString &path );
      bool setConnection( const QString &name );
      void addParty( const QString &code = QString(), const QString &name = QString(), const QColor &colour = QColor() );
      void setSegmentsLayer( QgsVectorLayer *layer, const QString &codeField = QStringLiteral( "code" ) );

      WorkspaceChoice choice() const;
      QList<Party> parties() const;
      //! Read from the chosen layer; empty without one.
      QList<Segment> segments() const;
      //! What must be put right before the workspace can be created; empty when nothing.
      QStringList problems() const;

    private:
      void updateState();

      std::unique_ptr<Ui::LimesNewWorkspaceDialog> mUi;
      WorkspaceLocation *mLocation = nullptr;
  };

  /**
   * Segments from a layer the way `limes workspace init --segments` reads them: the code from
   * `codeField`, the order from `seq` (else the feature order), chainage and end points from
   * `chainage_from_m`, `chainage_to_m`, `from_point`, `to_point` where the layer has them.
   */
  QList<Segment> segmentsFromLayer( QgsVectorLayer *layer, const QString &codeField );
}

#endif
