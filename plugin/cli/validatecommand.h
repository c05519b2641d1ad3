// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_VALIDATECOMMAND_H
#define LIMES_VALIDATECOMMAND_H

#include "command.h"

namespace limes::cli
{
  //! `limes validate`: delimitation and demarcation geometry against the commission's rules.
  class ValidateCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "validate" ); }
      QString summary() const override;
      QString synopsis() const override { return QStringLiteral( "--line SRC --output OUT.gpkg" ); }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
  };
}

#endif
