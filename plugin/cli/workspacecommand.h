// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_WORKSPACECOMMAND_H
#define LIMES_WORKSPACECOMMAND_H

#include "command.h"
#include "workspaceoptions.h"

namespace limes::cli
{
  //! `limes workspace ACTION TARGET`: create, inspect and verify a commission workspace (workspacecommand.cpp).
  class WorkspaceCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "workspace" ); }
      QString summary() const override;
      QString synopsis() const override
      {
        return QStringLiteral( "init|info|verify|head|add-party|add-segments|import-version|import-pillars|accept-finding|register-key|revoke-key|set-notes TARGET"
                               " | export TARGET OUT.gpkg | compare A B | survey TARGET PILLAR | pillars TARGET [PILLAR]" );
      }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
  };

  //! `limes ledger add|list|sign TARGET`: the append-only, signed record of the commission's decisions (ledgercommand.cpp).
  class LedgerCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "ledger" ); }
      QString summary() const override;
      QString synopsis() const override { return QStringLiteral( "add|list|sign TARGET" ); }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
  };
}

#endif
