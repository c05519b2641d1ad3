#include "workspacecommand.h"
#include "error.h"
#include "layersource.h"
#include "pgworkspace.h"
#include "workspace.h"

#include <QDate>
#include <QFile>

#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

namespace limes::cli
{
  namespace
  {
    //! PARTY=TEXT pairs, as --position and --signatory take them.
    QMap<QString, QStringList> pairs( const QStringList &values, const char *option )
    {
      QMap<QString, QStringList> map;
      for ( const QString &v : values )
      {
        const int eq = v.indexOf( QLatin1Char( '=' ) );
        if ( eq <= 0 || eq == v.size() - 1 )
          throw Error( QStringLiteral( "--%1 takes PARTY=TEXT (got '%2')" ).arg( QLatin1String( option ), v ) );
        map[v.left( eq ).trimmed()] << v.mid( eq + 1 ).trimmed();
      }
      return map;
    }

    QString required( const QCommandLineParser &parser, const char *option )
    {
      if ( !parser.isSet( QLatin1String( option ) ) || parser.value( QLatin1String( option ) ).trimmed().isEmpty() )
        throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( option ) ) );
      return parser.value( QLatin1String( option ) ).trimmed();
    }

    /**
     * Segments from a line layer, in feature order: the code, and where the layer has them
     * `seq`, `chainage_from_m`, `chainage_to_m`, `from_point` and `to_point`.
     */
    QList<Segment> segmentsFrom( const QString &spec, const QString &field )
    {
      const auto layer = LayerSource( spec ).open();
      const QgsFields fields = layer->fields();
      const int code = fields.lookupField( field );
      if ( code < 0 )
        throw Error( QStringLiteral( "no field '%1' with the segment code" ).arg( field ), spec );
      const int seq = fields.lookupField( QStringLiteral( "seq" ) );
      const int from = fields.lookupField( QStringLiteral( "chainage_from_m" ) ), to = fields.lookupField( QStringLiteral( "chainage_to_m" ) );
      const int fromPoint = fields.lookupField( QStringLiteral( "from_point" ) ), toPoint = fields.lookupField( QStringLiteral( "to_point" ) );
      QList<Segment> list;
      QgsFeature f;
      QgsFeatureIterator it = layer->getFeatures( QgsFeatureRequest().addOrderBy( QStringLiteral( "$id" ) ) );
      auto number = [&]( int field ) { return field >= 0 && !f.attribute( field ).isNull() ? f.attribute( field ).toDouble() : std::numeric_limits<double>::quiet_NaN(); };
      auto text = [&]( int field ) { return field >= 0 && !f.attribute( field ).isNull() ? f.attribute( field ).toString() : QString(); };
      while ( it.nextFeature( f ) )
        list << Segment{ f.attribute( code ).toString(), seq >= 0 ? f.attribute( seq ).toInt() : list.size() + 1, number( from ), number( to ), text( fromPoint ), text( toPoint ) };
      return list;
    }

    void addSegmentsFrom( Workspace &ws, const QString &spec, const QString &field )
    {
      for ( const Segment &segment : segmentsFrom( spec, field ) )
        ws.addSegment( segment );
    }
  }

  namespace
  {
    //! The same report for a GeoPackage and a PostgreSQL workspace.
    void printInfo( QTextStream &out, const QString &title, const QList<Party> &parties, const QStringList &segments, const QMap<QString, QString> &status,
                    const QList<LineVersion> &versions, long long pillars, const QStringList &changes, long long ledger, long long accepted )
    {
      out << title << "\n\nParties\n";
      for ( const Party &p : parties )
        out << QStringLiteral( "  %1 %2\n" ).arg( p.code, -6 ).arg( p.name );
      out << "\nSegments\n";
      for ( const QString &code : segments )
        out << QStringLiteral( "  %1 %2\n" ).arg( code, -10 ).arg( status.value( code ) );
      out << "\nLine versions\n";
      for ( const LineVersion &v : versions )
        out << QStringLiteral( "  %1 %2 %3 lines, %4 left, %5 right%6%7\n" ).arg( v.name, -24 ).arg( v.kind, -10 ).arg( v.parts, 5 ).arg( v.leftParty, v.rightParty )
            .arg( v.date.isValid() ? QStringLiteral( ", " ) + v.date.toString( Qt::ISODate ) : QString() )
            .arg( v.rowVersion > 0 ? QStringLiteral( " (row version %1)" ).arg( v.rowVersion ) : QString() );
      out << QStringLiteral( "\nPillars: %1; stored change results: %2\n" ).arg( pillars ).arg( changes.size() );
      for ( const QString &c : changes )
        out << QStringLiteral( "  %1\n" ).arg( c );
      out << QStringLiteral( "Ledger: %1 entries; accepted validation findings: %2\n" ).arg( ledger ).arg( accepted );
    }

    LineVersion versionFrom( const QCommandLineParser &parser )
    {
      LineVersion v;
      v.name = required( parser, "name" );
      v.kind = required( parser, "kind" );
      v.leftParty = required( parser, "left" );
      v.rightParty = required( parser, "right" );
      v.source = required( parser, "source" );
      v.notes = parser.value( QStringLiteral( "notes" ) );
      v.author = author( parser );
      if ( parser.isSet( QStringLiteral( "date" ) ) )
      {
        v.date = QDate::fromString( parser.value( QStringLiteral( "date" ) ), Qt::ISODate );
        if ( !v.date.isValid() )
          throw Error( QStringLiteral( "--date: not a date YYYY-MM-DD: '%1'" ).arg( parser.value( QStringLiteral( "date" ) ) ) );
      }
      return v;
    }

    AcceptedException findingFrom( const QCommandLineParser &parser )
    {
      bool ok = false;
      const long long fid = required( parser, "fid" ).toLongLong( &ok );
      if ( !ok )
        throw Error( QStringLiteral( "--fid: not a feature id: '%1'" ).arg( parser.value( QStringLiteral( "fid" ) ) ) );
      return AcceptedException{ required( parser, "rule" ), required( parser, "layer" ), fid, required( parser, "reason" ) };
    }
  }

  QString author( const QCommandLineParser &parser )
  {
    QString name = parser.value( QStringLiteral( "author" ) ).trimmed();
    if ( name.isEmpty() )
      name = qEnvironmentVariable( "LIMES_AUTHOR" ).trimmed();
    if ( name.isEmpty() )
      name = qEnvironmentVariable( "USER" ).trimmed();
    if ( name.isEmpty() )
      throw Error( QStringLiteral( "who is writing? give --author NAME (or set LIMES_AUTHOR)" ) );
    return name;
  }

  QString WorkspaceCommand::summary() const
  {
    return QStringLiteral( "Create, inspect and verify a commission workspace (GeoPackage): parties, segments, ledger" );
  }

  void WorkspaceCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addPositionalArgument( QStringLiteral( "ACTION" ), QStringLiteral( "init, info, verify, add-party, add-segments, import-version, import-pillars or accept-finding" ) );
    parser.addPositionalArgument( QStringLiteral( "TARGET" ), QStringLiteral( "The workspace, a .gpkg file." ) );
    parser.addOptions( {
      { "party", "init: a party as CODE=Name (repeatable).", "CODE=NAME" },
      { "segments", "init, add-segments: segment lines whose codes to register.", "SRC" },
      { "segment-field", "Attribute of --segments holding the code (default: code).", "FIELD", "code" },
      { "code", "add-party: the party code, e.g. TJ.", "CODE" },
      { "name", "add-party: the party's name; import-version: the version's name.", "NAME" },
      { "local-name", "add-party: the name in the party's language.", "NAME" },
      { "colour", "add-party: map colour, e.g. #1a9850.", "COLOUR" },
      { "rule", "accept-finding: the rule id.", "ID" },
      { "layer", "accept-finding: the layer the finding is about.", "NAME" },
      { "fid", "accept-finding: the feature id (-1 for the layer).", "FID" },
      { "reason", "accept-finding: why the commission accepts it.", "TEXT" },
      { "author", "Who writes (default: $LIMES_AUTHOR, else the login name).", "NAME" },
      { "kind", "import-version: historical, claim, draft, agreed or ratified.", "KIND" },
      { "source", "import-version, import-pillars: the layer to import.", "SRC" },
      { "left", "import-version: party on the left of the digitized direction.", "PARTY" },
      { "right", "import-version: party on the right of the digitized direction.", "PARTY" },
      { "date", "import-version: date of the version, YYYY-MM-DD.", "DATE" },
      { "notes", "import-version: notes.", "TEXT" },
      { "owner", "import-version, PostgreSQL: the party whose claim it is (default: your delegation's).", "PARTY" },
      { "row-version", "set-notes, PostgreSQL: the row version you read (limes workspace info shows it).", "N" },
      { "number-field", "import-pillars: attribute with the pillar number (default: number).", "FIELD", "number" },
    } );
  }

  int WorkspaceCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    const QStringList args = positional( parser, 2, 3 );
    const QString action = args[0], target = args[1];
    if ( action == QLatin1String( "export" ) )
    {
      if ( args.size() < 3 )
        throw Error( QStringLiteral( "export needs the GeoPackage to write: limes workspace export TARGET OUT.gpkg" ) );
      if ( !PgWorkspace::isConnection( target ) )
        throw Error( QStringLiteral( "export takes a PostgreSQL workspace; a GeoPackage workspace is already one file" ), target );
      PgWorkspace::open( target )->exportTo( args[2] );
      const auto snapshot = Workspace::open( args[2] );
      out << QStringLiteral( "Exported %1 to %2 (%3 versions, %4 pillars, %5 ledger entries; chain intact)\n" )
          .arg( PgWorkspace::describe( target ), args[2] ).arg( snapshot->versions().size() ).arg( snapshot->pillarCount() ).arg( snapshot->ledger().size() );
      return 0;
    }
    if ( args.size() > 2 )
      throw Error( QStringLiteral( "unexpected argument '%1' (see --help)" ).arg( args[2] ) );
    if ( PgWorkspace::isConnection( target ) && action == QLatin1String( "verify" ) )
    {
      const VerifyReport report = PgWorkspace::open( target )->verify();
      for ( const QString &p : report.problems )
        out << QStringLiteral( "TAMPERED: %1\n" ).arg( p );
      out << QStringLiteral( "%1: %2 ledger entries, %3\n" ).arg( PgWorkspace::describe( target ) ).arg( report.entries ).arg( report.clean() ? QStringLiteral( "chain intact" ) : QStringLiteral( "%1 problems" ).arg( report.problems.size() ) );
      return report.clean() ? 0 : 1;
    }
    if ( PgWorkspace::isConnection( target ) && action != QLatin1String( "init" ) )
    {
      const auto pg = PgWorkspace::open( target );
      if ( action == QLatin1String( "info" ) )
      {
        printInfo( out, QStringLiteral( "Workspace in %1" ).arg( pg->describe() ), pg->parties(), pg->segments(), pg->segmentStatus(), pg->versions(),
                   pg->pillarCount(), {}, pg->ledger().size(), pg->acceptedFindings().size() );
        return 0;
      }
      if ( action == QLatin1String( "import-version" ) )
      {
        const LineVersion v = versionFrom( parser );
        const auto layer = LayerSource( v.source ).open();
        const LineVersion stored = pg->importVersion( v, layer.get(), v.source, parser.value( QStringLiteral( "owner" ) ) );
        out << QStringLiteral( "Imported version %1 (%2, %3 lines; %4 left, %5 right)\n" ).arg( stored.name, stored.kind ).arg( stored.parts ).arg( stored.leftParty, stored.rightParty );
        return 0;
      }
      if ( action == QLatin1String( "accept-finding" ) )
      {
        const AcceptedException x = findingFrom( parser );
        pg->acceptFinding( x, author( parser ) );
        out << QStringLiteral( "Accepted %1 on %2 feature %3\n" ).arg( x.rule, x.layer ).arg( x.fid );
        return 0;
      }
      if ( action == QLatin1String( "add-party" ) )
      {
        pg->addParty( Party{ required( parser, "code" ), required( parser, "name" ), parser.value( QStringLiteral( "local-name" ) ), parser.value( QStringLiteral( "colour" ) ) } );
        out << QStringLiteral( "Added party %1 (role limes_party_%2)\n" ).arg( parser.value( QStringLiteral( "code" ) ), parser.value( QStringLiteral( "code" ) ).toLower() );
        return 0;
      }
      if ( action == QLatin1String( "add-segments" ) )
      {
        const int before = pg->segments().size();
        for ( const Segment &segment : segmentsFrom( required( parser, "segments" ), parser.value( QStringLiteral( "segment-field" ) ) ) )
          pg->addSegment( segment );
        out << QStringLiteral( "Added %1 segments\n" ).arg( pg->segments().size() - before );
        return 0;
      }
      if ( action == QLatin1String( "import-pillars" ) )
      {
        const QString spec = required( parser, "source" );
        const auto layer = LayerSource( spec ).open();
        const long long n = pg->importPillars( layer.get(), spec, parser.value( QStringLiteral( "number-field" ) ), author( parser ) );
        out << QStringLiteral( "Imported %1 pillars (%2 in the workspace)\n" ).arg( n ).arg( pg->pillarCount() );
        return 0;
      }
      if ( action == QLatin1String( "set-notes" ) )
      {
        bool ok = false;
        const int expected = required( parser, "row-version" ).toInt( &ok );
        if ( !ok )
          throw Error( QStringLiteral( "--row-version: not a number: '%1'" ).arg( parser.value( QStringLiteral( "row-version" ) ) ) );
        const int now = pg->setVersionNotes( required( parser, "name" ), parser.value( QStringLiteral( "notes" ) ), expected );
        out << QStringLiteral( "Version %1: notes changed (row version %2)\n" ).arg( parser.value( QStringLiteral( "name" ) ) ).arg( now );
        return 0;
      }
      throw Error( QStringLiteral( "'%1' does not work on a PostgreSQL workspace yet: export it to a GeoPackage for that" ).arg( action ), pg->describe() );
    }
    if ( PgWorkspace::isConnection( target ) )
    {
      QList<Party> parties;
      for ( const auto &[code, names] : pairs( parser.values( QStringLiteral( "party" ) ), "party" ).toStdMap() )
        parties << Party{ code, names.first(), QString(), QString() };
      QList<Segment> segments;
      if ( parser.isSet( QStringLiteral( "segments" ) ) )
        segments = segmentsFrom( parser.value( QStringLiteral( "segments" ) ), parser.value( QStringLiteral( "segment-field" ) ) );
      PgWorkspace::create( target, parties, segments );
      out << QStringLiteral( "Created workspace in %1 (%2 parties with their delegation roles, %3 segments)\n" ).arg( PgWorkspace::describe( target ) ).arg( parties.size() ).arg( segments.size() );
      return 0;
    }
    if ( action == QLatin1String( "init" ) )
    {
      Workspace::create( target );
      try
      {
        auto ws = Workspace::open( target );
        for ( const auto &[code, names] : pairs( parser.values( QStringLiteral( "party" ) ), "party" ).toStdMap() )
          ws->addParty( Party{ code, names.first(), QString(), QString() } );
        if ( parser.isSet( QStringLiteral( "segments" ) ) )
          addSegmentsFrom( *ws, parser.value( QStringLiteral( "segments" ) ), parser.value( QStringLiteral( "segment-field" ) ) );
        out << QStringLiteral( "Created workspace %1 (%2 parties, %3 segments)\n" ).arg( target ).arg( ws->parties().size() ).arg( ws->segments().size() );
      }
      catch ( ... )
      {
        QFile::remove( target ); // a half-initialised workspace is no workspace
        throw;
      }
      return 0;
    }
    auto ws = Workspace::open( target );
    if ( action == QLatin1String( "info" ) )
    {
      QStringList changes;
      for ( const StoredChange &c : ws->storedChanges() )
        changes << QStringLiteral( "%1 -> %2 (%3, %4)" ).arg( c.oldVersion, c.newVersion, c.recordedUtc, c.author );
      printInfo( out, QStringLiteral( "Workspace %1 (schema %2)" ).arg( target ).arg( ws->schemaVersion() ), ws->parties(), ws->segments(), ws->segmentStatus(),
                 ws->versions(), ws->pillarCount(), changes, ws->ledger().size(), ws->acceptedFindings().size() );
      return 0;
    }
    if ( action == QLatin1String( "verify" ) )
    {
      const VerifyReport report = ws->verify();
      for ( const QString &p : report.problems )
        out << QStringLiteral( "TAMPERED: %1\n" ).arg( p );
      out << QStringLiteral( "%1: %2 ledger entries, %3\n" ).arg( target ).arg( report.entries ).arg( report.clean() ? QStringLiteral( "chain intact" ) : QStringLiteral( "%1 problems" ).arg( report.problems.size() ) );
      return report.clean() ? 0 : 1;
    }
    if ( action == QLatin1String( "add-party" ) )
    {
      ws->addParty( Party{ required( parser, "code" ), required( parser, "name" ), parser.value( QStringLiteral( "local-name" ) ), parser.value( QStringLiteral( "colour" ) ) } );
      out << QStringLiteral( "Added party %1\n" ).arg( parser.value( QStringLiteral( "code" ) ) );
      return 0;
    }
    if ( action == QLatin1String( "add-segments" ) )
    {
      const int before = ws->segments().size();
      addSegmentsFrom( *ws, required( parser, "segments" ), parser.value( QStringLiteral( "segment-field" ) ) );
      out << QStringLiteral( "Added %1 segments\n" ).arg( ws->segments().size() - before );
      return 0;
    }
    if ( action == QLatin1String( "import-version" ) )
    {
      const LineVersion v = versionFrom( parser );
      const auto layer = LayerSource( v.source ).open();
      const LineVersion stored = ws->importVersion( v, layer.get(), v.source );
      out << QStringLiteral( "Imported version %1 (%2, %3 lines; %4 left, %5 right)\n" ).arg( stored.name, stored.kind ).arg( stored.parts ).arg( stored.leftParty, stored.rightParty );
      return 0;
    }
    if ( action == QLatin1String( "import-pillars" ) )
    {
      const QString spec = required( parser, "source" );
      const auto layer = LayerSource( spec ).open();
      PillarFields fields;
      fields.number = parser.value( QStringLiteral( "number-field" ) );
      const long long n = ws->importPillars( layer.get(), spec, fields, author( parser ) );
      out << QStringLiteral( "Imported %1 pillars (%2 in the workspace)\n" ).arg( n ).arg( ws->pillarCount() );
      return 0;
    }
    if ( action == QLatin1String( "accept-finding" ) )
    {
      const AcceptedException x = findingFrom( parser );
      ws->acceptFinding( x, author( parser ) );
      out << QStringLiteral( "Accepted %1 on %2 feature %3\n" ).arg( x.rule, x.layer ).arg( x.fid );
      return 0;
    }
    throw Error( QStringLiteral( "unknown action '%1' (init, info, verify, add-party, add-segments, import-version, import-pillars, accept-finding)" ).arg( action ) );
  }

  QString LedgerCommand::summary() const
  {
    return QStringLiteral( "Record and list the commission's decisions per segment (append-only, hash-chained)" );
  }

  void LedgerCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addPositionalArgument( QStringLiteral( "ACTION" ), QStringLiteral( "add or list" ) );
    parser.addPositionalArgument( QStringLiteral( "TARGET" ), QStringLiteral( "The workspace, a .gpkg file." ) );
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
    } );
  }

  int LedgerCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    const QStringList args = positional( parser, 2, 2 );
    const QString action = args[0], target = args[1];
    // the same ledger in a GeoPackage or in the shared PostgreSQL workspace
    std::unique_ptr<Workspace> file;
    std::unique_ptr<PgWorkspace> shared;
    if ( PgWorkspace::isConnection( target ) )
      shared = PgWorkspace::open( target );
    else
      file = Workspace::open( target );
    auto add = [&]( const LedgerEntryInput &in ) { return shared ? shared->addLedgerEntry( in ) : file->addLedgerEntry( in ); };
    auto list = [&]( const QString &segment ) { return shared ? shared->ledger( segment ) : file->ledger( segment ); };
    if ( action == QLatin1String( "add" ) )
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
        if ( !ok )
          throw Error( QStringLiteral( "--supersedes: not an entry id: '%1'" ).arg( parser.value( QStringLiteral( "supersedes" ) ) ) );
      }
      in.author = author( parser );
      const LedgerEntry e = add( in );
      out << QStringLiteral( "Recorded entry %1: %2 %3 (protocol %4, %5), hash %6\n" ).arg( e.id ).arg( in.segment, in.decision, in.protocol, in.meetingDate.toString( Qt::ISODate ), e.hash.left( 16 ) );
      return 0;
    }
    if ( action == QLatin1String( "list" ) )
    {
      for ( const LedgerEntry &e : list( parser.value( QStringLiteral( "segment" ) ) ) )
      {
        QStringList signed_;
        for ( auto it = e.input.signatories.cbegin(); it != e.input.signatories.cend(); ++it )
          signed_ << QStringLiteral( "%1: %2" ).arg( it.key(), it.value().join( QLatin1String( ", " ) ) );
        out << QStringLiteral( "%1 %2 %3 %4 %5%6 [%7]%8\n" ).arg( e.id, 4 ).arg( e.input.segment, -8 ).arg( e.input.meetingDate.toString( Qt::ISODate ) )
            .arg( e.input.protocol, -10 ).arg( e.input.decision ).arg( e.input.supersedes >= 0 ? QStringLiteral( " (supersedes %1)" ).arg( e.input.supersedes ) : QString() )
            .arg( signed_.join( QLatin1String( "; " ) ) ).arg( e.input.place.isEmpty() ? QString() : QStringLiteral( " at " ) + e.input.place );
      }
      return 0;
    }
    throw Error( QStringLiteral( "unknown action '%1' (add, list)" ).arg( action ) );
  }
}
