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
      prepareUndo();
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

  void ClaimCaptureTool::prepareUndo()
  {
    // QGIS 3.30 to 3.44 (QGIS issue 58813) remove the whole last piece of the capture curve
    // when the layer is reprojected, as ours always is, and then, if two vertices are left in
    // one piece, add the first one again: three clicks stayed three, or none were left. Handed
    // the same vertices as [kept] + [last segment], where two kept vertices are put as [first]
    // + [first, second], that removal and QGIS's ordinary one (deleting the last vertex, 3.22
    // and the fixed releases) both leave exactly the kept vertices.
    QgsPointSequence points;
    captureCurve()->points( points );
    const int n = points.size();
    if ( n < 2 )
      return;
    auto *curve = const_cast<QgsCompoundCurve *>( captureCurve() ); // QGIS's own member, rebuilt with the same vertices
    const QgsPointSequence kept = points.mid( 0, n - 1 );
    curve->clear();
    if ( kept.size() == 2 )
      curve->addCurve( new QgsLineString( kept.mid( 0, 1 ) ) );
    curve->addCurve( new QgsLineString( kept ) );
    curve->addCurve( new QgsLineString( QgsPointSequence() << points.at( n - 2 ) << points.at( n - 1 ) ) );
  }

  void ClaimCaptureTool::deactivate()
  {
    const bool capturing = isCapturing();
    QgsMapToolCapture::deactivate();
    if ( capturing )
      emit captureCancelled();
  }
}
