// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reporttext.h"

#include <qgsprintlayout.h>

namespace limes::report
{
  namespace
  {
    QString commission( const ReportContext &report )
    {
      return report.input.title.isEmpty() ? report.text.phrase( QT_TRANSLATE_NOOP( "limes::report", "Boundary commission" ) ) : report.input.title;
    }
  }

  QString footerText( const ReportContext &report )
  {
    const ReportText &t = report.text;
    return QStringLiteral( "%1 · %2 → %3 · %4" ).arg( commission( report ), report.input.oldVersion.name, report.input.newVersion.name,
        t.date( report.input.created.date() ) );
  }

  std::unique_ptr<QgsPrintLayout> coverLayout( const ReportContext &report )
  {
    const ReportText &t = report.text;
    const ReportInput &in = report.input;
    auto layout = newLayout( report.layers.project(), QStringLiteral( "Limes report: cover" ), 1 );
    QgsLayout *l = layout.get();
    const double width = PageWidth - 2 * Margin;
    addLabel( l, 0, QRectF( Margin, 14, width, 8 ), commission( report ), 14 );
    addLabel( l, 0, QRectF( Margin, 26, width, 12 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Boundary change report" ) ), 24, true );
    addLabel( l, 0, QRectF( Margin, 40, width, 8 ),
              t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Protocol annex: land and resources that change sides between two versions of the boundary line" ) ), 11 );
    addLabel( l, 0, QRectF( Margin, 54, width, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Versions compared" ) ), 10, true );
    addTable( l, 0, QRectF( Margin, 61, width, 22 ), report.tables.versions, t );
    if ( !report.tables.parties.rows.isEmpty() )
    {
      addLabel( l, 0, QRectF( Margin, 88, width, 6 ), t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Parties" ) ), 10, true );
      addTable( l, 0, QRectF( Margin, 95, width / 2, 20 ), report.tables.parties, t );
    }
    const QStringList facts{
      QStringLiteral( "%1: %2" ).arg( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Report date" ) ), t.date( in.created.date() ) ),
      QStringLiteral( "%1: %2" ).arg( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Changed segments" ) ), t.integer( report.changed.size() ) ),
      QStringLiteral( "%1: %2, %3 %4, %5 %6" ).arg( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Working CRS" ) ), in.result->workingCrs.authid(),
          t.phrase( QT_TRANSLATE_NOOP( "limes::report", "areas on" ) ), in.result->ellipsoid, t.phrase( QT_TRANSLATE_NOOP( "limes::report", "edges" ) ), in.result->edges ),
      in.workspace.isEmpty() ? t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Versions read from files (no workspace)" ) )
      : QStringLiteral( "%1: %2" ).arg( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Workspace" ) ), in.workspace ),
      QStringLiteral( "%1: %2" ).arg( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Pillars" ) ),
          !in.workspace.isEmpty() ? t.phrase( QT_TRANSLATE_NOOP( "limes::report", "the workspace's" ) )
          : in.pillarsSource.isEmpty() ? t.phrase( QT_TRANSLATE_NOOP( "limes::report", "none given" ) ) : in.pillarsSource ),
      in.ledgerHead.isEmpty() ? QString() : QStringLiteral( "%1: %2" ).arg( t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Ledger head (entries:hash)" ) ), in.ledgerHead ),
    };
    addLabel( l, 0, QRectF( Margin, 122, width, 40 ), facts.join( QLatin1Char( '\n' ) ), 9 );
    addLabel( l, 0, QRectF( Margin, 168, width, 16 ),
              t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Every figure in this report is that of the change summary computed by Limes from the inputs listed in the annex; "
                                       "the tables are beside this file as CSV and the geometry as a GeoPackage." ) ), 8 );
    addLabel( l, 0, QRectF( Margin, PageHeight - 8, width, 5 ), footerText( report ), 6.5 );
    return layout;
  }
}
