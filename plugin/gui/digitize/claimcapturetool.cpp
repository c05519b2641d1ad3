// SPDX-License-Identifier: GPL-2.0-or-later
#include "claimcapturetool.h"

#include <QKeyEvent>

#include <qgsadvanceddigitizingdockwidget.h>
#include <qgscompoundcurve.h>
#include <qgsexception.h>
#include <qgslinestring.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsvectorlayer.h>

namespace limes
{
  ClaimCaptureTool::ClaimCaptureTool( QgsMapCanvas *canvas, QgsAdvancedDigitizingDockWidget *cadDockWidget )
    : QgsMapToolCapture( canvas, cadDockWidget, QgsMapToolCapture::CaptureLine )
    , mLayer( std::make_unique<QgsVectorLayer>( QStringLiteral( "LineString?crs=EPSG:4326" ), QStringLiteral( "claim" ), QStringLiteral( "memory" ) ) )
  {
    mToolName = tr( "Digitize claim" );
    setCursor( QCursor( Qt::CrossCursor ) );
  }

  ClaimCaptureTool::~ClaimCaptureTool() = default;

  QgsMapLayer *ClaimCaptureTool::layer() const
  {
    return mLayer.get();
  }

  QgsMapToolCapture::Capabilities ClaimCaptureTool::capabilities() const
  {
    return QgsMapToolCapture::Capabilities(); // straight segments (and tracing); no curves, no geometry checker: the end rule checks
  }

  QgsPolylineXY ClaimCaptureTool::vertices() const
  {
    QgsPolylineXY line;
    std::unique_ptr<QgsLineString> straight( captureCurve()->curveToLine() );
    for ( int i = 0; straight && i < straight->numPoints(); ++i )
      line << QgsPointXY( straight->xAt( i ), straight->yAt( i ) );
    return line;
  }

  void ClaimCaptureTool::cadCanvasReleaseEvent( QgsMapMouseEvent *e )
  {
    if ( e->button() == Qt::LeftButton )
    {
      if ( addVertex( e->mapPoint(), e->mapPointMatch() ) != 0 )
      {
        emit messageEmitted( tr( "Cannot transform the point to WGS 84" ), Qgis::MessageLevel::Warning );
        return;
      }
      startCapturing();
      emit lineChanged( vertices() );
    }
    else if ( e->button() == Qt::RightButton )
    {
      deleteTempRubberBand();
      const QgsPolylineXY line = vertices();
      stopCapturing();
      if ( cadDockWidget() )
        cadDockWidget()->clearPoints();
      mHasCursor = false;
      if ( line.size() < 2 )
        emit captureCancelled();
      else
        emit lineFinished( line );
    }
  }

  void ClaimCaptureTool::cadCanvasMoveEvent( QgsMapMouseEvent *e )
  {
    QgsMapToolCapture::cadCanvasMoveEvent( e );
    if ( !isCapturing() )
      return;
    try
    {
      mCursor = toLayerCoordinates( mLayer.get(), e->mapPoint() );
      mHasCursor = true;
    }
    catch ( const QgsCsException & )
    {
      return;
    }
    QgsPolylineXY line = vertices();
    line << mCursor;
    emit lineChanged( line );
  }

  void ClaimCaptureTool::keyPressEvent( QKeyEvent *e )
  {
    const bool capturing = isCapturing();
    const bool undo = e->key() == Qt::Key_Backspace || e->key() == Qt::Key_Delete;
    if ( capturing && undo )
    {
      // QGIS 3.26+'s undo removes the last vertex from the last piece of the capture curve;
      // with this tool's layer in another CRS than the canvas the pieces are not the clicks
      // (it removed a whole piece, then put the first vertex back). One straight piece with
      // the same vertices makes its undo remove exactly the last one, as on 3.22.
      QgsPointSequence points;
      captureCurve()->points( points );
      setPoints( points );
    }
    QgsMapToolCapture::keyPressEvent( e ); // Backspace/Delete: undo; Esc: stop, as in every QGIS capture tool
    if ( !capturing )
      return;
    if ( e->key() == Qt::Key_Escape )
    {
      mHasCursor = false;
      emit captureCancelled();
    }
    else if ( undo )
    {
      QgsPolylineXY line = vertices();
      if ( line.isEmpty() )
      {
        emit captureCancelled();
        return;
      }
      if ( mHasCursor )
        line << mCursor;
      emit lineChanged( line );
    }
  }

  void ClaimCaptureTool::deactivate()
  {
    const bool capturing = isCapturing();
    QgsMapToolCapture::deactivate();
    if ( capturing )
      emit captureCancelled();
  }
}
