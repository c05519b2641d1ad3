// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/reportlayers.h"
#include "report/layoutkit.h"
#include "report/reporttext.h"
#include "qgiscompat.h"

#include <qgscategorizedsymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgslinesymbol.h>
#include <qgsmarkersymbol.h>
#include <qgsproject.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include <set>
#include <tuple>

namespace limes::report
{
  namespace
  {
    //! The report's type face: DejaVu has Latin and Cyrillic, and the PDF embeds it.
    QgsTextFormat labelFormat( double size, const QColor &color = Qt::black )
    {
      QgsTextFormat format;
      format.setFont( reportFont( size ) );
      format.setSize( size );
      format.setColor( color );
      QgsTextBufferSettings buffer;
      buffer.setEnabled( true );
      buffer.setSize( 0.8 );
      buffer.setColor( Qt::white );
      format.setBuffer( buffer );
      return format;
    }

    void label( QgsVectorLayer *layer, const QString &expression, double size )
    {
      QgsPalLayerSettings settings;
      settings.fieldName = expression;
      settings.isExpression = true;
      settings.placement = limes::compat::LabelPlacementOverPoint;
      settings.setFormat( labelFormat( size ) );
      layer->setLabeling( new QgsVectorLayerSimpleLabeling( settings ) );
      layer->setLabelsEnabled( true );
    }

    QgsAttributes attributes( std::initializer_list<QVariant> values )
    {
      QgsAttributes a;
      for ( const QVariant &v : values )
        a << v;
      return a;
    }

    std::unique_ptr<QgsVectorLayer> memoryLayer( const QString &geometry, const QString &name, const QgsCoordinateReferenceSystem &crs, const QgsFields &fields )
    {
      auto layer = std::make_unique<QgsVectorLayer>( geometry, name, QStringLiteral( "memory" ) );
      if ( crs.isValid() )
        layer->setCrs( crs );
      layer->dataProvider()->addAttributes( fields.toList() );
      layer->updateFields();
      return layer;
    }

    QgsFields stringFields( const QStringList &names )
    {
      QgsFields fields;
      for ( const QString &n : names )
        fields.append( limes::compat::field( n, QMetaType::QString ) );
      return fields;
    }

    //! A version's lines in the working CRS (a territory's outline for territory versions).
    std::unique_ptr<QgsVectorLayer> versionLayer( const InputLayer &input, const QString &name, const ChangeResult &r, const QgsCoordinateTransformContext &context )
    {
      auto layer = memoryLayer( QStringLiteral( "MultiLineString" ), name, r.workingCrs, {} );
      QgsFeatureRequest request;
      request.setDestinationCrs( r.workingCrs, context );
      request.setNoAttributes();
      QgsFeatureList features;
      QgsFeature f;
      QgsFeatureIterator it = input.source->getFeatures( request );
      while ( it.nextFeature( f ) )
      {
        QgsGeometry g = f.geometry();
        if ( g.type() == limes::geometrytype::Polygon )
          g = QgsGeometry( g.constGet()->boundary() );
        if ( g.isNull() )
          continue;
        g.convertToMultiType();
        QgsFeature out( layer->fields() );
        out.setGeometry( g );
        features << out;
      }
      layer->dataProvider()->addFeatures( features );
      layer->updateExtents();
      return layer;
    }

    using Layer = std::unique_ptr<QgsVectorLayer>;

    //! The changed segments, in summary order: the atlas' pages (their transfers frame a page without a segment line).
    Layer coverageLayer( const ReportInput &input, const QStringList &changed, const ReportText &text )
    {
      const ChangeResult &r = *input.result;
      const QgsCoordinateTransformContext &context = input.request->transformContext;
      auto coverage = memoryLayer( QStringLiteral( "MultiLineString" ), QStringLiteral( "limes_changed_segments" ), r.workingCrs,
                                   stringFields( { QStringLiteral( "code" ), QStringLiteral( "title" ) } ) );
      {
        QMap<QString, QgsGeometry> lines;
        if ( input.request->segments.source )
        {
          QgsFeatureRequest request;
          request.setDestinationCrs( r.workingCrs, context );
          QgsFeature f;
          QgsFeatureIterator it = input.request->segments.source->getFeatures( request );
          const int field = input.request->segments.source->fields().lookupField( input.request->segmentCodeField );
          while ( field >= 0 && it.nextFeature( f ) )
          {
            const QString code = f.attribute( field ).toString();
            if ( changed.contains( code ) && !f.geometry().isNull() )
              lines[code] = lines[code].isNull() ? f.geometry() : QgsGeometry::collectGeometry( { lines[code], f.geometry() } );
          }
        }
        QgsFeatureList features;
        for ( const QString &code : changed )
        {
          QgsFeature f( coverage->fields() );
          QgsGeometry g = lines.value( code );
          if ( g.isNull() ) // no segment line: the segment's transfers frame its page
          {
            QVector<QgsGeometry> parts;
            for ( const Transfer &t : r.transfers )
              if ( t.segment == code )
                parts << QgsGeometry( t.geometry.constGet()->boundary() );
            g = QgsGeometry::collectGeometry( parts );
          }
          g.convertToMultiType();
          f.setGeometry( g );
          f.setAttributes( attributes( { code, QStringLiteral( "%1 %2" ).arg( text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Segment" ) ), code ) } ) );
          features << f;
        }
        coverage->dataProvider()->addFeatures( features );
        coverage->updateExtents();
        coverage->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleLine(
        { { QStringLiteral( "line_color" ), QStringLiteral( "255,200,0,160" ) }, { QStringLiteral( "line_width" ), QStringLiteral( "3.0" ) } } ).release() ) );
      }
      return coverage;
    }

    //! The transfers, coloured by direction and labelled with their area in hectares.
    Layer transfersLayer( const ChangeResult &r, const ReportText &text )
    {
      QgsFields transferFields = stringFields( { QStringLiteral( "segment" ), QStringLiteral( "direction" ), QStringLiteral( "area_label" ) } );
      transferFields.append( limes::compat::field( QStringLiteral( "area_m2" ), QMetaType::Double ) );
      auto transfers = memoryLayer( QStringLiteral( "MultiPolygon" ), text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Land that changes sides" ) ), r.workingCrs, transferFields );
      {
        QgsFeatureList features;
        std::set<QString> directions;
        for ( const Transfer &t : r.transfers )
        {
          QgsFeature f( transfers->fields() );
          QgsGeometry g = t.geometry;
          g.convertToMultiType();
          f.setGeometry( g );
          const QString direction = QStringLiteral( "%1 → %2" ).arg( t.from, t.to );
          directions.insert( direction );
          f.setAttributes( attributes( { t.segment, direction, QStringLiteral( "%1 %2" ).arg( text.hectares( t.areaM2 ), text.phrase( QT_TRANSLATE_NOOP( "limes::report", "ha" ) ) ), t.areaM2 } ) );
          features << f;
        }
        transfers->dataProvider()->addFeatures( features );
        transfers->updateExtents();
        const QStringList fills{ QStringLiteral( "230,97,1,140" ), QStringLiteral( "33,102,172,140" ), QStringLiteral( "77,172,38,140" ), QStringLiteral( "152,78,163,140" ) };
        QgsCategoryList categories;
        int i = 0;
        for ( const QString &d : directions )
          categories << QgsRendererCategory( d, limes::compat::createSimpleFill( { { QStringLiteral( "color" ), fills.at( i++ % fills.size() ) },
            { QStringLiteral( "outline_color" ), QStringLiteral( "60,60,60,255" ) }, { QStringLiteral( "outline_width" ), QStringLiteral( "0.2" ) } } ).release(), d );
        transfers->setRenderer( new QgsCategorizedSymbolRenderer( QStringLiteral( "direction" ), categories ) );
        label( transfers.get(), QStringLiteral( "\"area_label\"" ), 7 );
      }
      return transfers;
    }

    //! The resource features that change side, one layer per geometry type that has any.
    std::vector<Layer> resourceLayers( const ChangeResult &r, const ReportText &text )
    {
      std::vector<std::unique_ptr<QgsVectorLayer>> resources;
      const std::tuple<limes::GeometryType, QString, const char *> kinds[] = {
        { limes::geometrytype::Polygon, QStringLiteral( "MultiPolygon" ), QT_TRANSLATE_NOOP( "limes::report", "Resource areas that change sides" ) },
        { limes::geometrytype::Line, QStringLiteral( "MultiLineString" ), QT_TRANSLATE_NOOP( "limes::report", "Resource lines that change sides" ) },
        { limes::geometrytype::Point, QStringLiteral( "MultiPoint" ), QT_TRANSLATE_NOOP( "limes::report", "Resource points that change sides" ) } };
      for ( const auto &[type, wkb, name] : kinds )
      {
        auto layer = memoryLayer( wkb, text.phrase( name ), r.workingCrs,
                                  stringFields( { QStringLiteral( "segment" ), QStringLiteral( "layer" ) } ) );
        QgsFeatureList features;
        for ( const ResourceChange &c : r.resourceChanges )
          if ( c.type == type && !c.geometry.isNull() )
          {
            QgsFeature f( layer->fields() );
            QgsGeometry g = c.geometry;
            g.convertToMultiType();
            f.setGeometry( g );
            f.setAttributes( attributes( { c.segment, c.layer } ) );
            features << f;
          }
        if ( features.isEmpty() )
          continue;
        layer->dataProvider()->addFeatures( features );
        layer->updateExtents();
        if ( type == limes::geometrytype::Polygon )
          layer->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleFill( { { QStringLiteral( "color" ), QStringLiteral( "120,190,240,200" ) },
            { QStringLiteral( "outline_color" ), QStringLiteral( "0,90,200,255" ) } } ).release() ) );
        else if ( type == limes::geometrytype::Line )
          layer->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleLine( { { QStringLiteral( "line_color" ), QStringLiteral( "0,90,200,255" ) },
            { QStringLiteral( "line_width" ), QStringLiteral( "0.8" ) } } ).release() ) );
        else
          layer->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleMarker( { { QStringLiteral( "color" ), QStringLiteral( "0,90,200,255" ) },
            { QStringLiteral( "size" ), QStringLiteral( "2.4" ) }, { QStringLiteral( "name" ), QStringLiteral( "diamond" ) } } ).release() ) );
        resources.push_back( std::move( layer ) );
      }

      return resources;
    }

    //! The pillars (stored in WGS 84), labelled with their numbers.
    Layer pillarsLayer( const ReportInput &input, const ReportText &text )
    {
      const ChangeResult &r = *input.result;
      const QgsCoordinateTransformContext &context = input.request->transformContext;
      auto pillars = memoryLayer( QStringLiteral( "Point" ), text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Pillars" ) ), r.workingCrs,
                                  stringFields( { QStringLiteral( "number" ), QStringLiteral( "segment" ) } ) );
      {
        const QgsCoordinateTransform toWorking( QgsCoordinateReferenceSystem( QStringLiteral( "EPSG:4326" ) ), r.workingCrs, context );
        QgsFeatureList features;
        for ( const Pillar &p : input.pillars )
        {
          QgsGeometry g = QgsGeometry::fromPointXY( QgsPointXY( p.lon, p.lat ) );
          if ( g.transform( toWorking ) != Qgis::GeometryOperationResult::Success )
            continue;
          QgsFeature f( pillars->fields() );
          f.setGeometry( g );
          f.setAttributes( attributes( { p.number, p.segment } ) );
          features << f;
        }
        pillars->dataProvider()->addFeatures( features );
        pillars->updateExtents();
        pillars->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleMarker( { { QStringLiteral( "color" ), QStringLiteral( "255,255,255,255" ) },
          { QStringLiteral( "outline_color" ), QStringLiteral( "0,0,0,255" ) }, { QStringLiteral( "size" ), QStringLiteral( "2.0" ) },
          { QStringLiteral( "name" ), QStringLiteral( "square" ) } } ).release() ) );
        label( pillars.get(), QStringLiteral( "\"number\"" ), 6.5 );
      }

      return pillars;
    }

    /**
     * A table as a layer without geometry, every cell as the report writes it, and the part of
     * its segment's pages that shows the row: the atlas filters it to its segment and part.
     */
    Layer tableRowsLayer( const Table &table, const QVector<int> &parts, const ReportText &text )
    {
      QStringList names;
      for ( const Column &c : table.columns )
        names << c.csvName;
      QgsFields fields = stringFields( names );
      fields.append( limes::compat::field( QStringLiteral( "part" ), QMetaType::Int ) );
      auto layer = memoryLayer( QStringLiteral( "None" ), QStringLiteral( "limes_table_%1" ).arg( table.id ), QgsCoordinateReferenceSystem(), fields );
      QgsFeatureList features;
      for ( int row = 0; row < table.rows.size(); ++row )
      {
        QgsFeature f( layer->fields() );
        QgsAttributes attributes;
        for ( int column = 0; column < table.columns.size(); ++column )
          attributes << table.cell( row, column, text );
        attributes << parts.value( row );
        f.setAttributes( attributes );
        features << f;
      }
      layer->dataProvider()->addFeatures( features );
      return layer;
    }

    //! A segment's page or one of its continuations.
    struct Part
    {
      QString code;
      int part = 0;
      QString title;
    };

    //! Which part of its segment's pages shows each row of the segment tables, and the parts there are.
    struct Paging
    {
      QMap<QString, QVector<int>> rowParts; //!< per table id, per row
      QList<Part> parts;
    };

    Paging paginate( const ReportTables &tables, const QStringList &changed, const ReportText &text )
    {
      Paging paging;
      const QList<const Table *> segmentTableList = segmentTables( tables );
      for ( const Table *t : segmentTableList )
        paging.rowParts.insert( t->id, QVector<int>( t->rows.size(), 0 ) );
      for ( const QString &code : changed )
      {
        const QString title = QStringLiteral( "%1 %2" ).arg( text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Segment" ) ), code );
        paging.parts << Part{ code, 0, title };
        int part = 0;
        for ( const Table *t : segmentTableList )
        {
          int column = 0;
          while ( column < t->columns.size() && t->columns.at( column ).csvName != QLatin1String( "segment" ) )
            ++column;
          const int first = firstPartRows( t->id );
          QVector<int> &rowParts = paging.rowParts[t->id];
          int n = 0;
          for ( int row = 0; row < t->rows.size(); ++row )
          {
            if ( t->rows.at( row ).value( column ).toString() != code )
              continue;
            const int k = n++;
            if ( k >= first )
              rowParts[row] = part + 1 + ( k - first ) / ContinuedRows;
          }
          const int more = n > first ? ( n - first + ContinuedRows - 1 ) / ContinuedRows : 0;
          for ( int i = 1; i <= more; ++i )
            paging.parts << Part{ code, part + i, text.phrase( QT_TRANSLATE_NOOP( "limes::report", "%1 (continued): %2" ) )
                                  .arg( title, text.phrase( segmentTableHeading( t->id ) ) ) };
          part += more;
        }
      }
      return paging;
    }

    //! The atlas' coverage: a feature per part, with its segment's line (hidden from the maps).
    Layer pagesLayer( const QgsVectorLayer &changed, const QList<Part> &parts )
    {
      QgsFields fields = stringFields( { QStringLiteral( "code" ), QStringLiteral( "title" ) } );
      fields.append( limes::compat::field( QStringLiteral( "part" ), QMetaType::Int ) );
      auto pages = memoryLayer( QStringLiteral( "MultiLineString" ), QStringLiteral( "limes_segment_pages" ), changed.crs(), fields );
      QMap<QString, QgsGeometry> lines;
      QgsFeature f;
      QgsFeatureIterator it = changed.getFeatures();
      while ( it.nextFeature( f ) )
        lines.insert( f.attribute( 0 ).toString(), f.geometry() );
      QgsFeatureList features;
      for ( const Part &p : parts )
      {
        QgsFeature page( pages->fields() );
        page.setGeometry( lines.value( p.code ) );
        page.setAttributes( attributes( { p.code, p.title, p.part } ) );
        features << page;
      }
      pages->dataProvider()->addFeatures( features );
      pages->updateExtents();
      return pages;
    }
  }

  namespace
  {
    struct SegmentTable
    {
      const char *id;
      int firstRows;
      const char *heading;
    };

    // the rows a segment page's frames are sized for (segmentpages.cpp)
    const SegmentTable segmentTableSpecs[] = {
      { "segments", 4, QT_TRANSLATE_NOOP( "limes::report", "Land that changes sides" ) },
      { "segment-resources", 8, QT_TRANSLATE_NOOP( "limes::report", "Resources that change sides" ) },
      { "ledger", 8, QT_TRANSLATE_NOOP( "limes::report", "Ledger" ) },
      { "pillars", 10, QT_TRANSLATE_NOOP( "limes::report", "Pillars" ) },
    };
  }

  int firstPartRows( const QString &table )
  {
    for ( const SegmentTable &t : segmentTableSpecs )
      if ( table == QLatin1String( t.id ) )
        return t.firstRows;
    return ContinuedRows;
  }

  const char *segmentTableHeading( const QString &table )
  {
    for ( const SegmentTable &t : segmentTableSpecs )
      if ( table == QLatin1String( t.id ) )
        return t.heading;
    return "";
  }

  QList<const Table *> segmentTables( const ReportTables &tables )
  {
    return { &tables.segments, &tables.segmentResources, &tables.ledger, &tables.pillars };
  }

  ReportLayers::ReportLayers( const ReportInput &input, const ReportTables &tables, const QStringList &changed, const ReportText &text )
    : mProject( std::make_unique<QgsProject>() )
  {
    const ChangeResult &r = *input.result;
    const QgsCoordinateTransformContext &context = input.request->transformContext;
    mProject->setCrs( r.workingCrs );
    mProject->setTransformContext( context );
    mProject->setEllipsoid( r.ellipsoid );

    Layer coverage = coverageLayer( input, changed, text );
    Layer transfers = transfersLayer( r, text );
    std::vector<Layer> resources = resourceLayers( r, text );
    // both versions: the old one dashed under the new one
    Layer oldLines = versionLayer( input.request->oldVersion, QStringLiteral( "%1: %2" ).arg( text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Old version" ) ), input.oldVersion.name ), r, context );
    oldLines->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleLine( { { QStringLiteral( "line_color" ), QStringLiteral( "200,0,0,255" ) },
      { QStringLiteral( "line_width" ), QStringLiteral( "0.5" ) }, { QStringLiteral( "line_style" ), QStringLiteral( "dash" ) } } ).release() ) );
    Layer newLines = versionLayer( input.request->newVersion, QStringLiteral( "%1: %2" ).arg( text.phrase( QT_TRANSLATE_NOOP( "limes::report", "New version" ) ), input.newVersion.name ), r, context );
    newLines->setRenderer( new QgsSingleSymbolRenderer( limes::compat::createSimpleLine( { { QStringLiteral( "line_color" ), QStringLiteral( "0,0,0,255" ) },
      { QStringLiteral( "line_width" ), QStringLiteral( "0.6" ) } } ).release() ) );
    Layer pillars = pillarsLayer( input, text );
    mCoverage = coverage.get();
    mTransfers = transfers.get();

    // top first: pillars, the versions, resources, transfers, the changed segments under all
    std::vector<std::unique_ptr<QgsMapLayer>> owned;
    mMapLayers << pillars.get() << newLines.get() << oldLines.get();
    for ( auto &l : resources )
      mMapLayers << l.get();
    mMapLayers << transfers.get() << coverage.get();
    owned.push_back( std::move( pillars ) );
    owned.push_back( std::move( newLines ) );
    owned.push_back( std::move( oldLines ) );
    for ( auto &l : resources )
      owned.push_back( std::move( l ) );
    owned.push_back( std::move( transfers ) );
    owned.push_back( std::move( coverage ) );
    const Paging paging = paginate( tables, changed, text );
    Layer pages = pagesLayer( *mCoverage, paging.parts );
    mPages = pages.get();
    owned.push_back( std::move( pages ) );
    for ( const Table *table : segmentTables( tables ) )
    {
      Layer layer = tableRowsLayer( *table, paging.rowParts.value( table->id ), text );
      mTables.insert( table->id, layer.get() );
      owned.push_back( std::move( layer ) );
    }

    QList<QgsMapLayer *> all;
    for ( auto &l : owned )
      all << l.release();
    mProject->addMapLayers( all );
  }

  ReportLayers::~ReportLayers() = default;

  QList<QgsMapLayer *> ReportLayers::mapLayers() const
  {
    return mMapLayers;
  }

  QgsRectangle ReportLayers::changedExtent() const
  {
    QgsRectangle extent = mTransfers->extent();
    extent.combineExtentWith( mCoverage->extent() );
    return extent;
  }
}
