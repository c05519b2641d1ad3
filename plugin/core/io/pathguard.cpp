// SPDX-License-Identifier: GPL-2.0-or-later
#include "io/pathguard.h"
#include "error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace limes::io
{
  QString fileIdentity( const QString &path )
  {
    struct stat st;
    // stat follows symlinks; device and inode see through hard links as well
    if ( ::stat( QFile::encodeName( path ).constData(), &st ) == 0 )
      return QStringLiteral( "inode:%1:%2" ).arg( static_cast<qulonglong>( st.st_dev ) ).arg( static_cast<qulonglong>( st.st_ino ) );
    const QFileInfo info( path );
    const QString directory = QFileInfo( info.absolutePath() ).canonicalFilePath();
    return QStringLiteral( "path:" ) + QDir( directory.isEmpty() ? QDir::cleanPath( info.absolutePath() ) : directory ).filePath( info.fileName() );
  }

  void PathGuard::addInput( const QString &what, const QString &path )
  {
    if ( !path.trimmed().isEmpty() )
      mEntries << Entry{ what, path, false, QString() };
  }

  void PathGuard::addSource( const QString &what, const QString &spec )
  {
    addInput( what, spec.section( QLatin1Char( '|' ), 0, 0 ).trimmed() );
  }

  void PathGuard::addOutput( const QString &what, const QString &path, const QString &layer )
  {
    if ( !path.trimmed().isEmpty() )
      mEntries << Entry{ what, path, true, layer };
  }

  void PathGuard::check() const
  {
    QList<QString> identities;
    for ( const Entry &e : mEntries )
      identities << fileIdentity( e.path );
    for ( int i = 0; i < mEntries.size(); ++i )
    {
      const Entry &out = mEntries.at( i );
      if ( !out.output )
        continue;
      // an input anywhere in the list, or an output named before this one
      for ( int j = 0; j < mEntries.size(); ++j )
      {
        const Entry &other = mEntries.at( j );
        if ( j == i || identities.at( j ) != identities.at( i ) || ( other.output && j > i ) )
          continue;
        // two layers of one GeoPackage, each written by its own output
        if ( other.output && !out.layer.isEmpty() && !other.layer.isEmpty() && out.layer != other.layer )
          continue;
        if ( other.output )
          throw Error( QStringLiteral( "%1 and %2 are the same file; give each output a file of its own" ).arg( other.what, out.what ), out.path );
        throw Error( QStringLiteral( "%1 is the same file as the %2 input; an output never overwrites an input" ).arg( out.what, other.what ), out.path );
      }
    }
  }
}
