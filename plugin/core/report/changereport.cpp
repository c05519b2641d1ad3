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

    //! The segments that get a page: those with a transfer, or the ones asked for, which must be among them.
    QStringList pageSegments( const QJsonObject &summary, const QStringList &only )
    {
      const QStringList changed = changedSegments( summary, {} );
      if ( changed.isEmpty() )
        throw Error( QStringLiteral( "nothing changed between the versions in any segment: no report to write (give --segments when none was)" ) );
      for ( const QString &code : only )
        if ( !changed.contains( code ) )
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

  ReportFiles writeChangeReport( const ReportInput &input, const ReportOptions &options, const QString &pdf, QgsFeedback *feedback, const QString &saveTemplate )
  {
    if ( QFileInfo( pdf ).suffix().compare( QLatin1String( "pdf" ), Qt::CaseInsensitive ) != 0 )
      throw Error( QStringLiteral( "the report must be a .pdf file" ), pdf );
    // everything that can be refused is refused before anything is drawn or written
    const ReportText text( options.language );
    const QDomDocument templateDocument = options.templatePath.isEmpty() ? QDomDocument() : readTemplate( options.templatePath );
    const QJsonObject summary = changeSummary( *input.result );
    const QStringList changed = pageSegments( summary, options.segments );

    const ReportTables tables = buildTables( input, summary, changed, text );
    const ReportLayers layers( input, tables, changed, text );
    const ReportContext context{ input, summary, tables, layers, text, changed };
    std::unique_ptr<QgsPrintLayout> cover = coverLayout( context );
    std::unique_ptr<QgsPrintLayout> totals = summaryLayout( context );
    std::unique_ptr<QgsPrintLayout> segments = segmentLayout( context );
    if ( !templateDocument.isNull() )
    {
      applyTemplate( *segments, templateDocument, options.templatePath );
      bindSegmentLayout( *segments, context );
    }
    std::unique_ptr<QgsPrintLayout> annex = provenanceLayout( context );

    AtomicOutputs outputs;
    for ( const QString &path : reportOutputs( pdf ) )
      outputs.add( path );
    if ( !saveTemplate.isEmpty() )
      outputs.add( saveTemplate );

    ReportSequence sequence( { cover.get(), totals.get(), segments.get(), annex.get() } );
    outputs.produce( pdf, [&]( const QString &path ) { exportPdf( sequence, path, feedback ); } );
    ReportFiles files;
    files.pdf = pdf;
    files.pages = sequence.pageCount();
    files.segments = changed.size();
    files.geoPackage = base( pdf ) + QStringLiteral( ".gpkg" );
    outputs.produce( files.geoPackage, [&]( const QString &path ) { writeChangeGeoPackage( *input.result, path, input.request->transformContext ); } );
    for ( const Table *table : tables.csvTables() )
    {
      files.csv << csvPath( pdf, table->id );
      outputs.write( files.csv.last(), table->csv() );
    }
    if ( !saveTemplate.isEmpty() )
      outputs.produce( saveTemplate, [&]( const QString &path ) { report::saveTemplate( *segments, path ); } );
    if ( feedback && feedback->isCanceled() )
      throw Error( QStringLiteral( "cancelled: nothing written" ), pdf );
    outputs.commit();
    return files;
  }
}
