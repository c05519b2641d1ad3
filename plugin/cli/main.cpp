// SPDX-License-Identifier: GPL-2.0-or-later
// `limes`: the Limes core, headless. The one place where errors become exit codes.
#include "command.h"
#include "error.h"
#include "qgiscompat.h"
#include "terminal.h"
#include "versioninfo.h"

#include <QMessageLogContext>
#include <QRegularExpression>
#include <QTextStream>

#include <qgsapplication.h>
#include <qgsexception.h>

#include <cpl_error.h>

#include <cstdio>
#include <cstdlib>

namespace
{
  QString globalHelp()
  {
    QString text = QStringLiteral(
                     "Usage: limes COMMAND [options] [arguments]\n"
                     "       limes --version | --help\n\n"
                     "Limes: boundary commission tools for QGIS, headless.\n\n"
                     "Commands:\n" );
    for ( const auto &command : limes::cli::commands() )
      text += QStringLiteral( "  %1 %2\n" ).arg( command->name(), -14 ).arg( command->summary() );
    text += QStringLiteral( "\n'limes COMMAND --help' describes a command's options.\n"
                            "Exit codes: 0 success, 1 findings reported (validate, verify), 2 bad input or usage.\n" );
    return text;
  }

  /**
   * Qt and QGIS chatter (QStandardPaths, provider debug output) would bury the one-line
   * error a user must act on; LIMES_VERBOSE=1 shows it again.
   */
  void quietMessages( QtMsgType type, const QMessageLogContext &, const QString &message )
  {
    static const bool verbose = !qEnvironmentVariableIsEmpty( "LIMES_VERBOSE" );
    if ( verbose || type == QtCriticalMsg || type == QtFatalMsg )
      fprintf( stderr, "%s\n", message.toLocal8Bit().constData() );
  }

  //! QGIS without a display: providers, PROJ database and processing registry, no GUI.
  class HeadlessQgis
  {
    public:
      HeadlessQgis( int &argc, char **argv )
      {
        qInstallMessageHandler( quietMessages );
        if ( qEnvironmentVariableIsEmpty( "QT_QPA_PLATFORM" ) )
          qputenv( "QT_QPA_PLATFORM", "offscreen" );
        // Our settings stay apart from the user's QGIS profile.
        QCoreApplication::setOrganizationName( QStringLiteral( "Limes" ) );
        QCoreApplication::setApplicationName( QStringLiteral( "limes" ) );
        mApp = std::make_unique<QgsApplication>( argc, argv, false );
      }
      ~HeadlessQgis()
      {
        if ( mInitialized )
          QgsApplication::exitQgis();
      }

      //! The built-in providers and the PROJ database: only for commands that run, not for --help.
      void init()
      {
        if ( qEnvironmentVariableIsEmpty( "QGIS_PREFIX_PATH" ) )
          QgsApplication::setPrefixPath( QStringLiteral( LIMES_QGIS_PREFIX ), true );
        limes::compat::initHeadless();
        mInitialized = true;
        // GDAL prints its own errors to stderr; ours say the same thing in one line
        if ( qEnvironmentVariableIsEmpty( "LIMES_VERBOSE" ) )
          CPLSetErrorHandler( CPLQuietErrorHandler );
      }

    private:
      std::unique_ptr<QgsApplication> mApp;
      bool mInitialized = false;
  };
}

int main( int argc, char **argv )
{
  QTextStream out( stdout );
  QTextStream err( stderr );
  const QString first = argc > 1 ? QString::fromLocal8Bit( argv[1] ) : QString();

  if ( first.isEmpty() || first == QLatin1String( "--help" ) || first == QLatin1String( "-h" ) || first == QLatin1String( "help" ) )
  {
    out << globalHelp();
    return first.isEmpty() ? 2 : 0;
  }
  if ( first == QLatin1String( "--version" ) || first == QLatin1String( "-v" ) )
  {
    out << limes::VersionInfo::current().toText() << '\n';
    return 0;
  }

  const limes::cli::Command *command = nullptr;
  for ( const auto &c : limes::cli::commands() )
    if ( c->name() == first )
      command = c.get();
  if ( !command )
  {
    err << QStringLiteral( "limes: unknown command '%1' (see limes --help)\n" ).arg( limes::cli::terminalSafe( first ) );
    return 2;
  }

  QStringList args;
  args << QStringLiteral( "limes %1" ).arg( command->name() );
  for ( int i = 2; i < argc; ++i )
    args << QString::fromLocal8Bit( argv[i] );

  int qtArgc = 1;
  HeadlessQgis qgis( qtArgc, argv );

  QCommandLineParser parser;
  parser.setApplicationDescription( command->summary() );
  parser.setSingleDashWordOptionMode( QCommandLineParser::ParseAsLongOptions );
  const QCommandLineOption help( { QStringLiteral( "h" ), QStringLiteral( "help" ) }, QStringLiteral( "Show this help." ) );
  parser.addOption( help );
  command->addOptions( parser );
  const QString prefix = QStringLiteral( "limes %1: " ).arg( command->name() );
  if ( !parser.parse( args ) )
  {
    err << prefix << limes::cli::terminalSafe( parser.errorText().simplified() ) << '\n';
    return 2;
  }
  const QString repeated = limes::cli::repeatedOption( parser, *command );
  if ( !repeated.isEmpty() )
  {
    err << prefix << limes::cli::terminalSafe( repeated ) << '\n';
    return 2;
  }
  if ( parser.isSet( help ) )
  {
    QString text = parser.helpText();
    text.replace( QRegularExpression( QStringLiteral( "^Usage: .*\\[options\\][^\\n]*" ) ),
                  QStringLiteral( "Usage: limes %1 [options] %2" ).arg( command->name(), command->synopsis() ) );
    out << text;
    return 0;
  }

  auto fail = [&]( const QString &message ) {
    out.flush();
    err << prefix << limes::cli::terminalSafe( message.simplified() ) << '\n';
    return 2;
  };
  try
  {
    qgis.init();
    const int rc = command->run( parser, out );
    out.flush();
    return rc;
  }
  // Every failure ends here as one line and exit code 2: nothing may abort the process.
  catch ( const limes::Error &e )
  {
    return fail( e.message() );
  }
  catch ( const QgsCsException &e )
  {
    return fail( QStringLiteral( "cannot transform coordinates: " ) + e.what() );
  }
  catch ( const QgsException &e )
  {
    return fail( e.what() );
  }
  catch ( const std::exception &e )
  {
    return fail( QStringLiteral( "internal error: " ) + QString::fromLocal8Bit( e.what() ) );
  }
  catch ( ... )
  {
    return fail( QStringLiteral( "internal error" ) );
  }
}
