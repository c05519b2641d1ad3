// SPDX-License-Identifier: GPL-2.0-or-later
#include "changecommand.h"
#include "changeinputs.h"
#include "atomicoutput.h"
#include "change/changeengine.h"
#include "change/changeoutput.h"
#include "error.h"
#include "io/pathguard.h"
#include "terminal.h"
#include "workspaceoptions.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <qgsvectorlayer.h>

namespace limes::cli
{
  namespace
  {
    QString area( double m2 )
    {
      return QStringLiteral( "%1 m² (%2 ha)" ).arg( m2, 0, 'f', 1 ).arg( m2 / 10000.0, 0, 'f', 4 );
    }

    //! The table a cartographer reads first: land per direction, net change, segments, resources, notes.
    void printTable( QTextStream &out, const ChangeRequest &request, const ChangeResult &result )
    {
      const QJsonObject s = changeSummary( result );
      // names, codes and notes come from the data: shown escaped, never as terminal controls
      auto text = []( const QJsonValue &v, const char *key ) { return terminalSafe( v[QLatin1String( key )].toString() ); };
      out << QStringLiteral( "Limes change: %1 -> %2 (%3; working CRS %4; areas on %5)\n" )
          .arg( terminalSafe( request.oldVersion.name ), terminalSafe( request.newVersion.name ), result.mode, result.workingCrs.authid(), terminalSafe( result.ellipsoid ) );
      out << "\nLand that changes sides\n";
      out << QStringLiteral( "  %1 %2 %3  %4\n" ).arg( "from", -6 ).arg( "to", -6 ).arg( "parts", 6 ).arg( "area" );
      for ( const QJsonValue &t : s[QStringLiteral( "transfers" )].toArray() )
        out << QStringLiteral( "  %1 %2 %3  %4\n" ).arg( text( t, "from" ), -6 ).arg( text( t, "to" ), -6 )
            .arg( t[QStringLiteral( "parts" )].toInt(), 6 ).arg( area( t[QStringLiteral( "area_m2" )].toDouble() ) );
      if ( s[QStringLiteral( "transfers" )].toArray().isEmpty() )
        out << "  none: the versions enclose no land between them\n";
      out << "\nNet change per party\n";
      for ( const QJsonValue &n : s[QStringLiteral( "net" )].toArray() )
        out << QStringLiteral( "  %1 %2\n" ).arg( text( n, "party" ), -6 ).arg( area( n[QStringLiteral( "net_m2" )].toDouble() ) );
      if ( !request.segments.name.isEmpty() )
      {
        out << "\nBy segment\n";
        for ( const QJsonValue &g : s[QStringLiteral( "segments" )].toArray() )
          out << QStringLiteral( "  %1 %2 -> %3 %4 parts  %5\n" ).arg( text( g, "code" ), -8 ).arg( text( g, "from" ) )
              .arg( text( g, "to" ), -4 ).arg( g[QStringLiteral( "parts" )].toInt(), 3 ).arg( area( g[QStringLiteral( "area_m2" )].toDouble() ) );
      }
      if ( !request.resources.empty() )
      {
        out << "\nWater and other resources that change sides\n";
        const QJsonArray water = s[QStringLiteral( "water" )].toArray();
        for ( const QJsonValue &w : water )
        {
          QString amount;
          if ( w[QStringLiteral( "geometry" )].toString() == QLatin1String( "line" ) )
            amount = QStringLiteral( "%1 m" ).arg( w[QStringLiteral( "length_m" )].toDouble(), 0, 'f', 1 );
          else if ( w[QStringLiteral( "geometry" )].toString() == QLatin1String( "polygon" ) )
            amount = area( w[QStringLiteral( "area_m2" )].toDouble() );
          out << QStringLiteral( "  %1 %2 -> %3 %4 features  %5\n" ).arg( text( w, "layer" ), -24 ).arg( text( w, "from" ) )
              .arg( text( w, "to" ), -4 ).arg( w[QStringLiteral( "count" )].toInt(), 4 ).arg( amount );
        }
        if ( water.isEmpty() )
          out << "  none\n";
        for ( const QJsonValue &c : s[QStringLiteral( "crossings" )].toArray() )
          out << QStringLiteral( "  %1 feature %2: the boundary crosses it %3 times, was %4\n" ).arg( text( c, "layer" ) )
              .arg( static_cast<qint64>( c[QStringLiteral( "fid" )].toDouble() ) ).arg( c[QStringLiteral( "new" )].toInt() ).arg( c[QStringLiteral( "old" )].toInt() );
      }
      const QJsonObject noise = s[QStringLiteral( "noise" )].toObject();
      if ( noise[QStringLiteral( "parts" )].toInt() > 0 )
        out << QStringLiteral( "\nDigitizing noise: %1 pieces below %2 m², %3 in all (layer noise)\n" )
            .arg( noise[QStringLiteral( "parts" )].toInt() ).arg( result.minAreaM2 ).arg( area( noise[QStringLiteral( "area_m2" )].toDouble() ) );
      for ( const QString &w : result.warnings )
        out << QStringLiteral( "note: %1\n" ).arg( terminalSafe( w ) );
    }

    //! No output may name an input (a version, a layer, the workspace) or the other output.
    void checkPaths( const QCommandLineParser &parser )
    {
      io::PathGuard guard;
      guardChangeInputs( parser, guard );
      guard.addOutput( QStringLiteral( "--output" ), parser.value( QStringLiteral( "output" ) ) );
      guard.addOutput( QStringLiteral( "--summary" ), parser.value( QStringLiteral( "summary" ) ) );
      guard.check();
    }
  }

  QString ChangeCommand::summary() const
  {
    return QStringLiteral( "Land, water and other resources that change sides between two versions of a boundary" );
  }

  void ChangeCommand::addOptions( QCommandLineParser &parser ) const
  {
    parser.addOptions( changeInputOptions() );
    parser.addOptions( {
      { "output", "GeoPackage to write: layers transfers, resource_changes, noise, end_connectors.", "OUT.gpkg" },
      { "summary", "JSON summary to write (deterministic).", "OUT.json" },
      { "store", "With --workspace: keep the summary in the workspace against the two versions." },
      { "author", "With --store: who runs it (default: $LIMES_AUTHOR, else the login name).", "NAME" },
    } );
    parser.addOptions( signingOptions() ); // --store records a signed ledger entry
  }

  int ChangeCommand::run( const QCommandLineParser &parser, QTextStream &out ) const
  {
    positional( parser, 0, 0 );
    for ( const char *required : { "old", "new", "output" } )
      if ( !parser.isSet( QLatin1String( required ) ) )
        throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( required ) ) );
    const QString output = parser.value( QStringLiteral( "output" ) );
    if ( QFileInfo( output ).suffix().compare( QLatin1String( "gpkg" ), Qt::CaseInsensitive ) != 0 )
      throw Error( QStringLiteral( "--output must be a .gpkg file" ), output );
    if ( parser.isSet( QStringLiteral( "store" ) ) && !parser.isSet( QStringLiteral( "workspace" ) ) )
      throw Error( QStringLiteral( "--store needs --workspace" ) );
    checkPaths( parser );

    // Open everything before computing anything: bad input fails fast and writes nothing.
    ChangeInputs inputs = openChangeInputs( parser );
    const ChangeRequest &request = inputs.request;
    WorkspaceStore *workspace = inputs.workspace.get();

    // the GeoPackage and the summary are replaced together, or neither is
    AtomicOutputs outputs;
    outputs.add( output );
    const QString summary = parser.value( QStringLiteral( "summary" ) );
    if ( !summary.isEmpty() )
      outputs.add( summary );

    const ChangeResult result = ChangeEngine::run( request );
    outputs.produce( output, [&]( const QString &path ) { writeChangeGeoPackage( result, path ); } );
    if ( !summary.isEmpty() )
      outputs.write( summary, changeSummaryJson( result ) );
    outputs.commit();
    if ( parser.isSet( QStringLiteral( "store" ) ) )
    {
      try
      {
        workspace->storeChange( parser.value( QStringLiteral( "old" ) ), parser.value( QStringLiteral( "new" ) ), changeSummaryJson( result ), author( parser ), signingKey( parser ) );
      }
      catch ( ... )
      {
        outputs.restore(); // a run is written whole, or not at all
        throw;
      }
    }

    printTable( out, request, result );
    out << QStringLiteral( "\nWrote %1 (transfers, resource_changes, noise, end_connectors)" ).arg( terminalSafe( output ) );
    if ( !summary.isEmpty() )
      out << QStringLiteral( " and %1" ).arg( terminalSafe( summary ) );
    out << '\n';
    if ( !request.ledgerHead.isEmpty() ) // for the protocol: what record these numbers were computed from
      out << QStringLiteral( "Versions read from %1 at ledger head %2\n" ).arg( terminalSafe( request.workspace ), request.ledgerHead );
    return 0;
  }
}
