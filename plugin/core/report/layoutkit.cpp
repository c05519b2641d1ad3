// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/reporttables.h"
#include "report/reporttext.h"
#include "qgiscompat.h"

#include <qgsbasicnumericformat.h>
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

  QString brokenLines( const QString &text, int width )
  {
    if ( width <= 0 || text.size() <= width )
      return text;
    // a table wraps at spaces only: a path or a URI gets its line breaks after its separators
    QString out;
    int line = 0, lastBreak = -1;
    for ( const QChar c : text )
    {
      out += c;
      ++line;
      if ( c == QLatin1Char( '\n' ) )
      {
        line = 0;
        lastBreak = -1;
        continue;
      }
      if ( c == QLatin1Char( '/' ) || c == QLatin1Char( '|' ) || c == QLatin1Char( '&' ) || c == QLatin1Char( ' ' ) || c == QLatin1Char( '\\' ) )
        lastBreak = out.size();
      if ( line >= width )
      {
        const int at = lastBreak > out.size() - line ? lastBreak : out.size(); // no separator on this line: break it where it is full
        out.insert( at, QLatin1Char( '\n' ) );
        line = out.size() - at - 1;
        lastBreak = -1;
      }
    }
    return out;
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

  void fillTable( QgsLayoutItemManualTable *item, const Table &table, const ReportText &text )
  {
    item->setCustomProperty( QStringLiteral( "limes:table" ), table.id );
    QgsTableContents contents;
    for ( int row = 0; row < table.rows.size(); ++row )
    {
      QgsTableRow cells;
      for ( int column = 0; column < table.columns.size(); ++column )
        if ( !table.columns.at( column ).csvOnly )
          cells << QgsTableCell( brokenLines( table.cell( row, column, text ), table.columns.at( column ).wrap ) );
      contents << cells;
    }
    QgsLayoutTableColumns headers;
    for ( const Column &c : table.columns )
      if ( !c.csvOnly )
        headers << QgsLayoutTableColumn( text.phrase( c.heading ) );
    item->setIncludeTableHeader( true );
    item->setHeaders( headers );
    item->setTableContents( contents );
  }

  QgsLayoutItemManualTable *addTable( QgsLayout *layout, int page, const QRectF &mm, const Table &table, const ReportText &text, bool extend )
  {
    auto *item = new QgsLayoutItemManualTable( layout );
    fillTable( item, table, text );
    style( item, 7 );
    item->setResizeMode( extend ? QgsLayoutMultiFrame::ExtendToNextPage : QgsLayoutMultiFrame::UseExistingFrames );
    layout->addMultiFrame( item );
    auto *frame = new QgsLayoutFrame( layout, item );
    place( frame, page, mm );
    item->addFrame( frame );
    return item;
  }

  void addTableFrame( QgsLayoutMultiFrame *table, int page, const QRectF &mm )
  {
    QgsLayout *layout = table->layout();
    while ( layout->pageCollection()->pageCount() <= page )
    {
      auto *p = new QgsLayoutItemPage( layout );
      p->setPageSize( QgsLayoutSize( PageWidth, PageHeight ) );
      layout->pageCollection()->addPage( p );
    }
    auto *frame = new QgsLayoutFrame( layout, table );
    place( frame, page, mm );
    table->addFrame( frame );
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
    item->setFeatureFilter( QStringLiteral( "\"segment\" = attribute( @atlas_feature, 'code' ) AND \"part\" = attribute( @atlas_feature, 'part' )" ) );
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
    // the language's decimal separator (0,5 km in Russian), no grouping, as the tables write numbers
    auto *format = new QgsBasicNumericFormat();
    format->setShowThousandsSeparator( false );
    format->setDecimalSeparator( QString( text.locale().decimalPoint() ).at( 0 ) );
    bar->setNumericFormat( format );
    return bar;
  }

  void addPageFrame( QgsLayout *layout, int page, const QString &heading, const QString &footer )
  {
    addLabel( layout, page, QRectF( Margin, 6, PageWidth - 2 * Margin, 8 ), heading, 13, true );
    addLabel( layout, page, QRectF( Margin, PageHeight - 8, PageWidth - 2 * Margin - 30, 5 ), footer, 6.5 );
  }
}
