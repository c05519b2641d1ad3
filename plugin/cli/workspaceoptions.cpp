// SPDX-License-Identifier: GPL-2.0-or-later
#include "workspaceoptions.h"
#include "error.h"
#include "layersource.h"

#include <QFile>

#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace limes::cli
{
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

  QString required( const QCommandLineParser &parser, const char *option )
  {
    if ( !parser.isSet( QLatin1String( option ) ) || parser.value( QLatin1String( option ) ).trimmed().isEmpty() )
      throw Error( QStringLiteral( "--%1 is required (see --help)" ).arg( QLatin1String( option ) ) );
    return parser.value( QLatin1String( option ) ).trimmed();
  }

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

  QgsCoordinateTransformContext transformContext()
  {
    // no project: PROJ's default operations plus any default datum transformations in the
    // settings, as `limes change` and a new QGIS project have them
    QgsCoordinateTransformContext context;
    context.readSettings();
    return context;
  }

  std::unique_ptr<WorkspaceStore> openStore( const QString &target )
  {
    return openWorkspace( target, transformContext() );
  }

  namespace
  {
    //! One line from the terminal, not echoed; empty when there is no terminal.
    QByteArray askTerminal( const QString &prompt )
    {
      if ( !isatty( STDIN_FILENO ) )
        return QByteArray();
      std::fprintf( stderr, "%s", prompt.toLocal8Bit().constData() );
      std::fflush( stderr );
      termios saved;
      const bool quiet = tcgetattr( STDIN_FILENO, &saved ) == 0;
      if ( quiet )
      {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>( ECHO );
        tcsetattr( STDIN_FILENO, TCSAFLUSH, &silent );
      }
      QByteArray line;
      for ( int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar() )
        line += static_cast<char>( c );
      if ( quiet )
        tcsetattr( STDIN_FILENO, TCSAFLUSH, &saved );
      std::fprintf( stderr, "\n" );
      return line;
    }
  }

  QList<QCommandLineOption> signingOptions()
  {
    return {
      { "key", "Your signing key file (default: $LIMES_KEY); limes key generate makes one.", "FILE" },
      { "passphrase-file", "The key's passphrase, the first line of FILE (default: $LIMES_KEY_PASSPHRASE, else asked).", "FILE" },
    };
  }

  QByteArray passphrase( const QCommandLineParser &parser, const QString &prompt, bool confirm )
  {
    if ( parser.isSet( QStringLiteral( "passphrase-file" ) ) )
    {
      QFile file( parser.value( QStringLiteral( "passphrase-file" ) ) );
      if ( !file.open( QIODevice::ReadOnly ) )
        throw Error( QStringLiteral( "cannot read the passphrase: %1" ).arg( file.errorString() ), file.fileName() );
      QByteArray line = file.readLine();
      while ( line.endsWith( '\n' ) || line.endsWith( '\r' ) )
        line.chop( 1 );
      if ( line.isEmpty() )
        throw Error( QStringLiteral( "the passphrase file's first line is empty" ), file.fileName() );
      return line;
    }
    if ( !qEnvironmentVariableIsEmpty( "LIMES_KEY_PASSPHRASE" ) )
      return qgetenv( "LIMES_KEY_PASSPHRASE" );
    const QByteArray typed = askTerminal( prompt );
    if ( typed.isEmpty() )
      throw Error( QStringLiteral( "no passphrase: give --passphrase-file FILE, set LIMES_KEY_PASSPHRASE, or type it on a terminal" ) );
    if ( confirm && askTerminal( QStringLiteral( "The same passphrase again: " ) ) != typed )
      throw Error( QStringLiteral( "the two passphrases differ" ) );
    return typed;
  }

  crypto::SigningKey signingKey( const QCommandLineParser &parser, const char *option )
  {
    QString path = parser.value( QLatin1String( option ) );
    if ( path.isEmpty() && qstrcmp( option, "key" ) == 0 )
      path = qEnvironmentVariable( "LIMES_KEY" );
    if ( path.isEmpty() )
      throw Error( QStringLiteral( "recording needs your signing key: make one with `limes key generate --out FILE`, register it with "
                                   "`limes workspace register-key WORKSPACE --party PARTY --key FILE`, then give --key FILE (or set LIMES_KEY)" ) );
    return crypto::SigningKey::load( path, passphrase( parser, QStringLiteral( "Passphrase of %1: " ).arg( path ) ) );
  }
}
