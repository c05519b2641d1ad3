// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspacecommand.h"
#include "error.h"
#include "terminal.h"

#include <QDate>

namespace limes::cli
{
  namespace
  {
    LedgerEntryInput entryFrom( const QCommandLineParser &parser )
    {
      LedgerEntryInput in;
      in.segment = required( parser, "segment" );
      in.protocol = required( parser, "protocol" );
      in.meetingDate = QDate::fromString( required( parser, "date" ), Qt::ISODate );
      if ( !in.meetingDate.isValid() )
        throw Error( QStringLiteral( "--date: not a date YYYY-MM-DD: '%1'" ).arg( parser.value( QStringLiteral( "date" ) ) ) );
      in.place = parser.value( QStringLiteral( "place" ) );
      in.decision = required( parser, "decision" );
      in.agreedVersion = parser.value( QStringLiteral( "agreed-version" ) );
      for ( const auto &[party, texts] : pairs( parser.values( QStringLiteral( "position" ) ), "position" ).toStdMap() )
        in.positions.insert( party, texts.join( QLatin1String( "; " ) ) );
      in.signatories = pairs( parser.values( QStringLiteral( "signatory" ) ), "signatory" );
      in.attachments = parser.values( QStringLiteral( "attachment" ) );
      if ( parser.isSet( QStringLiteral( "supersedes" ) ) )
      {
        bool ok = false;
        in.supersedes = parser.value( QStringLiteral( "supersedes" ) ).toLongLong( &ok );
        if ( !ok || in.supersedes < 1 )
          throw Error( QStringLiteral( "--supersedes: not an entry id (1 or more): '%1'" ).arg( parser.value( QStringLiteral( "supersedes" ) ) ) );
      }
      in.author = author( parser );
      return in;
    }

    int add( const QCommandLineParser &parser, WorkspaceStore &ws, QTextStream &out )
    {
      const LedgerEntryInput in = entryFrom( parser );
      const LedgerEntry e = ws.addLedgerEntry( in, signingKey( parser ) );
      out << QStringLiteral( "Recorded entry %1: %2 %3 (protocol %4, %5), hash %6, signed by %7\n" )
          .arg( e.id ).arg( terminalSafe( in.segment ), terminalSafe( in.decision ), terminalSafe( in.protocol ), in.meetingDate.toString( Qt::ISODate ), e.hash.left( 16 ), e.signerParty );
      return 0;
    }

    int sign( const QCommandLineParser &parser, WorkspaceStore &ws, QTextStream &out )
    {
      bool ok = false;
      const long long entry = required( parser, "entry" ).toLongLong( &ok );
      if ( !ok || entry < 1 )
        throw Error( QStringLiteral( "--entry: not an entry id (1 or more): '%1'" ).arg( parser.value( QStringLiteral( "entry" ) ) ) );
      const LedgerEntry e = ws.countersign( entry, author( parser ), signingKey( parser ) );
      out << QStringLiteral( "Recorded entry %1: %2 countersigns entry %3, hash %4\n" ).arg( e.id ).arg( e.signerParty ).arg( entry ).arg( e.hash.left( 16 ) );
      return 0;
    }

    //! An entry of another kind than a decision, on one line.
    QString otherLine( const LedgerEntry &e )
    {
      return QStringLiteral( "%1 %2 %3 signed by %4\n" ).arg( e.id, 4 ).arg( e.kind, -11 ).arg( terminalSafe( ledger::label( e ).section( QLatin1Char( '(' ), 1 ).chopped( 1 ) ),
             terminalSafe( e.signerParty ) );
    }

    int list( const QCommandLineParser &parser, WorkspaceStore &ws, QTextStream &out )
    {
      for ( const LedgerEntry &e : ws.ledger( parser.value( QStringLiteral( "segment" ) ) ) )
      {
        if ( e.kind != QLatin1String( "decision" ) )
        {
          out << otherLine( e );
          continue;
        }
        QStringList signed_;
        for ( auto it = e.input.signatories.cbegin(); it != e.input.signatories.cend(); ++it )
          signed_ << QStringLiteral( "%1: %2" ).arg( it.key(), it.value().join( QLatin1String( ", " ) ) );
        // every field as someone typed it: shown escaped, never as terminal controls
        out << QStringLiteral( "%1 %2 %3 %4 %5%6 [%7]%8\n" ).arg( e.id, 4 ).arg( terminalSafe( e.input.segment ), -8 ).arg( e.input.meetingDate.toString( Qt::ISODate ) )
            .arg( terminalSafe( e.input.protocol ), -10 ).arg( terminalSafe( e.input.decision ) ).arg( e.input.supersedes >= 0 ? QStringLiteral( " (supersedes %1)" ).arg( e.input.supersedes ) : QString() )
            .arg( terminalSafe( signed_.join( QLatin1String( "; " ) ) ) ).arg( e.input.place.isEmpty() ? QString() : QStringLiteral( " at " ) + terminalSafe( e.input.place ) );
      }
      return 0;
    }
  }

  QString LedgerCommand::summary() const
  {
    return QStringLiteral( "Record, countersign and list the commission's decisions per segment (append-only, hash-chained, signed)" );
  }

  void LedgerCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addPositionalArgument( QStringLiteral( "ACTION" ), QStringLiteral( "add, list or sign (countersign an entry)" ) );
    parser.addPositionalArgument( QStringLiteral( "TARGET" ), QStringLiteral( "The workspace: a .gpkg file or a PostgreSQL connection." ) );
    parser.addOptions( {
      { "segment", "The segment code (add: required; list: only this segment).", "CODE" },
      { "protocol", "Protocol number.", "NUMBER" },
      { "date", "Meeting date, YYYY-MM-DD (not in the future).", "DATE" },
      { "place", "Meeting place.", "PLACE" },
      { "decision", "agreed, disputed, deferred or referred (to a working group).", "DECISION" },
      { "agreed-version", "Name of the line version agreed.", "NAME" },
      { "position", "A party's position, PARTY=TEXT (repeatable).", "PARTY=TEXT" },
      { "signatory", "A signatory, PARTY=NAME (repeatable); 'agreed' needs one of every party.", "PARTY=NAME" },
      { "attachment", "A file attached to the entry; its SHA-256 is recorded (repeatable).", "PATH" },
      { "supersedes", "The id of the entry this one corrects.", "ID" },
      { "author", "Who records (default: $LIMES_AUTHOR, else the login name).", "NAME" },
      { "entry", "sign: the id of the decision to countersign.", "ID" },
    } );
    parser.addOptions( signingOptions() );
  }

  int LedgerCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    const QStringList args = positional( parser, 2, 2 );
    // the same ledger in a GeoPackage or in the shared PostgreSQL workspace
    const auto ws = openStore( args[1] );
    if ( args[0] == QLatin1String( "add" ) )
      return add( parser, *ws, out );
    if ( args[0] == QLatin1String( "list" ) )
      return list( parser, *ws, out );
    if ( args[0] == QLatin1String( "sign" ) )
      return sign( parser, *ws, out );
    throw Error( QStringLiteral( "unknown action '%1' (add, list, sign)" ).arg( args[0] ) );
  }
}
