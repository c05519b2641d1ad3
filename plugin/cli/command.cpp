#include "command.h"
#include "error.h"
#include "changecommand.h"
#include "infocommand.h"
#include "validatecommand.h"
#include "workspacecommand.h"

namespace limes::cli
{
  const std::vector<std::unique_ptr<Command>> &commands()
  {
    static const std::vector<std::unique_ptr<Command>> all = [] {
      std::vector<std::unique_ptr<Command>> list;
      list.push_back( std::make_unique<ChangeCommand>() );
      list.push_back( std::make_unique<InfoCommand>() );
      list.push_back( std::make_unique<LedgerCommand>() );
      list.push_back( std::make_unique<ValidateCommand>() );
      list.push_back( std::make_unique<WorkspaceCommand>() );
      return list;
    }();
    return all;
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
