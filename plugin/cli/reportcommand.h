// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_REPORTCOMMAND_H
#define LIMES_REPORTCOMMAND_H

#include "command.h"

namespace limes::cli
{
  //! `limes report`: the change between two versions as the commission's PDF annex, with CSV and GeoPackage.
  class ReportCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "report" ); }
      QString summary() const override;
      QString synopsis() const override { return QStringLiteral( "(--old SRC --new SRC | --workspace TARGET --old VERSION --new VERSION) --segments SRC --output REPORT.pdf [--lang en|ru] [--template FILE.qpt] [--segments CODE,…]" ); }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
      //! --segments: the segment lines and, given again, the codes; --template/--save-template: one per part.
      QStringList repeatableOptions() const override
      {
        return { QStringLiteral( "segments" ), QStringLiteral( "template" ), QStringLiteral( "save-template" ) };
      }
  };
}

#endif
