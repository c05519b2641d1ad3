// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_INFOCOMMAND_H
#define LIMES_INFOCOMMAND_H

#include "command.h"

namespace limes::cli
{
  //! `limes info SRC...`: what a data source holds, before it is used as an input.
  class InfoCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "info" ); }
      QString summary() const override;
      QString synopsis() const override { return QStringLiteral( "SRC [SRC...]" ); }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
  };
}

#endif
