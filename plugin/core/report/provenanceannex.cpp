// SPDX-License-Identifier: GPL-2.0-or-later
#include "report/layoutkit.h"
#include "report/pages.h"
#include "report/reportlayers.h"
#include "report/reporttext.h"

#include <qgsprintlayout.h>

namespace limes::report
{
  std::unique_ptr<QgsPrintLayout> provenanceLayout( const ReportContext &report )
  {
    const ReportText &t = report.text;
    auto layout = newLayout( report.layers.project(), QStringLiteral( "Limes report: provenance" ), 1 );
    QgsLayout *l = layout.get();
    const double width = PageWidth - 2 * Margin;
    addPageFrame( l, 0, t.phrase( QT_TRANSLATE_NOOP( "limes::report", "Annex: provenance" ) ), footerText( report ) );
    addLabel( l, 0, QRectF( Margin, 16, width, 14 ),
              t.phrase( QT_TRANSLATE_NOOP( "limes::report", "To recompute every figure, run `limes change` on the inputs below (the SHA-256 of each file must match) "
                                       "with these parameters; to check the record, run `limes workspace verify --expect-head` with the ledger head." ) ), 8 );
    addTable( l, 0, QRectF( Margin, 32, width, PageHeight - 44 ), report.tables.provenance, t, true );
    return layout;
  }
}
