// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_IMPORTVERSIONDIALOG_H
#define LIMES_IMPORTVERSIONDIALOG_H

#include "tasks/importversiontask.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QgsMapLayer;
class QgsVectorLayer;

namespace Ui
{
  class LimesImportVersionDialog;
}

namespace limes
{
  struct WorkspaceData;

  /**
   * Import Version: a loaded line layer (or its selected features) as a new version of the
   * workspace, with its name, kind, the parties on its left and right, date (never in the
   * future), notes and who imports it. What is missing or wrong (a name the workspace has
   * already: versions are never overwritten) is listed before saving, and Save stays disabled
   * until it is put right. Saving calls `starter`, which starts the import as a task; the form
   * stays open, its fields locked, until the task ends: then it closes, or shows why the
   * import failed with nothing lost from the form.
   */
  class ImportVersionDialog : public QDialog
  {
      Q_OBJECT

    public:
      //! Called once the import ended: empty `error` when the version was stored.
      using Done = std::function<void( const QString &error )>;
      //! Starts the import; returns why it could not start (empty when started). Calls `done` when it ends.
      using Starter = std::function<QString( ImportVersionInputs inputs, Done done )>;

      /**
       * `layer`: the layer to offer first (the active one when it is a line layer).
       * `signingInfo`: which key signs the import, as a sentence.
       */
      ImportVersionDialog( const WorkspaceData &data, QgsMapLayer *layer, const QString &signingInfo, Starter starter, QWidget *parent = nullptr );
      ~ImportVersionDialog() override;

      QgsVectorLayer *layer() const;
      void setLayer( QgsMapLayer *layer );
      void setSelectedOnly( bool selectedOnly );
      void setName( const QString &name );
      void setKind( const QString &kind );
      void setParties( const QString &left, const QString &right );
      void setDate( const QDate &date );
      void setNotes( const QString &notes );
      void setAuthor( const QString &author );

      //! The version as it would be stored (without its source, which saving fills in).
      LineVersion version() const;
      //! What must be put right before saving; empty when nothing.
      QStringList problems() const;
      //! True while the import runs.
      bool isImporting() const { return mImporting; }

      //! Ignored while the import runs: it ends by itself, whole or not at all.
      void reject() override;

    private:
      void layerChanged();
      void updateSelectionInfo();
      void updateState();
      void trySave();
      void importEnded( const QString &error );
      void setImporting( bool importing );

      std::unique_ptr<Ui::LimesImportVersionDialog> mUi;
      const WorkspaceData &mData;
      Starter mStarter;
      QString mSaveError;
      bool mImporting = false;
      QPointer<QgsVectorLayer> mSelectionLayer;
      QMetaObject::Connection mSelectionConnection;
  };
}

#endif
