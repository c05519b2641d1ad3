// SPDX-License-Identifier: GPL-2.0-or-later
#include "surveypillartool.h"

#include <QKeyEvent>

#include <qgsapplication.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>

namespace limes
{
  SurveyPillarTool::SurveyPillarTool( QgsMapCanvas *canvas )
    : QgsMapTool( canvas )
  {
    setPickingPosition( false );
  }

  void SurveyPillarTool::canvasReleaseEvent( QgsMapMouseEvent *e )
  {
    if ( e->button() == Qt::LeftButton )
      emit clicked( e->mapPoint(), e->pos() );
  }

  void SurveyPillarTool::keyPressEvent( QKeyEvent *e )
  {
    if ( e->key() == Qt::Key_Escape )
    {
      e->accept();
      emit cancelled();
      return;
    }
    QgsMapTool::keyPressEvent( e );
  }

  void SurveyPillarTool::setPickingPosition( bool picking )
  {
    setCursor( QgsApplication::getThemeCursor( picking ? QgsApplication::Cursor::CrossHair : QgsApplication::Cursor::Select ) );
  }
}
