// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_IMPORTVERSIONTASK_H
#define LIMES_IMPORTVERSIONTASK_H

#include "layersnapshot.h"
#include "workspace/model.h"

#include <functional>
#include <memory>

#include <qgsfeatureid.h>
#include <qgstaskmanager.h>

namespace limes
{
  namespace crypto
  {
    class SigningKey;
  }

  //! What an import needs, copied on the main thread before the task starts.
  struct ImportVersionInputs
  {
    QString workspaceTarget;                 //!< the task opens its own connection with it
    LineVersion version;                     //!< name, kind, parties, date, notes, author, source
    std::shared_ptr<LayerSnapshot> layer;
    bool selectedOnly = false;
    QgsFeatureIds selected;                  //!< the selection when the form was saved
    QgsRectangle selectedExtent;             //!< its extent in the layer's CRS
    QgsCoordinateTransformContext transformContext;
    //! Features the import reads: the selection's or the layer's.
    long long featureCount() const { return selectedOnly ? selected.size() : ( layer ? layer->featureCount() : 0 ); }
  };

  /**
   * `limes workspace import-version` as a QGIS task: WorkspaceStore::importVersion() through
   * the task's own connection, opened inside run(), reading a copy of the layer (only its
   * selected features when asked). The import is one transaction: it cannot be cancelled
   * half-way, it either lands whole or not at all. `onFinished` is called from finished(), on
   * the main thread.
   */
  class ImportVersionTask : public QgsTask
  {
      Q_OBJECT

    public:
      using Callback = std::function<void( ImportVersionTask &task, bool ok )>;

      /**
       * `key` is borrowed: it must outlive the task (the Import Version form stays open, modal,
       * until the task has ended, so that nobody changes the key meanwhile).
       */
      ImportVersionTask( ImportVersionInputs inputs, const crypto::SigningKey &key, Callback onFinished );
      ~ImportVersionTask() override;

      const ImportVersionInputs &inputs() const { return mInputs; }
      //! The version as stored (its line count in `parts`); valid after success.
      const LineVersion &stored() const { return mStored; }
      //! Why it failed, one line; empty after success.
      QString error() const { return mError; }

    protected:
      bool run() override;
      void finished( bool result ) override;

    private:
      ImportVersionInputs mInputs;
      const crypto::SigningKey &mKey;
      Callback mOnFinished;
      LineVersion mStored;
      QString mError;
  };
}

#endif
