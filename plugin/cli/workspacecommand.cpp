// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspacecommand.h"
#include "surveyactions.h"
#include "splitaction.h"
#include "error.h"
#include "geometry/edges.h"
#include "layersource.h"
#include "terminal.h"
#include "validation/validation.h"
#include "workspace/verify.h"

#include <QDate>
#include <QFile>

#include <qgsvectorlayer.h>

namespace limes::cli
{
  namespace
  {
    //! One `limes workspace` action: the positional arguments are ACTION TARGET [more].
    struct Action
    {
      const char *name;
      int arguments;  //!< positional arguments it takes, ACTION and TARGET included
      int ( *run )( const QCommandLineParser &parser, const QStringList &args, QTextStream &out );
    };

    void printInfo( QTextStream &out, const WorkspaceInfo &info )
    {
      // names and notes as someone typed them: shown escaped, never as terminal controls
      out << terminalSafe( info.title ) << "\n\nParties\n";
      for ( const Party &p : info.parties )
        out << QStringLiteral( "  %1 %2\n" ).arg( terminalSafe( p.code ), -6 ).arg( terminalSafe( p.name ) );
      out << "\nSegments\n";
      for ( const QString &code : info.segments )
        out << QStringLiteral( "  %1 %2\n" ).arg( terminalSafe( code ), -10 ).arg( terminalSafe( info.status.value( code ) ) );
      out << "\nLine versions\n";
      for ( const LineVersion &v : info.versions )
        out << QStringLiteral( "  %1 %2 %3 lines, %4 left, %5 right%6%7" ).arg( terminalSafe( v.name ), -24 ).arg( terminalSafe( v.kind ), -10 ).arg( v.parts, 5 ).arg( terminalSafe( v.leftParty ), terminalSafe( v.rightParty ) )
            .arg( v.date.isValid() ? QStringLiteral( ", " ) + v.date.toString( Qt::ISODate ) : QString() )
            .arg( v.rowVersion > 0 ? QStringLiteral( " (row version %1)" ).arg( v.rowVersion ) : QString() )
            + ( v.edges.isEmpty() ? QString() : QStringLiteral( ", edges %1" ).arg( terminalSafe( v.edges ) ) ) + QLatin1Char( '\n' );
      out << QStringLiteral( "\nPillars: %1; stored change results: %2\n" ).arg( info.pillars ).arg( info.changes.size() );
      for ( const StoredChange &c : info.changes )
        out << QStringLiteral( "  %1 -> %2 (%3, %4)\n" ).arg( terminalSafe( c.oldVersion ), terminalSafe( c.newVersion ), c.recordedUtc, terminalSafe( c.author ) );
      out << QStringLiteral( "Ledger: %1 entries; accepted validation findings: %2\n" ).arg( info.ledgerEntries ).arg( info.acceptedFindings );
      out << "\nKeys\n";
      for ( const RegisteredKey &k : info.keys )
        out << QStringLiteral( "  %1 %2 %3 (entry %4%5)\n" ).arg( terminalSafe( k.party ), -12 ).arg( terminalSafe( k.fingerprint ), terminalSafe( k.holder ) ).arg( k.registeredIn )
            .arg( k.revokedIn >= 0 ? QStringLiteral( ", revoked in entry %1" ).arg( k.revokedIn ) : QString() );
      if ( info.keys.isEmpty() )
        out << "  none registered: limes workspace register-key\n";
    }

    //! --trust PARTY=FINGERPRINT (repeatable) and the lines of --trust-file.
    VerifyOptions verifyOptions( const QCommandLineParser &parser )
    {
      VerifyOptions options;
      QStringList trust = parser.values( QStringLiteral( "trust" ) );
      if ( parser.isSet( QStringLiteral( "trust-file" ) ) )
      {
        QFile file( parser.value( QStringLiteral( "trust-file" ) ) );
        if ( !file.open( QIODevice::ReadOnly ) )
          throw Error( QStringLiteral( "cannot read the trusted keys: %1" ).arg( file.errorString() ), file.fileName() );
        for ( const QString &line : QString::fromUtf8( file.readAll() ).split( QLatin1Char( '\n' ) ) )
          if ( !line.trimmed().isEmpty() && !line.trimmed().startsWith( QLatin1Char( '#' ) ) )
            trust << line.trimmed();
      }
      const QMap<QString, QStringList> byParty = pairs( trust, "trust" );
      for ( auto it = byParty.cbegin(); it != byParty.cend(); ++it )
        for ( const QString &fingerprint : it.value() )
        {
          if ( !fingerprint.startsWith( QLatin1String( "SHA256:" ) ) || fingerprint.size() != 71 )
            throw Error( QStringLiteral( "--trust takes PARTY=SHA256:<64 hex digits>, as limes key generate prints it (got '%1')" ).arg( fingerprint ) );
          options.trusted[it.key()] << fingerprint;
        }
      if ( parser.isSet( QStringLiteral( "expect-head" ) ) )
        ledger::parseExpectedHead( parser.value( QStringLiteral( "expect-head" ) ), options );
      return options;
    }

    int init( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      QList<Party> parties;
      for ( const auto &[code, names] : pairs( parser.values( QStringLiteral( "party" ) ), "party" ).toStdMap() )
        parties << Party{ code, names.first(), QString(), QString() };
      QList<Segment> segments;
      if ( parser.isSet( QStringLiteral( "segments" ) ) )
        segments = segmentsFrom( parser.value( QStringLiteral( "segments" ) ), parser.value( QStringLiteral( "segment-field" ) ) );
      const auto ws = createWorkspace( args[1], parties, segments, transformContext() );
      const bool roles = ws->capabilities().testFlag( WorkspaceStore::Capability::PartyRoles );
      out << QStringLiteral( "Created workspace %1 (%2 parties%3, %4 segments)\n" )
          .arg( ws->place() ).arg( ws->parties().size() ).arg( roles ? QStringLiteral( " with their delegation roles" ) : QString() ).arg( ws->segments().size() );
      return 0;
    }

    int info( const QCommandLineParser &, const QStringList &args, QTextStream &out )
    {
      printInfo( out, openStore( args[1] )->info() );
      return 0;
    }

    int verify( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const VerifyOptions options = verifyOptions( parser );
      const auto ws = openStore( args[1] );
      const VerifyReport report = ws->verify( options );
      for ( const QString &p : report.problems )
        out << QStringLiteral( "TAMPERED: %1\n" ).arg( terminalSafe( p ) );
      for ( const QString &n : report.notes )
        out << QStringLiteral( "note: %1\n" ).arg( terminalSafe( n ) );
      out << QStringLiteral( "%1: %2 ledger entries, %3\n" ).arg( ws->describe() ).arg( report.entries )
          .arg( report.clean() ? QStringLiteral( "chain intact" ) : QStringLiteral( "%1 problems" ).arg( report.problems.size() ) );
      return report.clean() ? 0 : 1;
    }

    int exportWorkspace( const QCommandLineParser &, const QStringList &args, QTextStream &out )
    {
      if ( args.size() < 3 )
        throw Error( QStringLiteral( "export needs the GeoPackage to write: limes workspace export TARGET OUT.gpkg" ) );
      const auto ws = openStore( args[1] );
      ws->exportTo( args[2] );
      const auto snapshot = openStore( args[2] );
      out << QStringLiteral( "Exported %1 to %2 (%3 versions, %4 pillars, %5 ledger entries; chain intact)\n" )
          .arg( ws->describe(), args[2] ).arg( snapshot->versions().size() ).arg( snapshot->pillarCount() ).arg( snapshot->ledger().size() );
      return 0;
    }

    int addParty( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const auto ws = openStore( args[1] );
      const Party party{ required( parser, "code" ), required( parser, "name" ), parser.value( QStringLiteral( "local-name" ) ), parser.value( QStringLiteral( "colour" ) ) };
      ws->addParty( party );
      const QString role = ws->partyRole( party.code );
      out << QStringLiteral( "Added party %1%2\n" ).arg( terminalSafe( party.code ), role.isEmpty() ? QString() : QStringLiteral( " (role %1)" ).arg( terminalSafe( role ) ) );
      return 0;
    }

    int addSegments( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const auto ws = openStore( args[1] );
      const QList<Segment> segments = segmentsFrom( required( parser, "segments" ), parser.value( QStringLiteral( "segment-field" ) ) );
      ws->addSegments( segments );
      out << QStringLiteral( "Added %1 segments\n" ).arg( segments.size() );
      return 0;
    }

    int importVersion( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const auto ws = openStore( args[1] );
      LineVersion v;
      v.name = required( parser, "name" );
      v.kind = required( parser, "kind" );
      v.leftParty = required( parser, "left" );
      v.rightParty = required( parser, "right" );
      v.source = required( parser, "source" );
      v.notes = parser.value( QStringLiteral( "notes" ) );
      v.author = author( parser );
      v.ownerParty = parser.value( QStringLiteral( "owner" ) );
      if ( parser.isSet( QStringLiteral( "edges" ) ) ) // as the treaty defines them; recorded and sealed with the lines
        v.edges = EdgeInterpretation::parse( parser.value( QStringLiteral( "edges" ) ) ).name();
      if ( parser.isSet( QStringLiteral( "date" ) ) )
      {
        v.date = QDate::fromString( parser.value( QStringLiteral( "date" ) ), Qt::ISODate );
        if ( !v.date.isValid() )
          throw Error( QStringLiteral( "--date: not a date YYYY-MM-DD: '%1'" ).arg( parser.value( QStringLiteral( "date" ) ) ) );
      }
      const auto layer = LayerSource( v.source ).open();
      const LineVersion stored = ws->importVersion( v, layer.get(), v.source, signingKey( parser ) );
      out << QStringLiteral( "Imported version %1 (%2, %3 lines; %4 left, %5 right%6)\n" ).arg( terminalSafe( stored.name ), terminalSafe( stored.kind ) ).arg( stored.parts )
          .arg( terminalSafe( stored.leftParty ), terminalSafe( stored.rightParty ), stored.edges.isEmpty() ? QString() : QStringLiteral( "; edges " ) + stored.edges );
      return 0;
    }

    int importPillars( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const auto ws = openStore( args[1] );
      const QString spec = required( parser, "source" );
      const auto layer = LayerSource( spec ).open();
      PillarFields fields;
      fields.number = parser.value( QStringLiteral( "number-field" ) );
      const long long n = ws->importPillars( layer.get(), spec, fields, author( parser ), signingKey( parser ) );
      out << QStringLiteral( "Imported %1 pillars (%2 in the workspace)\n" ).arg( n ).arg( ws->pillarCount() );
      return 0;
    }

    int acceptFinding( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const auto ws = openStore( args[1] );
      bool ok = false;
      const long long fid = required( parser, "fid" ).toLongLong( &ok );
      if ( !ok )
        throw Error( QStringLiteral( "--fid: not a feature id: '%1'" ).arg( parser.value( QStringLiteral( "fid" ) ) ) );
      const AcceptedFinding x{ required( parser, "rule" ), required( parser, "layer" ), fid, required( parser, "reason" ), author( parser ) };
      ws->acceptFinding( x, Validator::allRules(), signingKey( parser ) );
      out << QStringLiteral( "Accepted %1 on %2 feature %3\n" ).arg( terminalSafe( x.rule ), terminalSafe( x.layer ) ).arg( x.fid );
      return 0;
    }

    int setNotes( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const auto ws = openStore( args[1] );
      bool ok = false;
      const int expected = required( parser, "row-version" ).toInt( &ok );
      if ( !ok )
        throw Error( QStringLiteral( "--row-version: not a number: '%1'" ).arg( parser.value( QStringLiteral( "row-version" ) ) ) );
      const int now = ws->setVersionNotes( required( parser, "name" ), parser.value( QStringLiteral( "notes" ) ), expected );
      out << QStringLiteral( "Version %1: notes changed (row version %2)\n" ).arg( terminalSafe( parser.value( QStringLiteral( "name" ) ) ) ).arg( now );
      return 0;
    }

    int head( const QCommandLineParser &, const QStringList &args, QTextStream &out )
    {
      // one line for paper, and what --expect-head takes
      const LedgerHead h = openStore( args[1] )->head();
      out << QStringLiteral( "%1:%2\n" ).arg( h.entries ).arg( h.hash );
      return 0;
    }

    QString entryLine( const LedgerEntry &e )
    {
      return QStringLiteral( "%1, %2 by %3" ).arg( terminalSafe( ledger::label( e ) ), e.recordedUtc, terminalSafe( e.input.author ) );
    }

    int compare( const QCommandLineParser &, const QStringList &args, QTextStream &out )
    {
      if ( args.size() < 3 )
        throw Error( QStringLiteral( "compare needs two copies of the workspace: limes workspace compare A B" ) );
      const auto a = openStore( args[1] ), b = openStore( args[2] );
      const QList<LedgerEntry> la = a->ledger();
      const ledger::Comparison c = ledger::compare( a->ledgerRows(), b->ledgerRows() );
      using R = ledger::Comparison::Relation;
      switch ( c.relation )
      {
        case R::Identical:
          out << QStringLiteral( "identical: both hold the same %1 entries, head %2\n" ).arg( c.common ).arg( la.isEmpty() ? ledger::zeroHash() : la.last().hash );
          return 0;
        case R::APrefixOfB:
        case R::BPrefixOfA:
        {
          const bool aShort = c.relation == R::APrefixOfB;
          const QList<LedgerEntry> &more = aShort ? c.onlyB : c.onlyA;
          out << QStringLiteral( "%1 is a prefix of %2: %2 holds %3 entries more (from entry %4)\n" ).arg( aShort ? args[1] : args[2], aShort ? args[2] : args[1] )
              .arg( more.size() ).arg( c.common + 1 );
          for ( const LedgerEntry &e : more )
            out << QStringLiteral( "  + %1\n" ).arg( entryLine( e ) );
          return 1;
        }
        case R::Fork:
          out << QStringLiteral( "fork at entry %1: the copies agree on %2 entries, then differ\n" ).arg( c.common + 1 ).arg( c.common );
          for ( const LedgerEntry &e : c.onlyA )
            out << QStringLiteral( "  A %1\n" ).arg( entryLine( e ) );
          for ( const LedgerEntry &e : c.onlyB )
            out << QStringLiteral( "  B %1\n" ).arg( entryLine( e ) );
          return 1;
      }
      return 1;
    }

    int registerKey( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const QStringList parties = parser.values( QStringLiteral( "party" ) );
      if ( parties.size() != 1 || parties.first().trimmed().isEmpty() )
        throw Error( QStringLiteral( "register-key takes one --party PARTY (a party code, or SECRETARIAT)" ) );
      const crypto::SigningKey key = signingKey( parser );
      std::unique_ptr<crypto::SigningKey> endorser;
      if ( parser.isSet( QStringLiteral( "endorse-key" ) ) )
        endorser = std::make_unique<crypto::SigningKey>( signingKey( parser, "endorse-key" ) );
      const auto ws = openStore( args[1] );
      const LedgerEntry e = ws->registerKey( parties.first().trimmed(), parser.value( QStringLiteral( "holder" ) ), author( parser ), key, endorser.get() );
      out << QStringLiteral( "Registered key %1 for %2 (entry %3)\n" ).arg( key.fingerprint(), terminalSafe( parties.first().trimmed() ) ).arg( e.id );
      return 0;
    }

    int revokeKey( const QCommandLineParser &parser, const QStringList &args, QTextStream &out )
    {
      const QString fingerprint = required( parser, "fingerprint" );
      const QString reason = required( parser, "reason" );
      const crypto::SigningKey key = signingKey( parser );
      const LedgerEntry e = openStore( args[1] )->revokeKey( fingerprint, reason, author( parser ), key );
      out << QStringLiteral( "Revoked key %1 (entry %2)\n" ).arg( terminalSafe( fingerprint ) ).arg( e.id );
      return 0;
    }

    const Action ACTIONS[] = {
      { "init", 2, init }, { "info", 2, info }, { "verify", 2, verify }, { "add-party", 2, addParty }, { "add-segments", 2, addSegments },
      { "import-version", 2, importVersion }, { "import-pillars", 2, importPillars }, { "accept-finding", 2, acceptFinding },
      { "set-notes", 2, setNotes }, { "export", 3, exportWorkspace }, { "head", 2, head }, { "compare", 3, compare },
      { "register-key", 2, registerKey }, { "revoke-key", 2, revokeKey },
      { "survey", 3, surveyPillar }, { "pillars", 3, listPillars },
      { "split", 3, splitSegment },
    };
  }

  QString WorkspaceCommand::summary() const
  {
    return QStringLiteral( "Create, inspect and verify a commission workspace (GeoPackage): parties, segments, ledger" );
  }

  void WorkspaceCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addPositionalArgument( QStringLiteral( "ACTION" ), QStringLiteral( "init, info, verify, head, compare, add-party, add-segments, import-version, import-pillars, "
                                  "accept-finding, register-key, revoke-key, set-notes, export, survey, pillars or split" ) );
    parser.addPositionalArgument( QStringLiteral( "TARGET" ), QStringLiteral( "The workspace, a .gpkg file." ) );
    parser.addOptions( {
      { "party", "init: a party as CODE=Name (repeatable); register-key: the party whose key it is, or SECRETARIAT.", "CODE=NAME" },
      { "segments", "init, add-segments: segment lines whose codes to register.", "SRC" },
      { "segment-field", "Attribute of --segments holding the code (default: code).", "FIELD", "code" },
      { "code", "add-party: the party code, e.g. TJ.", "CODE" },
      { "name", "add-party: the party's name; import-version: the version's name.", "NAME" },
      { "local-name", "add-party: the name in the party's language.", "NAME" },
      { "colour", "add-party: map colour, e.g. #1a9850.", "COLOUR" },
      { "rule", "accept-finding: the rule id.", "ID" },
      { "layer", "accept-finding: the layer the finding is about.", "NAME" },
      { "fid", "accept-finding: the feature id (-1 for the layer).", "FID" },
      { "reason", "accept-finding: why the commission accepts it; revoke-key: why the key is revoked.", "TEXT" },
      { "author", "Who writes (default: $LIMES_AUTHOR, else the login name).", "NAME" },
      { "kind", "import-version: historical, claim, draft, agreed or ratified.", "KIND" },
      { "source", "import-version, import-pillars: the layer to import.", "SRC" },
      { "left", "import-version: party on the left of the digitized direction.", "PARTY" },
      { "right", "import-version: party on the right of the digitized direction.", "PARTY" },
      { "date", "import-version: date of the version; survey: the day of the survey, YYYY-MM-DD.", "DATE" },
      { "notes", "import-version: notes.", "TEXT" },
      { "edges", "import-version: what the treaty makes of an edge between two vertices: geodesic, rhumb, projected (straight in the "
        "working UTM zone) or projected:EPSG:CODE; recorded with the version, and limes change --workspace follows it.", "KIND" },
      { "owner", "import-version, PostgreSQL: the party whose claim it is (default: your delegation's).", "PARTY" },
      { "row-version", "set-notes, PostgreSQL: the row version you read (limes workspace info shows it).", "N" },
      { "number-field", "import-pillars: attribute with the pillar number (default: number).", "FIELD", "number" },
      { "holder", "register-key: who holds the key (a name for the record).", "NAME" },
      { "endorse-key", "register-key: the party's active key, endorsing a new one (rotation).", "FILE" },
      { "fingerprint", "revoke-key: the key to revoke, SHA256:… as registered.", "FINGERPRINT" },
      { "trust", "verify: a key known out of band, PARTY=SHA256:… (repeatable); any other registered key of that party is named.", "PARTY=FINGERPRINT" },
      { "trust-file", "verify: trusted keys, one PARTY=FINGERPRINT a line.", "FILE" },
      { "expect-head", "verify: the entry count and head hash written down earlier (limes workspace head), COUNT:HASH.", "COUNT:HASH" },
    } );
    parser.addOptions( signingOptions() );
    parser.addOptions( surveyOptions() );
    parser.addOptions( splitOptions() );
  }

  int WorkspaceCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    const QStringList args = positional( parser, 2, 3 );
    QStringList names;
    for ( const Action &action : ACTIONS )
    {
      names << QLatin1String( action.name );
      if ( args[0] != QLatin1String( action.name ) )
        continue;
      if ( args.size() > action.arguments )
        throw Error( QStringLiteral( "unexpected argument '%1' (see --help)" ).arg( args[action.arguments] ) );
      return action.run( parser, args, out );
    }
    throw Error( QStringLiteral( "unknown action '%1' (%2)" ).arg( args[0], names.join( QLatin1String( ", " ) ) ) );
  }
}
