// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CLAIMCAPTURETOOL_H
#define LIMES_CLAIMCAPTURETOOL_H

#include <memory>

#include <qgsgeometry.h>
#include <qgsmaptoolcapture.h>

class QgsVectorLayer;

namespace limes
{
  /**
   * Captures one claim line with QGIS's own capture tool: snapping, tracing (T), the Advanced
   * Digitizing panel, Backspace (last vertex), Esc (cancel), right-click (finish). Its layer
   * is a WGS 84 line layer of its own that is in no project, so that QGIS hands the vertices
   * over in WGS 84, as the workspace stores them (a vertex snapped to a WGS 84 layer's vertex,
   * such as a pillar, keeps that vertex's exact coordinates).
   *
   * Every QGIS release: the tool handles cadCanvasReleaseEvent itself, as QGIS's own
   * QgsMapToolProfileCurve does; QGIS 3.26+ would otherwise finish the capture in its base
   * class and call geometryCaptured(), which 3.22 does not have (so nothing depends on it).
   */
  class ClaimCaptureTool : public QgsMapToolCapture
  {
      Q_OBJECT

    public:
      ClaimCaptureTool( QgsMapCanvas *canvas, QgsAdvancedDigitizingDockWidget *cadDockWidget );
      ~ClaimCaptureTool() override;

      QgsMapLayer *layer() const override;
      QgsMapToolCapture::Capabilities capabilities() const override;
      void cadCanvasReleaseEvent( QgsMapMouseEvent *e ) override;
      void cadCanvasMoveEvent( QgsMapMouseEvent *e ) override;
      void keyPressEvent( QKeyEvent *e ) override;
      void deactivate() override;

      //! The vertices captured so far (WGS 84).
      QgsPolylineXY vertices() const;

    signals:
      //! The line as it stands, the cursor's position last while one moves (WGS 84).
      void lineChanged( const QgsPolylineXY &line );
      //! Right-click with two vertices or more (WGS 84); the capture is over.
      void lineFinished( const QgsPolylineXY &line );
      //! Esc, or a right-click before two vertices.
      void captureCancelled();

    private:
      //! Shapes the capture curve so that QGIS's undo removes exactly the last vertex on every release.
      void prepareUndo();

      std::unique_ptr<QgsVectorLayer> mLayer;
      bool mHasCursor = false;
      QgsPointXY mCursor;
  };
}

#endif
