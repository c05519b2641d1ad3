// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/changereport.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reportsequence.h"
#include "report/reporttables.h"
#include "report/reporttemplate.h"
#include "report/reporttext.h"
#include "atomicoutput.h"
#include "change/changeoutput.h"
#include "change/summary.h"
#include "error.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <qgsfeaturesource.h>

#include <qgsfeedback.h>
#include <qgslayoutexporter.h>
#include <qgsprintlayout.h>

namespace limes::report
{
  namespace
  {
    QString base( const QString &pdf )
    {
      const QFileInfo info( pdf );
      return info.dir().filePath( info.completeBaseName() );
    }

    QString csvPath( const QString &pdf, const QString &table )
    {
      return QStringLiteral( "%1-%2.csv" ).arg( base( pdf ), table );
    }

    const QStringList csvIds{ QStringLiteral( "versions" ), QStringLiteral( "transfers" ), QStringLiteral( "net" ), QStringLiteral( "resources" ),
                              QStringLiteral( "crossings" ), QStringLiteral( "segments" ), QStringLiteral( "segment-resources" ), QStringLiteral( "ledger" ),
                              QStringLiteral( "pillars" ), QStringLiteral( "provenance" ) };

    //! The codes the segment lines have.
    QSet<QString> segmentCodes( const ChangeRequest &request )
    {
      QSet<QString> codes;
      QgsFeatureSource *lines = request.segments.source;
      const int field = lines ? lines->fields().lookupField( request.segmentCodeField ) : -1;
      QgsFeature f;
      QgsFeatureIterator it = field >= 0 ? lines->getFeatures() : QgsFeatureIterator();
      while ( field >= 0 && it.nextFeature( f ) )
        codes.insert( f.attribute( field ).toString() );
      return codes;
    }

    //! The segments that get a page: those with a transfer, or the ones asked for, which must be among them.
    QStringList pageSegments( const ReportInput &input, const QJsonObject &summary, const QStringList &only )
    {
      const QStringList changed = changedSegments( summary, {} );
      if ( changed.isEmpty() )
        throw Error( QStringLiteral( "nothing changed between the versions in any segment: no report to write (give --segments when none was)" ) );
      const QSet<QString> known = only.isEmpty() ? QSet<QString>() : segmentCodes( *input.request );
      for ( const QString &code : only )
        if ( !known.contains( code ) )
          throw Error( QStringLiteral( "unknown segment '%1': the segment lines (%2) have no such code" ).arg( code, input.request->segments.name ) );
        else if ( !changed.contains( code ) )
          throw Error( QStringLiteral( "segment '%1' has no change to report (changed: %2)" ).arg( code, changed.join( QStringLiteral( ", " ) ) ) );
      return only.isEmpty() ? changed : changedSegments( summary, only );
    }

    void exportPdf( ReportSequence &sequence, const QString &path, QgsFeedback *feedback )
    {
      QgsLayoutExporter::PdfExportSettings settings;
      settings.dpi = 300;
      settings.forceVectorOutput = true;
      // text as text: searchable, copyable, and what pdftotext reads back
      settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
      settings.rasterizeWholeImage = false;
      settings.exportMetadata = true;
      QString error;
      const QgsLayoutExporter::ExportResult result = QgsLayoutExporter::exportToPdf( &sequence, path, settings, error, feedback );
      if ( result == QgsLayoutExporter::Canceled )
        throw Error( QStringLiteral( "cancelled: nothing written" ), path );
      if ( result != QgsLayoutExporter::Success )
        throw Error( QStringLiteral( "QGIS could not write the PDF (%1)" ).arg( error.isEmpty() ? QString::number( result ) : error ), path );
    }
  }

  QStringList reportOutputs( const QString &pdf )
  {
    QStringList outputs{ pdf, base( pdf ) + QStringLiteral( ".gpkg" ) };
    for ( const QString &id : csvIds )
      outputs << csvPath( pdf, id );
    return outputs;
  }

  ReportFiles writeChangeReport( const ReportInput &input, const ReportOptions &options, const QString &pdf, QgsFeedback *feedback, const QMap<QString, QString> &saveTemplates )
  {
    if ( QFileInfo( pdf ).suffix().compare( QLatin1String( "pdf" ), Qt::CaseInsensitive ) != 0 )
      throw Error( QStringLiteral( "the report must be a .pdf file" ), pdf );
    // everything that can be refused is refused before anything is drawn or written
    const ReportText text( options.language );
    const QStringList parts = reportParts();
    QMap<QString, QDomDocument> templates;
    for ( auto it = options.templates.begin(); it != options.templates.end(); ++it )
    {
      if ( !parts.contains( it.key() ) )
        throw Error( QStringLiteral( "no report part '%1' for a template (one of: %2)" ).arg( it.key(), parts.join( QStringLiteral( ", " ) ) ), it.value() );
      templates.insert( it.key(), readTemplate( it.value() ) );
    }
    for ( auto it = saveTemplates.begin(); it != saveTemplates.end(); ++it )
      if ( !parts.contains( it.key() ) )
        throw Error( QStringLiteral( "no report part '%1' to save as a template (one of: %2)" ).arg( it.key(), parts.join( QStringLiteral( ", " ) ) ), it.value() );
    const QJsonObject summary = changeSummary( *input.result );
    const QStringList changed = pageSegments( input, summary, options.segments );

    const ReportTables tables = buildTables( input, summary, changed, text );
    const ReportLayers layers( input, tables, changed, text );
    const ReportContext context{ input, summary, tables, layers, text, changed };
    std::unique_ptr<QgsPrintLayout> layouts[] = { coverLayout( context ), summaryLayout( context ), segmentLayout( context ), provenanceLayout( context ) };
    // a template replaces a part's items and settings; the report's rows, maps and atlas are bound to it again
    for ( int i = 0; i < parts.size(); ++i )
      if ( templates.contains( parts.at( i ) ) )
      {
        // into a new layout: loading over built items crashes QGIS 3.22 (a frame of a cleared table is refreshed)
        auto adapted = std::make_unique<QgsPrintLayout>( layers.project() );
        adapted->setName( layouts[i]->name() );
        layouts[i] = std::move( adapted );
        applyTemplate( *layouts[i], templates.value( parts.at( i ) ), options.templates.value( parts.at( i ) ) );
        if ( parts.at( i ) == QLatin1String( "segment" ) )
          bindSegmentLayout( *layouts[i], context );
        else
          bindLayout( *layouts[i], context );
      }

    AtomicOutputs outputs;
    for ( const QString &path : reportOutputs( pdf ) )
      outputs.add( path );
    for ( const QString &path : saveTemplates )
      outputs.add( path );

    ReportSequence sequence( { layouts[0].get(), layouts[1].get(), layouts[2].get(), layouts[3].get() } );
    outputs.produce( pdf, [&]( const QString &path ) { exportPdf( sequence, path, feedback ); } );
    ReportFiles files;
    files.pdf = pdf;
    files.pages = sequence.pageCount();
    files.segments = changed.size();
    files.geoPackage = base( pdf ) + QStringLiteral( ".gpkg" );
    outputs.produce( files.geoPackage, [&]( const QString &path ) { writeChangeGeoPackage( *input.result, path ); } );
    for ( const Table *table : tables.csvTables() )
    {
      files.csv << csvPath( pdf, table->id );
      outputs.write( files.csv.last(), table->csv() );
    }
    for ( auto it = saveTemplates.begin(); it != saveTemplates.end(); ++it )
      outputs.produce( it.value(), [&]( const QString &path ) { report::saveTemplate( *layouts[parts.indexOf( it.key() )], path ); } );
    if ( feedback && feedback->isCanceled() )
      throw Error( QStringLiteral( "cancelled: nothing written" ), pdf );
    outputs.commit();
    return files;
  }
}
