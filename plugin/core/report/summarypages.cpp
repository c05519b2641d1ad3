// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reporttext.h"
#include "qgiscompat.h"

#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutitemscalebar.h>
#include <qgsprintlayout.h>
#include <qgsvectorlayer.h>

namespace limes::report
{
  namespace
  {
    //! The whole line with the changed segments marked: every layer but the pillars.
    void addOverviewMap( QgsLayout *layout, const ReportContext &report, const QRectF &mm )
    {
      auto *map = new QgsLayoutItemMap( layout );
      map->setCustomProperty( QStringLiteral( "limes:map" ), QStringLiteral( "overview" ) );
      layout->addLayoutItem( map );
      map->attemptResize( QgsLayoutSize( mm.width(), mm.height() ) );
      map->attemptMove( QgsLayoutPoint( mm.x(), mm.y() ), true, false, 0 );
      QList<QgsMapLayer *> layers = report.layers.mapLayers();
      layers.removeFirst(); // the pillars: too many for the whole line
      map->setLayers( layers );
      map->setKeepLayerSet( true );
      map->setCrs( report.input.result->workingCrs );
      QgsRectangle extent = report.layers.changedExtent();
      for ( QgsMapLayer *l : layers )
        extent.combineExtentWith( l->extent() );
      extent.scale( 1.05 );
      map->zoomToExtent( extent );
      map->setFrameEnabled( true );

      QgsLayoutItemScaleBar *bar = addScaleBar( layout, map, report.text );
      bar->applyDefaultSize( limes::compat::Kilometers );
      bar->attemptMove( QgsLayoutPoint( mm.x(), mm.bottom() + 2 ), true, false, 0 );
    }
  }

  std::unique_ptr<QgsPrintLayout> summaryLayout( const ReportContext &report )
  {
    const ReportText &t = report.text;
    auto layout = newLayout( report.layers.project(), QStringLiteral( "Limes report: summary" ), 2 );
    QgsLayout *l = layout.get();
    const QString footer = footerText( report );
    const double right = 170, rightWidth = PageWidth - Margin - right;

    addPageFrame( l, 0, t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Summary" ) ), footer );
    addOverviewMap( l, report, QRectF( Margin, 18, 150, 165 ) );
    addLabel( l, 0, QRectF( right, 18, rightWidth, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Land that changes sides, per direction" ) ), 9, true );
    addTable( l, 0, QRectF( right, 25, rightWidth, 40 ), report.tables.transfers, t );
    addLabel( l, 0, QRectF( right, 70, rightWidth, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Net change per party" ) ), 9, true );
    addTable( l, 0, QRectF( right, 77, rightWidth, 40 ), report.tables.net, t );
    const QJsonObject noise = report.summary[QStringLiteral( "noise" )].toObject();
    if ( noise[QStringLiteral( "parts" )].toInt() > 0 )
      addLabel( l, 0, QRectF( right, 122, rightWidth, 18 ),
                t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Digitizing noise, not counted above: %1 pieces below %2 m², %3 ha in all." ) )
                .arg( t.integer( noise[QStringLiteral( "parts" )].toInt() ), t.number( noise[QStringLiteral( "min_area_m2" )].toDouble(), 1 ),
                      t.hectares( noise[QStringLiteral( "area_m2" )].toDouble() ) ), 7.5 );

    addPageFrame( l, 1, t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Summary: resources and segments" ) ), footer );
    const double width = PageWidth - 2 * Margin;
    addLabel( l, 1, QRectF( Margin, 18, width, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Resources that change sides, per layer" ) ), 9, true );
    addTable( l, 1, QRectF( Margin, 25, width, 42 ), report.tables.resources, t );
    addLabel( l, 1, QRectF( Margin, 70, width, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Crossings: how often the boundary crosses a line resource, old → new" ) ), 9, true );
    addTable( l, 1, QRectF( Margin, 77, width, 22 ), report.tables.crossings, t );
    addLabel( l, 1, QRectF( Margin, 102, width, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Per segment" ) ), 9, true );
    // one segment per row: it goes on to as many pages as the line has changed segments, each
    // with the heading and footer of the others
    QgsLayoutItemManualTable *perSegment = addTable( l, 1, QRectF( Margin, 109, width, PageHeight - 109 - 12 ), report.tables.segments, t );
    // a frame under the heading of a page of its own, which QGIS repeats on as many pages as
    // the rows need (and drops, with its page, when the first frame holds them all)
    addTableFrame( perSegment, 2, QRectF( Margin, 17, width, PageHeight - 17 - 12 ) );
    perSegment->setResizeMode( QgsLayoutMultiFrame::RepeatUntilFinished );
    perSegment->recalculateFrameSizes();
    for ( int page = 2; page < l->pageCollection()->pageCount(); ++page )
      addPageFrame( l, page, t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Summary: per segment (continued)" ) ), footer );
    return layout;
  }
}
