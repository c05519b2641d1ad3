// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SPLITCONTROLLER_H
#define LIMES_SPLITCONTROLLER_H

#include <QObject>
#include <QPointer>

#include <memory>

#include <qgspointxy.h>

class QAction;
class QgsVertexMarker;

namespace limes
{
  class Host;
  class SigningKeys;
  class SplitSegmentDialog;
  class SplitSegmentTool;
  class WorkspaceLayers;
  class WorkspaceSession;

  //! What a click can split: a segment at one of its pillars or at a vertex of its line.
  struct SplitCandidate
  {
    QString segment;
    QString pillar;     //!< empty: a vertex
    QgsPointXY point;   //!< WGS 84
    bool isValid() const { return !segment.isEmpty(); }
  };

  /**
   * Split Segment in the desktop: the map tool highlights the pillar or line vertex nearest
   * the mouse (within a few pixels) on a current segment, a click proposes the split in a small
   * form with the two new codes (CODE+a, CODE+b, editable), and Split records it, signed with
   * the session's key: two new segments and a ledger entry, the old one retired (appends only).
   * The Segments dock and layer then show the two new segments; errors are one message-bar
   * line, and nothing is stored.
   */
  class SplitController : public QObject
  {
      Q_OBJECT

    public:
      SplitController( Host *host, SigningKeys *keys, QObject *parent = nullptr );
      ~SplitController() override;

      void setWorkspace( WorkspaceSession *session, WorkspaceLayers *layers );
      void setAction( QAction *action );
      //! The map tool, for `segment` only when given (the Segments dock's selection), else any current segment.
      void start( const QString &segment = QString() );
      void stop();

      //! What a click at the canvas pixel would split; invalid when nothing is within `pixels`.
      SplitCandidate candidateAt( const QPoint &pixel, double pixels = 10 ) const;
      //! Records the split the form proposes; false (one message-bar line) when refused.
      bool split();

      SplitSegmentDialog *dialog() const;
      SplitSegmentTool *tool() const { return mTool.get(); }
      SplitCandidate candidate() const { return mCandidate; }

    signals:
      //! A split was recorded: the two new segments.
      void segmentSplit( const QString &first, const QString &second );

    private:
      void hovered( const QPoint &pixel );
      void clicked( const QPoint &pixel );
      void mark( const SplitCandidate &candidate, QgsVertexMarker *marker ) const;
      void clearMarkers();

      Host *mHost = nullptr;
      SigningKeys *mKeys = nullptr;
      QPointer<WorkspaceSession> mSession;
      WorkspaceLayers *mLayers = nullptr;
      QPointer<QAction> mAction;
      QPointer<SplitSegmentDialog> mDialog;
      std::unique_ptr<SplitSegmentTool> mTool;
      QString mSegment;
      SplitCandidate mCandidate;
      QgsVertexMarker *mHover = nullptr;
      QgsVertexMarker *mChosen = nullptr;
  };
}

#endif
