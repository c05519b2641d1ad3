// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SPLITSEGMENTTOOL_H
#define LIMES_SPLITSEGMENTTOOL_H

#include <qgsmaptool.h>

namespace limes
{
  /**
   * Split Segment's map tool: hands every mouse move and left click over (the pixel; what
   * can be split there is the controller's), Esc ends the tool.
   */
  class SplitSegmentTool : public QgsMapTool
  {
      Q_OBJECT

    public:
      explicit SplitSegmentTool( QgsMapCanvas *canvas );

      void canvasMoveEvent( QgsMapMouseEvent *e ) override;
      void canvasReleaseEvent( QgsMapMouseEvent *e ) override;
      void keyPressEvent( QKeyEvent *e ) override;

    signals:
      void hovered( const QPoint &pixel );
      void clicked( const QPoint &pixel );
      void cancelled();
  };
}

#endif
