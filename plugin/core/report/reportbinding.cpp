// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reporttext.h"

#include <qgslayoutatlas.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutitemmap.h>
#include <qgsprintlayout.h>

namespace limes::report
{
  namespace
  {
    /**
     * A table with more rows than the template had room for goes on to pages QGIS adds bare:
     * each gets the heading and footer of the page before it (its labels in the bands above
     * and below the content, where addPageFrame() puts them).
     */
    void labelAddedPages( QgsPrintLayout &layout )
    {
      const QgsLayoutPageCollection *pages = layout.pageCollection();
      for ( int page = 1; page < pages->pageCount(); ++page )
      {
        const QList<QgsLayoutItem *> items = pages->itemsOnPage( page );
        if ( std::any_of( items.begin(), items.end(), []( QgsLayoutItem *i ) { return qobject_cast<QgsLayoutItemLabel *>( i ); } ) )
          continue;
        for ( QgsLayoutItem *item : pages->itemsOnPage( page - 1 ) )
        {
          const auto *label = qobject_cast<QgsLayoutItemLabel *>( item );
          const double y = label ? label->pagePos().y() : 0;
          if ( !label || ( y >= 16 && y <= PageHeight - 12 ) )
            continue;
          // a copy through the label's own XML: font, colour, alignment and size as the template has them
          QDomDocument document;
          QDomElement element = document.createElement( QStringLiteral( "copy" ) );
          label->writeXml( element, document, QgsReadWriteContext() );
          auto *copy = new QgsLayoutItemLabel( &layout );
          copy->readXml( element.firstChildElement(), document, QgsReadWriteContext() );
          layout.addLayoutItem( copy );
          copy->attemptMove( label->pagePositionWithUnits(), true, false, page );
        }
      }
    }
  }

  void bindLayout( QgsPrintLayout &layout, const ReportContext &report )
  {
    const ReportTables &t = report.tables;
    const QList<const Table *> tables{ &t.versions, &t.parties, &t.transfers, &t.net, &t.resources, &t.crossings, &t.segments, &t.provenance };
    // a template saved from another report holds that report's rows: this report's replace them
    for ( QgsLayoutMultiFrame *frame : layout.multiFrames() )
      if ( auto *table = qobject_cast<QgsLayoutItemManualTable *>( frame ) )
      {
        const QString id = table->customProperty( QStringLiteral( "limes:table" ) ).toString();
        for ( const Table *rows : tables )
          if ( rows->id == id )
          {
            // QGIS reflows a repeating table at every change and drops the frames its rows of
            // the moment do not need: the template's continuation frames would be lost while
            // the rows are replaced, and the rest repeated from the first frame's place
            const QgsLayoutMultiFrame::ResizeMode mode = table->resizeMode();
            table->setResizeMode( QgsLayoutMultiFrame::UseExistingFrames );
            fillTable( table, *rows, report.text );
            table->setResizeMode( mode );
            table->recalculateFrameSizes();
          }
      }
    QList<QgsLayoutItemMap *> maps;
    layout.layoutItems( maps );
    for ( QgsLayoutItemMap *map : std::as_const( maps ) )
      if ( map->customProperty( QStringLiteral( "limes:map" ) ).toString() == QLatin1String( "overview" ) )
      {
        QList<QgsMapLayer *> layers = report.layers.mapLayers();
        layers.removeFirst(); // the pillars, as the summary's own map
        map->setLayers( layers );
        map->setKeepLayerSet( true );
        map->setCrs( report.input.result->workingCrs );
      }
    labelAddedPages( layout );
  }
}
