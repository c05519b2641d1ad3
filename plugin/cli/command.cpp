// SPDX-License-Identifier: GPL-2.0-or-later
#include "command.h"
#include "changecommand.h"
#include "error.h"
#include "infocommand.h"
#include "keycommand.h"
#include "layersource.h"
#include "reportcommand.h"
#include "validatecommand.h"
#include "workspacecommand.h"

#include <cmath>

namespace limes::cli
{
  const std::vector<std::unique_ptr<Command>> &commands()
  {
    static const std::vector<std::unique_ptr<Command>> all = [] {
      std::vector<std::unique_ptr<Command>> list;
      list.push_back( std::make_unique<ChangeCommand>() );
      list.push_back( std::make_unique<InfoCommand>() );
      list.push_back( std::make_unique<KeyCommand>() );
      list.push_back( std::make_unique<LedgerCommand>() );
      list.push_back( std::make_unique<ReportCommand>() );
      list.push_back( std::make_unique<ValidateCommand>() );
      list.push_back( std::make_unique<WorkspaceCommand>() );
      return list;
    }();
    return all;
  }

  double number( const QCommandLineParser &parser, const QString &option, double fallback, double min, double max )
  {
    if ( !parser.isSet( option ) )
      return fallback;
    bool ok = false;
    const double v = parser.value( option ).toDouble( &ok );
    if ( !ok || !std::isfinite( v ) )
      throw Error( QStringLiteral( "--%1: not a number: '%2'" ).arg( option, parser.value( option ) ) );
    if ( v < min )
      throw Error( QStringLiteral( "--%1: must be at least %2 (got %3)" ).arg( option ).arg( min ).arg( v ) );
    if ( v > max )
      throw Error( QStringLiteral( "--%1: must be at most %2 (got %3)" ).arg( option ).arg( max ).arg( v ) );
    return v;
  }

  bool isRepeatable( const QString &option )
  {
    static const QStringList repeatable{ QStringLiteral( "water" ), QStringLiteral( "resource" ), QStringLiteral( "position" ),
                                         QStringLiteral( "signatory" ), QStringLiteral( "attachment" ), QStringLiteral( "party" ),
                                         QStringLiteral( "trust" ) };
    return repeatable.contains( option );
  }

  QString repeatedOption( const QCommandLineParser &parser, const Command &command )
  {
    QStringList checked;
    const QStringList own = command.repeatableOptions();
    for ( const QString &name : parser.optionNames() )
    {
      if ( checked.contains( name ) || isRepeatable( name ) || own.contains( name ) )
        continue;
      checked << name;
      // values() holds one entry per time a valued option was given (flags have none)
      const QStringList values = parser.values( name );
      if ( values.size() > 1 )
        return QStringLiteral( "--%1 is given %2 times ('%3'); give it once" ).arg( name ).arg( values.size() ).arg( values.join( QLatin1String( "', '" ) ) );
    }
    return QString();
  }

  OpenedLayer openLayer( const QString &spec )
  {
    const LayerSource source( spec );
    OpenedLayer o;
    o.layer = source.open();
    o.input = InputLayer{ o.layer.get(), source.displayName(), spec, source.path() };
    return o;
  }

  QStringList positional( const QCommandLineParser &parser, int min, int max )
  {
    const QStringList args = parser.positionalArguments();
    if ( args.size() < min )
      throw Error( QStringLiteral( "missing argument (see --help)" ) );
    if ( max >= 0 && args.size() > max )
      throw Error( QStringLiteral( "unexpected argument '%1' (see --help)" ).arg( args.at( max ) ) );
    return args;
  }
}
