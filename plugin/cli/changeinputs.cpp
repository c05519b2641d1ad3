// SPDX-License-Identifier: GPL-2.0-or-later
#include "changeinputs.h"
#include "error.h"
#include "io/pathguard.h"
#include "workspaceoptions.h"

#include <QFileInfo>

namespace limes::cli
{
  namespace
  {
    //! A workspace version as an engine input, named as provenance has always named it.
    OpenedLayer versionInput( const WorkspaceStore &workspace, const LineVersion &version )
    {
      VersionLayer lines = workspace.versionLayer( version );
      OpenedLayer opened;
      opened.layer = std::move( lines.layer );
      opened.input = InputLayer{ opened.layer.get(), version.name, lines.spec, lines.path };
      return opened;
    }

    /**
     * The edges of two workspace versions: what they record (the treaty's interpretation),
     * unless --edges says otherwise; two versions recording different ones need --edges.
     */
    EdgeInterpretation versionsEdges( const QCommandLineParser &parser, const LineVersion &o, const LineVersion &n, const EdgeInterpretation &given, const QString &where )
    {
      if ( parser.isSet( QStringLiteral( "edges" ) ) )
        return given;
      if ( !o.edges.isEmpty() && !n.edges.isEmpty() && o.edges != n.edges )
        throw Error( QStringLiteral( "versions '%1' (edges %2) and '%3' (edges %4) record different edges; say which to compare with --edges" )
                     .arg( o.name, o.edges, n.name, n.edges ), where );
      const QString recorded = o.edges.isEmpty() ? n.edges : o.edges;
      return recorded.isEmpty() ? given : EdgeInterpretation::parse( recorded );
    }

    //! The parameters; the engine's checks bound them (grid, areas, gaps) for Processing too.
    ChangeRequest requestFrom( const QCommandLineParser &parser )
    {
      ChangeRequest request;
      request.leftParty = parser.value( QStringLiteral( "left" ) ).trimmed();
      request.rightParty = parser.value( QStringLiteral( "right" ) ).trimmed();
      request.partyField = parser.value( QStringLiteral( "party-field" ) );
      if ( parser.isSet( QStringLiteral( "parties" ) ) )
        for ( const QString &p : parser.value( QStringLiteral( "parties" ) ).split( QLatin1Char( ',' ), Qt::SkipEmptyParts ) )
          request.knownParties << p.trimmed();
      request.gridM = number( parser, QStringLiteral( "grid" ), 0.001 );
      request.minAreaM2 = number( parser, QStringLiteral( "min-area" ), 0 );
      request.maxEndGapM = number( parser, QStringLiteral( "max-end-gap" ), 1000 );
      request.ellipsoid = parser.value( QStringLiteral( "ellipsoid" ) );
      request.edges = EdgeInterpretation::parse( parser.value( QStringLiteral( "edges" ) ) );
      request.segmentCodeField = parser.value( QStringLiteral( "segment-field" ) );
      // the CLI has no project: PROJ's default operations, plus any default datum
      // transformations in Limes' own settings, as a new QGIS project starts with
      request.transformContext.readSettings();
      return request;
    }
  }

  QList<QCommandLineOption> changeInputOptions( bool segmentCodes )
  {
    const QCommandLineOption segments = segmentCodes
                                        ? QCommandLineOption( QStringLiteral( "segments" ), QStringLiteral( "Segment lines with a code (SRC, required), and, given again as CODE,..., "
                                            "the changed segments to report (a value that names no file or layer is a list of codes)." ), QStringLiteral( "SRC|CODES" ) )
                                        : QCommandLineOption( QStringLiteral( "segments" ), QStringLiteral( "Segment lines with a code, to split the results by segment." ), QStringLiteral( "SRC" ) );
    return {
      { "old", "Old version: a line layer, or a territory (polygon) layer. PATH or PATH|layername=NAME.", "SRC" },
      { "new", "New version, of the same kind as the old one.", "SRC" },
      { "left", "Line versions: party on the left of the digitized direction.", "PARTY" },
      { "right", "Line versions: party on the right of the digitized direction.", "PARTY" },
      { "party-field", "Territory versions: attribute holding the party code.", "FIELD" },
      { "parties", "Known party codes, comma-separated; any other code is refused.", "CODES" },
      { { "water", "resource" }, "Resource layer (rivers, canals, reservoirs, springs, intakes, roads...). Repeatable.", "SRC" },
      segments,
      { "segment-field", "Attribute of --segments holding the code (default: code).", "FIELD", "code" },
      { "grid", "Snap-rounding grid in metres (default: 0.001).", "METRES", "0.001" },
      { "min-area", "Pieces smaller than this are digitizing noise, not transfers (default: 0).", "M2", "0" },
      { "max-end-gap", "Refuse line versions whose corresponding ends are farther apart (default: 1000).", "METRES", "1000" },
      { "ellipsoid", "Ellipsoid for areas and lengths (default: EPSG:7030, WGS 84).", "ID", "EPSG:7030" },
      { "edges", "What a version's edge between two vertices is: geodesic (default), rhumb, projected (straight in the working CRS) "
        "or projected:EPSG:CODE (straight on that map projection). Edges are densified along it before the overlay.", "KIND", "geodesic" },
      { "workspace", "Take --old and --new as names of versions in this commission workspace.", "TARGET" },
    };
  }

  SegmentsOption segmentsOption( const QCommandLineParser &parser, bool codes )
  {
    SegmentsOption option;
    if ( !codes )
    {
      const QStringList values = parser.values( QStringLiteral( "segments" ) );
      if ( values.size() > 1 )
        throw Error( QStringLiteral( "--segments is given %1 times ('%2'); give it once" ).arg( values.size() ).arg( values.join( QLatin1String( "', '" ) ) ) );
      option.source = values.value( 0 );
      return option;
    }
    static const QStringList extensions{ QStringLiteral( "gpkg" ), QStringLiteral( "shp" ), QStringLiteral( "geojson" ), QStringLiteral( "json" ),
                                         QStringLiteral( "fgb" ), QStringLiteral( "sqlite" ), QStringLiteral( "gml" ), QStringLiteral( "kml" ),
                                         QStringLiteral( "csv" ), QStringLiteral( "tab" ), QStringLiteral( "mif" ), QStringLiteral( "gpx" ), QStringLiteral( "zip" ) };
    for ( const QString &value : parser.values( QStringLiteral( "segments" ) ) )
    {
      const QString v = value.trimmed();
      const bool source = QFileInfo::exists( v ) || v.contains( QLatin1Char( '|' ) ) || v.contains( QLatin1Char( '/' ) ) || v.contains( QLatin1Char( '\\' ) )
                          || v.startsWith( QLatin1String( "dbname=" ) ) || v.startsWith( QLatin1String( "PG:" ), Qt::CaseInsensitive )
                          || v.startsWith( QLatin1String( "service=" ) ) || extensions.contains( QFileInfo( v ).suffix().toLower() );
      if ( !source )
      {
        for ( const QString &code : v.split( QLatin1Char( ',' ), Qt::SkipEmptyParts ) )
          if ( !option.codes.contains( code.trimmed() ) )
            option.codes << code.trimmed();
      }
      else if ( !option.source.isEmpty() )
        throw Error( QStringLiteral( "--segments names two sources of segment lines ('%1' and '%2'): give one, and the codes to report as --segments CODE,…" )
                     .arg( option.source, v ) );
      else
        option.source = v;
    }
    return option;
  }

  void guardChangeInputs( const QCommandLineParser &parser, io::PathGuard &guard, bool segmentCodes )
  {
    if ( parser.isSet( QStringLiteral( "workspace" ) ) )
      guard.addInput( QStringLiteral( "--workspace" ), parser.value( QStringLiteral( "workspace" ) ) );
    else
      for ( const char *version : { "old", "new" } )
        guard.addSource( QStringLiteral( "--%1" ).arg( QLatin1String( version ) ), parser.value( QLatin1String( version ) ) );
    guard.addSource( QStringLiteral( "--segments" ), segmentsOption( parser, segmentCodes ).source );
    for ( const QString &water : parser.values( QStringLiteral( "water" ) ) )
      guard.addSource( QStringLiteral( "--water" ), water );
  }

  ChangeInputs openChangeInputs( const QCommandLineParser &parser, bool segmentCodes )
  {
    ChangeInputs in;
    in.request = requestFrom( parser );
    ChangeRequest &request = in.request;
    if ( parser.isSet( QStringLiteral( "workspace" ) ) )
    {
      // the versions come from the workspace, with the parties recorded for them
      in.workspace = openStore( parser.value( QStringLiteral( "workspace" ) ) );
      const LineVersion o = in.workspace->version( parser.value( QStringLiteral( "old" ) ) );
      const LineVersion n = in.workspace->version( parser.value( QStringLiteral( "new" ) ) );
      if ( o.leftParty != n.leftParty || o.rightParty != n.rightParty )
        throw Error( QStringLiteral( "versions '%1' and '%2' name different left and right parties" ).arg( o.name, n.name ), in.workspace->describe() );
      if ( ( !request.leftParty.isEmpty() && request.leftParty != o.leftParty ) || ( !request.rightParty.isEmpty() && request.rightParty != o.rightParty ) )
        throw Error( QStringLiteral( "--left/--right contradict the workspace (%1 left, %2 right)" ).arg( o.leftParty, o.rightParty ) );
      request.leftParty = o.leftParty;
      request.rightParty = o.rightParty;
      request.edges = versionsEdges( parser, o, n, request.edges, in.workspace->describe() );
      in.oldVersion = versionInput( *in.workspace, o );
      in.newVersion = versionInput( *in.workspace, n );
      in.oldRecord = o;
      in.newRecord = n;
      const LedgerHead head = in.workspace->head();
      request.workspace = in.workspace->describe();
      request.ledgerHead = QStringLiteral( "%1:%2" ).arg( head.entries ).arg( head.hash );
    }
    else
    {
      in.oldVersion = openLayer( parser.value( QStringLiteral( "old" ) ) );
      in.newVersion = openLayer( parser.value( QStringLiteral( "new" ) ) );
    }
    request.oldVersion = in.oldVersion.input;
    request.newVersion = in.newVersion.input;
    if ( const QString segments = segmentsOption( parser, segmentCodes ).source; !segments.isEmpty() )
    {
      in.segments = openLayer( segments );
      request.segments = in.segments.input;
    }
    for ( const QString &spec : parser.values( QStringLiteral( "water" ) ) )
      in.resources.push_back( openLayer( spec ) );
    for ( const OpenedLayer &r : in.resources )
      request.resources.push_back( r.input );
    return in;
  }
}
