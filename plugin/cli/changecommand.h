// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_CHANGECOMMAND_H
#define LIMES_CHANGECOMMAND_H

#include "command.h"

namespace limes::cli
{
  //! `limes change`: land and resources that change sides between two versions of a boundary.
  class ChangeCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "change" ); }
      QString summary() const override;
      QString synopsis() const override { return QStringLiteral( "--old SRC --new SRC --output OUT.gpkg" ); }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
  };
}

#endif
