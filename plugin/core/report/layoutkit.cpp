// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/reporttables.h"
#include "report/reporttext.h"
#include "qgiscompat.h"

#include <qgslayoutframe.h>
#include <qgslayoutitemattributetable.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutitempage.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

namespace limes::report
{
  QString fontFamily()
  {
    return QStringLiteral( "DejaVu Sans" );
  }

  QFont reportFont( double points, bool bold )
  {
    QFont font( fontFamily() );
    font.setPointSizeF( points );
    font.setBold( bold );
    // Latin needs no shaping: PreferNoShaping drops the ligatures (Cyrillic has none)
    font.setStyleStrategy( QFont::PreferNoShaping );
    return font;
  }

  QgsTextFormat textFormat( double points, bool bold )
  {
    QgsTextFormat format = QgsTextFormat::fromQFont( reportFont( points, bold ) );
    format.setSize( points );
    format.setSizeUnit( limes::compat::RenderPoints );
    format.setColor( Qt::black );
    return format;
  }

  std::unique_ptr<QgsPrintLayout> newLayout( QgsProject *project, const QString &name, int pages )
  {
    auto layout = std::make_unique<QgsPrintLayout>( project );
    layout->setName( name );
    for ( int i = 0; i < pages; ++i )
    {
      auto *page = new QgsLayoutItemPage( layout.get() );
      page->setPageSize( QgsLayoutSize( PageWidth, PageHeight ) );
      layout->pageCollection()->addPage( page );
    }
    return layout;
  }

  namespace
  {
    void place( QgsLayoutItem *item, int page, const QRectF &mm )
    {
      item->attemptResize( QgsLayoutSize( mm.width(), mm.height() ) );
      item->attemptMove( QgsLayoutPoint( mm.x(), mm.y() ), true, false, page );
    }

    void style( QgsLayoutTable *table, double points )
    {
      table->setHeaderTextFormat( textFormat( points, true ) );
      table->setContentTextFormat( textFormat( points ) );
      table->setCellMargin( 0.8 );
      table->setGridStrokeWidth( 0.15 );
      table->setWrapBehavior( QgsLayoutTable::WrapText );
      table->setHeaderMode( QgsLayoutTable::AllFrames );
    }
  }

  QgsLayoutItemLabel *addLabel( QgsLayout *layout, int page, const QRectF &mm, const QString &text, double points, bool bold )
  {
    auto *label = new QgsLayoutItemLabel( layout );
    label->setText( text );
    limes::compat::setLabelFont( label, reportFont( points, bold ), Qt::black );
    label->setVAlign( Qt::AlignTop );
    label->setMarginX( 0 );
    label->setMarginY( 0 );
    layout->addLayoutItem( label );
    place( label, page, mm );
    return label;
  }

  QgsLayoutItemManualTable *addTable( QgsLayout *layout, int page, const QRectF &mm, const Table &table, const ReportText &text, bool extend )
  {
    auto *item = new QgsLayoutItemManualTable( layout );
    QgsTableContents contents;
    for ( int row = 0; row < table.rows.size(); ++row )
    {
      QgsTableRow cells;
      for ( int column = 0; column < table.columns.size(); ++column )
        cells << QgsTableCell( table.cell( row, column, text ) );
      contents << cells;
    }
    QgsLayoutTableColumns headers;
    for ( const Column &c : table.columns )
      headers << QgsLayoutTableColumn( text.phrase( c.heading ) );
    item->setIncludeTableHeader( true );
    item->setHeaders( headers );
    item->setTableContents( contents );
    style( item, 7 );
    item->setResizeMode( extend ? QgsLayoutMultiFrame::ExtendToNextPage : QgsLayoutMultiFrame::UseExistingFrames );
    layout->addMultiFrame( item );
    auto *frame = new QgsLayoutFrame( layout, item );
    place( frame, page, mm );
    item->addFrame( frame );
    return item;
  }

  QgsLayoutItemAttributeTable *addAtlasTable( QgsLayout *layout, const QRectF &mm, QgsVectorLayer *layer, const Table &table, const ReportText &text, int rows )
  {
    auto *item = new QgsLayoutItemAttributeTable( layout );
    item->setCustomProperty( QStringLiteral( "limes:table" ), table.id );
    item->setVectorLayer( layer );
    QgsLayoutTableColumns columns;
    for ( const Column &c : table.columns )
    {
      if ( c.csvName == QLatin1String( "segment" ) )
        continue;
      QgsLayoutTableColumn column( text.phrase( c.heading ) );
      column.setAttribute( c.csvName );
      columns << column;
    }
    item->setColumns( columns );
    item->setFilterFeatures( true );
    item->setFeatureFilter( QStringLiteral( "\"segment\" = attribute( @atlas_feature, 'code' )" ) );
    item->setMaximumNumberOfFeatures( rows );
    item->setEmptyTableBehavior( QgsLayoutTable::ShowMessage );
    item->setEmptyTableMessage( text.phrase( QT_TRANSLATE_NOOP( "limes::report", "none" ) ) );
    style( item, 6.5 );
    item->setResizeMode( QgsLayoutMultiFrame::UseExistingFrames );
    layout->addMultiFrame( item );
    auto *frame = new QgsLayoutFrame( layout, item );
    place( frame, 0, mm );
    item->addFrame( frame );
    return item;
  }

  QgsLayoutItemScaleBar *addScaleBar( QgsLayout *layout, QgsLayoutItemMap *map, const ReportText &text )
  {
    auto *bar = new QgsLayoutItemScaleBar( layout );
    layout->addLayoutItem( bar );
    bar->setLinkedMap( map );
    bar->applyDefaultSettings();
    bar->setStyle( QStringLiteral( "Single Box" ) );
    bar->setUnits( limes::compat::Kilometers );
    bar->setUnitLabel( text.phrase( QT_TRANSLATE_NOOP( "limes::report", "km" ) ) );
    bar->setTextFormat( textFormat( 7 ) );
    return bar;
  }

  void addPageFrame( QgsLayout *layout, int page, const QString &heading, const QString &footer )
  {
    addLabel( layout, page, QRectF( Margin, 6, PageWidth - 2 * Margin, 8 ), heading, 13, true );
    addLabel( layout, page, QRectF( Margin, PageHeight - 8, PageWidth - 2 * Margin - 30, 5 ), footer, 6.5 );
  }
}
