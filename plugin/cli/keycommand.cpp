// SPDX-License-Identifier: GPL-2.0-or-later
#include "keycommand.h"
#include "error.h"
#include "workspaceoptions.h"

namespace limes::cli
{
  QString KeyCommand::summary() const
  {
    return QStringLiteral( "Make a signing key for the ledger (Ed25519, passphrase-protected), or show a key's fingerprint" );
  }

  void KeyCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addPositionalArgument( QStringLiteral( "ACTION" ), QStringLiteral( "generate or fingerprint" ) );
    parser.addOptions( {
      { "out", "generate: the key file to write (never overwritten; readable by you only).", "FILE" },
      { "key", "fingerprint: the key file.", "FILE" },
      { "passphrase-file", "The passphrase, the first line of FILE (default: $LIMES_KEY_PASSPHRASE, else asked twice on the terminal).", "FILE" },
    } );
  }

  int KeyCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    const QStringList args = positional( parser, 1, 1 );
    if ( args[0] == QLatin1String( "generate" ) )
    {
      const QString path = required( parser, "out" );
      const QByteArray pass = passphrase( parser, QStringLiteral( "Passphrase for %1: " ).arg( path ), true );
      const crypto::SigningKey key = crypto::SigningKey::generate();
      key.save( path, pass );
      // what the holder reads out to the other delegation, and what --trust takes
      out << key.fingerprint() << '\n';
      return 0;
    }
    if ( args[0] == QLatin1String( "fingerprint" ) )
    {
      if ( !parser.isSet( QStringLiteral( "key" ) ) && qEnvironmentVariableIsEmpty( "LIMES_KEY" ) )
        throw Error( QStringLiteral( "--key is required (see --help)" ) );
      out << signingKey( parser ).fingerprint() << '\n';
      return 0;
    }
    throw Error( QStringLiteral( "unknown action '%1' (generate, fingerprint)" ).arg( args[0] ) );
  }
}
