// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reporttext.h"
#include "qgiscompat.h"

#include <QFileInfo>

#include <qgsapplication.h>
#include <qgslayoutatlas.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemattributetable.h>
#include <qgslayouttablecolumn.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemmapgrid.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayertree.h>
#include <qgsprintlayout.h>
#include <qgsvectorlayer.h>

#include <cmath>
#include <tuple>

namespace limes::report
{
  namespace
  {
    //! Draws `item` only on a segment's first page (its map and table heads), or only on its continuations.
    void showOn( QgsLayoutItem *item, bool firstPart )
    {
      item->dataDefinedProperties().setProperty( static_cast<int>( QgsLayoutObject::DataDefinedProperty::ExcludeFromExports ), // an enum class from 3.30
          QgsProperty::fromExpression( firstPart ? QStringLiteral( "attribute( @atlas_feature, 'part' ) > 0" )
                                       : QStringLiteral( "attribute( @atlas_feature, 'part' ) = 0" ) ) );
    }

    //! A round grid interval (1, 2 or 5 × 10^n metres) giving about four lines across the largest segment's page.
    double gridInterval( QgsVectorLayer *coverage )
    {
      double size = 0;
      QgsFeature f;
      QgsFeatureIterator it = coverage->getFeatures();
      while ( it.nextFeature( f ) )
      {
        const QgsRectangle box = f.geometry().boundingBox();
        size = std::max( size, std::max( box.width(), box.height() ) );
      }
      const double raw = std::max( size * 1.3 / 4, 1.0 );
      const double magnitude = std::pow( 10.0, std::floor( std::log10( raw ) ) );
      for ( double step : { 1.0, 2.0, 5.0, 10.0 } )
        if ( step * magnitude >= raw )
          return step * magnitude;
      return 10 * magnitude;
    }

    QgsLayoutItemMap *addSegmentMap( QgsLayout *layout, const ReportContext &report, const QRectF &mm )
    {
      auto *map = new QgsLayoutItemMap( layout );
      map->setId( QStringLiteral( "segment map" ) );
      map->setCustomProperty( QStringLiteral( "limes:map" ), QStringLiteral( "segment" ) );
      layout->addLayoutItem( map );
      map->attemptResize( QgsLayoutSize( mm.width(), mm.height() ) );
      map->attemptMove( QgsLayoutPoint( mm.x(), mm.y() ), true, false, 0 );
      map->setCrs( report.input.result->workingCrs );
      map->setLayers( report.layers.mapLayers() );
      map->setKeepLayerSet( true );
      map->zoomToExtent( report.layers.changedExtent() );
      map->setFrameEnabled( true );

      // a coordinate grid in the working CRS, annotated in metres
      auto *grid = new QgsLayoutItemMapGrid( report.text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Grid" ) ), map );
      const double interval = gridInterval( report.layers.coverage() );
      grid->setIntervalX( interval );
      grid->setIntervalY( interval );
      grid->setGridLineColor( QColor( 110, 110, 110 ) );
      grid->setGridLineWidth( 0.1 );
      grid->setAnnotationEnabled( true );
      grid->setAnnotationPrecision( 0 );
      grid->setAnnotationTextFormat( textFormat( 5.5 ) );
      map->grids()->addGrid( grid );
      return map;
    }

    void addMapFurniture( QgsLayout *layout, QgsLayoutItemMap *map, const ReportContext &report, const QRectF &mm )
    {
      // two segments of a round length that QGIS fits to each page's scale (12-25 mm each), so
      // that the bar never reaches the key beside it however small the segment
      QgsLayoutItemScaleBar *bar = addScaleBar( layout, map, report.text );
      bar->setNumberOfSegmentsLeft( 0 );
      bar->setNumberOfSegments( 2 );
      bar->setUnitsPerSegment( gridInterval( report.layers.coverage() ) / 4000.0 );
      bar->setSegmentSizeMode( limes::compat::ScaleBarFitWidth );
      bar->setMinimumBarWidth( 12 );
      bar->setMaximumBarWidth( 25 );
      bar->setHeight( 2 );
      bar->attemptMove( QgsLayoutPoint( mm.x(), mm.bottom() + 3 ), true, false, 0 );

      const QString arrow = QgsApplication::pkgDataPath() + QStringLiteral( "/svg/arrows/NorthArrow_02.svg" );
      if ( QFileInfo::exists( arrow ) )
      {
        auto *north = new QgsLayoutItemPicture( layout );
        layout->addLayoutItem( north );
        north->setPicturePath( arrow );
        north->setLinkedMap( map );
        north->setNorthMode( QgsLayoutItemPicture::GridNorth );
        north->attemptResize( QgsLayoutSize( 9, 12 ) );
        north->attemptMove( QgsLayoutPoint( mm.right() - 12, mm.y() + 3 ), true, false, 0 );
      }

      // the key: the layers drawn, the transfers per direction, in two columns under the map
      auto *legend = new QgsLayoutItemLegend( layout );
      layout->addLayoutItem( legend );
      legend->setTitle( QString() );
      legend->setAutoUpdateModel( false );
      legend->setLinkedMap( map );
      QgsLayerTree *root = legend->model()->rootGroup();
      root->removeAllChildren();
      for ( QgsMapLayer *l : report.layers.mapLayers() )
        if ( l != report.layers.changedSegments() )
          root->addLayer( l );
      // styleFromName: the component enum moved between releases, its names did not
      const QFont font = reportFont( 6 );
      for ( const char *component : { "group", "subgroup", "symbolLabel" } )
        legend->setStyleFont( QgsLegendStyle::styleFromName( QLatin1String( component ) ), font );
      legend->setColumnCount( 2 );
      legend->setSplitLayer( true );
      legend->setSymbolHeight( 2.5 );
      legend->setSymbolWidth( 4 );
      legend->setBoxSpace( 1 );
      legend->setResizeToContents( true );
      legend->adjustBoxSize();
      legend->attemptMove( QgsLayoutPoint( mm.x() + 68, mm.bottom() + 1.5 ), true, false, 0 );
    }
  }

  std::unique_ptr<QgsPrintLayout> segmentLayout( const ReportContext &report )
  {
    const ReportText &t = report.text;
    auto layout = newLayout( report.layers.project(), QStringLiteral( "Limes report: segment pages" ), 1 );
    QgsLayout *l = layout.get();
    // the segment's title comes from the atlas' feature
    addPageFrame( l, 0, QStringLiteral( "[% \"title\" %]" ), footerText( report ) );
    QList<QgsLayoutItem *> frame;
    l->layoutItems( frame );

    // a segment's page (part 0): its map and the first rows of its tables
    const QRectF mapRect( Margin, 17, 165, 112 );
    QgsLayoutItemMap *map = addSegmentMap( l, report, mapRect );
    addMapFurniture( l, map, report, mapRect );
    const double right = 188, width = PageWidth - Margin - right;
    // each table under its heading: the table, the heading's top, the table's frame
    const std::tuple<const Table *, double, QRectF> places[] = {
      { &report.tables.segments, 17, QRectF( right, 23, width, 22 ) },
      { &report.tables.segmentResources, 47, QRectF( right, 53, width, 40 ) },
      { &report.tables.ledger, 95, QRectF( right, 101, width, 50 ) },
      { &report.tables.pillars, 156, QRectF( Margin, 161, PageWidth - 2 * Margin, 40 ) } };
    for ( const auto &[table, top, place] : places )
    {
      addLabel( l, 0, QRectF( place.x(), top, place.width(), 5 ), t.phrase( segmentTableHeading( table->id ) ), 8, true );
      QgsLayoutItemAttributeTable *rows = addAtlasTable( l, place, report.layers.tableLayer( table->id ), *table, t, firstPartRows( table->id ) );
      // the ledger's seven columns in the narrow column beside the map: widths fixed, text wrapped
      if ( table == &report.tables.ledger )
      {
        QgsLayoutTableColumns columns = rows->columns();
        const double widths[] = { 9, 12, 13, 11, 11, 11, 15 }; // mm of text: with the cells' margins, 94 mm
        for ( int i = 0; i < columns.size() && i < 7; ++i )
          columns[i].setWidth( widths[i] );
        rows->setColumns( columns );
      }
      // a report of files without a pillar layer says so, instead of a bare "none"
      if ( table == &report.tables.pillars && report.input.workspace.isEmpty() && report.input.pillarsSource.isEmpty() )
        rows->setEmptyTableMessage( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "No pillars were given for this report (a workspace's, or a pillar layer: --pillars)." ) ) );
    }
    QList<QgsLayoutItem *> items;
    l->layoutItems( items );
    for ( QgsLayoutItem *item : std::as_const( items ) )
      if ( !frame.contains( item ) )
        showOn( item, true );

    // its continuations (parts 1, 2, …): the rest of one table each, on the whole page
    const QRectF whole( Margin, 17, PageWidth - 2 * Margin, PageHeight - 17 - 12 );
    for ( const Table *table : segmentTables( report.tables ) )
    {
      QgsLayoutItemAttributeTable *rest = addAtlasTable( l, whole, report.layers.tableLayer( table->id ), *table, t, ContinuedRows );
      rest->setEmptyTableBehavior( QgsLayoutTable::HideTable );
      for ( QgsLayoutFrame *f : rest->frames() )
        showOn( f, false );
    }

    bindSegmentLayout( *layout, report );
    return layout;
  }

  void bindSegmentLayout( QgsPrintLayout &layout, const ReportContext &report )
  {
    QgsLayoutAtlas *atlas = layout.atlas();
    atlas->setCoverageLayer( report.layers.coverage() );
    atlas->setPageNameExpression( QStringLiteral( "\"code\"" ) );
    atlas->setSortFeatures( false );
    atlas->setFilterFeatures( false );
    atlas->setEnabled( true );
    QList<QgsLayoutItemMap *> maps;
    layout.layoutItems( maps );
    for ( QgsLayoutItemMap *map : maps )
      if ( map->customProperty( QStringLiteral( "limes:map" ) ).toString() == QLatin1String( "segment" ) )
      {
        map->setLayers( report.layers.mapLayers() );
        map->setKeepLayerSet( true );
        map->setAtlasDriven( true );
        map->setAtlasScalingMode( QgsLayoutItemMap::Auto );
        map->setAtlasMargin( 0.15 );
      }
    // a template's tables keep their columns and filter, and read this report's rows
    for ( QgsLayoutMultiFrame *frame : layout.multiFrames() )
      if ( auto *table = qobject_cast<QgsLayoutItemAttributeTable *>( frame ) )
        if ( QgsVectorLayer *rows = report.layers.tableLayer( table->customProperty( QStringLiteral( "limes:table" ) ).toString() ) )
        {
          const QgsLayoutTableColumns columns = table->columns();
          table->setVectorLayer( rows );
          table->setColumns( columns );
        }
  }
}
