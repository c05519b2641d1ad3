// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_SURVEYPILLARTOOL_H
#define LIMES_SURVEYPILLARTOOL_H

#include <qgsmaptool.h>
#include <qgspointxy.h>

namespace limes
{
  /**
   * Survey Pillar's map tool: a left click hands its position over (in the canvas's CRS,
   * with the pixel it was made at), Esc ends the tool. What a click means (pick the pillar,
   * or take the surveyed position) is the controller's.
   */
  class SurveyPillarTool : public QgsMapTool
  {
      Q_OBJECT

    public:
      explicit SurveyPillarTool( QgsMapCanvas *canvas );

      void canvasReleaseEvent( QgsMapMouseEvent *e ) override;
      void keyPressEvent( QKeyEvent *e ) override;
      //! The cursor says what the next click does: pick a pillar, or take a position.
      void setPickingPosition( bool picking );

    signals:
      void clicked( const QgsPointXY &mapPoint, const QPoint &pixel );
      void cancelled();
  };
}

#endif
