// SPDX-License-Identifier: GPL-2.0-or-later
#ifndef LIMES_KEYCOMMAND_H
#define LIMES_KEYCOMMAND_H

#include "command.h"

namespace limes::cli
{
  //! `limes key generate|fingerprint`: a delegation's signing key, in a passphrase-protected file of its own (keycommand.cpp).
  class KeyCommand : public Command
  {
    public:
      QString name() const override { return QStringLiteral( "key" ); }
      QString summary() const override;
      QString synopsis() const override { return QStringLiteral( "generate --out FILE | fingerprint --key FILE" ); }
      void addOptions( QCommandLineParser &parser ) const override;
      int run( const QCommandLineParser &parser, QTextStream &out ) const override;
  };
}

#endif
