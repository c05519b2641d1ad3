// SPDX-License-Identifier: GPL-2.0-or-later
#include "terminal.h"

namespace limes::cli
{
  namespace
  {
    bool unsafe( char16_t c )
    {
      return c < 0x20 || ( c >= 0x7f && c <= 0x9f )
             || ( c >= 0x202a && c <= 0x202e ) // embeddings and overrides
             || ( c >= 0x2066 && c <= 0x2069 ); // isolates
    }
  }

  QString terminalSafe( const QString &text, Newlines newlines )
  {
    QString out;
    out.reserve( text.size() );
    for ( const QChar ch : text )
    {
      const char16_t c = ch.unicode();
      if ( c == u'\n' && newlines == Newlines::Keep )
        out += ch;
      else if ( c == u'\n' )
        out += QLatin1String( "\\n" );
      else if ( !unsafe( c ) )
        out += ch;
      else if ( c < 0x100 )
        out += QStringLiteral( "\\x%1" ).arg( static_cast<unsigned>( c ), 2, 16, QLatin1Char( '0' ) );
      else
        out += QStringLiteral( "\\u%1" ).arg( static_cast<unsigned>( c ), 4, 16, QLatin1Char( '0' ) );
    }
    return out;
  }
}
