// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CLAIMCONTROLLER_H
#define LIMES_CLAIMCONTROLLER_H

#include "claim/claimpreview.h"
#include "claimcapturetool.h"
#include "claimpreviewdock.h"
#include "workspace/model.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

#include <qgsgeometry.h>

class QAction;
class QgsAdvancedDigitizingDockWidget;
class QgsRubberBand;
class QgsVectorLayer;

namespace limes
{
  class ClaimCaptureTool;
  class ClaimPreviewDock;
  class Host;
  class LayerSnapshot;
  class SigningKeys;
  class WorkspaceLayers;
  class WorkspaceSession;

  /**
   * Digitize Claim in the desktop: the form (segment, party, reference, resources), the map
   * tool, the live preview while drawing (the land that would move shaded on the canvas in the
   * colour of the party it goes to, the running totals in the Claim Preview panel) and storing
   * the finished line as the party's claim version, signed with the recorder's key. A line
   * the end rule refuses gets one line in the message bar and nothing is stored.
   */
  class ClaimController : public QObject
  {
      Q_OBJECT

    public:
      ClaimController( Host *host, SigningKeys *keys, QObject *parent = nullptr );
      ~ClaimController() override;

      //! The open workspace (null when none): a capture under way ends.
      void setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers );
      //! The action that shows the map tool as active (checked while it is).
      void setAction( QAction *action );

      //! The form for `segment` (the selected one; empty: the first), then the map tool.
      void start( const QString &segment );
      /**
       * Reads the reference and the resources, computes the change once and activates the map
       * tool; one line in the message bar and false when it cannot.
       */
      bool begin( const QString &segment, const QString &party, const QString &reference, const QStringList &resourceLayerIds );
      //! Ends the capture, removes the preview and takes the map tool away.
      void stop();

      //! The form in draft mode for `segment`, then the draft.
      void startDraft( const QString &segment );
      /**
       * Copies `version`'s lines for `segment` into an editable draft layer (added to the
       * project, in editing mode, with QGIS's Vertex Tool chosen), previewed against `version`.
       */
      bool beginDraft( const QString &segment, const QString &version, const QStringList &resourceLayerIds );
      //! Stores the draft as a new version (kind draft) and removes its layer; false when refused.
      bool saveDraft();
      //! The draft being edited; null when none.
      QgsVectorLayer *draftLayer() const { return mDraftLayer; }

      ClaimCaptureTool *tool() const { return mTool.get(); }
      ClaimPreviewDock *dock() const { return mDock; }
      //! The preview's change as it stands (empty when no capture).
      ChangeResult previewResult() const;

    signals:
      //! A claim was stored as `version`.
      void claimStored( const QString &version );

    private:
      struct Reference;
      //! The reference's lines for the segment and the resources; null (and a message-bar line) when they cannot be read.
      std::unique_ptr<Reference> loadReference( const QString &segment, const QString &party, const QString &reference, const QStringList &resourceLayerIds );
      //! Stops what runs, then loads the reference and computes its first preview; false (nothing kept) when either fails.
      bool startPreview( const QString &segment, const QString &party, const QString &reference, const QStringList &resourceLayerIds );
      void removeDraft();
      void lineChanged( const QgsPolylineXY &line );
      void updatePreview();
      void lineFinished( const QgsPolylineXY &line );
      void captureCancelled();
      //! The preview along the reference's direction, or against it (the line begun at the reference's far end).
      claim::ClaimPreview *preview( bool reversed );
      void showResult( const ChangeResult &result );
      void clearTransfers();
      void unload();

      Host *mHost = nullptr;
      SigningKeys *mKeys = nullptr;
      QPointer<WorkspaceSession> mSession;
      QPointer<WorkspaceLayers> mLayers;
      QPointer<QAction> mAction;
      QPointer<ClaimPreviewDock> mDock;
      std::unique_ptr<QgsAdvancedDigitizingDockWidget> mOwnCadDock; // a window without QGIS's (tests)
      std::unique_ptr<ClaimCaptureTool> mTool;
      std::unique_ptr<Reference> mReference;
      std::vector<std::unique_ptr<QgsRubberBand>> mBands;
      std::optional<QgsPolylineXY> mPending;
      bool mScheduled = false;
      bool mReversed = false;
      QPointer<QgsVectorLayer> mDraftLayer; // owned by the project
  };
}

#endif
