// SPDX-License-Identifier: GPL-2.0-or-later
#include "splitsegmenttool.h"

#include <QKeyEvent>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>

namespace limes
{
  SplitSegmentTool::SplitSegmentTool( QgsMapCanvas *canvas )
    : QgsMapTool( canvas )
  {
    setCursor( QgsApplication::getThemeCursor( QgsApplication::Cursor::CrossHair ) );
  }

  void SplitSegmentTool::canvasMoveEvent( QgsMapMouseEvent *e )
  {
    emit hovered( e->pos() );
  }

  void SplitSegmentTool::canvasReleaseEvent( QgsMapMouseEvent *e )
  {
    if ( e->button() == Qt::LeftButton )
      emit clicked( e->pos() );
  }

  void SplitSegmentTool::keyPressEvent( QKeyEvent *e )
  {
    if ( e->key() == Qt::Key_Escape )
    {
      e->accept();
      emit cancelled();
      return;
    }
    QgsMapTool::keyPressEvent( e );
  }
}
