// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reporttext.h"

#include <qgslayoutatlas.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgsprintlayout.h>

namespace limes::report
{
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
            fillTable( table, *rows, report.text );
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
  }
}
